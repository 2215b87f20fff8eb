#include "inference/residualsamples.h"

#include "inference/maskedsource.h"
#include "inference/tokenlayout.h"
#include "motion/canonicalrig.h"
#include "motion/clip.h"
#include "motion/repair/classicprior.h"
#include "motion/repair/fillmask.h"

#include <algorithm>
#include <cmath>

namespace mm::inference {

namespace {

constexpr int kP = kBodyPartCount;
constexpr int kC = kTokenChannels;
constexpr int kContext = 10;  // known frames each side of a gap (when the window has room)

int uniformInt(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, std::max(lo, hi))(rng);
}

// A span [g, g + length) of the sample with kContext known frames on both
// sides (fewer in a short sample), and a window start that holds the span and its context when it
// fits, else lies inside them. False when the sample is too short.
bool placeSpan(int frames, int T, int minLength, int maxLength, std::mt19937_64& rng, int* g, int* length, int* ws) {
  // Short samples (tests' single windows) get what context they have room for.
  const int context = std::max(1, std::min(kContext, (frames - minLength) / 2));
  int L = uniformInt(rng, minLength, maxLength);
  L = std::min(L, frames - 2 * context);
  if (L < minLength) return false;
  *g = uniformInt(rng, context, frames - context - L);
  int lo = *g + L + context - T, hi = *g - context;
  if (lo > hi) std::swap(lo, hi);
  lo = std::clamp(lo, 0, frames - T);
  hi = std::clamp(hi, 0, frames - T);
  *ws = uniformInt(rng, lo, hi);
  *length = L;
  return true;
}

}  // namespace

const char* windowTaskName(WindowTask task) {
  switch (task) {
    case WindowTask::Detect: return "detect";
    case WindowTask::Gap: return "gap";
    case WindowTask::Part: return "part";
    case WindowTask::Repair: return "repair";
    case WindowTask::Tokens: return "tokens";
  }
  return "?";
}

