#pragma once
// Small pieces of the BVH format shared by the reader, the writer and tests.

#include "motion/rotations.h"
#include "motion/skeleton.h"

#include <vector>

namespace mm {

// True if angles (degrees, order's sequence) are the principal solution:
// middle in [-90, 90], the others in [-180, 180].
bool isPrincipalEuler(double a0, double a1, double a2);

// Frames per second from a "Frame Time:" value; rates within 1e-4 (relative)
// of a whole number are snapped to it (0.0333333 s -> 30 fps, not 30.00003).
double fpsFromFrameTime(double seconds);

// Turns a joint's quaternions, frame after frame, into the rotation channel
// values (degrees) of its layout, each frame's angles chosen closest to the
// previous frame's so curves stay continuous (no +-360 or Euler-flip jumps).
class BvhRotationWriter {
 public:
  BvhRotationWriter() = default;
  // `style` (from the reader) selects principal angles per frame, or a
  // continuous curve starting from the source's first-frame angles.
  BvhRotationWriter(const std::vector<Channel>& layout, const EulerStyle& style);
  // Writes one angle per rotation channel, in layout order.
  void next(const Eigen::Quaterniond& q, double* degrees);

 private:
  int mCount = 0;    // rotation channels in the layout (0..3 used)
  int mAxes[3] = {0, 1, 2};
  EulerOrder mOrder = EulerOrder::ZXY;  // full order used to decompose (missing axes appended)
  Eigen::Vector3d mPrevious = Eigen::Vector3d::Zero();
  bool mHasPrevious = false;
  bool mWrapped = false;
};

}  // namespace mm
