#pragma once
// Clips for the editor tests: a small programmatic walker, and a real take
// (the Bandai kick fixture played forth and back to a few seconds) with lab
// artifacts injected at known frames.

#include "io/motionfile.h"
#include "motion/clip.h"
#include "motion/corrupt/injectors.h"

#include <Eigen/Geometry>

#include <QtTest>

#include <cstring>
#include <random>
#include <vector>

namespace mm::testing {

constexpr int kFrames = 60;
constexpr double kFps = 30.0;

// A 1.7 m figure in centimetres, arms out, walking 60 cm along +X while the
// left elbow bends: every frame differs, and the joints spread over the view.
inline Clip walkerClip() {
  Skeleton s;
  s.addJoint("Hips", Skeleton::kNoParent, Eigen::Vector3d(0, 95, 0));
  s.addJoint("Spine", 0, Eigen::Vector3d(0, 12, 0));
  s.addJoint("Chest", 1, Eigen::Vector3d(0, 18, 0));
  s.addJoint("Neck", 2, Eigen::Vector3d(0, 20, 0));
  s.addJoint("Head", 3, Eigen::Vector3d(0, 10, 0));
  s.addJoint("LeftShoulder", 2, Eigen::Vector3d(17, 15, 0));
  s.addJoint("LeftElbow", 5, Eigen::Vector3d(28, 0, 0));
  s.addJoint("LeftWrist", 6, Eigen::Vector3d(25, 0, 0));
  s.addJoint("RightShoulder", 2, Eigen::Vector3d(-17, 15, 0));
  s.addJoint("RightElbow", 8, Eigen::Vector3d(-28, 0, 0));
  s.addJoint("RightWrist", 9, Eigen::Vector3d(-25, 0, 0));
  s.addJoint("LeftHip", 0, Eigen::Vector3d(9, -5, 0));
  s.addJoint("LeftKnee", 11, Eigen::Vector3d(0, -42, 0));
  s.addJoint("LeftAnkle", 12, Eigen::Vector3d(0, -40, 0));
  s.addJoint("RightHip", 0, Eigen::Vector3d(-9, -5, 0));
  s.addJoint("RightKnee", 14, Eigen::Vector3d(0, -42, 0));
  s.addJoint("RightAnkle", 15, Eigen::Vector3d(0, -40, 0));
  s.setEndSite(4, Eigen::Vector3d(0, 15, 0));
  s.setEndSite(13, Eigen::Vector3d(0, -6, 14));
  s.setEndSite(16, Eigen::Vector3d(0, -6, 14));
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  for (int j = 1; j < s.jointCount(); ++j) s.setChannels(j, {Channel::Zrotation, Channel::Xrotation, Channel::Yrotation});

  Clip clip(s, kFrames, kFps);
  for (int f = 0; f < kFrames; ++f) {
    clip.translation(f, 0) = Eigen::Vector3d(-30.0 + f, 95, 0);
    const double bend = f * 1.5 * 3.14159265358979 / 180.0;
    clip.rotation(f, 6) = Eigen::Quaterniond(Eigen::AngleAxisd(bend, Eigen::Vector3d::UnitZ()));
  }
  return clip;
}


// The kick fixture (40 frames) played forth and back `rounds` times: real
// motion, continuous positions, a few seconds long.
inline Clip kickTake(int rounds = 4) {
  LoadResult in = loadMotion(MM_TEST_DATA_DIR "/bandai_kick_40.bvh");
  if (!in.ok()) qFatal("cannot read the kick fixture: %s", in.error.toString().c_str());
  const Clip& k = *in.clip;
  Clip out(k.skeleton(), 0, k.fps());
  const int F = k.frameCount();
  std::vector<Eigen::Quaterniond> rot(static_cast<size_t>(k.jointCount()));
  std::vector<Eigen::Vector3d> tr(static_cast<size_t>(k.trackCount()));
  for (int r = 0; r < rounds; ++r)
    for (int i = 0; i < F; ++i) {
      const int f = (r % 2 == 0) ? i : F - 1 - i;
      for (int j = 0; j < k.jointCount(); ++j) rot[static_cast<size_t>(j)] = k.rotation(f, j);
      int t = 0;
      for (int j = 0; j < k.jointCount(); ++j)
        if (k.hasTrack(j)) tr[static_cast<size_t>(t++)] = k.translation(f, j);
      out.appendFrames(1, rot.data(), tr.data());
    }
  out.makeSignContinuous();
  return out;
}

// kickTake with a pop and a frozen span injected (seeded, so always the same).
inline Clip brokenKickTake() {
  Clip clip = kickTake();
  CorruptionLabels labels;
  std::mt19937_64 rng(7);
  CorruptionParams params;
  params.rootPopProbability = 0.0;
  params.popDegrees = {45.0, 50.0};
  Placement early;
  early.allowed = std::vector<FrameSpan>{FrameSpan{20, 60}};
  Placement late;
  late.allowed = std::vector<FrameSpan>{FrameSpan{100, 150}};
  if (!injectPop(clip, labels, rng, params, early)) qFatal("pop injection failed");
  if (!injectFrozen(clip, labels, rng, params, late)) qFatal("frozen injection failed");
  clip.makeSignContinuous();
  return clip;
}

inline bool sameBits(const Clip& a, const Clip& b) {
  if (a.frameCount() != b.frameCount() || a.jointCount() != b.jointCount()) return false;
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < a.jointCount(); ++j) {
      if (std::memcmp(a.rotation(f, j).coeffs().data(), b.rotation(f, j).coeffs().data(), 4 * sizeof(double)) != 0)
        return false;
      if (a.hasTrack(j) && std::memcmp(a.translation(f, j).data(), b.translation(f, j).data(), 3 * sizeof(double)) != 0)
        return false;
      if (a.isValid(f, j) != b.isValid(f, j)) return false;
    }
  return true;
}

}  // namespace mm::testing
