#pragma once
// Internal to inference/ (pulls in torch): the denoising transformer over a
// frames x parts grid of tokens. Each block attends across the five parts of
// a frame, then along time within each part (MMDM's kinematic attention,
// with parts instead of pose tokens), then an MLP; the diffusion timestep and
// the conditioning vector drive adaptive layer norm with zero-initialised
// gates (DiT adaLN-Zero), so a fresh block starts as the identity.

#include "inference/modelconfig.h"
#include "inference/tokenlayout.h"

#include <torch/torch.h>

namespace mm::inference {

// Per-token flags fed beside the token channels.
enum TokenFlag { kMotionKnown = 0, kLabelKnown = 1, kLabelGenerated = 2, kLabelDropped = 3 };
constexpr int kFlagChannels = 4;

class SelfAttentionImpl : public torch::nn::Module {
 public:
  SelfAttentionImpl(int width, int heads);
  // x: [N, L, width] -> [N, L, width]
  torch::Tensor forward(const torch::Tensor& x);

 private:
  int mHeads;
  torch::nn::Linear mQkv{nullptr}, mOut{nullptr};
};
TORCH_MODULE(SelfAttention);

class MotionBlockImpl : public torch::nn::Module {
 public:
  explicit MotionBlockImpl(const ModelConfig& config);
  // h: [B, T, P, d], c: [B, d] (one condition per window) or [B, Tc, P, d]
  // (per token; Tc = T, or 1 for one per part).
  torch::Tensor forward(torch::Tensor h, const torch::Tensor& c);

 private:
  int mWidth;
  torch::nn::LayerNorm mNorm1{nullptr}, mNorm2{nullptr}, mNorm3{nullptr};
  SelfAttention mPartAttention{nullptr}, mTimeAttention{nullptr};
  torch::nn::Linear mFc1{nullptr}, mFc2{nullptr}, mModulation{nullptr};
};
TORCH_MODULE(MotionBlock);

class MotionNetImpl : public torch::nn::Module {
 public:
  explicit MotionNetImpl(const ModelConfig& config);
  // x: [B, T, P, kTokenChannels] (noisy where generated, clean where known),
  // flags: [B, T, P, kFlagChannels], t: [B] timesteps (float, 0..trainTimesteps),
  // cond: [B, condWidth] (one per window) or [B, Tc, P, condWidth] (per token,
  // Tc = T or 1; textCondition builds it). Returns the predicted clean
  // tokens, same shape as x.
  // Residual configs also take `prior` ([B, T, P, kTokenChannels], the
  // classical answer's tokens) and `hasPrior` ([B, T, P] float, 1 where a
  // generated token carries one): there the motion channels come out as the
  // prior plus the predicted correction. Undefined tensors: no prior.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& flags, const torch::Tensor& t,
                        const torch::Tensor& cond, const torch::Tensor& prior = {},
                        const torch::Tensor& hasPrior = {});
  const ModelConfig& config() const { return mConfig; }
  // Text-conditioned configs: the condition of each token from its action and
  // style ids ([B, Tc, P] long; -1: none), the sum of their embeddings:
  // [B, Tc, P, condWidth]. All -1 gives zeros, the unconditional input.
  torch::Tensor textCondition(const torch::Tensor& actions, const torch::Tensor& styles) const;

 private:
  ModelConfig mConfig;
  torch::nn::ModuleList mIn{nullptr}, mOut{nullptr};
  // Residual configs: the prior's input projection and the correction head,
  // both zero-initialised, so fresh ones leave the net as it was (warm start
  // from prior-free weights) and the output starts as the prior itself.
  torch::nn::ModuleList mPriorIn{nullptr}, mCorrection{nullptr};
  torch::Tensor mMotionChannels;  // [P, kTokenChannels] 1 on used motion channels
  torch::Tensor mPartEmbedding;
  // [textActions, condWidth], [textStyles, condWidth]; zero-initialised, so
  // fresh embeddings give step 0 the unconditional model's output.
  torch::Tensor mActionEmbedding, mStyleEmbedding;
  // textTokens configs: the condition projected into each token (no bias, so
  // a zero condition adds nothing). Randomly initialised: the zero-initialised
  // embeddings get their gradient straight from the tokens through it.
  torch::nn::Linear mCondIn{nullptr};
  torch::nn::Linear mTime1{nullptr}, mTime2{nullptr}, mCond{nullptr}, mFinalModulation{nullptr};
  torch::nn::LayerNorm mFinalNorm{nullptr};
  torch::nn::ModuleList mBlocks{nullptr};
};
TORCH_MODULE(MotionNet);

// Sinusoidal embedding of `positions` ([N], float) into [N, width].
torch::Tensor sinusoidalEmbedding(const torch::Tensor& positions, int width);

}  // namespace mm::inference
