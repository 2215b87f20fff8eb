#pragma once
// Clips and comparisons shared by the repair tests (header only): a mirror-
// symmetric humanoid, bit-exact comparisons, and the Bandai fixture read
// without mm::io (tests/motion link only mm::motion).

#include "motion/clip.h"
#include "motion/rotations.h"
#include "testutil_rigs.h"

#include <cstring>
#include <fstream>
#include <string>

namespace mm::testrepair {

// A small humanoid in a T-pose, Y up, facing +Z, its left side +X, every
// left offset the mirror image of the right one through the plane x = 0.
// `scale` 1 = centimetres, 0.01 = metres.
inline Skeleton humanoid(double scale = 1.0) {
  Skeleton s;
  auto add = [&](const std::string& name, const std::string& parent, double x, double y, double z) {
    return s.addJoint(name, parent.empty() ? Skeleton::kNoParent : s.findJoint(parent),
                      Eigen::Vector3d(x, y, z) * scale);
  };
  add("Hips", "", 0, 95, 0);
  add("Spine", "Hips", 0, 10, 0);
  add("Chest", "Spine", 0, 15, 0);
  add("Neck", "Chest", 0, 20, 0);
  add("Head", "Neck", 0, 10, 0);
  for (const char* side : {"_L", "_R"}) {
    const double x = side[1] == 'L' ? 1.0 : -1.0;
    const std::string sfx = side;
    add("Shoulder" + sfx, "Chest", 5 * x, 12, 0);
    add("UpperArm" + sfx, "Shoulder" + sfx, 12 * x, 0, 0);
    add("LowerArm" + sfx, "UpperArm" + sfx, 28 * x, 0, 0);
    add("Hand" + sfx, "LowerArm" + sfx, 25 * x, 0, 0);
  }
  for (const char* side : {"_L", "_R"}) {
    const double x = side[1] == 'L' ? 1.0 : -1.0;
    const std::string sfx = side;
    add("UpperLeg" + sfx, "Hips", 9 * x, 0, 0);
    add("LowerLeg" + sfx, "UpperLeg" + sfx, 0, -44, 0);
    add("Foot" + sfx, "LowerLeg" + sfx, 0, -42, 0);
    add("Toes" + sfx, "Foot" + sfx, 0, -6, 12);
  }
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  return s;
}

inline bool sameBits(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b) {
  return std::memcmp(a.coeffs().data(), b.coeffs().data(), 4 * sizeof(double)) == 0;
}
inline bool sameBits(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::memcmp(a.data(), b.data(), 3 * sizeof(double)) == 0;
}
// Values (rotation, track) and validity of one sample, bit for bit.
inline bool sameSample(const Clip& a, const Clip& b, int f, int j) {
  if (!sameBits(a.rotation(f, j), b.rotation(f, j)) || a.isValid(f, j) != b.isValid(f, j)) return false;
  return !a.hasTrack(j) || sameBits(a.translation(f, j), b.translation(f, j));
}
inline bool sameClip(const Clip& a, const Clip& b) {
  if (a.frameCount() != b.frameCount() || a.jointCount() != b.jointCount()) return false;
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < a.jointCount(); ++j)
      if (!sameSample(a, b, f, j)) return false;
  return true;
}

// tests/data/bandai_kick_40.bvh: the hierarchy and offsets are those of
// testrigs::bandai(); every joint has six channels, position XYZ then
// rotation ZXY in degrees. An empty clip if the file cannot be read.
inline Clip bandaiKick40() {
  std::ifstream in(MM_TEST_DATA_DIR "/bandai_kick_40.bvh");
  std::string word;
  while (in >> word && word != "MOTION") {
  }
  int frames = 0;
  double frameTime = 0.0;
  in >> word >> frames >> word >> word >> frameTime;  // "Frames: N" "Frame Time: T"
  if (!in || frames <= 0 || !(frameTime > 0)) return Clip();
  Clip c(testrigs::bandai(), frames, 1.0 / frameTime);
  for (int f = 0; f < frames; ++f)
    for (int j = 0; j < c.jointCount(); ++j) {
      double px, py, pz, rz, rx, ry;
      in >> px >> py >> pz >> rz >> rx >> ry;
      c.translation(f, j) = Eigen::Vector3d(px, py, pz);
      c.rotation(f, j) = eulerDegreesToQuat(rz, rx, ry, EulerOrder::ZXY);
    }
  if (!in) return Clip();
  c.makeSignContinuous();
  return c;
}

}  // namespace mm::testrepair
