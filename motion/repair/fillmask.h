#pragma once
// Which (frame, joint) samples a gap fill must replace: true = unknown, to be
// filled; false = known, kept and used as context. A joint's sample covers
// its local rotation and, if it has one, its translation track (the clip's
// validity mask has the same granularity).

#include "motion/repair/framerange.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mm {

class Clip;

class FillMask {
 public:
  FillMask() = default;
  // `frames` x `joints` samples (both >= 0), none to fill.
  FillMask(int frames, int joints);
  // The clip's missing samples (Clip::isValid false).
  static FillMask fromMissing(const Clip& clip);

  int frameCount() const { return mFrames; }
  int jointCount() const { return mJoints; }
  // `frame` and `joint` in range.
  bool at(int frame, int joint) const { return mFill[index(frame, joint)] != 0; }
  void set(int frame, int joint, bool fill = true) { mFill[index(frame, joint)] = fill ? 1 : 0; }
  // Marks `joints` over `range`. False, and nothing marked, if the range is
  // empty or not inside the mask or a joint index is out of range.
  bool mark(FrameRange range, const std::vector<int>& joints);
  // Number of samples to fill.
  int count() const;

 private:
  std::size_t index(int frame, int joint) const { return static_cast<std::size_t>(frame) * mJoints + joint; }

  int mFrames = 0;
  int mJoints = 0;
  std::vector<std::uint8_t> mFill;  // frame-major, like Clip
};

}  // namespace mm
