#include "motion/repair/filterclip.h"

#include "motion/clip.h"
#include "motion/repair/butterworth.h"
#include "motion/repair/gaussianfilter.h"
#include "motion/repair/oneeuro.h"
#include "motion/repair/savitzkygolay.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>

namespace mm {
namespace {

ButterworthFilter butterworthOf(const FilterSpec& s, double fps) { return {s.order, s.cutoffHz, fps}; }
SavitzkyGolayFilter savitzkyGolayOf(const FilterSpec& s, double fps) { return {s.windowSeconds, s.polyOrder, fps}; }
GaussianFilter gaussianOf(const FilterSpec& s, double fps) { return {s.sigmaSeconds, fps}; }
OneEuroFilter oneEuroOf(const FilterSpec& s, double fps, double speedScale, bool shared) {
  return {s.minCutoffHz, s.beta, s.derivativeCutoffHz, fps, speedScale, shared};
}

// Frames of context the filter reads before and after the range.
void contextFrames(const FilterSpec& s, double fps, int* before, int* after) {
  switch (s.kind) {
    case FilterKind::Butterworth: *before = *after = butterworthOf(s, fps).reach(); return;
    case FilterKind::SavitzkyGolay: *before = *after = savitzkyGolayOf(s, fps).reach(); return;
    case FilterKind::Gaussian: *before = *after = gaussianOf(s, fps).reach(); return;
    case FilterKind::OneEuro:  // causal: only the past matters
      *before = oneEuroOf(s, fps, 1.0, false).reach();
      *after = 0;
      return;
  }
  *before = *after = 0;
}

// `speedScale` and `shared` only matter to the 1€ filter (see oneeuro.h).
void runFilter(const FilterSpec& s, double fps, double speedScale, bool shared, Eigen::MatrixXd& columns) {
  switch (s.kind) {
    case FilterKind::Butterworth: butterworthOf(s, fps).run(columns); return;
    case FilterKind::SavitzkyGolay: savitzkyGolayOf(s, fps).run(columns); return;
    case FilterKind::Gaussian: gaussianOf(s, fps).run(columns); return;
    case FilterKind::OneEuro: oneEuroOf(s, fps, speedScale, shared).run(columns); return;
  }
}

double smoothstep(double t) { return t * t * (3.0 - 2.0 * t); }

}  // namespace

const char* filterKindName(FilterKind kind) {
  switch (kind) {
    case FilterKind::Butterworth: return "butterworth";
    case FilterKind::SavitzkyGolay: return "savitzky_golay";
    case FilterKind::Gaussian: return "gaussian";
    case FilterKind::OneEuro: return "one_euro";
  }
  return "unknown";
}

FilterSpec FilterSpec::butterworth(double cutoffHz, int order) {
  FilterSpec s;
  s.kind = FilterKind::Butterworth;
  s.cutoffHz = cutoffHz;
  s.order = order;
  return s;
}

FilterSpec FilterSpec::savitzkyGolay(double windowSeconds, int polyOrder) {
  FilterSpec s;
  s.kind = FilterKind::SavitzkyGolay;
  s.windowSeconds = windowSeconds;
  s.polyOrder = polyOrder;
  return s;
}

FilterSpec FilterSpec::gaussian(double sigmaSeconds) {
  FilterSpec s;
  s.kind = FilterKind::Gaussian;
  s.sigmaSeconds = sigmaSeconds;
  return s;
}

FilterSpec FilterSpec::oneEuro(double minCutoffHz, double beta, double derivativeCutoffHz) {
  FilterSpec s;
  s.kind = FilterKind::OneEuro;
  s.minCutoffHz = minCutoffHz;
  s.beta = beta;
  s.derivativeCutoffHz = derivativeCutoffHz;
  return s;
}

std::string FilterSpec::validate(double fps) const {
  if (!(fadeSeconds >= 0) || !std::isfinite(fadeSeconds)) return "fade must be zero or more seconds";
  switch (kind) {
    case FilterKind::Butterworth: return butterworthOf(*this, fps).validate();
    case FilterKind::SavitzkyGolay: return savitzkyGolayOf(*this, fps).validate();
    case FilterKind::Gaussian: return gaussianOf(*this, fps).validate();
    case FilterKind::OneEuro: return oneEuroOf(*this, fps, 1.0, false).validate();
  }
  return "unknown filter kind";
}

std::vector<double> crossFadeWeights(int length, int fadeFrames, bool fadeIn, bool fadeOut) {
  length = std::max(0, length);
  fadeFrames = std::clamp(fadeFrames, 0, length / 2);
  std::vector<double> w(static_cast<size_t>(length), 1.0);
  // Frame k of a fade of n frames weighs (k + 1) / (n + 1): the frames just
  // outside the range act as weight 0, the first inside is already moving.
  for (int k = 0; k < fadeFrames; ++k) {
    const double v = smoothstep((k + 1.0) / (fadeFrames + 1.0));
    if (fadeIn) w[k] = std::min(w[k], v);
    if (fadeOut) w[length - 1 - k] = std::min(w[length - 1 - k], v);
  }
  return w;
}

int filterReach(const FilterSpec& spec, double fps) {
  int before = 0, after = 0;
  contextFrames(spec, fps, &before, &after);
  return std::max(before, after);
}

std::string filterClip(Clip& clip, const FilterSpec& spec, FrameRange range, const std::vector<int>& joints) {
  const int F = clip.frameCount(), J = clip.jointCount();
  if (!range.isInside(F))
    return "frame range [" + std::to_string(range.start) + ", " + std::to_string(range.end) +
           ") is empty or outside the clip's " + std::to_string(F) + " frames";
  for (int j : joints)
    if (j < 0 || j >= J) return "joint index " + std::to_string(j) + " is not in the skeleton";
  const double fps = clip.fps();
  if (std::string e = spec.validate(fps); !e.empty()) return e;

  int before = 0, after = 0;
  contextFrames(spec, fps, &before, &after);
  const int ws = std::max(0, range.start - before);
  const int we = std::min(F, range.end + after);
  const int n = we - ws;
  const std::vector<double> weight = crossFadeWeights(
      range.length(), static_cast<int>(std::lround(spec.fadeSeconds * fps)), range.start > 0, range.end < F);
  const double metresPerUnit = 1.0 / clip.unitsPerMeter();

  std::vector<bool> done(static_cast<size_t>(J), false);
  Eigen::MatrixXd m;
  for (int j : joints) {
    if (done[j]) continue;
    done[j] = true;
    if (spec.rotations) {
      m.resize(n, 4);
      Eigen::Quaterniond prev = clip.rotation(ws, j);
      for (int i = 0; i < n; ++i) {
        prev = alignSign(clip.rotation(ws + i, j), prev);
        m.row(i) = prev.coeffs().transpose();
      }
      // 1€ on a unit quaternion: |dq/dt| is half the angular speed in rad/s.
      runFilter(spec, fps, 2.0, true, m);
      for (int f = range.start; f < range.end; ++f) {
        Eigen::Quaterniond q(Eigen::Vector4d(m.row(f - ws).transpose()));
        const double norm = q.norm();
        // Near zero only if the joint spins a full turn within the filter's
        // reach: there is no meaningful average, keep the input.
        if (!(norm > 1e-6)) continue;
        q.coeffs() /= norm;
        Eigen::Quaterniond& out = clip.rotation(f, j);
        q = alignSign(q, out);
        const double w = weight[f - range.start];
        out = w >= 1.0 ? q : out.slerp(w, q).normalized();
      }
    }
    if (spec.translations && clip.hasTrack(j)) {
      m.resize(n, 3);
      for (int i = 0; i < n; ++i) m.row(i) = clip.translation(ws + i, j).transpose();
      runFilter(spec, fps, metresPerUnit, false, m);
      for (int f = range.start; f < range.end; ++f) {
        Eigen::Vector3d& out = clip.translation(f, j);
        const Eigen::Vector3d p = m.row(f - ws).transpose();
        const double w = weight[f - range.start];
        out = w >= 1.0 ? p : Eigen::Vector3d(out + w * (p - out));
      }
    }
  }
  return {};
}

}  // namespace mm
