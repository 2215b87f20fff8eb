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
  // residual() when e is the last frame: the velocity after is taken as w(e-1).
  double residualAtEnd(int s, int e) const {
    const double rx = (x[s] - x[s - 1]) + (x[e] - x[e - 1]);
    const double ry = (y[s] - y[s - 1]) + (y[e] - y[e - 1]);
    const double rz = (z[s] - z[s - 1]) + (z[e] - z[e - 1]);
    return std::sqrt(rx * rx + ry * ry + rz * rz);
  }
  // displacement() when e is the last frame: the motion is predicted from w(s-1).
  double displacementAtEnd(int s, int e) const {
    const double n = e - s + 1;
    double rx = -n * x[s - 1], ry = -n * y[s - 1], rz = -n * z[s - 1];
    for (int k = s; k <= e; ++k) rx += x[k], ry += y[k], rz += z[k];
    return std::sqrt(rx * rx + ry * ry + rz * rz);
  }
  // |sum of w over [s, e] - what the neighbours' velocity predicts|: how far
  // the pose after the excursion is from where the motion was heading. A
  // pop returns; a catch-up jump (the end of a frozen span) or a step does not.
  double displacement(int s, int e) const {
    const double n = 0.5 * (e - s + 1);
    double rx = -n * (x[s - 1] + x[e + 1]), ry = -n * (y[s - 1] + y[e + 1]), rz = -n * (z[s - 1] + z[e + 1]);
    for (int k = s; k <= e; ++k) rx += x[k], ry += y[k], rz += z[k];
    return std::sqrt(rx * rx + ry * ry + rz * rz);
  }
};

// Per-frame buffers of scanSeries, sized once per clip and reused for every
// series (an hour-long take would otherwise allocate and clear 1 MB per joint).
struct Scratch {
  std::vector<float> jump, moving;
  std::vector<char> covered;
  explicit Scratch(int frames) : jump(frames), moving(frames), covered(frames, 0) {}
};

