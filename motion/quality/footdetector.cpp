// Foot skating: a foot in contact with the floor that slides.
//
// A point of the foot (ankle or toe) is low when it is within contactMeters
// of the floor and moves vertically slower than contactVerticalMetersPerSecond
// (a sliding foot stays on the floor; a heel strike or a toe-off moves up or
// down). A run of low frames is a contact once its ends are planted: frames
// at either end where the point still moves faster than swingMetersPerSecond
// are a swing skimming the floor, not contact, and are cut off. The trimmed
// ends are the contact's anchors (where the foot landed and where it left).
//
// Inside a contact, a point slides when it is skateDriftMeters away from both
// anchors while it moves (its path over skateMinSeconds either side is at
// least half that: a foot standing dead still after a shuffle is planted),
// or when it moves faster than skateMetersPerSecond both into and out of the
// frame (one-sided speeds, so the clean frame just after a slide
// is not blamed for the slide). A walking foot rolls from heel to toe, so one
// of its points in contact always holds still: the foot skates only when
// every point in contact slides. Slides closer than skateGapSeconds merge
// (an out-and-back slide is still in its middle); runs shorter than
// skateMinSeconds are dropped. Metres along the up axis.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"

#include <cmath>

namespace mm {
namespace {

// Metres under the floor level from which a foot is on another surface.
constexpr double kOtherSurfaceMeters = 0.10;

// Per frame of one foot point: whether it is in contact, how far it is from
// the contact's anchors, and whether it slides.
struct PointTrack {
  std::vector<char> contact;
  std::vector<char> sliding;
  std::vector<float> drift;  // metres from the nearer anchor
};

void trackPoint(const AnalysisContext& ctx, const QualityPreset& preset, int joint, double floor, PointTrack& out) {
  const int F = ctx.frames;
  const double toMeters = 1.0 / ctx.unitsPerMeter;
  out.contact.assign(F, 0);
  out.sliding.assign(F, 0);
  out.drift.assign(F, 0.0f);
  // Horizontal positions (metres) and the one-sided horizontal speeds.
  std::vector<Eigen::Vector3d> h(F);
  std::vector<char> low(F, 0);
  for (int f = 0; f < F; ++f) {
    const Eigen::Vector3d p = ctx.poses.position(f, joint) * toMeters;
    h[f] = p - ctx.up * p.dot(ctx.up);
  }
  std::vector<float> step(F, 0.0f);  // speed from f-1 to f, m/s
  for (int f = 1; f < F; ++f) step[f] = static_cast<float>((h[f] - h[f - 1]).norm() * ctx.fps);
  for (int f = 1; f + 1 < F; ++f) {
    const double height = ctx.poses.position(f, joint).dot(ctx.up) * toMeters - floor;
    const double vertical =
        (ctx.poses.position(f + 1, joint) - ctx.poses.position(f - 1, joint)).dot(ctx.up) * (0.5 * toMeters * ctx.fps);
    // A foot far under the floor level stands on another surface (the take
    // shows a floor below the one the feet rest on most), not on this one.
    low[f] = height < preset.contactMeters && height > -kOtherSurfaceMeters &&
             std::abs(vertical) < preset.contactVerticalMetersPerSecond;
  }
  auto speed = [&](int f) { return std::max(step[f], f + 1 < F ? step[f + 1] : 0.0f); };
  // travelled[f]: path length up to frame f in metres * fps (prefix sum of speeds).
  std::vector<double> travelled(F, 0.0);
  for (int f = 1; f < F; ++f) travelled[f] = travelled[f - 1] + step[f];
  const int window = static_cast<int>(std::lround(preset.skateMinSeconds * ctx.fps));
  for (int f = 0; f < F;) {
    if (!low[f]) {
      ++f;
      continue;
    }
    int e = f;
    while (e < F && low[e]) ++e;
    int a = f, b = e - 1;
    while (a <= b && speed(a) > preset.swingMetersPerSecond) ++a;
    while (b >= a && speed(b) > preset.swingMetersPerSecond) --b;
    for (int k = a; k <= b; ++k) {
      out.contact[k] = 1;
      const double drift = std::min((h[k] - h[a]).norm(), (h[k] - h[b]).norm());
      out.drift[k] = static_cast<float>(drift);
      const float slowest = std::min(step[k], k + 1 < F ? step[k + 1] : step[k]);
      // Away from the anchors counts only while the foot moves around then:
      // a foot standing dead still after a shuffle step is planted, not skating.
      const int lo = std::max(a, k - window), hi = std::min(b, k + window);
      const double path = (travelled[hi] - travelled[lo]) / ctx.fps;
      out.sliding[k] = (drift > preset.skateDriftMeters && path > 0.5 * preset.skateDriftMeters) ||
                       slowest > preset.skateMetersPerSecond;
    }
    f = e;
  }
}

}  // namespace

void detectFootSkate(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 3) return;
  const BodyPart legs[2] = {BodyPart::LeftLeg, BodyPart::RightLeg};
  // The floor: the lowest contact level of the feet's points (floorestimate.h).
  const FloorEstimate& ground = ctx.floor;
  if (!ground.valid()) return;
  const double floor = ground.floor;
  const float confidence = static_cast<float>(preset.reliableFloor ? ground.confidence : preset.noFloorConfidence);
  const int minRun = ctx.framesFor(preset.skateMinSeconds);
  const int maxGap = static_cast<int>(std::lround(preset.skateGapSeconds * ctx.fps));
  PointTrack tracks[2];
  std::vector<char> contact(F), skating(F);
  std::vector<float> drift(F);
  for (int side = 0; side < 2; ++side) {
    const int points[2] = {ctx.ankle[side], ctx.toe[side]};
    if (points[0] < 0) continue;
    int used = 0;
    for (int joint : points)
      if (joint >= 0) trackPoint(ctx, preset, joint, floor, tracks[used++]);
    for (int f = 0; f < F; ++f) {
      bool any = false, all = true;
      float d = 1e30f;
      for (int k = 0; k < used; ++k) {
        if (!tracks[k].contact[f]) continue;
        any = true;
        all = all && tracks[k].sliding[f];
        d = std::min(d, tracks[k].drift[f]);
      }
      contact[f] = any;
      skating[f] = any && all;
      drift[f] = any ? d : 0.0f;
    }
    // Bridge short pauses inside one contact (the turning point of a slide).
    for (int f = 0; f < F;) {
      if (!skating[f]) {
        ++f;
        continue;
      }
      int e = f + 1;
      while (e < F && !skating[e] && contact[e] && e - f <= maxGap) ++e;
      if (e < F && skating[e] && e - f > 1)
        for (int k = f; k < e; ++k) skating[k] = 1;
      f = e;
    }
    for (int f = 0; f < F;) {
      if (!skating[f]) {
        ++f;
        continue;
      }
      int e = f;
      float worst = 0.0f;
      while (e < F && skating[e]) worst = std::max(worst, drift[e++]);
      if (e - f >= minRun) {
        const float score = quality::severity(std::max<double>(worst, preset.skateDriftMeters), preset.skateDriftMeters);
        for (int k = f; k < e; ++k) report.flag(ArtifactType::FootSkate, k, legs[side], score, confidence);
      }
      f = e;
    }
  }
}

}  // namespace mm
