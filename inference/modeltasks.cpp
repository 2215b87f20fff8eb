#include "inference/modeltasks.h"

#include "inference/checkpoint.h"
#include "inference/device.h"
#include "inference/diffusion.h"
#include "inference/maskedsource.h"
#include "inference/motionfeatures.h"
#include "inference/netstate.h"
#include "inference/tokenlayout.h"
#include "motion/clip.h"
#include "motion/resample.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm::inference {

struct MotionModel::Impl {
  Checkpoint meta;  // config, stats, step, note (arrays dropped after loading)
  torch::Device device = torch::kCPU;
  MotionNet net{nullptr};
  std::unique_ptr<Diffusion> diffusion;
};

MotionModel::MotionModel(std::unique_ptr<Impl> impl) : mImpl(std::move(impl)) {}
MotionModel::~MotionModel() = default;
const ModelConfig& MotionModel::config() const { return mImpl->meta.config; }
std::int64_t MotionModel::trainedSteps() const { return mImpl->meta.step; }
const std::string& MotionModel::note() const { return mImpl->meta.note; }
const std::string& MotionModel::vocabulary() const { return mImpl->meta.vocabulary; }
bool MotionModel::textConditioned() const {
  return mImpl->meta.config.textActions > 0 && mImpl->meta.config.textStyles > 0;
}

std::vector<std::uint8_t> MotionModel::trainedActions() const {
  std::vector<std::uint8_t> out;
  if (!textConditioned()) return out;
  torch::NoGradGuard noGrad;
  const auto params = mImpl->net->named_parameters(false);
  const torch::Tensor* table = params.find("text_action");
  if (!table) return out;
  const torch::Tensor used = table->abs().sum(1).gt(0).to(torch::kCPU).to(torch::kUInt8).contiguous();
  out.assign(used.data_ptr<std::uint8_t>(), used.data_ptr<std::uint8_t>() + used.numel());
  return out;
}

std::unique_ptr<MotionModel> MotionModel::load(const std::string& path, const std::string& device,
                                               std::string* error) {
  try {
    DeviceInfo info;
    if (!chooseDevice(device, &info, error)) return nullptr;
    auto impl = std::make_unique<Impl>();
    if (!loadCheckpoint(path, &impl->meta, error)) return nullptr;
    if (!impl->meta.stats.valid()) {
      if (error) *error = path + ": the model file has no normalisation statistics";
      return nullptr;
    }
    impl->device = info.kind == DeviceKind::Cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    impl->net = MotionNet(impl->meta.config);
    std::string why;
    if (!importTensors(impl->meta, "ema", namedParameters(*impl->net), &why)) {
      if (error) *error = path + ": " + why;
      return nullptr;
    }
    impl->meta.arrays.clear();
    impl->net->to(impl->device);
    impl->net->eval();
    impl->diffusion = std::make_unique<Diffusion>(impl->meta.config.trainTimesteps, impl->device);
    return std::unique_ptr<MotionModel>(new MotionModel(std::move(impl)));
  } catch (const std::exception& e) {
    if (error) *error = path + ": " + e.what();
    return nullptr;
  }
}

