#include "inference/motionnet.h"

#include <cmath>

namespace mm::inference {

namespace nn = torch::nn;

namespace {
constexpr double kPriorClamp = 6.0;  // normalised units
}

torch::Tensor sinusoidalEmbedding(const torch::Tensor& positions, int width) {
  const int half = width / 2;
  auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(positions.device());
  auto freqs = torch::exp(torch::arange(half, opts) * (-std::log(10000.0) / half));
  auto args = positions.to(torch::kFloat32).unsqueeze(1) * freqs.unsqueeze(0);
  auto emb = torch::cat({torch::sin(args), torch::cos(args)}, 1);
  if (width % 2) emb = torch::cat({emb, torch::zeros({emb.size(0), 1}, opts)}, 1);
  return emb;
}

SelfAttentionImpl::SelfAttentionImpl(int width, int heads) : mHeads(heads) {
  mQkv = register_module("qkv", nn::Linear(width, 3 * width));
  mOut = register_module("out", nn::Linear(width, width));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x) {
  const int64_t n = x.size(0), l = x.size(1), d = x.size(2), dh = d / mHeads;
  auto qkv = mQkv(x).view({n, l, 3, mHeads, dh}).permute({2, 0, 3, 1, 4});
  auto q = qkv[0], k = qkv[1], v = qkv[2];
  auto attention = torch::softmax(torch::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(double(dh))), -1);
  return mOut(torch::matmul(attention, v).permute({0, 2, 1, 3}).reshape({n, l, d}));
}

MotionBlockImpl::MotionBlockImpl(const ModelConfig& c) : mWidth(c.width) {
  auto norm = [&] { return nn::LayerNorm(nn::LayerNormOptions({c.width}).elementwise_affine(false).eps(1e-6)); };
  mNorm1 = register_module("norm1", norm());
  mNorm2 = register_module("norm2", norm());
  mNorm3 = register_module("norm3", norm());
  mPartAttention = register_module("part_attention", SelfAttention(c.width, c.heads));
  mTimeAttention = register_module("time_attention", SelfAttention(c.width, c.heads));
  mFc1 = register_module("fc1", nn::Linear(c.width, c.mlpRatio * c.width));
  mFc2 = register_module("fc2", nn::Linear(c.mlpRatio * c.width, c.width));
  mModulation = register_module("modulation", nn::Linear(c.width, 9 * c.width));
  torch::NoGradGuard guard;
  mModulation->weight.zero_();
  mModulation->bias.zero_();
}

torch::Tensor MotionBlockImpl::forward(torch::Tensor h, const torch::Tensor& c) {
  const int64_t B = h.size(0), T = h.size(1), P = h.size(2), d = mWidth;
  auto m = (c.dim() == 2 ? mModulation(torch::silu(c)).view({B, 1, 1, 9, d})
                         : mModulation(torch::silu(c)).view({B, c.size(1), c.size(2), 9, d}))
               .unbind(3);
  auto modulate = [](const torch::Tensor& x, const torch::Tensor& shift, const torch::Tensor& scale) {
    return x * (1 + scale) + shift;
  };
  // Across the parts of each frame.
  auto y = modulate(mNorm1(h), m[0], m[1]).reshape({B * T, P, d});
  h = h + m[2] * mPartAttention(y).view({B, T, P, d});
  // Along time, per part.
  y = modulate(mNorm2(h), m[3], m[4]).permute({0, 2, 1, 3}).reshape({B * P, T, d});
  h = h + m[5] * mTimeAttention(y).view({B, P, T, d}).permute({0, 2, 1, 3});
  y = modulate(mNorm3(h), m[6], m[7]);
  return h + m[8] * mFc2(torch::gelu(mFc1(y)));
}

