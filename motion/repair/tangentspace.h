#pragma once
// The exponential and logarithm maps between unit quaternions and rotation
// vectors (axis times angle, radians), the chart the repair operators use to
// interpolate and differentiate rotations near a reference rotation.

#include <Eigen/Geometry>

namespace mm {

// Rotation vector of `q` (unit): the shorter of q and -q is used, so the
// angle is in [0, pi]. Accurate for tiny angles. Near pi the chart wraps
// (a rotation by pi - e and one by pi + e about the same axis map to opposite
// vectors), so take logs of relative rotations that stay well below pi.
Eigen::Vector3d quatLog(const Eigen::Quaterniond& q);

// Unit quaternion of a rotation vector (any length; w >= 0 for angles <= pi).
Eigen::Quaterniond quatExp(const Eigen::Vector3d& rotationVector);

}  // namespace mm
