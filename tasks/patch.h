#pragma once
// A patch: a sparse frames x joints replacement of a clip's values, with the
// values before and after. One patch is at once the proposal a person
// reviews, the ghost the viewport draws, the change curve the timeline shows
// and the undo payload: apply() writes "after", revert() writes "before",
// both bit for bit, touching only the patch's blocks.

#include "motion/repair/framerange.h"

#include <Eigen/Geometry>

#include <memory>
#include <string>
#include <vector>

namespace mm {

class Clip;

// Frames [start, end) x a sorted set of joints.
struct PatchBlock {
  int start = 0;
  int end = 0;
  std::vector<int> joints;        // sorted joint indices
  std::vector<int> trackJoints;   // those of `joints` with a translation track
  // Frame-major: (end - start) x joints.size() / x trackJoints.size().
  std::vector<Eigen::Quaterniond> rotBefore, rotAfter;
  std::vector<Eigen::Vector3d> trBefore, trAfter;
  std::vector<unsigned char> validBefore, validAfter;
  // Largest global displacement of any joint per frame, millimetres.
  std::vector<float> changeMm;

  int frames() const { return end - start; }
};

class Patch {
 public:
  Patch() = default;
  // What changed between `before` and `after` (same skeleton and frame
  // count) over `ranges`: runs of frames where any value differs in its
  // bits (merged across gaps of up to `mergeGap` frames), each with the
  // joints that differ in it. Global displacements come from forward
  // kinematics of the blocks only.
  static Patch diff(const Clip& before, const Clip& after, std::vector<FrameRange> ranges, int mergeGap = 4);
  // As diff over every frame.
  static Patch diffAll(const Clip& before, const Clip& after, int mergeGap = 4);

  bool empty() const { return blocks().empty(); }
  const std::vector<PatchBlock>& blocks() const;
  // Frames from the first block's start to the last block's end.
  FrameRange bounds() const;
  // Every joint of any block, sorted.
  std::vector<int> joints() const;
  // Number of (frame, joint) samples the patch replaces.
  long long sampleCount() const;
  double maxChangeMm() const;

  // Writes the "after" / "before" values into `clip` (which must have the
  // skeleton and at least the frames the patch was made for).
  void apply(Clip& clip) const;
  void revert(Clip& clip) const;
  // False (with a reason) if the patch cannot apply to `clip`.
  bool fits(const Clip& clip, std::string* why = nullptr) const;

  // The same patch moved by `offset` frames (patches computed on a window
  // of a take are moved back to the take's frames).
  Patch shifted(int offset) const;
  // Appends another patch's blocks (they must not overlap this one's).
  void append(const Patch& other);

 private:
  explicit Patch(std::vector<PatchBlock> blocks);
  // Sorted by start, disjoint. Immutable once made and shared between
  // copies: a proposal, its ghost and its undo command hold one patch, and
  // thousands of proposals reach the GUI thread without copying samples.
  std::shared_ptr<const std::vector<PatchBlock>> mBlocks;
};

}  // namespace mm
