#pragma once
// Editable motion data: a skeleton and, per frame, local joint rotations,
// local translations for joints that have a translation track (always the
// root, plus joints whose source file animates position channels), and a
// validity mask for missing data. Global poses, quality reports and model
// features are caches derived from it.
//
// Storage is frame-major: rotation(f, j) lives at rotations()[f * jointCount() + j].

#include "motion/largebufferallocator.h"
#include "motion/skeleton.h"

#include <Eigen/Geometry>
#include <cstdint>
#include <string>
#include <vector>

namespace mm {

using QuaternionBuffer = std::vector<Eigen::Quaterniond, LargeBufferAllocator<Eigen::Quaterniond>>;
using Vector3Buffer = std::vector<Eigen::Vector3d, LargeBufferAllocator<Eigen::Vector3d>>;

class Clip {
 public:
  Clip() = default;
  // `frames` frames of the rest pose (identity rotations, offsets as
  // translations). Joint 0 and every joint with position channels get a track.
  Clip(Skeleton skeleton, int frames, double fps);

  const Skeleton& skeleton() const { return mSkeleton; }
  // Renaming joints or changing channel layouts is safe; adding joints is not.
  Skeleton& skeleton() { return mSkeleton; }
  int frameCount() const { return mFrames; }
  int jointCount() const { return mSkeleton.jointCount(); }
  // Frames per second (> 0).
  double fps() const { return mFps; }
  void setFps(double fps) { mFps = fps; }
  // Seconds from the first to one past the last frame: frames / fps.
  double duration() const { return mFps > 0 ? mFrames / mFps : 0.0; }

  // Local rotation of a joint relative to its parent (unit quaternion).
  Eigen::Quaterniond& rotation(int frame, int joint) { return mRotations[index(frame, joint)]; }
  const Eigen::Quaterniond& rotation(int frame, int joint) const { return mRotations[index(frame, joint)]; }
  const QuaternionBuffer& rotations() const { return mRotations; }
  QuaternionBuffer& rotations() { return mRotations; }

  // Translation tracks (file units, in the parent's frame; they replace the
  // skeleton offset of their joint).
  bool hasTrack(int joint) const { return mTrackOf[joint] >= 0; }
  int trackCount() const { return static_cast<int>(mTrackJoints.size()); }
  // Adds a track for `joint` filled with its offset (no-op if it has one).
  void addTrack(int joint);
  Eigen::Vector3d& translation(int frame, int joint) { return mTracks[frame * trackCount() + mTrackOf[joint]]; }
  const Eigen::Vector3d& translation(int frame, int joint) const {
    return mTracks[frame * trackCount() + mTrackOf[joint]];
  }
  // Track value if the joint has one, else its skeleton offset.
  const Eigen::Vector3d& localTranslation(int frame, int joint) const {
    const int t = mTrackOf[joint];
    return t >= 0 ? mTracks[frame * trackCount() + t] : mSkeleton.offset(joint);
  }
  // Translation of joint 0 (the root), file units.
  const Eigen::Vector3d& rootTranslation(int frame) const { return localTranslation(frame, 0); }

  // Validity: false where the source had no data (occlusion, NaN). The mask
  // is only allocated once something is marked missing.
  bool isValid(int frame, int joint) const { return mValid.empty() || mValid[index(frame, joint)] != 0; }
  void setValid(int frame, int joint, bool valid);
  bool hasMissing() const;
  int missingCount() const;

  // Flips quaternion signs so each joint's rotation stays in the same
  // hemisphere as the previous frame (q and -q are the same rotation).
  void makeSignContinuous();

  // Detected units per metre (1, 39.37, 100 or 1000) from the skeleton size.
  double unitsPerMeter() const;

  // Empty string if the invariants hold (valid skeleton, fps > 0, sizes
  // consistent, unit finite quaternions, finite translations).
  std::string validate() const;

  // Appends `count` frames of the rest pose (identity rotations, offsets as
  // translations, valid) and returns the index of the first new frame.
  int appendFrames(int count);
  // Appends `count` frames with the given frame-major data: rotations holds
  // count x jointCount() unit quaternions, translations count x trackCount()
  // values in track order (joint order of the joints with tracks). Returns
  // the index of the first new frame.
  int appendFrames(int count, const Eigen::Quaterniond* rotations, const Eigen::Vector3d* translations);
  // Appends `count` copies of frame `frame` (a held pose); returns the index
  // of the first new frame.
  int appendCopies(int frame, int count);
  // Reserves storage for `frames` frames in total (readers call it once).
  void reserveFrames(int frames);

  // A copy of frames [begin, end).
  Clip subClip(int begin, int end) const;
  // Inserts the frames of `frames` (same joints and translation tracks)
  // before frame `at` (0..frameCount()); false with *error otherwise, and
  // nothing changes.
  bool insertFrames(int at, const Clip& frames, std::string* error = nullptr);
  // Removes frames [at, at + count) (clamped to the clip).
  void removeFrames(int at, int count);

 private:
  size_t index(int frame, int joint) const { return static_cast<size_t>(frame) * mSkeleton.jointCount() + joint; }

  Skeleton mSkeleton;
  int mFrames = 0;
  double mFps = 30.0;
  QuaternionBuffer mRotations;
  std::vector<int> mTrackOf;        // per joint: track index or -1
  std::vector<int> mTrackJoints;    // per track: joint index
  Vector3Buffer mTracks;  // frames x tracks
  std::vector<std::uint8_t> mValid;      // empty, or frames x joints
  long long mMissing = 0;                // zeros in mValid: hasMissing() is asked per frame and joint
};

}  // namespace mm