// Flags pops of one series; `minJump` in the series' units per frame.
// `explained(f)`: another detector already accounts for a step at frame f.
template <typename Flag, typename Explained>
void scanSeries(const Series& s, int frames, double minJump, const QualityPreset& preset, int maxLen, Scratch& scratch,
                Flag&& flag, Explained&& explained) {
  if (frames < 4) return;
  // jump[f] = |w(f) - w(f-1)|, computed once (the scan reads each twice).
  std::vector<float>& jump = scratch.jump;
  jump[0] = 0.0f;
  for (int f = 1; f < frames; ++f) jump[f] = static_cast<float>(s.d(f, f - 1));
  // The typical change is taken over frames that change at all: a frozen
  // or missing stretch (zero change) must not make natural motion look like
  // pops. A series that mostly stands still (a static root track) keeps its
  // plain median: there, any jump is news.
  std::vector<float>& moving = scratch.moving;
  size_t count = 0;
  for (int f = 2; f < frames; ++f) {
    moving[count] = jump[f];
    count += jump[f] > 1e-7f;  // branch-free compaction
  }
  const double typical = 2 * count >= static_cast<size_t>(frames - 2)
                             ? quality::sampledMedian(moving.data(), count)
                             : quality::sampledMedian(jump.data() + 2, frames - 2);
  const double threshold = std::max(minJump, preset.popRelative * typical);
  // Frames flagged in this series (cleared again on the way out).
  std::vector<char>& covered = scratch.covered;
  std::vector<std::pair<int, int>> marked;
  auto mark = [&](int a, int b, float sev) {
    marked.emplace_back(a, b);
    for (int f = a; f < b; ++f) {
      flag(f, sev);
      covered[f] = 1;
    }
  };
  // w(0) is 0 (no frame before), close enough to the slow start of a take
  // for a pop starting at frame 1.
  // w(0) is 0 (no frame before): for a pop starting at frame 1 that reads as
  // "at rest before", which takes usually are. A pop whose return is the
  // last frame's w has no velocity after it: w(e-1) stands in for w(e+1).
  for (int start = 1; start < frames - 1; ++start) {
    const double out = jump[start];
    if (out <= threshold || explained(start)) continue;
    for (int e = start + 1; e <= std::min(start + maxLen, frames - 1); ++e) {
      const bool last = e == frames - 1;
      const double back = last ? jump[e] : jump[e + 1];
      const double residual = last ? s.residualAtEnd(start, e) : s.residual(start, e);
      const double displacement = last ? s.displacementAtEnd(start, e) : s.displacement(start, e);
      if (back > threshold && residual < preset.popReturnFraction * out &&
          displacement < preset.popReturnFraction * out) {
        mark(start, e, quality::severity(out, threshold));
        start = e;  // the return jump is not a new pop
        break;
      }
    }
  }
  // A pop that holds the first or the last frames of the take shows only one
  // of its jumps: a lone spike of w (a step of the pose) with quiet frames on
  // both sides, at most maxLen frames from the edge. The short side is wrong.
  // w(0) is not a velocity, so a step needs frames f-2 .. f+1 (a pop of just
  // the first or the last frame cannot be told from motion starting there).
  auto lone = [&](int f) {
    if (f < 2 || f + 1 >= frames || explained(f)) return 0.0;
    const double jump = std::min(s.d(f, f - 1), s.d(f + 1, f));
    if (jump <= threshold) return 0.0;
    const double quiet = preset.popReturnFraction * jump;
    if (f >= 3 && s.d(f - 1, f - 2) >= quiet) return 0.0;
    if (f + 2 < frames && s.d(f + 2, f + 1) >= quiet) return 0.0;
    return jump;
  };
  for (int e = 2; e <= std::min(maxLen, frames - 2) && !covered[e - 1] && !covered[e]; ++e)
    if (const double jump = lone(e)) {
      mark(0, e, quality::severity(jump, threshold));
      break;
    }
  for (int b = frames - 2; b >= std::max(2, frames - maxLen) && !covered[b] && !covered[b - 1]; --b)
    if (const double jump = lone(b)) {
      mark(b, frames, quality::severity(jump, threshold));
      break;
    }
  for (const auto& [a, b] : marked) std::fill(covered.begin() + a, covered.begin() + b, 0);
}

}  // namespace

void detectPops(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  const int maxLen = std::max(1, static_cast<int>(std::floor(preset.popMaxSeconds * ctx.fps + 1e-9)));
  const double minRad = degToRad(preset.popMinDegrees);
  // A step where a frozen span, a swap or missing data begins or ends is
  // theirs, not a pop at the take's edge.
  auto explained = [&](int f) {
    for (int g = std::max(0, f - 1); g <= f; ++g)
      for (BodyPart p : kAllBodyParts)
        for (ArtifactType t : {ArtifactType::Frozen, ArtifactType::Flip, ArtifactType::Missing})
          if (report.score(t, g, p) >= 0.5f) return true;
    return false;
  };
  Scratch scratch(F);
  for (int j = 0; j < ctx.joints; ++j) {
    if (!ctx.step(static_cast<double>(j) / ctx.joints)) return;
    const size_t o = ctx.at(j, 0);
    const BodyPart part = ctx.partOf[j];
    scanSeries(Series{ctx.wx.data() + o, ctx.wy.data() + o, ctx.wz.data() + o}, F, minRad, preset, maxLen, scratch,
               [&](int f, float sev) { report.flag(ArtifactType::Pop, f, part, sev); }, explained);
  }
  // A jump of a translation track moves everything below it: all parts.
  for (size_t t = 0; t < ctx.trackJoints.size(); ++t) {
    const size_t o = t * F;
    scanSeries(Series{ctx.vx.data() + o, ctx.vy.data() + o, ctx.vz.data() + o}, F, preset.popMinMeters, preset, maxLen,
               scratch, [&](int f, float sev) {
                 for (int p = 0; p < kBodyPartCount; ++p) report.flag(ArtifactType::Pop, f, static_cast<BodyPart>(p), sev);
               },
               explained);
  }
}

}  // namespace mm
