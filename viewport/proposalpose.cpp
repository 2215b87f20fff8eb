#include "viewport/proposalpose.h"

#include "tasks/patch.h"

namespace mm::viewport {

bool ProposalPose::build(const Clip& clip, const Patch& patch, int frame) {
  if (frame < 0 || frame >= clip.frameCount()) return false;
  const PatchBlock* block = nullptr;
  for (const PatchBlock& b : patch.blocks()) {
    if (frame >= b.start && frame < b.end) {
      block = &b;
      break;
    }
  }
  if (!block) return false;
  const int joints = clip.jointCount();
  for (int j : block->joints)
    if (j < 0 || j >= joints) return false;
  for (int j : block->trackJoints)
    if (!clip.hasTrack(j)) return false;

  // Reuse the one-frame clip (every frame of a playback or a scrub); the
  // owner calls reset() when the skeleton changes.
  if (mPose.frameCount() != 1 || mPose.jointCount() != joints || mPose.trackCount() != clip.trackCount()) {
    mPose = Clip(clip.skeleton(), 1, clip.fps());
  }
  for (int j = 0; j < joints; ++j) {
    mPose.rotation(0, j) = clip.rotation(frame, j);
    if (clip.hasTrack(j)) mPose.translation(0, j) = clip.translation(frame, j);
  }
  if (clip.hasMissing() || mPose.hasMissing())
    for (int j = 0; j < joints; ++j) mPose.setValid(0, j, clip.isValid(frame, j));

  const size_t row = static_cast<size_t>(frame - block->start);
  const size_t n = block->joints.size(), nt = block->trackJoints.size();
  for (size_t k = 0; k < n; ++k) {
    const int j = block->joints[k];
    mPose.rotation(0, j) = block->rotAfter[row * n + k];
    if (!block->validAfter.empty()) mPose.setValid(0, j, block->validAfter[row * n + k] != 0);
  }
  for (size_t k = 0; k < nt; ++k) mPose.translation(0, block->trackJoints[k]) = block->trAfter[row * nt + k];
  return true;
}

}  // namespace mm::viewport
