#pragma once
// Interpolating curves between two keys for positions and rotations: linear
// (LERP / SLERP) and cubic Hermite with given end velocities.
//
// A rotational Hermite curve is built as an offset from the SLERP between
// its keys: q(u) = slerp(q0, q1, u) * exp(r(u)), where r is a cubic in the
// tangent space with r(0) = r(1) = 0 whose end slopes make up the difference
// between the wanted angular velocities and the SLERP's constant one. With
// end velocities that match the SLERP it is the SLERP, so a poor velocity
// estimate degrades towards the baseline instead of away from it, and no
// chart singularity is met unless a key velocity differs from the SLERP's by
// half a turn over the span.

#include <Eigen/Geometry>

namespace mm {

// u in [0, 1]. The shorter arc is taken (q1 is sign-aligned with q0).
Eigen::Quaterniond slerpRotation(const Eigen::Quaterniond& q0, const Eigen::Quaterniond& q1, double u);

// Cubic Hermite from p0 (u = 0) to p1 (u = 1) over `seconds` (> 0), with
// velocities v0 and v1 in units per second. Reproduces any cubic polynomial
// of time given its exact end velocities.
Eigen::Vector3d hermitePosition(const Eigen::Vector3d& p0, const Eigen::Vector3d& v0, const Eigen::Vector3d& p1,
                                const Eigen::Vector3d& v1, double seconds, double u);

// Rotational Hermite (see the top of this file) from q0 to q1 over `seconds`
// (> 0). w0 and w1 are body-frame angular velocities in rad/s (the
// derivative of log(q0^-1 q(t)) at q0, of log(q1^-1 q(t)) at q1). Keeps a
// rotation at constant angular velocity exactly.
Eigen::Quaterniond hermiteRotation(const Eigen::Quaterniond& q0, const Eigen::Vector3d& w0,
                                   const Eigen::Quaterniond& q1, const Eigen::Vector3d& w1, double seconds, double u);

}  // namespace mm
