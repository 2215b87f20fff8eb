#pragma once
// The pose a proposal gives one frame: the clip's values at that frame with
// the patch's "after" values over the joints its block covers there, as a
// one-frame clip that forward kinematics can read. Only the shown frame is
// built (a few microseconds for 60 joints); nothing is cached per frame.

#include "motion/clip.h"

namespace mm {
class Patch;
}

namespace mm::viewport {

class ProposalPose {
 public:
  // Fills the pose of `frame` of `clip` with `patch` applied. False (and the
  // pose is left as it was) when no block of the patch covers `frame`, or
  // the patch does not fit the clip.
  bool build(const Clip& clip, const Patch& patch, int frame);
  // A one-frame clip (same skeleton as the clip given to build).
  const Clip& pose() const { return mPose; }
  // Forgets the skeleton: call when the clip is replaced by another one.
  void reset() { mPose = Clip(); }

 private:
  Clip mPose;
};

}  // namespace mm::viewport
