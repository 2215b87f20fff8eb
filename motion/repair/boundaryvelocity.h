#pragma once
// Velocities at the edge of a gap, estimated from the known frames next to
// it: a least-squares polynomial fitted over a short window of context and
// differentiated at the edge. A fit over several frames is far less noisy
// than a finite difference and, with degree d, exact for polynomials up to d.

#include <Eigen/Core>

namespace mm {

class Clip;
class FillMask;

struct VelocityFit {
  // Known motion used, in seconds (at least two frames are read where known).
  double contextSeconds = 0.1;
  // Polynomial degree, 1..3; lowered when fewer frames are known.
  int degree = 2;
};

// Translation velocity (file units per second) of `joint`'s track at frame
// `edge`, from the run of frames edge, edge + side, edge + 2 side, ... (side
// -1: before, +1: after) that are inside the clip and not marked in `mask`.
// Zero if only the edge frame is known. `joint` must have a track; `edge`
// must be known.
Eigen::Vector3d trackVelocity(const Clip& clip, const FillMask& mask, int joint, int edge, int side,
                              const VelocityFit& fit);

// Body-frame angular velocity (rad/s) of `joint`'s local rotation at `edge`:
// the derivative of log(q(edge)^-1 q(t)), read from the same frames.
Eigen::Vector3d angularVelocity(const Clip& clip, const FillMask& mask, int joint, int edge, int side,
                                const VelocityFit& fit);

}  // namespace mm
