// See benchtakes.h.
#include "app/benchgui/benchtakes.h"

#include <Eigen/Geometry>

#include <cmath>
#include <string>

namespace mm::benchgui {

Skeleton sixtyJointSkeleton() {
  Skeleton s;
  s.addJoint("Hips", Skeleton::kNoParent, Eigen::Vector3d(0, 95, 0));
  const auto chain = [&s](int parent, const std::string& name, const Eigen::Vector3d& offset) {
    return s.addJoint(name, parent, offset);
  };
  int spine = 0;
  for (int i = 0; i < 4; ++i) spine = chain(spine, "Spine" + std::to_string(i), Eigen::Vector3d(0, 12, 0));
  const int chest = spine;
  int neck = chain(chest, "Neck", Eigen::Vector3d(0, 10, 0));
  neck = chain(neck, "Neck1", Eigen::Vector3d(0, 6, 0));
  chain(neck, "Head", Eigen::Vector3d(0, 10, 0));
  for (const char* side : {"Left", "Right"}) {
    const double x = side[0] == 'L' ? 1.0 : -1.0;
    const std::string p = side;
    int j = chain(chest, p + "Shoulder", Eigen::Vector3d(8 * x, 6, 0));
    j = chain(j, p + "Arm", Eigen::Vector3d(12 * x, 0, 0));
    j = chain(j, p + "ForeArm", Eigen::Vector3d(28 * x, 0, 0));
    const int hand = chain(j, p + "Hand", Eigen::Vector3d(25 * x, 0, 0));
    for (int f = 0; f < 5; ++f) {
      int k = hand;
      for (int seg = 0; seg < 3; ++seg)
        k = chain(k, p + "Finger" + std::to_string(f) + "_" + std::to_string(seg),
                  seg == 0 ? Eigen::Vector3d(8 * x, 0, 2.0 * f - 4.0) : Eigen::Vector3d(3 * x, 0, 0));
    }
    int leg = chain(0, p + "UpLeg", Eigen::Vector3d(9 * x, -5, 0));
    leg = chain(leg, p + "Leg", Eigen::Vector3d(0, -42, 0));
    leg = chain(leg, p + "Foot", Eigen::Vector3d(0, -40, 0));
    chain(leg, p + "ToeBase", Eigen::Vector3d(0, -6, 12));
  }
  // Fill the spine up to 60 joints (twist joints, as some rigs have).
  for (int i = 0; s.jointCount() < kLongTakeJoints; ++i) chain(1, "SpineTwist" + std::to_string(i), Eigen::Vector3d(0, 1, 0));
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  for (int j = 1; j < s.jointCount(); ++j) s.setChannels(j, {Channel::Zrotation, Channel::Xrotation, Channel::Yrotation});
  return s;
}

Clip longTake(int frames) {
  Clip clip(sixtyJointSkeleton(), frames, kLongTakeFps);
  for (int f = 0; f < frames; ++f) {
    const double t = f / kLongTakeFps;
    const double a = t * 0.05;  // a 20 m circle every two minutes
    clip.translation(f, 0) = Eigen::Vector3d(1000 * std::cos(a), 95 + 2 * std::sin(t * 6), 1000 * std::sin(a));
    for (int j = 0; j < kLongTakeJoints; ++j) {
      const double swing = 0.3 * std::sin(t * 6 + j);
      clip.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(swing, Eigen::Vector3d::UnitZ()));
    }
  }
  return clip;
}

}  // namespace mm::benchgui
