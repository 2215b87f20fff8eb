#include "motion/repair/fillmask.h"

#include "motion/clip.h"

#include <algorithm>

namespace mm {

FillMask::FillMask(int frames, int joints)
    : mFrames(std::max(0, frames)), mJoints(std::max(0, joints)), mFill(static_cast<size_t>(mFrames) * mJoints, 0) {}

FillMask FillMask::fromMissing(const Clip& clip) {
  FillMask m(clip.frameCount(), clip.jointCount());
  if (!clip.hasMissing()) return m;
  for (int f = 0; f < m.mFrames; ++f)
    for (int j = 0; j < m.mJoints; ++j)
      if (!clip.isValid(f, j)) m.set(f, j);
  return m;
}

bool FillMask::mark(FrameRange range, const std::vector<int>& joints) {
  if (!range.isInside(mFrames)) return false;
  for (int j : joints)
    if (j < 0 || j >= mJoints) return false;
  for (int f = range.start; f < range.end; ++f)
    for (int j : joints) set(f, j);
  return true;
}

int FillMask::count() const { return static_cast<int>(std::count(mFill.begin(), mFill.end(), 1)); }

}  // namespace mm
