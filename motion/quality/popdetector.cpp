// Pops: a joint's local rotation (or a translation track) jumps away and
// comes back within popMaxSeconds. With w(f) the change from frame f-1 to f,
// a pop over frames [s, e) shows as a jump in w at s and the opposite jump
// at e; frames outside the pop keep their natural velocity, so only [s, e)
// is flagged.
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {
namespace {

struct Series {
  const float* x;
  const float* y;
  const float* z;
  double d(int a, int b) const {  // |w(a) - w(b)|
    const double dx = x[a] - x[b], dy = y[a] - y[b], dz = z[a] - z[b];
    return std::sqrt(dx * dx + dy * dy + dz * dz);
  }
  // |(w(s) - w(s-1)) + (w(e) - w(e+1))|: what the way back leaves over.
  double residual(int s, int e) const {
    const double rx = (x[s] - x[s - 1]) + (x[e] - x[e + 1]);
    const double ry = (y[s] - y[s - 1]) + (y[e] - y[e + 1]);
    const double rz = (z[s] - z[s - 1]) + (z[e] - z[e + 1]);
    return std::sqrt(rx * rx + ry * ry + rz * rz);
  }
};

// Flags pops of one series; `minJump` in the series' units per frame.
template <typename Flag>
void scanSeries(const Series& s, int frames, double minJump, const QualityPreset& preset, int maxLen, Flag&& flag) {
  if (frames < 4) return;
  std::vector<float> jumps(frames - 2);
  for (int f = 2; f < frames; ++f) jumps[f - 2] = static_cast<float>(s.d(f, f - 1));
  const double threshold = std::max(minJump, preset.popRelative * quality::median(jumps));
  for (int start = 2; start < frames - 1; ++start) {
    const double out = s.d(start, start - 1);
    if (out <= threshold) continue;
    for (int e = start + 1; e <= std::min(start + maxLen, frames - 2); ++e) {
      if (s.d(e, e + 1) > threshold && s.residual(start, e) < preset.popReturnFraction * out) {
        const float sev = quality::severity(out, threshold);
        for (int f = start; f < e; ++f) flag(f, sev);
        start = e;  // the return jump is not a new pop
        break;
      }
    }
  }
}

}  // namespace

void detectPops(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  const int maxLen = std::max(1, static_cast<int>(std::floor(preset.popMaxSeconds * ctx.fps + 1e-9)));
  const double minRad = degToRad(preset.popMinDegrees);
  for (int j = 0; j < ctx.joints; ++j) {
    const size_t o = ctx.at(j, 0);
    const BodyPart part = ctx.partOf[j];
    scanSeries(Series{ctx.wx.data() + o, ctx.wy.data() + o, ctx.wz.data() + o}, F, minRad, preset, maxLen,
               [&](int f, float sev) { report.flag(ArtifactType::Pop, f, part, sev); });
  }
  // A jump of a translation track moves everything below it: all parts.
  for (size_t t = 0; t < ctx.trackJoints.size(); ++t) {
    const size_t o = t * F;
    scanSeries(Series{ctx.vx.data() + o, ctx.vy.data() + o, ctx.vz.data() + o}, F, preset.popMinMeters, preset, maxLen,
               [&](int f, float sev) {
                 for (int p = 0; p < kBodyPartCount; ++p) report.flag(ArtifactType::Pop, f, static_cast<BodyPart>(p), sev);
               });
  }
}

}  // namespace mm