MotionNetImpl::MotionNetImpl(const ModelConfig& c) : mConfig(c) {
  // One input and output projection per part: the parts' channel layouts differ.
  mIn = register_module("in", nn::ModuleList());
  mOut = register_module("out", nn::ModuleList());
  for (int p = 0; p < kBodyPartCount; ++p) {
    mIn->push_back(nn::Linear(kTokenChannels + kFlagChannels, c.width));
    mOut->push_back(nn::Linear(c.width, kTokenChannels));
  }
  if (c.residual) {
    mPriorIn = register_module("prior_in", nn::ModuleList());
    mCorrection = register_module("correction", nn::ModuleList());
    for (int p = 0; p < kBodyPartCount; ++p) {
      mPriorIn->push_back(nn::Linear(kTokenChannels + 1, c.width));
      mCorrection->push_back(nn::Linear(c.width, kTokenChannels));
    }
    torch::NoGradGuard guard;
    for (auto* list : {&mPriorIn, &mCorrection})
      for (const auto& m : **list) {
        m->as<nn::Linear>()->weight.zero_();
        m->as<nn::Linear>()->bias.zero_();
      }
    mMotionChannels = torch::zeros({kBodyPartCount, kTokenChannels});
    const auto& layout = tokenFeatureIndices();
    for (int p = 0; p < kBodyPartCount; ++p)
      mMotionChannels[p].narrow(0, 0, static_cast<int64_t>(layout[p].size())).fill_(1.0f);
    mMotionChannels = register_buffer("motion_channels", mMotionChannels);
  }
  mPartEmbedding = register_parameter("part_embedding", torch::randn({kBodyPartCount, c.width}) * 0.02);
  if (c.textActions > 0 && c.textStyles > 0) {
    mActionEmbedding = register_parameter("text_action", torch::zeros({c.textActions, c.condWidth}));
    mStyleEmbedding = register_parameter("text_style", torch::zeros({c.textStyles, c.condWidth}));
    if (c.textTokens)
      mCondIn = register_module("cond_in", nn::Linear(nn::LinearOptions(c.condWidth, c.width).bias(false)));
  }
  mTime1 = register_module("time1", nn::Linear(c.width, c.width));
  mTime2 = register_module("time2", nn::Linear(c.width, c.width));
  mCond = register_module("cond", nn::Linear(c.condWidth, c.width));
  mFinalNorm = register_module(
      "final_norm", nn::LayerNorm(nn::LayerNormOptions({c.width}).elementwise_affine(false).eps(1e-6)));
  mFinalModulation = register_module("final_modulation", nn::Linear(c.width, 2 * c.width));
  mBlocks = register_module("blocks", nn::ModuleList());
  for (int i = 0; i < c.layers; ++i) mBlocks->push_back(MotionBlock(c));
  torch::NoGradGuard guard;
  mFinalModulation->weight.zero_();
  mFinalModulation->bias.zero_();
}

