#include "motion/clip.h"

#include "motion/rotations.h"
#include "motion/units.h"

#include <algorithm>
#include <cmath>

namespace mm {

Clip::Clip(Skeleton skeleton, int frames, double fps)
    : mSkeleton(std::move(skeleton)), mFrames(std::max(0, frames)), mFps(fps) {
  const int J = mSkeleton.jointCount();
  mRotations.assign(static_cast<size_t>(mFrames) * J, Eigen::Quaterniond::Identity());
  mTrackOf.assign(J, -1);
  for (int j = 0; j < J; ++j)
    if (j == 0 || mSkeleton.hasPositionChannels(j)) {
      mTrackOf[j] = static_cast<int>(mTrackJoints.size());
      mTrackJoints.push_back(j);
    }
  mTracks.resize(static_cast<size_t>(mFrames) * mTrackJoints.size());
  for (int f = 0; f < mFrames; ++f)
    for (int j : mTrackJoints) translation(f, j) = mSkeleton.offset(j);
}

void Clip::addTrack(int joint) {
  if (hasTrack(joint)) return;
  const int oldCount = trackCount();
  Vector3Buffer tracks(static_cast<size_t>(mFrames) * (oldCount + 1));
  for (int f = 0; f < mFrames; ++f) {
    std::copy_n(mTracks.begin() + static_cast<size_t>(f) * oldCount, oldCount,
                tracks.begin() + static_cast<size_t>(f) * (oldCount + 1));
    tracks[static_cast<size_t>(f) * (oldCount + 1) + oldCount] = mSkeleton.offset(joint);
  }
  mTracks.swap(tracks);
  mTrackOf[joint] = oldCount;
  mTrackJoints.push_back(joint);
}

int Clip::appendFrames(int count) {
  const int first = mFrames;
  if (count <= 0) return first;
  const size_t J = jointCount();
  mRotations.resize(mRotations.size() + count * J, Eigen::Quaterniond::Identity());
  if (!mValid.empty()) mValid.resize(mRotations.size(), 1);
  const size_t T = mTrackJoints.size();
  mTracks.resize(mTracks.size() + count * T);
  mFrames += count;
  for (int f = first; f < mFrames; ++f)
    for (size_t t = 0; t < T; ++t) mTracks[f * T + t] = mSkeleton.offset(mTrackJoints[t]);
  return first;
}

int Clip::appendCopies(int frame, int count) {
  // Copied out first: appending may move the storage the frame lives in.
  std::vector<Eigen::Quaterniond> rotations;
  std::vector<Eigen::Vector3d> translations;
  for (int j = 0; j < jointCount(); ++j) {
    rotations.push_back(rotation(frame, j));
    if (hasTrack(j)) translations.push_back(translation(frame, j));
  }
  const int first = mFrames;
  for (int k = 0; k < count; ++k) appendFrames(1, rotations.data(), translations.data());
  return first;
}

int Clip::appendFrames(int count, const Eigen::Quaterniond* rotations, const Eigen::Vector3d* translations) {
  const int first = mFrames;
  if (count <= 0) return first;
  // Writes each new element once (no rest-pose fill to overwrite): readers
  // append into freshly reserved memory, where every write is a first touch.
  mRotations.insert(mRotations.end(), rotations, rotations + static_cast<size_t>(count) * jointCount());
  if (!mValid.empty()) mValid.resize(mRotations.size(), 1);
  mTracks.insert(mTracks.end(), translations, translations + static_cast<size_t>(count) * mTrackJoints.size());
  mFrames += count;
  return first;
}

void Clip::reserveFrames(int frames) {
  if (frames <= 0) return;
  mRotations.reserve(static_cast<size_t>(frames) * jointCount());
  mTracks.reserve(static_cast<size_t>(frames) * mTrackJoints.size());
}

void Clip::setValid(int frame, int joint, bool valid) {
  if (mValid.empty()) {
    if (valid) return;
    mValid.assign(mRotations.size(), 1);
  }
  std::uint8_t& v = mValid[index(frame, joint)];
  mMissing += (v != 0) - (valid ? 1 : 0);
  v = valid ? 1 : 0;
}

bool Clip::hasMissing() const { return mMissing > 0; }

int Clip::missingCount() const { return static_cast<int>(mMissing); }

void Clip::makeSignContinuous() {
  const int J = jointCount();
  for (int f = 1; f < mFrames; ++f)
    for (int j = 0; j < J; ++j) {
      Eigen::Quaterniond& q = mRotations[index(f, j)];
      if (q.coeffs().dot(mRotations[index(f - 1, j)].coeffs()) < 0.0) q.coeffs() = -q.coeffs();
    }
}

double Clip::unitsPerMeter() const { return detectUnits(mSkeleton).unitsPerMeter; }

std::string Clip::validate() const {
  if (std::string e = mSkeleton.validate(); !e.empty()) return e;
  if (!(mFps > 0.0) || !std::isfinite(mFps)) return "the frame rate must be positive";
  const int J = jointCount();
  if (mRotations.size() != static_cast<size_t>(mFrames) * J) return "rotation storage does not match frames x joints";
  if (mTracks.size() != static_cast<size_t>(mFrames) * mTrackJoints.size()) return "translation storage is inconsistent";
  if (!mValid.empty() && mValid.size() != mRotations.size()) return "validity mask does not match frames x joints";
  for (int f = 0; f < mFrames; ++f)
    for (int j = 0; j < J; ++j) {
      const Eigen::Quaterniond& q = rotation(f, j);
      if (!q.coeffs().allFinite() || std::abs(q.squaredNorm() - 1.0) > 1e-6)
        return "frame " + std::to_string(f) + ", joint '" + mSkeleton.name(j) + "': rotation is not a unit quaternion";
    }
  for (const Eigen::Vector3d& t : mTracks)
    if (!t.allFinite()) return "a translation is not finite";
  return {};
}

Clip Clip::subClip(int begin, int end) const {
  begin = std::clamp(begin, 0, mFrames);
  end = std::clamp(end, begin, mFrames);
  Clip out(mSkeleton, end - begin, mFps);
  for (int j : mTrackJoints) out.addTrack(j);
  const size_t J = jointCount();
  std::copy(mRotations.begin() + begin * J, mRotations.begin() + end * J, out.mRotations.begin());
  for (int f = begin; f < end; ++f)
    for (int j : mTrackJoints) out.translation(f - begin, j) = translation(f, j);
  if (!mValid.empty()) {
    out.mValid.assign(mValid.begin() + begin * J, mValid.begin() + end * J);
    out.mMissing = static_cast<long long>(std::count(out.mValid.begin(), out.mValid.end(), 0));
  }
  return out;
}

bool Clip::insertFrames(int at, const Clip& frames, std::string* error) {
  if (at < 0 || at > mFrames) {
    if (error) *error = "frame " + std::to_string(at) + " is outside the clip's " + std::to_string(mFrames) + " frames";
    return false;
  }
  if (frames.jointCount() != jointCount() || frames.mTrackJoints != mTrackJoints) {
    if (error) *error = "the inserted frames have another skeleton (" + std::to_string(frames.jointCount()) +
                        " joints, " + std::to_string(frames.trackCount()) + " tracks; the clip has " +
                        std::to_string(jointCount()) + " and " + std::to_string(trackCount()) + ")";
    return false;
  }
  const size_t J = jointCount(), T = mTrackJoints.size(), n = frames.mFrames;
  mRotations.insert(mRotations.begin() + at * J, frames.mRotations.begin(), frames.mRotations.end());
  mTracks.insert(mTracks.begin() + at * T, frames.mTracks.begin(), frames.mTracks.end());
  if (!mValid.empty() || !frames.mValid.empty()) {
    if (mValid.empty()) mValid.assign(static_cast<size_t>(mFrames) * J, 1);
    if (frames.mValid.empty())
      mValid.insert(mValid.begin() + at * J, n * J, std::uint8_t{1});
    else
      mValid.insert(mValid.begin() + at * J, frames.mValid.begin(), frames.mValid.end());
    mMissing += frames.mMissing;
  }
  mFrames += frames.mFrames;
  return true;
}

void Clip::removeFrames(int at, int count) {
  at = std::clamp(at, 0, mFrames);
  count = std::clamp(count, 0, mFrames - at);
  if (count == 0) return;
  const size_t J = jointCount(), T = mTrackJoints.size();
  mRotations.erase(mRotations.begin() + at * J, mRotations.begin() + (at + count) * J);
  mTracks.erase(mTracks.begin() + at * T, mTracks.begin() + (at + count) * T);
  if (!mValid.empty()) {
    mMissing -= std::count(mValid.begin() + at * J, mValid.begin() + (at + count) * J, 0);
    mValid.erase(mValid.begin() + at * J, mValid.begin() + (at + count) * J);
  }
  mFrames -= count;
}

}  // namespace mm
