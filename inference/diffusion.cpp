#include "inference/diffusion.h"

#include <cmath>

namespace mm::inference {

namespace {

torch::Tensor cosineAlphaBar(int timesteps) {
  // Nichol & Dhariwal 2021: alpha_bar(t) = cos^2(((t/T + s) / (1 + s)) * pi/2), normalised
  // to 1 at t = 0 and kept away from 0 at the end so x0 stays recoverable.
  const double s = 0.008;
  auto f = [&](double t) {
    const double v = std::cos(((t / timesteps + s) / (1.0 + s)) * M_PI / 2.0);
    return v * v;
  };
  auto out = torch::empty({timesteps}, torch::kFloat64);
  for (int t = 0; t < timesteps; ++t) out[t] = std::min(0.9999, std::max(1e-4, f(t + 1) / f(0)));
  return out;
}

}  // namespace

Diffusion::Diffusion(int timesteps, torch::Device device) : mTimesteps(timesteps), mDevice(device) {
  mAlphaBar = cosineAlphaBar(timesteps);
  mValidMotion = torch::zeros({kBodyPartCount, kTokenChannels});
  mRootPath = torch::zeros({kBodyPartCount, kTokenChannels});
  mFeatureIndex = torch::full({kBodyPartCount * kTokenWidth}, kFeatureCount, torch::kLong);
  const auto& layout = tokenFeatureIndices();
  for (int p = 0; p < kBodyPartCount; ++p)
    for (size_t k = 0; k < layout[p].size(); ++k) {
      mValidMotion[p][static_cast<int64_t>(k)] = 1.0f;
      mFeatureIndex[p * kTokenWidth + static_cast<int64_t>(k)] = layout[p][k];
      const int f = layout[p][k];
      if (f == kRootVelocityFeature || f == kRootVelocityFeature + 1 || f == kYawRateFeature)
        mRootPath[p][static_cast<int64_t>(k)] = 1.0f;
    }
  mLabelChannel = torch::zeros({kTokenChannels});
  mLabelChannel[kLabelChannel] = 1.0f;
  mValidMotion = mValidMotion.to(device);
  mLabelChannel = mLabelChannel.to(device);
  mFeatureIndex = mFeatureIndex.to(device);
  mRootPath = mRootPath.to(device);
}

torch::Tensor Diffusion::flags(const TokenMasks& m) const {
  auto motionKnown = m.motionGenerate.logical_not();
  auto labelKnown = m.labelGenerate.logical_not().logical_and(m.labelDropped.logical_not());
  return torch::stack({motionKnown, labelKnown, m.labelGenerate, m.labelDropped}, 3).to(torch::kFloat32);
}

torch::Tensor Diffusion::priorGate(const TokenMasks& m) const {
  if (!m.prior.defined() || !m.hasPrior.defined()) return {};
  return m.hasPrior.logical_and(m.motionGenerate).to(torch::kFloat32);
}

torch::Tensor Diffusion::priorOffset(const TokenMasks& m) const {
  const torch::Tensor gate = priorGate(m);
  if (!gate.defined()) return {};
  return m.prior * (gate.unsqueeze(3) * mValidMotion);
}

torch::Tensor Diffusion::generateMask(const TokenMasks& m) const {
  return m.motionGenerate.unsqueeze(3).to(torch::kFloat32) * mValidMotion +
         m.labelGenerate.unsqueeze(3).to(torch::kFloat32) * mLabelChannel;
}

LossTerms Diffusion::loss(MotionNet& net, const torch::Tensor& x0, const TokenMasks& masks, const torch::Tensor& cond,
                          torch::Generator& generator, double driftWeight) const {
  const int64_t B = x0.size(0);
  auto t = torch::randint(mTimesteps, {B}, generator, torch::kLong);
  auto ab = mAlphaBar.index_select(0, t).to(torch::kFloat32).view({B, 1, 1, 1}).to(mDevice);
  auto eps = torch::randn(x0.sizes(), generator, torch::kFloat32).to(mDevice);
  // Prior-carrying tokens diffuse their correction (truth - prior), not the motion.
  const torch::Tensor offset = priorOffset(masks);
  auto noisy = ab.sqrt() * (offset.defined() ? x0 - offset : x0) + (1 - ab).sqrt() * eps;
  auto gen = generateMask(masks);
  auto input = gen * noisy + (1 - gen) * x0;
  auto dropped = masks.labelDropped.unsqueeze(3).to(torch::kFloat32) * mLabelChannel;
  input = input * (1 - dropped);
  auto pred = net->forward(input, flags(masks), t.to(mDevice), cond, masks.prior, priorGate(masks));
  auto err = (pred - x0).pow(2);
  auto motionMask = gen * (1 - mLabelChannel);
  auto labelMask = gen * mLabelChannel;
  auto motion = (err * motionMask).sum() / motionMask.sum().clamp_min(1.0);
  auto label = (err * labelMask).sum() / labelMask.sum().clamp_min(1.0);
  LossTerms out;
  out.total = motion + label;
  out.motion = motion.item<double>();
  out.label = label.item<double>();
  if (driftWeight > 0) {
    const auto drift = pathDrift(pred - x0, motionMask);
    out.total = out.total + driftWeight * drift;
    out.drift = drift.item<double>();
  }
  return out;
}

torch::Tensor Diffusion::pathDrift(const torch::Tensor& error, const torch::Tensor& motionMask) const {
  // Known frames add no error, so the running sum is the drift the generated
  // frames build up, carried to the window's end.
  const auto pathMask = motionMask * mRootPath;
  const auto running = (error * pathMask).cumsum(1) / double(error.size(1));
  return running.pow(2).sum() / pathMask.sum().clamp_min(1.0);
}

torch::Tensor Diffusion::harmonize(const torch::Tensor& tokens, const torch::Tensor& motionGenerate) const {
  const int64_t B = tokens.size(0), T = tokens.size(1), P = kBodyPartCount, W = kTokenWidth;
  auto motion = tokens.narrow(3, 0, W);
  auto valid = mValidMotion.narrow(1, 0, W).view({1, 1, P, W});
  // Known tokens carry a weight so large that shared features take their value.
  auto weight = torch::where(motionGenerate, torch::ones({}, tokens.options()), torch::full({}, 1e6, tokens.options()))
                    .unsqueeze(3) * valid;
  auto index = mFeatureIndex.view({1, 1, P * W}).expand({B, T, P * W});
  auto sum = torch::zeros({B, T, kFeatureCount + 1}, tokens.options())
                 .scatter_add_(2, index, (motion * weight).reshape({B, T, P * W}));
  auto total = torch::zeros({B, T, kFeatureCount + 1}, tokens.options()).scatter_add_(2, index, weight.reshape({B, T, P * W}));
  auto features = sum / total.clamp_min(1e-12);
  auto back = features.gather(2, index).view({B, T, P, W}) * valid;
  return torch::cat({back, tokens.narrow(3, W, kTokenChannels - W)}, 3);
}

torch::Tensor Diffusion::sample(MotionNet& net, const torch::Tensor& known, const TokenMasks& masks,
                                const torch::Tensor& cond, const SampleSettings& settings,
                                torch::Generator& generator) const {
  torch::NoGradGuard noGrad;
  const int64_t B = known.size(0);
  const int steps = std::max(1, std::min(settings.steps, mTimesteps));
  auto gen = generateMask(masks);
  auto keep = 1 - gen;
  auto knownClean = known * keep;
  const double strength = std::min(1.0, std::max(1e-3, settings.strength));
  const int64_t tStart = std::llround(double(mTimesteps - 1) * strength);
  // Prior-carrying tokens are sampled as corrections to the prior (zero at
  // the start, where `known` holds the prior) and get it back at the end.
  const torch::Tensor offset = priorOffset(masks);
  auto noise = torch::randn(known.sizes(), generator, torch::kFloat32).to(mDevice);
  if (strength < 1.0) {
    const double ab = mAlphaBar[tStart].item<double>();
    noise = std::sqrt(ab) * (offset.defined() ? known - offset : known) + std::sqrt(1.0 - ab) * noise;
  }
  auto x = gen * noise + knownClean;
  auto flagsCond = flags(masks);
  // Guidance compares against the prompt-free prediction: every known
  // indicator dropped.
  TokenMasks uncond = masks;
  uncond.labelDropped = masks.labelDropped.logical_or(masks.labelGenerate.logical_not());
  const bool guided = settings.guidance != 1.0 && uncond.labelDropped.any().item<bool>() &&
                      !masks.labelDropped.all().item<bool>();
  const bool textGuided = settings.textGuidance != 1.0 && cond.ne(0).any().item<bool>();
  auto flagsUncond = flags(uncond);
  const torch::Tensor gate = priorGate(masks);
  auto dropUncond = uncond.labelDropped.unsqueeze(3).to(torch::kFloat32) * mLabelChannel;
  const torch::Tensor noText = torch::zeros_like(cond);

  // The guidance branches run in one batch (one call is cheaper than two or
  // three); what does not change from step to step (flags, conditions, the
  // prior and its gate) is concatenated once.
  const int64_t n = 1 + (guided ? 1 : 0) + (textGuided ? 1 : 0);
  auto repeat = [&](const torch::Tensor& v) { return v.defined() ? torch::cat(std::vector<torch::Tensor>(n, v)) : v; };
  torch::Tensor batchFlags, batchCond, batchPrior, batchGate, keepUncond;
  if (n > 1) {
    std::vector<torch::Tensor> fs{flagsCond}, cs{cond};
    if (guided) fs.push_back(flagsUncond), cs.push_back(cond);
    if (textGuided) fs.push_back(flagsCond), cs.push_back(noText);
    batchFlags = torch::cat(fs);
    batchCond = torch::cat(cs);
    batchPrior = repeat(masks.prior);
    batchGate = repeat(gate);
    if (guided) keepUncond = 1 - dropUncond;
  }

  for (int i = 0; i < steps; ++i) {
    if (settings.cancelled && settings.cancelled()) return {};
    const int64_t t = steps == 1 ? tStart : std::llround(double(tStart) * (steps - 1 - i) / double(steps - 1));
    torch::Tensor pred;
    if (n > 1) {
      std::vector<torch::Tensor> xs{x};
      if (guided) xs.push_back(x * keepUncond);
      if (textGuided) xs.push_back(x);
      auto tt = torch::full({n * B}, t, torch::TensorOptions().dtype(torch::kLong).device(mDevice));
      auto all = net->forward(torch::cat(xs), batchFlags, tt, batchCond, batchPrior, batchGate);
      auto predCond = all.narrow(0, 0, B);
      if (guided && !textGuided) {
        auto predUncond = all.narrow(0, B, B);
        pred = predUncond + settings.guidance * (predCond - predUncond);
      } else {
        // Two directions from the full prediction (quality prompt and text).
        pred = predCond + (settings.textGuidance - 1.0) * (predCond - all.narrow(0, (n - 1) * B, B));
        if (guided) pred = pred + (settings.guidance - 1.0) * (predCond - all.narrow(0, B, B));
      }
    } else {
      auto tt = torch::full({B}, t, torch::TensorOptions().dtype(torch::kLong).device(mDevice));
      pred = net->forward(x, flagsCond, tt, cond, masks.prior, gate);
    }
    pred = harmonize(pred, masks.motionGenerate);
    pred = torch::cat({pred.narrow(3, 0, kTokenWidth), pred.narrow(3, kLabelChannel, 1).clamp(-1.0, 1.0)}, 3);
    if (offset.defined()) pred = pred - offset;
    if (i == steps - 1) {
      x = pred;
    } else {
      const int64_t tNext = std::llround(double(tStart) * (steps - 2 - i) / double(steps - 1));
      const double ab = mAlphaBar[t].item<double>(), abNext = mAlphaBar[tNext].item<double>();
      auto eps = (x - std::sqrt(ab) * pred) / std::sqrt(1.0 - ab);
      x = std::sqrt(abNext) * pred + std::sqrt(1.0 - abNext) * eps;
    }
    x = gen * x + knownClean;  // impose what is known
    if (settings.stepDone) settings.stepDone(i + 1);
  }
  return offset.defined() ? x + offset : x;
}

}  // namespace mm::inference