torch::Tensor MotionNetImpl::forward(const torch::Tensor& x, const torch::Tensor& flags, const torch::Tensor& t,
                                     const torch::Tensor& cond, const torch::Tensor& prior,
                                     const torch::Tensor& hasPrior) {
  const int64_t B = x.size(0), T = x.size(1), d = mConfig.width;
  auto input = torch::cat({x, flags}, 3);
  const bool residual = mConfig.residual && prior.defined() && hasPrior.defined();
  torch::Tensor priorInput, priorGate;
  torch::Tensor base;
  if (residual) {
    priorGate = hasPrior.to(torch::kFloat32).unsqueeze(3);  // [B, T, P, 1]
    // Clamped: a classical answer can sit far out in a channel of tiny spread
    // (a foot contact the prior flips), which would swamp the input.
    base = prior.clamp(-kPriorClamp, kPriorClamp);
    // Motion channels only: the indicator is no part of the classical answer.
    priorInput = torch::cat({base * priorGate * mMotionChannels.view({1, 1, kBodyPartCount, kTokenChannels}), priorGate}, 3);
  }
  std::vector<torch::Tensor> parts;
  for (int p = 0; p < kBodyPartCount; ++p) {
    auto h = mIn[p]->as<nn::Linear>()->forward(input.select(2, p));
    if (residual) h = h + mPriorIn[p]->as<nn::Linear>()->forward(priorInput.select(2, p));
    parts.push_back(h);
  }
  auto h = torch::stack(parts, 2);  // [B, T, P, d]
  auto frames = torch::arange(T, torch::TensorOptions().dtype(torch::kFloat32).device(x.device()));
  h = h + sinusoidalEmbedding(frames, static_cast<int>(d)).view({1, T, 1, d}) + mPartEmbedding.view({1, 1, kBodyPartCount, d});
  // In inference a condition that is zero everywhere is the unconditional
  // one: it adds nothing to the tokens and takes the per-window path below,
  // so label-free results keep their bits. (Not in training: fresh zero
  // embeddings must get gradients.) Asked once and only where it matters:
  // it syncs with the device.
  const bool conditioned =
      is_training() || ((mCondIn || cond.dim() != 2) && cond.ne(0).any().item<bool>());
  // The condition into the tokens themselves; one per window ([B, condWidth])
  // adds the same to every token.
  if (mCondIn && conditioned) h = h + (cond.dim() == 2 ? mCondIn(cond).view({B, 1, 1, d}) : mCondIn(cond));

  // Timesteps are scaled to 0..1000 whatever the schedule length, so the
  // embedding's frequencies suit any configuration.
  auto tScaled = t.to(torch::kFloat32) * (1000.0 / mConfig.trainTimesteps);
  auto c = mTime2(torch::silu(mTime1(sinusoidalEmbedding(tScaled, static_cast<int>(d)))));
  if (cond.dim() == 2 || !conditioned)
    c = c + mCond(cond.dim() == 2 ? cond : torch::zeros({B, mConfig.condWidth}, cond.options()));
  else
    c = c.view({B, 1, 1, d}) + mCond(cond);
  for (const auto& block : *mBlocks) h = block->as<MotionBlock>()->forward(h, c);

  auto m = (c.dim() == 2 ? mFinalModulation(torch::silu(c)).view({B, 1, 1, 2, d})
                         : mFinalModulation(torch::silu(c)).view({B, c.size(1), c.size(2), 2, d}))
               .unbind(3);
  h = mFinalNorm(h) * (1 + m[1]) + m[0];
  std::vector<torch::Tensor> outs;
  for (int p = 0; p < kBodyPartCount; ++p) outs.push_back(mOut[p]->as<nn::Linear>()->forward(h.select(2, p)));
  auto out = torch::stack(outs, 2);
  if (!residual) return out;
  // Where a prior is given, its motion channels plus the correction; the
  // indicator (and tokens without a prior) as before.
  std::vector<torch::Tensor> corrections;
  for (int p = 0; p < kBodyPartCount; ++p)
    corrections.push_back(mCorrection[p]->as<nn::Linear>()->forward(h.select(2, p)));
  // The unclamped prior: a zero correction returns it exactly (the clamp only
  // guards the input).
  auto gate = priorGate * mMotionChannels.view({1, 1, kBodyPartCount, kTokenChannels});
  return out * (1 - gate) + gate * (prior + torch::stack(corrections, 2));
}

torch::Tensor MotionNetImpl::textCondition(const torch::Tensor& actions, const torch::Tensor& styles) const {
  std::vector<int64_t> shape = actions.sizes().vec();
  shape.push_back(mConfig.condWidth);
  if (!mActionEmbedding.defined())
    return torch::zeros(shape, torch::TensorOptions().dtype(torch::kFloat32).device(actions.device()));
  // Ids outside the table (-1: none) look up row 0 and are masked to zero.
  auto lookup = [&](const torch::Tensor& table, const torch::Tensor& ids) {
    auto present = ids.ge(0).logical_and(ids.lt(table.size(0)));
    auto rows = table.index_select(0, torch::where(present, ids, torch::zeros_like(ids)).reshape({-1}).to(torch::kLong));
    return rows.view(shape) * present.unsqueeze(-1).to(torch::kFloat32);
  };
  return lookup(mActionEmbedding, actions) + lookup(mStyleEmbedding, styles);
}

}  // namespace mm::inference