namespace {

constexpr int kP = kBodyPartCount;
constexpr int kC = kTokenChannels;

struct Window {
  int start = 0;
  int length = 0;
};

std::vector<Window> planWindows(int frames, const ModelConfig& c) {
  const int w = std::max(2, c.window);
  if (frames <= w) return {{0, frames}};
  const int hop = std::max(1, w - std::max(0, std::min(c.overlap, w - 1)));
  std::vector<Window> out;
  for (int s = 0;; s += hop) {
    if (s + w >= frames) {
      out.push_back({frames - w, w});
      break;
    }
    out.push_back({s, w});
  }
  return out;
}

// What one run of the sampler over a clip needs and produces.
struct TokenGrid {
  int frames = 0;
  std::vector<float> tokens;          // frames x P x C, normalised; indicator channel set
  std::vector<std::uint8_t> motion;   // frames x P: generate motion
  // frames x P: a generated token whose `tokens` hold a classical answer
  // (residual models read it as their prior); empty: none.
  std::vector<std::uint8_t> hasPrior;
  bool generateLabels = false;        // detection
  // frames x P text condition (vocabulary ids, -1 none); empty: none.
  std::vector<std::int16_t> textAction, textStyle;
};

// Samples every window that has something to generate and blends the
// overlaps. Returns false when cancelled; `out` gets frames x P x C.
bool sampleGridPadded(const MotionModel::Impl& m, const TokenGrid& grid, const TaskOptions& options,
                      std::vector<float>* out);

// A clip shorter than the model's window is padded to it with known copies
// of its last frame: the network only ever saw windows of that length (a
// 16-frame window put the in-betweening of 5 frames 4x off).
bool sampleGrid(const MotionModel::Impl& m, const TokenGrid& grid, const TaskOptions& options,
                std::vector<float>* out) {
  const int W = m.meta.config.window;
  if (grid.frames == 0 || grid.frames >= W) return sampleGridPadded(m, grid, options, out);
  TokenGrid padded = grid;
  padded.frames = W;
  const size_t row = static_cast<size_t>(kP) * kC;
  for (int f = grid.frames; f < W; ++f) {
    padded.tokens.insert(padded.tokens.end(), grid.tokens.end() - row, grid.tokens.end());
    // A hidden last frame stays hidden in its copies (they must not impose it).
    padded.motion.insert(padded.motion.end(), grid.motion.end() - kP, grid.motion.end());
    if (!grid.hasPrior.empty())
      padded.hasPrior.insert(padded.hasPrior.end(), grid.hasPrior.end() - kP, grid.hasPrior.end());
    if (!grid.textAction.empty()) {
      padded.textAction.insert(padded.textAction.end(), grid.textAction.end() - kP, grid.textAction.end());
      padded.textStyle.insert(padded.textStyle.end(), grid.textStyle.end() - kP, grid.textStyle.end());
    }
  }
  if (!sampleGridPadded(m, padded, options, out)) return false;
  out->resize(static_cast<size_t>(grid.frames) * row);
  return true;
}

// A chained window's first generated frame of each part need not continue the
// known frames before it (the model is not exact): the gap between it and
// where the known frames were heading (their last value plus their last
// change) is added to the window's generated frames, fading out smoothly over
// kChainJoinFrames, so the join keeps position and speed (inertialisation, as
// game animation blends transitions). Grid frames still to generate are set in
// `grid->motion`; the label channel is left alone.
constexpr int kChainJoinFrames = 8;

void joinChainedWindow(TokenGrid* grid, const Window& w) {
  auto generated = [&](int f, int p) { return grid->motion[static_cast<size_t>(f) * kP + p] != 0; };
  auto token = [&](int f, int p) { return grid->tokens.data() + (static_cast<size_t>(f) * kP + p) * kC; };
  for (int p = 0; p < kP; ++p) {
    int g0 = w.start;
    while (g0 < w.start + w.length && !generated(g0, p)) ++g0;
    if (g0 < 2 || g0 >= w.start + w.length || generated(g0 - 1, p) || generated(g0 - 2, p)) continue;
    const float *a = token(g0 - 2, p), *b = token(g0 - 1, p), *first = token(g0, p);
    float gap[kC];
    for (int c = 0; c < kC; ++c) gap[c] = c == kLabelChannel ? 0.0f : (2.0f * b[c] - a[c]) - first[c];
    for (int i = 0; i < kChainJoinFrames && g0 + i < w.start + w.length && generated(g0 + i, p); ++i) {
      const double t = double(i) / kChainJoinFrames;
      const float keep = static_cast<float>(1.0 - t * t * (3.0 - 2.0 * t));  // 1 at the join, 0 with zero slope
      float* v = token(g0 + i, p);
      for (int c = 0; c < kC; ++c) v[c] += keep * gap[c];
    }
  }
}

bool sampleGridPadded(const MotionModel::Impl& m, const TokenGrid& input, const TaskOptions& options,
                      std::vector<float>* out) {
  const ModelConfig& c = m.meta.config;
  // Chained windows write each window's result into `chained` and impose it
  // as known in the windows after it.
  const bool chain = options.chainWindows;
  TokenGrid chained;
  if (chain) chained = input;
  const TokenGrid& grid = chain ? chained : input;
  const bool text = m.net->config().textActions > 0 && !grid.textAction.empty();
  const std::vector<Window> windows = planWindows(grid.frames, c);
  std::vector<Window> todo;
  for (const Window& w : windows) {
    bool any = grid.generateLabels;
    for (int f = w.start; f < w.start + w.length && !any; ++f)
      for (int p = 0; p < kP; ++p) any = any || grid.motion[static_cast<size_t>(f) * kP + p];
    if (any) todo.push_back(w);
  }
  std::vector<double> sum(grid.tokens.size(), 0.0), weight(static_cast<size_t>(grid.frames), 0.0);
  // Windows of equal length run as one batch, a few at a time, so a cancel
  // still lands within one network call.
  constexpr size_t kWindowsPerBatch = 8;
  std::vector<std::vector<Window>> batches;
  for (const Window& w : todo) {
    if (batches.empty() || chain || batches.back().size() == kWindowsPerBatch || batches.back().front().length != w.length)
      batches.emplace_back();
    batches.back().push_back(w);
  }
  // A residual model reading a prior gives its correction as one prediction
  // from noise, without guidance: the mean correction, which measured well
  // ahead of 12 DDIM steps (whose sampled corrections drifted far from the
  // truth: resources/models/README.md).
  const bool meanCorrection = c.residual && !grid.hasPrior.empty() && !grid.generateLabels;
  const int steps = meanCorrection ? 1 : options.steps;
  const double totalEvaluations = std::max<double>(1.0, double(batches.size()) * steps);
  double done = 0;
  bool cancelled = false;
  auto report = [&](double evaluations) {
    if (cancelled) return true;
    if (options.progress && !options.progress(std::min(1.0, evaluations / totalEvaluations))) cancelled = true;
    return cancelled;
  };
  if (report(0)) return false;

  const auto boolOptions = torch::TensorOptions().dtype(torch::kBool).device(m.device);
  for (size_t bi = 0; bi < batches.size(); ++bi) {
    const std::vector<Window>& batch = batches[bi];
    const int B = static_cast<int>(batch.size()), T = batch.front().length;
    std::vector<torch::Tensor> known, motion, hasPrior;
    for (const Window& w : batch) {
      if (!grid.hasPrior.empty())
        hasPrior.push_back(torch::from_blob(const_cast<std::uint8_t*>(grid.hasPrior.data() + static_cast<size_t>(w.start) * kP),
                                            {T, kP}, torch::kUInt8));
      const float* src = grid.tokens.data() + static_cast<size_t>(w.start) * kP * kC;
      known.push_back(torch::from_blob(const_cast<float*>(src), {T, kP, kC}, torch::kFloat32));
      motion.push_back(torch::from_blob(const_cast<std::uint8_t*>(grid.motion.data() + static_cast<size_t>(w.start) * kP),
                                        {T, kP}, torch::kUInt8));
    }
    TokenMasks masks;
    masks.motionGenerate = torch::stack(motion).to(torch::kBool).to(m.device);
    masks.labelGenerate = torch::full({B, T, kP}, grid.generateLabels, boolOptions);
    masks.labelDropped = torch::zeros({B, T, kP}, boolOptions);
    auto knownTokens = torch::stack(known).to(m.device);
    if (c.residual && !hasPrior.empty()) {  // the classical answer sits in the generated tokens
      masks.prior = knownTokens;
      masks.hasPrior = torch::stack(hasPrior).to(torch::kBool).to(m.device);
    }
    torch::Tensor cond;
    if (text) {
      std::vector<torch::Tensor> actions, styles;
      for (const Window& w : batch) {
        const size_t at = static_cast<size_t>(w.start) * kP;
        actions.push_back(torch::from_blob(const_cast<std::int16_t*>(grid.textAction.data() + at), {T, kP}, torch::kInt16));
        styles.push_back(torch::from_blob(const_cast<std::int16_t*>(grid.textStyle.data() + at), {T, kP}, torch::kInt16));
      }
      cond = m.net->textCondition(torch::stack(actions).to(torch::kLong).to(m.device),
                                  torch::stack(styles).to(torch::kLong).to(m.device));
      // A window whose tokens all carry one condition (a one-segment prompt,
      // or a window away from segment boundaries and part overrides) takes
      // the per-window path: the same values (every token would add the same
      // row), but the adaptive norms' modulations are computed once per
      // window instead of once per token in every block and step.
      const auto rows = cond.flatten(1, 2);  // [B, T * P, condWidth]
      if (rows.eq(rows.narrow(1, 0, 1)).all().item<bool>()) cond = rows.select(1, 0).contiguous();

    } else {
      cond = torch::zeros({B, c.condWidth}, torch::TensorOptions().device(m.device));
    }
    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed * 1000003ULL + bi);
    SampleSettings settings;
    settings.steps = steps;
    settings.guidance = grid.generateLabels || meanCorrection ? 1.0 : options.guidance;
    settings.strength = grid.generateLabels || meanCorrection ? 1.0 : options.strength;
    settings.textGuidance = text ? options.textGuidance : 1.0;
    int evaluations = 0;
    settings.cancelled = [&] { return report(done + evaluations++); };
    const auto result =
        m.diffusion->sample(const_cast<MotionNet&>(m.net), knownTokens, masks, cond, settings, generator);
    if (!result.defined()) return false;
    done += steps;
    auto cpu = result.to(torch::kCPU).contiguous();
    if (chain) {  // B == 1: the window's frames become known for the next ones
      const Window& w = batch.front();
      const size_t row = static_cast<size_t>(kP) * kC;
      std::copy_n(cpu.data_ptr<float>(), static_cast<size_t>(T) * row, chained.tokens.begin() + static_cast<ptrdiff_t>(w.start * row));
      joinChainedWindow(&chained, w);
      std::fill_n(chained.motion.begin() + static_cast<ptrdiff_t>(w.start) * kP, static_cast<size_t>(T) * kP, 0);
      continue;
    }
    // Linear ramps over the overlaps; a window alone at a clip end needs none
    // but gets one anyway, which cancels out after normalising.
    const double ramp = std::max(1, c.overlap) + 1.0;
    for (int b = 0; b < B; ++b) {
      const float* r = cpu.data_ptr<float>() + static_cast<size_t>(b) * T * kP * kC;
      for (int t = 0; t < T; ++t) {
        const double wgt = std::min({1.0, (t + 1) / ramp, (T - t) / ramp});
        const size_t f = static_cast<size_t>(batch[b].start + t);
        weight[f] += wgt;
        for (int k = 0; k < kP * kC; ++k) sum[f * kP * kC + k] += wgt * r[static_cast<size_t>(t) * kP * kC + k];
      }
    }
  }
  out->assign(grid.tokens.begin(), grid.tokens.end());
  for (size_t f = 0; !chain && f < static_cast<size_t>(grid.frames); ++f)
    if (weight[f] > 0)
      for (int k = 0; k < kP * kC; ++k) (*out)[f * kP * kC + k] = static_cast<float>(sum[f * kP * kC + k] / weight[f]);
  report(totalEvaluations);
  return !cancelled;
}

