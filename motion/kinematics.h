#pragma once
// Batched forward kinematics. Output is structure-of-arrays, joint-major
// (value of joint j at frame f at [j * frames + f]) so per-joint time series,
// which the quality detectors scan, are contiguous.

#include "motion/clip.h"

#include <vector>

namespace mm {

struct GlobalPoses {
  int frames = 0;
  int joints = 0;
  // Row of each joint in the arrays below; empty when every joint has one
  // (row = joint), else -1 for joints that were not computed.
  std::vector<int> rowOf;
  // Global positions in file units.
  std::vector<double> px, py, pz;
  // Global rotations (unit quaternions).
  std::vector<double> qw, qx, qy, qz;

  // All joints (rowOf cleared).
  void resize(int frameCount, int jointCount);
  // Whether `joint` was computed (always, unless the job asked for a subset).
  bool has(int joint) const { return rowOf.empty() || rowOf[joint] >= 0; }
  size_t index(int frame, int joint) const {
    return static_cast<size_t>(rowOf.empty() ? joint : rowOf[joint]) * frames + frame;
  }
  Eigen::Vector3d position(int frame, int joint) const {
    const size_t i = index(frame, joint);
    return {px[i], py[i], pz[i]};
  }
  Eigen::Quaterniond rotation(int frame, int joint) const {
    const size_t i = index(frame, joint);
    return {qw[i], qx[i], qy[i], qz[i]};
  }
};

// Job: global poses of frames [begin, end) of `clip` into `output`, whose
// frame f holds clip frame begin + f. Reentrant; `output` is resized (its
// capacity reused across runs). Invalid (missing) joints are still computed
// from whatever values the clip holds.
struct ForwardKinematicsJob {
  const Clip* clip = nullptr;
  int begin = 0;
  int end = -1;  // -1: to the last frame
  GlobalPoses* output = nullptr;
  // Optional: only these joints and their ancestors are computed (the quality
  // analysis needs the feet, not the fingers); nullptr: all joints.
  const std::vector<int>* joints = nullptr;

  bool validate() const;  // clip and output set, 0 <= begin <= end <= frames
  bool run() const;       // false (and no output) if validate() fails

  // The same in steps, for callers that sweep the clip in frame blocks
  // themselves and want one pass over its memory: prepare() sizes the output
  // (false if validate() fails), then computeFrames(b0, b1) fills output
  // frames [b0, b1); blocks must come in increasing order and cover them all.
  static constexpr int kFrameBlock = 128;
  bool prepare() const;
  void computeFrames(int b0, int b1) const;
};

// Convenience: all frames.
GlobalPoses computeGlobalPoses(const Clip& clip);

}  // namespace mm
