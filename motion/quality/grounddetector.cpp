// Ground contact beyond sliding: a foot below the floor (penetration), and a
// body that hangs above it with no foot down in a way no jump can
// (floating). Heights in metres along the up axis, relative to each foot
// point's contact level (floorestimate.h), and then judged against the
// supports the take shows (supportcontacts.h): a foot standing on a credible
// support is on something, whatever the floor level says, and a body held
// up by one (a foot on a box, hands on a bar) is not floating.
#include "motion/quality/detectors.h"
#include "motion/quality/floorestimate.h"
#include "motion/quality/signalutil.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {
namespace {

constexpr double kGravity = 9.81;  // m/s^2
// Frames around a floating span whose lowest foot point is still this share
// of floatMeters up belong to it (the body rising into and sinking out of it).
constexpr double kFloatEdgeShare = 0.25;

// Height (metres along up) of a joint, from the context's global poses.
double heightOf(const AnalysisContext& ctx, int frame, int joint) {
  return ctx.poses.position(frame, joint).dot(ctx.up) / ctx.unitsPerMeter;
}


// A support this far under the floor level is a surface of its own (a step
// down, a pit), not the floor's scatter.
constexpr double kLowerSurfaceMeters = 0.10;
// A floating span held up by credible supports on at least this share of
// its frames is not floating.
constexpr double kSupportedShare = 0.5;

// Whether credible supports (feet on something, hands hanging from
// something) hold the body up over most of frames [a, b).
bool heldUp(const AnalysisContext& ctx, const QualityPreset& preset, int a, int b) {
  const SupportMap& feet = ctx.footSupports(preset);
  int held = 0;
  for (int f = a; f < b; ++f) held += feet.footSupported(f);
  const double need = kSupportedShare * (b - a);
  if (held >= need) return true;
  const std::vector<char> hands = findHangSupports(ctx, feet, a, b);
  held = 0;
  for (int f = a; f < b; ++f) held += feet.footSupported(f) || hands[f - a];
  return held >= need;
}

float floorConfidence(const AnalysisContext& ctx, const QualityPreset& preset) {
  return static_cast<float>(preset.reliableFloor ? ctx.floor.confidence : preset.noFloorConfidence);
}

}  // namespace

void detectPenetration(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const FloorEstimate& ground = ctx.floor;
  if (!ground.valid()) return;
  const BodyPart legs[2] = {BodyPart::LeftLeg, BodyPart::RightLeg};
  struct Candidate {
    int frame;
    BodyPart leg;
    double depth;
  };
  std::vector<Candidate> candidates;
  for (int side = 0; side < 2; ++side)
    for (int kind = 0; kind < 2; ++kind) {
      const int joint = kind == 0 ? ctx.ankle[side] : ctx.toe[side];
      const double level = ground.level[side][kind];
      if (joint < 0 || std::isnan(level)) continue;
      const SupportMap* supports = nullptr;  // built at the first frame under the level
      double floor = level;
      for (int f = 0; f < ctx.frames; ++f) {
        double depth = floor - heightOf(ctx, f, joint);
        if (!(depth > preset.penetrationMeters)) continue;
        if (!supports) {
          supports = &ctx.footSupports(preset);
          // A credible support well under the floor level: the take goes down there.
          const double lower = supports->lowestLevel[kind];
          if (lower < level - kLowerSurfaceMeters) floor = lower;
          depth = floor - heightOf(ctx, f, joint);
          if (!(depth > preset.penetrationMeters)) continue;
        }
        // The foot stands on something when either of its points does (a
        // heel lower than usual under toes that rest is the foot's pitch or
        // the ground's, not a foot in the floor).
        const std::vector<char>& ankleOn = supports->supported[2 * side];
        const std::vector<char>& toeOn = supports->supported[2 * side + 1];
        if ((!ankleOn.empty() && ankleOn[f]) || (!toeOn.empty() && toeOn[f])) continue;
        if (jointPathValid(*ctx.clip, f, joint)) candidates.push_back({f, legs[side], depth});
      }
    }
  const float confidence = floorConfidence(ctx, preset);
  for (const Candidate& c : candidates)
    report.flag(ArtifactType::Penetration, c.frame, c.leg, quality::severity(c.depth, preset.penetrationMeters), confidence);
}

void detectFloating(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 4) return;
  const FloorEstimate& ground = ctx.floor;
  if (!ground.valid()) return;
  // The lowest foot point's height above its contact level; NaN (never
  // airborne) where no foot point holds data.
  std::vector<double> clearance(F, std::numeric_limits<double>::infinity());
  for (int side = 0; side < 2; ++side)
    for (int kind = 0; kind < 2; ++kind) {
      const int joint = kind == 0 ? ctx.ankle[side] : ctx.toe[side];
      const double level = ground.level[side][kind];
      if (joint < 0 || std::isnan(level)) continue;
      for (int f = 0; f < F; ++f)
        if (jointPathValid(*ctx.clip, f, joint)) clearance[f] = std::min(clearance[f], heightOf(ctx, f, joint) - level);
    }
  for (double& c : clearance)
    if (std::isinf(c)) c = NAN;
  // The body's height: the hips (upper joints of the legs), else the root.
  std::vector<int> body;
  for (int k = 2; k < 4; ++k)
    if (ctx.hinges[k]) body.push_back(ctx.hinges[k]->upper);
  if (body.empty()) body.push_back(0);
  std::vector<double> height(F, 0.0);
  for (int f = 0; f < F; ++f) {
    for (int j : body) height[f] += heightOf(ctx, f, j);
    height[f] /= static_cast<double>(body.size());
  }
  const int minLen = std::max(4, ctx.framesFor(preset.floatMinSeconds));
  const double edge = kFloatEdgeShare * preset.floatMeters;
  for (int a = 0; a < F;) {
    if (!(clearance[a] > preset.floatMeters)) {
      ++a;
      continue;
    }
    int b = a;
    while (b < F && clearance[b] > preset.floatMeters) ++b;
    if (b - a >= minLen) {
      const bool tooLong = (b - a) / ctx.fps > preset.floatMaxAirSeconds;
      const double acceleration = quality::parabolaAcceleration(height, a, b, ctx.fps);
      if ((tooLong || std::abs(acceleration + kGravity) > preset.floatGravityTolerance * kGravity) &&
          !heldUp(ctx, preset, a, b)) {
        int s = a, e = b;
        while (s > 0 && clearance[s - 1] > edge) --s;
        while (e < F && clearance[e] > edge) ++e;
        const float confidence = floorConfidence(ctx, preset);
        for (int f = s; f < e; ++f)
          for (BodyPart p : kAllBodyParts) report.flag(ArtifactType::Floating, f, p, 0.75f, confidence);
      }
    }
    a = b;
  }
}

}  // namespace mm
