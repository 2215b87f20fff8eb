// Jitter: frame-to-frame noise on the local rotations of most joints of a
// part. Motion is smooth at the frame rate, so successive second differences
// of a rotation agree in sign; white noise of sigma per frame makes them
// anti-correlated, with lag-1 autocovariance -4 sigma^2 per component. Over a
// window of jitterWindowSeconds, each joint's noise is estimated from that
// negative autocovariance (smooth motion, however fast, only adds positive
// covariance, so it is never mistaken for noise), and its whiteness as
// -autocovariance / variance (0.67 for pure noise, below 0 for smooth
// motion). A part jitters where the median joint has noise of at least
// jitterMinDegrees and whiteness of at least jitterWhiteness; a flagged run
// is trimmed to the frames whose noise power reaches jitterEdgeFraction of
// the run's peak (the window blurs the run's edges by half its length).
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {
namespace {
constexpr double kMaxSpikeShare = 0.5;  // of a window's second-difference energy
}

void detectJitter(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const int F = ctx.frames;
  if (F < 5) return;
  const int half = std::max(1, ctx.framesFor(preset.jitterWindowSeconds) / 2);
  const double minRad = degToRad(preset.jitterMinDegrees);
  const double minRad2 = minRad * minRad;
  // Per part: the joints' noise (radians) and whiteness per frame, kept only
  // for joints with a frame at or above minRad (in most clips few are: the
  // others count as zero noise), and per frame how many joints reach minRad.
  std::vector<std::vector<std::vector<float>>> noise(kBodyPartCount), white(kBodyPartCount);
  std::vector<int> jointsIn(kBodyPartCount, 0);
  std::vector<std::vector<unsigned short>> above(kBodyPartCount);
  std::vector<double> c0(F + 1, 0.0), c1(F + 1, 0.0), a2(F, 0.0);
  std::vector<float> sigma(F), whiteness(F);
  for (int j = 0; j < ctx.joints; ++j) {
    if (!ctx.step(static_cast<double>(j) / ctx.joints)) return;
    const size_t o = ctx.at(j, 0);
    const float* x = ctx.wx.data() + o;
    const float* y = ctx.wy.data() + o;
    const float* z = ctx.wz.data() + o;
    const int p = static_cast<int>(ctx.partOf[j]);
    // A joint whose rotation never changes (a fixed joint: CMU's hip joints,
    // a Bandai root, added end joints) says nothing about noise: counting it
    // in the part's median would make the verdict depend on how many such
    // joints a rig has.
    // (Radians per frame; rounding of a fixed joint's rotation stays far below.)
    constexpr float kStill = 1e-6f;
    bool moves = false;
    for (int f = 1; f < F && !moves; ++f) moves = std::abs(x[f]) + std::abs(y[f]) + std::abs(z[f]) > kStill;
    if (!moves) continue;
    ++jointsIn[p];
    // a[f]: second difference of the rotation ending at frame f (f >= 2).
    double px = 0, py = 0, pz = 0;
    for (int f = 0; f < F; ++f) {
      double ax = 0, ay = 0, az = 0, cov = 0;
      if (f >= 2) {
        ax = x[f] - x[f - 1];
        ay = y[f] - y[f - 1];
        az = z[f] - z[f - 1];
        if (f >= 3) cov = ax * px + ay * py + az * pz;
      }
      a2[f] = ax * ax + ay * ay + az * az;
      c0[f + 1] = c0[f] + a2[f];
      c1[f + 1] = c1[f] + cov;
      px = ax, py = ay, pz = az;
    }
    bool any = false;
    for (int f = 0; f < F; ++f) {
      sigma[f] = whiteness[f] = 0.0f;
      const int lo = std::max(3, f - half), hi = std::min(F, f + half + 1);
      if (hi <= lo) continue;
      const double v = c0[hi] - c0[lo], cov = c1[hi] - c1[lo];
      if (cov >= 0.0 || v <= 0.0) continue;
      const double s2 = -cov / (12.0 * (hi - lo));
      // Below the threshold the value cannot lift the part's median over
      // it, so the spike test below is only needed above it.
      if (s2 < minRad2) continue;
      // One discontinuity (a pop, a swap) fills a window with a single spike;
      // noise spreads its energy. Windows ruled by one spike are not jitter.
      double peak = 0.0;
      for (int k = lo; k < hi; ++k) peak = std::max(peak, a2[k]);
      if (peak > kMaxSpikeShare * v) continue;
      sigma[f] = static_cast<float>(std::sqrt(s2));
      whiteness[f] = static_cast<float>(-cov / v);
      any |= sigma[f] >= minRad;
    }
    if (!any) continue;
    if (above[p].empty()) above[p].assign(F, 0);
    for (int f = 0; f < F; ++f) above[p][f] += sigma[f] >= minRad;
    noise[p].push_back(sigma);
    white[p].push_back(whiteness);
  }
  std::vector<float> column, partNoise(F);
  std::vector<char> flagged(F);
  for (int p = 0; p < kBodyPartCount; ++p) {
    // Median over all the part's joints: noise on one or two joints is a
    // joint problem (pops), not a noisy part. The median reaches minRad only
    // if the upper half of the joints does: count first, and take the median
    // (for the edges and the severity) only then. Most frames stop there.
    const size_t n = static_cast<size_t>(jointsIn[p]);
    if (above[p].empty()) continue;
    const size_t kept = noise[p].size();
    column.assign(n, 0.0f);
    for (int f = 0; f < F; ++f) {
      partNoise[f] = 0.0f;
      flagged[f] = 0;
      if (above[p][f] < n - n / 2) continue;
      // Joints without a kept series have zero noise and whiteness.
      std::fill(column.begin() + kept, column.end(), 0.0f);
      for (size_t k = 0; k < kept; ++k) column[k] = noise[p][k][f];
      partNoise[f] = static_cast<float>(quality::medianInPlace(column.data(), n));
      if (partNoise[f] < minRad) continue;
      std::fill(column.begin() + kept, column.end(), 0.0f);
      for (size_t k = 0; k < kept; ++k) column[k] = white[p][k][f];
      flagged[f] = quality::medianInPlace(column.data(), n) >= preset.jitterWhiteness;
    }
    for (int f = 0; f < F;) {
      if (!flagged[f]) {
        ++f;
        continue;
      }
      int e = f;
      float peak = 0.0f;
      while (e < F && flagged[e]) peak = std::max(peak, partNoise[e++]);
      const double edge = preset.jitterEdgeFraction * double(peak) * peak;
      for (int k = f; k < e; ++k)
        if (double(partNoise[k]) * partNoise[k] >= edge)
          report.flag(ArtifactType::Jitter, k, static_cast<BodyPart>(p), quality::severity(partNoise[k], minRad));
      f = e;
    }
  }
}

void detectMissing(const AnalysisContext& ctx, const QualityPreset&, QualityReport& report) {
  const Clip& clip = *ctx.clip;
  if (!clip.hasMissing()) return;
  for (int f = 0; f < ctx.frames; ++f)
    for (int j = 0; j < ctx.joints; ++j)
      if (!clip.isValid(f, j)) report.flag(ArtifactType::Missing, f, ctx.partOf[j], 1.0f);
}

}  // namespace mm