bool drawResidualWindow(const TrainingSample& s, const FeatureStats& stats, const ModelConfig& c, int T,
                        const ResidualMix& mix, std::mt19937_64& rng, ResidualWindow* out, std::string* error) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const int F = s.frames;
  const size_t n = static_cast<size_t>(T) * kP;
  out->motion.assign(n, 0);
  out->labelGenerate.assign(n, 0);
  out->labelDropped.assign(n, 0);
  out->hasPrior.assign(n, 0);
  out->tokens.assign(n * kC, 0.0f);
  out->prior.assign(n * kC, 0.0f);
  auto truth = [&](int ws, std::vector<float>* tokens) {
    splitTokens(s.features.data() + static_cast<size_t>(ws) * kFeatureCount, T, tokens->data());
    const std::uint8_t* bad = s.bad.data() + static_cast<size_t>(ws) * kP;
    for (size_t i = 0; i < n; ++i) (*tokens)[i * kC + kLabelChannel] = bad[i] ? kLabelBad : kLabelGood;
  };
  if (u(rng) < c.detectShare) {
    out->task = WindowTask::Detect;
    out->start = uniformInt(rng, 0, F - T);
    truth(out->start, &out->tokens);
    std::fill(out->labelGenerate.begin(), out->labelGenerate.end(), 1);
    return true;
  }
  if (u(rng) < c.promptDropout) std::fill(out->labelDropped.begin(), out->labelDropped.end(), 1);

  std::string why;
  const CanonicalRig rig = CanonicalRig::map(s.clip->skeleton(), &why);
  if (!rig.isUsable()) {
    if (error) *error = why;
    return false;
  }
  const BodyPartMap& parts = rig.bodyParts();
  std::vector<std::uint8_t> mask(n, 0);
  Clip window, prior;
  bool withPrior = false;
  int ws = 0;
  const double kind = u(rng);
  WindowTask task = kind < mix.gap                           ? WindowTask::Gap
                    : kind < mix.gap + mix.part              ? WindowTask::Part
                    : kind < mix.gap + mix.part + mix.repair ? WindowTask::Repair
                                                             : WindowTask::Tokens;
  if (task == WindowTask::Repair) {
    // A window with flagged tokens; the take's classical repair is the prior.
    bool found = false;
    for (int attempt = 0; attempt < 4 && !found; ++attempt) {
      ws = uniformInt(rng, 0, F - T);
      const std::uint8_t* bad = s.bad.data() + static_cast<size_t>(ws) * kP;
      found = std::any_of(bad, bad + n, [](std::uint8_t b) { return b != 0; });
    }
    if (found) {
      std::copy_n(s.bad.data() + static_cast<size_t>(ws) * kP, n, mask.begin());
      window = s.clip->subClip(ws, ws + T);
      prior = s.repaired->subClip(ws, ws + T);
      withPrior = true;
    } else {
      task = WindowTask::Gap;
    }
  }
  if (task == WindowTask::Gap || task == WindowTask::Part) {
    const bool gap = task == WindowTask::Gap;
    int g = 0, L = 0;
    if (placeSpan(F, T, gap ? 5 : 15, 60, rng, &g, &L, &ws)) {
      // The prior is computed on a segment holding the span, its context and
      // the window, as the job computes it on the whole take.
      const int seg0 = std::max(0, std::min(ws, g - 2 * kContext));
      const int seg1 = std::min(F, std::max(ws + T, g + L + 2 * kContext));
      const Clip segment = s.clip->subClip(seg0, seg1);
      Clip filled = segment;
      const int part = uniformInt(rng, 0, kP - 1);
      if (gap) {
        withPrior = inbetweenPrior(filled, FrameRange{g - seg0, g + L - seg0});
      } else {
        FillMask fill(segment.frameCount(), segment.jointCount());
        for (int f = g; f < g + L; ++f)
          for (int j = 0; j < segment.jointCount(); ++j)
            if (bodyPartIndex(parts.part(j)) == part) fill.set(f - seg0, j);
        withPrior = fillPrior(filled, fill);
      }
      window = segment.subClip(ws - seg0, ws - seg0 + T);
      prior = filled.subClip(ws - seg0, ws - seg0 + T);
      for (int f = std::max(g, ws); f < std::min(g + L, ws + T); ++f)
        for (int p = 0; p < kP; ++p)
          if (gap || p == part) mask[static_cast<size_t>(f - ws) * kP + p] = 1;
    } else {
      task = WindowTask::Tokens;
    }
  }
  if (task == WindowTask::Tokens) {
    // MaskGIT-style ratio: cos(pi/2 u) spends more samples on heavy masking.
    ws = uniformInt(rng, 0, F - T);
    window = s.clip->subClip(ws, ws + T);
    const double ratio = std::cos(M_PI / 2 * u(rng));
    for (size_t i = 0; i < n; ++i) mask[i] = u(rng) < ratio;
    withPrior = false;
  }
  if (std::none_of(mask.begin(), mask.end(), [](std::uint8_t m) { return m != 0; }))
    mask[static_cast<size_t>(uniformInt(rng, 0, static_cast<int>(n) - 1))] = 1;
  if (withPrior && u(rng) < c.priorDropout) withPrior = false;

  // As regenerateMasked: a frame whose torso is hidden has every token
  // generated.
  const int torso = bodyPartIndex(BodyPart::Torso);
  for (int f = 0; f < T; ++f) {
    const size_t row = static_cast<size_t>(f) * kP;
    for (int p = 0; p < kP; ++p) out->motion[row + p] = mask[row + torso] || mask[row + p] ? 1 : 0;
  }
  const Clip source = maskedSource(window, mask, parts, knownNeighbours(mask, T), withPrior ? &prior : nullptr);
  MotionFeatures features;
  if (!encodeClip(source, nullptr, &features, error, &mask)) return false;
  normalizeFeatures(stats, features.values.data(), features.frames);
  splitTokens(features.values.data(), T, out->prior.data());
  truth(ws, &out->tokens);
  for (size_t i = 0; i < n; ++i) {
    if (!out->motion[i]) std::copy_n(out->prior.data() + i * kC, kLabelChannel, out->tokens.data() + i * kC);
    out->hasPrior[i] = withPrior && out->motion[i];
  }
  out->task = task;
  out->start = ws;
  return true;
}

}  // namespace mm::inference
