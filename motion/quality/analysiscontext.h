#pragma once
// Signals shared by the detectors, computed once per clip: per-joint angular
// velocity of the local rotations and per-track root velocity, in
// structure-of-arrays layout (joint-major, frames contiguous).

#include "motion/bodyparts.h"
#include "motion/quality/analysisprogress.h"
#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/kinematics.h"
#include "motion/quality/floorestimate.h"
#include "motion/quality/supportcontacts.h"

#include <optional>
#include <vector>

namespace mm {

struct AnalysisContext {
  const Clip* clip = nullptr;
  int frames = 0;
  int joints = 0;
  double fps = 30.0;
  double unitsPerMeter = 1.0;
  std::vector<BodyPart> partOf;  // per joint

  // Rotation vector (radians) from frame f-1 to f of each joint's local
  // rotation, in the frame of f-1; zero at f = 0. [j * frames + f].
  std::vector<float> wx, wy, wz;
  // Velocity of each translation track that moves at all, in metres per
  // frame; [t * frames + f].
  std::vector<int> trackJoints;
  std::vector<float> vx, vy, vz;

  // Global poses (file units) of the joints in poseJoints and their
  // ancestors only (poses.has(j)), the up axis and the ankles (left, right;
  // -1 if not found), for the contact detectors.
  std::vector<int> poseJoints;
  GlobalPoses poses;
  Eigen::Vector3d up = Eigen::Vector3d::UnitY();
  int ankle[2] = {-1, -1};
  int toe[2] = {-1, -1};  // first child of each ankle in its leg (-1 if none)

  // Elbows and knees (left arm, right arm, left leg, right leg;
  // findHingeChain), nullopt where a limb has no three-joint chain.
  std::optional<HingeChain> hinges[4];

  // Contact levels of the feet and the floor (estimateFloor), computed once
  // for the ground-contact detectors.
  FloorEstimate floor;

  // The feet's support contacts (supportcontacts.h), built on first use by
  // the floor-relative detectors (only takes with a candidate flag pay for
  // them); cleared by rebuild. Not thread-safe, as the context as a whole.
  const SupportMap& footSupports(const QualityPreset& preset) const {
    if (!mFootSupports.built() && frames > 0) mFootSupports = findFootSupports(*this, preset);
    return mFootSupports;
  }
  mutable SupportMap mFootSupports;

  // Left/right joint pairs of the arms [0] and legs [1], when both limbs
  // have the same structure; mirrorAxis as bodygeometry.h defines it.
  std::optional<LimbPairing> limbPairs[2];

  // Progress of the running analysis (set by QualityAnalysisJob for the
  // length of one run; null otherwise). Long passes call step().
  AnalysisProgress* progress = nullptr;
  // Reports `within` (0..1) of the current pass; false when the analysis
  // should stop (the pass then returns at once, its output unused).
  bool step(double within) const { return progress ? progress->at(within) : true; }

  // Builds the signals; `parts` must come from the clip's skeleton.
  static AnalysisContext build(const Clip& clip, const BodyPartMap& parts);
  // The same into this context, reusing its buffers (an analyzer that runs
  // over many clips keeps one context and so allocates, and page-faults,
  // its large buffers once).
  void rebuild(const Clip& clip, const BodyPartMap& parts);

  template <typename T>
  bool growInChunks(std::vector<T>& v, size_t n, double from, double to) const;

  size_t at(int joint, int frame) const { return static_cast<size_t>(joint) * frames + frame; }
  int framesFor(double seconds) const;  // seconds -> frames at this clip's rate, at least 1
};

}  // namespace mm