// Encodes the clip and fills the token grid (indicator prompted "good").
// `hidden` (frames x P) is what the model must not read (encodeMotion).
bool prepare(const MotionModel::Impl& m, const Clip& clip, const PartMask* hidden, CanonicalRig* rig,
             MotionFeatures* features, TokenGrid* grid, std::string* error) {
  if (!encodeClip(clip, rig, features, error, hidden)) return false;
  std::vector<float> normalised = features->values;
  normalizeFeatures(m.meta.stats, normalised.data(), features->frames);
  grid->frames = features->frames;
  grid->tokens.resize(static_cast<size_t>(grid->frames) * kP * kC);
  splitTokens(normalised.data(), grid->frames, grid->tokens.data());
  for (size_t i = 0; i < static_cast<size_t>(grid->frames) * kP; ++i) grid->tokens[i * kC + kLabelChannel] = kLabelGood;
  grid->motion.assign(static_cast<size_t>(grid->frames) * kP, 0);
  return true;
}

// The share of the model's correction a regenerated (frame, part) keeps:
// it fades in over `fade` frames from the part's known frames, so the result
// joins them as the prior does (a short gap cannot come out worse than its
// classical answer by a jump). 1 everywhere when fade <= 0.
double correctionWeight(const KnownNeighbours& known, size_t i, int f, int fade) {
  if (fade <= 0) return 1.0;
  int d = std::numeric_limits<int>::max();
  if (known.previous[i] >= 0) d = std::min(d, f - known.previous[i]);
  if (known.next[i] >= 0) d = std::min(d, known.next[i] - f);
  return std::min(1.0, double(d) / (fade + 1));
}

