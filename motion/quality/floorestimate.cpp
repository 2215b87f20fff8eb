#include "motion/quality/floorestimate.h"

#include "motion/quality/analysiscontext.h"
#include "motion/quality/signalutil.h"

#include <algorithm>
#include <cmath>

namespace mm {
namespace {
constexpr double kStillMetersPerSecond = 0.25;
constexpr double kBandMeters = 0.02;
constexpr double kBinMeters = 0.001;
constexpr double kMaxBins = 1 << 16;
constexpr double kMinBandShare = 0.5;
constexpr double kMinRestSeconds = 0.1;
// A resting foot point lies at least this share of the leg's length (thigh
// plus shin) below its hip.
constexpr double kMinHipDrop = 0.33;
// Radians (rotations) and metres (tracks) per frame under which a frame
// repeats the previous one: rounding only.
constexpr float kRepeatTolerance = 1e-9f;
}  // namespace

double contactLevel(const std::vector<float>& heights, const std::vector<float>& speeds, int minFrames,
                    size_t* restFrames) {
  if (restFrames) *restFrames = 0;
  float lo = INFINITY, hi = -INFINITY;
  size_t still = 0;
  for (size_t i = 0; i < heights.size(); ++i)
    if (speeds[i] < kStillMetersPerSecond) {
      lo = std::min(lo, heights[i]);
      hi = std::max(hi, heights[i]);
      ++still;
    }
  if (still == 0) return NAN;
  // A histogram of millimetre bins (coarser for absurd ranges) keeps this
  // linear in the frames; bands are kBandMeters wide.
  const double width = std::max(kBinMeters, (static_cast<double>(hi) - lo) / kMaxBins);
  const size_t bins = static_cast<size_t>((static_cast<double>(hi) - lo) / width) + 1;
  const size_t band = std::max<size_t>(1, static_cast<size_t>(std::lround(kBandMeters / width)));
  std::vector<size_t> prefix(bins + 1, 0);
  for (size_t i = 0; i < heights.size(); ++i)
    if (speeds[i] < kStillMetersPerSecond)
      ++prefix[1 + std::min(bins - 1, static_cast<size_t>((heights[i] - lo) / width))];
  for (size_t b = 0; b < bins; ++b) prefix[b + 1] += prefix[b];
  auto inBand = [&](size_t a) { return prefix[std::min(bins, a + band)] - prefix[a]; };
  size_t best = 0;
  for (size_t a = 0; a < bins; ++a) best = std::max(best, inBand(a));
  if (best < static_cast<size_t>(std::max(1, minFrames))) return NAN;
  // Feet can rest above the floor (a foot held up while standing on the
  // other, or a span of floating) but never below it: the floor is the
  // lowest band that holds at least kMinBandShare of the fullest one.
  size_t at = 0;
  while (inBand(at) < kMinBandShare * best) ++at;
  // The peak of that cluster: the fullest band starting within one band width.
  size_t peak = at;
  for (size_t a = at; a < std::min(bins, at + band); ++a)
    if (inBand(a) > inBand(peak)) peak = a;
  // Its median height.
  const size_t half = prefix[peak] + (inBand(peak) + 1) / 2;
  size_t b = peak;
  while (prefix[b + 1] < half) ++b;
  if (restFrames) *restFrames = inBand(peak);
  return lo + (b + 0.5) * width;
}

bool jointPathValid(const Clip& clip, int frame, int joint) {
  if (!clip.hasMissing()) return true;
  for (int j = joint; j >= 0; j = clip.skeleton().parent(j))
    if (!clip.isValid(frame, j)) return false;
  return true;
}

FloorEstimate estimateFloor(const AnalysisContext& ctx) {
  FloorEstimate out;
  const int F = ctx.frames;
  if (F == 0) return out;
  const double toMeters = 1.0 / ctx.unitsPerMeter;
  const Clip& clip = *ctx.clip;
  const int minFrames = std::max(3, ctx.framesFor(kMinRestSeconds));
  // A held pose (every rotation and track unchanged since the previous
  // frame, as in a frozen span) repeats one observation: it is no new
  // evidence of where the feet rest.
  // Joint by joint along each contiguous row (the signals are joint-major).
  std::vector<char> repeat(F, 1);
  repeat[0] = 0;
  auto still = [&](const float* x, const float* y, const float* z) {
    for (int f = 1; f < F; ++f) repeat[f] &= std::abs(x[f]) + std::abs(y[f]) + std::abs(z[f]) < kRepeatTolerance;
  };
  for (int j = 0; j < ctx.joints; ++j) {
    const size_t o = ctx.at(j, 0);
    still(ctx.wx.data() + o, ctx.wy.data() + o, ctx.wz.data() + o);
  }
  for (size_t t = 0; t < ctx.trackJoints.size(); ++t) {
    const size_t o = t * F;
    still(ctx.vx.data() + o, ctx.vy.data() + o, ctx.vz.data() + o);
  }
  std::vector<float> heightsOf[2];
  size_t rest = 0;
  for (int kind = 0; kind < 2; ++kind) {
    std::vector<float>& heights = heightsOf[kind];
    std::vector<float> speeds;
    for (int side = 0; side < 2; ++side) {
      const int joint = kind == 0 ? ctx.ankle[side] : ctx.toe[side];
      if (joint < 0) continue;
      // A foot rests on the floor well below its hip; a foot held up at hip
      // height (a leg swapped upside down, a kick frozen) is no floor.
      const std::optional<HingeChain>& leg = ctx.hinges[2 + side];
      const int hip = leg ? leg->upper : -1;
      const double reach = leg ? kMinHipDrop * (clip.skeleton().offset(leg->middle).norm() +
                                                clip.skeleton().offset(leg->lower).norm()) : 0.0;
      // The pose rows read directly (this loop runs over every frame of
      // every foot point).
      const size_t pj = ctx.poses.index(0, joint), ph = hip >= 0 ? ctx.poses.index(0, hip) : pj;
      const double* X = ctx.poses.px.data() + pj;
      const double* Y = ctx.poses.py.data() + pj;
      const double* Z = ctx.poses.pz.data() + pj;
      const double* HX = ctx.poses.px.data() + ph;
      const double* HY = ctx.poses.py.data() + ph;
      const double* HZ = ctx.poses.pz.data() + ph;
      const double ux = ctx.up.x(), uy = ctx.up.y(), uz = ctx.up.z();
      heights.reserve(heights.size() + F);
      speeds.reserve(speeds.size() + F);
      const bool gaps = clip.hasMissing();
      for (int f = 0; f < F; ++f) {
        if (gaps && !jointPathValid(clip, f, joint)) continue;
        const double h = X[f] * ux + Y[f] * uy + Z[f] * uz;
        const bool belowHip = hip < 0 || (HX[f] * ux + HY[f] * uy + HZ[f] * uz) - h > reach;
        const int f0 = std::max(0, f - 1), f1 = std::min(F - 1, f + 1);
        const double dx = X[f1] - X[f0], dy = Y[f1] - Y[f0], dz = Z[f1] - Z[f0];
        const double speed = f1 > f0 ? std::sqrt(dx * dx + dy * dy + dz * dz) * toMeters * ctx.fps / (f1 - f0) : 0.0;
        heights.push_back(static_cast<float>(h * toMeters));
        speeds.push_back(repeat[f] || !belowHip ? INFINITY : static_cast<float>(speed));
      }
    }
    size_t restFrames = 0;
    const double level = contactLevel(heights, speeds, minFrames, &restFrames);
    if (std::isnan(level)) continue;
    rest += restFrames;
    for (int side = 0; side < 2; ++side)
      if ((kind == 0 ? ctx.ankle[side] : ctx.toe[side]) >= 0) out.level[side][kind] = level;
    out.floor = std::isnan(out.floor) ? level : std::min(out.floor, level);
  }
  // The floor is the bottom of the lowest contact band: the 2 % quantile of
  // the foot points' heights from a band width under the lowest level up
  // (so a span pushed below the floor does not count), or of all heights
  // when no point ever rests.
  std::vector<float> all;
  const float from = std::isnan(out.floor) ? -INFINITY : static_cast<float>(out.floor - kBandMeters);
  for (const std::vector<float>& heights : heightsOf)
    for (float h : heights)
      if (h >= from) all.push_back(h);
  if (!all.empty()) out.floor = quality::sampledQuantile(all, 0.02);
  out.confidence = 0.5 + 0.5 * std::min(1.0, static_cast<double>(rest) / (2.0 * ctx.framesFor(1.0)));
  return out;
}

}  // namespace mm
