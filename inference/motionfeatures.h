#pragma once
// Per-frame feature vectors of canonical motion: what the motion model reads
// and writes. No torch here (plain floats), so the CLI and tests can use it.
//
// Layout of one frame (kFeatureCount floats), in canonical space (metres,
// seconds, radians; Y up). The heading frame of a frame is the yaw of the
// pelvis (its +Z axis projected on the ground):
//   [0]        root (pelvis) height above y = 0
//   [1, 2]     root horizontal velocity (x, z) in m/s, in the previous
//              frame's heading frame (frame 0 copies frame 1's)
//   [3]        yaw rate in rad/s (heading change from the previous frame)
//   [4, 130)   6D local rotations of the 21 canonical joints; the pelvis
//              without its heading (heading^-1 * pelvis global)
//   [130, 190) positions of joints 1..20 relative to the pelvis, in the
//              frame's heading frame (metres)
//   [190, 194) foot contacts 0/1 of left foot, left toe, right foot, right toe
// Velocities are per second, so the features do not depend on the frame rate
// beyond sampling.

#include "motion/canonicalrig.h"

#include <Eigen/Geometry>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mm {
class Clip;
}

namespace mm::inference {

constexpr int kRootHeightFeature = 0;
constexpr int kRootVelocityFeature = 1;  // 2 floats
constexpr int kYawRateFeature = 3;
constexpr int kRotationFeature = 4;      // 6 floats per canonical joint
constexpr int kPositionFeature = kRotationFeature + 6 * kCanonicalJointCount;         // 3 per joint 1..20
constexpr int kContactFeature = kPositionFeature + 3 * (kCanonicalJointCount - 1);   // 4 floats
constexpr int kFeatureCount = kContactFeature + 4;
static_assert(kFeatureCount == 194, "feature layout");

// Features of one clip plus the true root trajectory, which decoding uses as
// anchors (velocities alone only give the path up to a start point).
struct MotionFeatures {
  int frames = 0;
  double fps = 30.0;
  std::vector<float> values;                  // frames x kFeatureCount, frame-major
  std::vector<Eigen::Vector3d> rootPositions; // pelvis per frame, metres
  std::vector<double> yaws;                   // heading per frame, radians, unwrapped
  std::array<bool, kCanonicalJointCount> mapped{};

  float* frame(int f) { return values.data() + static_cast<size_t>(f) * kFeatureCount; }
  const float* frame(int f) const { return values.data() + static_cast<size_t>(f) * kFeatureCount; }
};

// Features of canonical motion (positions and rotations filled). Never fails
// for motion made by CanonicalRig::toCanonical; frames == 0 gives empty features.
// `hidden` (optional, frames x kBodyPartCount, non-zero = hidden) names the
// (frame, part) values the model must not read. The features of the other
// frames then never read them: a known frame next to a hidden one takes its
// velocities, yaw rate and contact speeds from its known neighbour on the
// other side (zeros when it has none), and the contacts' floor comes from
// known feet only. A hidden torso hides the root (translation and heading).
MotionFeatures encodeMotion(const CanonicalMotion& motion, const std::vector<std::uint8_t>* hidden = nullptr);

// Canonical motion from features. The root path is integrated from the
// velocities and yaw rates, starting at the true root of frame 0. With
// `anchors` (one flag per frame, optional) every flagged frame takes its true
// root position and heading from `features`, and each run of unflagged frames
// is integrated from the flagged frame before it, with the error at the
// flagged frame after it spread linearly over the run, so a regenerated gap
// joins the known frames on both sides (the heading's error wrapped to half a
// turn: how often a body turned inside a hidden gap is the model's to say). Positions of all 21 joints are
// filled (pelvis + heading * relative position).
CanonicalMotion decodeMotion(const MotionFeatures& features, const std::vector<std::uint8_t>* anchors = nullptr);

// Per-feature normalisation, computed from training data and stored with the
// weights. std is floored so constant features (unmapped joints, 0/1
// contacts that never change) do not blow up.
struct FeatureStats {
  std::vector<float> mean;  // kFeatureCount
  std::vector<float> std;   // kFeatureCount, > 0
  bool valid() const { return mean.size() == kFeatureCount && std.size() == kFeatureCount; }
};
// Mean and std over every frame of `clips` (each frames x kFeatureCount).
FeatureStats computeFeatureStats(const std::vector<const std::vector<float>*>& clips);
void normalizeFeatures(const FeatureStats& stats, float* values, int frames);
void denormalizeFeatures(const FeatureStats& stats, float* values, int frames);

// Convenience for a whole clip: map the rig, toCanonical, encode (with
// `hidden` as in encodeMotion). False with *error when the skeleton does not
// map onto the canonical rig. `mirrored`: the features of the clip's mirror
// image (motion/canonicalmirror.h; `hidden` then names the mirrored parts).
bool encodeClip(const Clip& clip, CanonicalRig* rig, MotionFeatures* out, std::string* error,
                const std::vector<std::uint8_t>* hidden = nullptr, bool mirrored = false);

}  // namespace mm::inference