// The result over a prior, by construction: each regenerated joint is the
// prior's value plus the (faded) difference between the model's decoded
// answer and the prior decoded through the very same path (features, root
// integration, retargeting; for another rate, the resampling). Whatever that
// path loses cancels out, so a zero correction returns the prior to float
// precision. `scale` shrinks the whole correction. `out` holds the model's
// answer and receives the result; known joints are left as they are.
void applyCorrection(const Clip& prior, const Clip& decodedPrior, const PartMask& mask, const BodyPartMap& parts,
                     const KnownNeighbours& known, int fade, double scale, Clip* out) {
  for (int f = 0; f < out->frameCount(); ++f)
    for (int j = 0; j < out->jointCount(); ++j) {
      const size_t i = static_cast<size_t>(f) * kP + bodyPartIndex(parts.part(j));
      if (!mask[i]) continue;
      const double w = scale * correctionWeight(known, i, f, fade);
      const Eigen::Quaterniond p = decodedPrior.rotation(f, j).normalized();
      const Eigen::Quaterniond delta = (p.conjugate() * alignSign(out->rotation(f, j).normalized(), p)).normalized();
      const Eigen::Quaterniond faded = w >= 1.0 ? delta : Eigen::Quaterniond::Identity().slerp(w, delta);
      const Eigen::Quaterniond q = (prior.rotation(f, j) * faded).normalized();
      out->rotation(f, j) = f > 0 ? alignSign(q, out->rotation(f - 1, j)) : alignSign(q, prior.rotation(f, j));
      if (out->hasTrack(j))
        out->translation(f, j) = prior.translation(f, j) + w * (out->translation(f, j) - decodedPrior.translation(f, j));
    }
}

