// Foot skating: a foot in contact with the floor that slides. A point of the
// foot (ankle or toe) is in contact when it is low and vertically still: a
// sliding foot stays on the floor, while a heel strike or a toe-off moves up
// or down. A walking foot rolls from heel to toe, so one of its points in
// contact always holds still; the foot skates when none does. Metres along
// the up axis.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"

#include <cmath>

namespace mm {

void detectFootSkate(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 3) return;
  const double toMeters = 1.0 / ctx.unitsPerMeter;
  const BodyPart legs[2] = {BodyPart::LeftLeg, BodyPart::RightLeg};
  // The floor: the lowest contact level of the feet's points (floorestimate.h).
  const FloorEstimate& ground = ctx.floor;
  if (!ground.valid()) return;
  const double floor = ground.floor;
  const int minRun = ctx.framesFor(preset.skateMinSeconds);
  std::vector<char> skating(F);
  for (int side = 0; side < 2; ++side) {
    const int a = ctx.ankle[side];
    if (a < 0) continue;
    std::fill(skating.begin(), skating.end(), 0);
    const int points[2] = {a, ctx.toe[side]};
    for (int f = 1; f < F - 1; ++f) {
      bool contact = false;
      double slowest = 1e300;
      for (int joint : points) {
        if (joint < 0) continue;
        // Central differences: velocity at frame f, metres per second.
        const Eigen::Vector3d d =
            (ctx.poses.position(f + 1, joint) - ctx.poses.position(f - 1, joint)) * (0.5 * toMeters * ctx.fps);
        const double vertical = d.dot(ctx.up);
        const double height = ctx.poses.position(f, joint).dot(ctx.up) * toMeters - floor;
        if (height >= preset.contactMeters || std::abs(vertical) >= preset.contactVerticalMetersPerSecond) continue;
        contact = true;
        slowest = std::min(slowest, (d - ctx.up * vertical).norm());
      }
      skating[f] = contact && slowest > preset.skateMetersPerSecond;
    }
    for (int f = 0; f < F;) {
      if (!skating[f]) {
        ++f;
        continue;
      }
      int e = f;
      while (e < F && skating[e]) ++e;
      if (e - f >= minRun)
        for (int k = f; k < e; ++k) report.flag(ArtifactType::FootSkate, k, legs[side], 0.75f);
      f = e;
    }
  }
}

}  // namespace mm