TaskResult failed(const std::string& message) { return {TaskStatus::Failed, message}; }

}  // namespace

TaskResult detectArtifacts(const MotionModel& model, const Clip& clip, const TaskOptions& options,
                           std::vector<float>* badProbability) {
  try {
    const auto& m = model.impl();
    CanonicalRig rig;
    MotionFeatures features;
    TokenGrid grid;
    std::string error;
    if (!prepare(m, clip, nullptr, &rig, &features, &grid, &error)) return failed(error);
    grid.generateLabels = true;
    std::vector<float> out;
    if (!sampleGrid(m, grid, options, &out)) return {TaskStatus::Cancelled, {}};
    std::vector<float> p(static_cast<size_t>(grid.frames) * kP);
    for (size_t i = 0; i < p.size(); ++i) p[i] = std::clamp((out[i * kC + kLabelChannel] + 1.0f) * 0.5f, 0.0f, 1.0f);
    *badProbability = std::move(p);
    return {};
  } catch (const std::exception& e) {
    return failed(std::string("the motion model failed: ") + e.what());
  }
}

namespace {

// regenerateMasked at the clip's own rate.
TaskResult regenerateAtOwnRate(const MotionModel& model, const Clip& clip, const PartMask& mask,
                               const TaskOptions& options, Clip* output, const Clip* prior) {
  try {
    const auto& m = model.impl();
    std::string error;
    const CanonicalRig mapped = CanonicalRig::map(clip.skeleton(), &error);
    if (!mapped.isUsable()) return failed(error.empty() ? "the skeleton does not map onto the canonical rig" : error);
    const KnownNeighbours known = knownNeighbours(mask, clip.frameCount());
    const Clip source = maskedSource(clip, mask, mapped.bodyParts(), known, prior);
    CanonicalRig rig;
    MotionFeatures features;
    TokenGrid grid;
    if (!prepare(m, source, &mask, &rig, &features, &grid, &error)) return failed(error);
    // Every token carries the frame's root and spine features, so a frame
    // whose torso is unknown has no known token: all its tokens are sampled
    // (otherwise the other parts would impose the very torso motion being
    // replaced). The parts the mask leaves known still get their joints back
    // from the input below.
    const int torso = bodyPartIndex(BodyPart::Torso);
    for (int f = 0; f < grid.frames; ++f) {
      const size_t row = static_cast<size_t>(f) * kP;
      const bool torsoUnknown = mask[row + torso] != 0;
      for (int p = 0; p < kP; ++p) grid.motion[row + p] = torsoUnknown || mask[row + p] ? 1 : 0;
    }
    // With a prior, every generated token's input holds the classical answer
    // (or, for known parts of a frame whose torso is regenerated, the input).
    if (prior) grid.hasPrior = grid.motion;
    if (!options.textAction.empty()) {
      if (options.textAction.size() != mask.size() || options.textStyle.size() != mask.size())
        return failed("the text condition does not match the clip's frame count");
      grid.textAction = options.textAction;
      grid.textStyle = options.textStyle;
    }
    std::vector<float> tokens;
    if (!sampleGrid(m, grid, options, &tokens)) return {TaskStatus::Cancelled, {}};

    // Tokens -> clip: known tokens win shared features, and frames with
    // nothing generated keep their encoded features exactly.
    const int F = grid.frames;
    std::vector<float> weights(static_cast<size_t>(F) * kP);
    for (size_t i = 0; i < weights.size(); ++i) weights[i] = grid.motion[i] ? 1.0f : 1e6f;
    std::vector<std::uint8_t> anchors(static_cast<size_t>(F));
    for (int f = 0; f < F; ++f) anchors[f] = !grid.motion[static_cast<size_t>(f) * kP + bodyPartIndex(BodyPart::Torso)];
    const BodyPartMap& parts = rig.bodyParts();
    auto decodeTokens = [&](const std::vector<float>& sampled, Clip* out) {
      MotionFeatures result = features;
      mergeTokens(sampled.data(), F, weights.data(), result.values.data());
      denormalizeFeatures(m.meta.stats, result.values.data(), F);
      for (int f = 0; f < F; ++f) {
        bool any = false;
        for (int p = 0; p < kP; ++p) any = any || grid.motion[static_cast<size_t>(f) * kP + p];
        if (!any) std::copy_n(features.frame(f), kFeatureCount, result.frame(f));
      }
      const CanonicalMotion decoded = decodeMotion(result, &anchors);
      // Written over the masked source: joints the model does not drive (a
      // static top node, fingers) and quaternion signs follow it, never the
      // hidden input.
      *out = source;
      if (!rig.fromCanonical(decoded, *out, &error)) return false;
      // Known parts keep the input's values bit for bit (the decode went
      // through float features); regenerated joints have data now, so a
      // missing (invalid) joint the model filled becomes valid.
      for (int f = 0; f < F; ++f) {
        for (int j = 0; j < clip.jointCount(); ++j) {
          if (!mask[static_cast<size_t>(f) * kP + bodyPartIndex(parts.part(j))])
            out->rotation(f, j) = clip.rotation(f, j);
          else if (rig.canonicalOf(j) && !out->isValid(f, j))
            out->setValid(f, j, true);
        }
        if (anchors[f])
          for (int j = 0; j < clip.jointCount(); ++j)
            if (clip.hasTrack(j)) out->translation(f, j) = source.translation(f, j);
      }
      return true;
    };
    Clip out;
    if (!decodeTokens(tokens, &out)) return failed(error);
    if (prior) {
      // The prior's own tokens through the same decode: the correction is
      // the difference, added to the prior (applyCorrection).
      Clip decodedPrior;
      if (!decodeTokens(grid.tokens, &decodedPrior)) return failed(error);
      applyCorrection(source, decodedPrior, mask, parts, known, options.priorFadeFrames,
                      std::clamp(options.correctionScale, 0.0, 1.0), &out);
    }
    if (options.progress && !options.progress(1.0)) return {TaskStatus::Cancelled, {}};
    *output = std::move(out);
    return {};
  } catch (const std::exception& e) {
    return failed(std::string("the motion model failed: ") + e.what());
  }
}

// At another rate than the model's: the masked source (never the hidden
// input) is resampled to the model's rate, regenerated there (a model frame
// is hidden when a frame it blends is), and resampled back; only the hidden
// (frame, part) joints take the result, every other value keeps its bits.
TaskResult regenerateAtModelRate(const MotionModel& model, const Clip& clip, const PartMask& mask,
                                 const TaskOptions& options, Clip* output, const Clip* prior) {
  std::string error;
  const CanonicalRig mapped = CanonicalRig::map(clip.skeleton(), &error);
  if (!mapped.isUsable()) return failed(error.empty() ? "the skeleton does not map onto the canonical rig" : error);
  const BodyPartMap& parts = mapped.bodyParts();
  const KnownNeighbours known = knownNeighbours(mask, clip.frameCount());
  const Clip source = maskedSource(clip, mask, parts, known, prior);
  const double rate = model.config().fps;
  const Clip low = resample(source, rate);
  const int F = clip.frameCount(), L = low.frameCount();
  if (L < 2) return regenerateAtOwnRate(model, clip, mask, options, output, prior);
  PartMask lowMask(static_cast<size_t>(L) * kP, 0);
  for (int k = 0; k < L; ++k) {
    const double x = k / rate * clip.fps();
    const int i0 = std::min(F - 1, static_cast<int>(std::floor(x + 1e-9)));
    const int i1 = std::min(F - 1, i0 + 1);
    const bool blends = x - i0 > 1e-9;
    for (int p = 0; p < kP; ++p)
      lowMask[static_cast<size_t>(k) * kP + p] =
          mask[static_cast<size_t>(i0) * kP + p] || (blends && mask[static_cast<size_t>(i1) * kP + p]);
  }
  TaskOptions lowOptions = options;
  if (!options.textAction.empty()) {  // each model frame takes the condition of the nearest take frame
    if (options.textAction.size() != mask.size() || options.textStyle.size() != mask.size())
      return failed("the text condition does not match the clip's frame count");
    lowOptions.textAction.assign(static_cast<size_t>(L) * kP, -1);
    lowOptions.textStyle.assign(static_cast<size_t>(L) * kP, -1);
    for (int k = 0; k < L; ++k) {
      const size_t f = static_cast<size_t>(std::min(F - 1, static_cast<int>(std::lround(k / rate * clip.fps()))));
      std::copy_n(options.textAction.begin() + f * kP, kP, lowOptions.textAction.begin() + static_cast<size_t>(k) * kP);
      std::copy_n(options.textStyle.begin() + f * kP, kP, lowOptions.textStyle.begin() + static_cast<size_t>(k) * kP);
    }
  }
  Clip lowOut;
  const TaskResult r = regenerateAtOwnRate(model, low, lowMask, lowOptions, &lowOut, prior ? &low : nullptr);
  if (!r.ok()) return r;
  const Clip back = resample(lowOut, clip.fps());
  // With a prior, the correction (the result less the prior, both through the
  // resampling) goes onto the prior at this rate, so a zero correction
  // returns the prior exactly here too.
  const Clip backPrior = prior ? resample(low, clip.fps()) : Clip();
  Clip out = clip;
  for (int f = 0; f < F; ++f) {
    const int g = std::min(f, back.frameCount() - 1);
    for (int j = 0; j < clip.jointCount(); ++j) {
      if (!mask[static_cast<size_t>(f) * kP + bodyPartIndex(parts.part(j))]) continue;
      Eigen::Quaterniond q = back.rotation(g, j);
      Eigen::Vector3d t = clip.hasTrack(j) ? back.translation(g, j) : Eigen::Vector3d::Zero();
      if (prior) {
        const Eigen::Quaterniond p = backPrior.rotation(g, j).normalized();
        q = (source.rotation(f, j) * (p.conjugate() * alignSign(q.normalized(), p))).normalized();
        if (clip.hasTrack(j)) t = source.translation(f, j) + (t - backPrior.translation(g, j));
      }
      out.rotation(f, j) = f > 0 ? alignSign(q, out.rotation(f - 1, j)) : q;
      if (clip.hasTrack(j)) out.translation(f, j) = t;
      out.setValid(f, j, back.isValid(g, j) || mapped.canonicalOf(j).has_value());
    }
  }
  *output = std::move(out);
  return {};
}

}  // namespace

TaskResult regenerateMasked(const MotionModel& model, const Clip& clip, const PartMask& mask,
                            const TaskOptions& options, Clip* output, const Clip* prior) {
  if (mask.size() != static_cast<size_t>(clip.frameCount()) * kP)
    return failed("the mask does not match the clip's frame count");
  if (prior && (prior->frameCount() != clip.frameCount() || prior->jointCount() != clip.jointCount()))
    return failed("the prior does not match the clip's frames and joints");
  try {
    const double rate = model.config().fps;
    if (rate > 0 && clip.fps() > 0 && std::abs(clip.fps() - rate) > 1e-6 * rate)
      return regenerateAtModelRate(model, clip, mask, options, output, prior);
  } catch (const std::exception& e) {
    return failed(std::string("the motion model failed: ") + e.what());
  }
  return regenerateAtOwnRate(model, clip, mask, options, output, prior);
}

TaskResult cleanClip(const MotionModel& model, const Clip& clip, const PartMask* bad, const TaskOptions& options,
                     Clip* output, PartMask* usedMask, const Clip* prior) {
  const int F = clip.frameCount();
  PartMask flags(static_cast<size_t>(F) * kP, 0);
  TaskOptions half = options;
  if (bad) {
    if (bad->size() != flags.size()) return failed("the quality mask does not match the clip's frame count");
    flags = *bad;
  } else {
    std::vector<float> p;
    // Detection takes the first half of the progress bar.
    half.progress = [&](double x) { return !options.progress || options.progress(0.5 * x); };
    const TaskResult r = detectArtifacts(model, clip, half, &p);
    if (!r.ok()) return r;
    for (size_t i = 0; i < p.size(); ++i) flags[i] = p[i] > 0.5f;
    half.progress = [&](double x) { return !options.progress || options.progress(0.5 + 0.5 * x); };
  }
  PartMask mask(flags.size(), 0);
  for (int f = 0; f < F; ++f)
    for (int p = 0; p < kP; ++p)
      for (int g = std::max(0, f - 1); g <= std::min(F - 1, f + 1); ++g)
        if (flags[static_cast<size_t>(g) * kP + p]) mask[static_cast<size_t>(f) * kP + p] = 1;
  if (usedMask) *usedMask = mask;
  return regenerateMasked(model, clip, mask, bad ? options : half, output, prior);
}

TaskResult inbetweenClip(const MotionModel& model, const Clip& clip, int start, int end, const TaskOptions& options,
                         Clip* output, const Clip* prior) {
  if (start < 0 || end > clip.frameCount() || start >= end)
    return failed("frames " + std::to_string(start) + ":" + std::to_string(end) + " are not inside the clip's " +
                  std::to_string(clip.frameCount()) + " frames");
  PartMask mask(static_cast<size_t>(clip.frameCount()) * kP, 0);
  std::fill(mask.begin() + static_cast<size_t>(start) * kP, mask.begin() + static_cast<size_t>(end) * kP, 1);
  return regenerateMasked(model, clip, mask, options, output, prior);
}

}  // namespace mm::inference
