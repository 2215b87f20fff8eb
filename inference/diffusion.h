#pragma once
// Internal to inference/ (torch): x0-predicting diffusion over token grids
// with a cosine schedule, masked training loss and DDIM sampling in which
// known tokens are imposed at every step.

#include "inference/motionnet.h"

#include <functional>

namespace mm::inference {

// Which (frame, part) tokens are generated. All [B, T, P] bool tensors.
// A token's motion is known unless motionGenerate; its indicator is known
// unless labelGenerate or labelDropped (dropped: the quality prompt is
// absent, the unconditional branch of classifier-free guidance).
struct TokenMasks {
  torch::Tensor motionGenerate;
  torch::Tensor labelGenerate;
  torch::Tensor labelDropped;
  // Residual models (optional): the classical answer's tokens [B, T, P, C]
  // and where a generated token carries it ([B, T, P] bool).
  torch::Tensor prior;
  torch::Tensor hasPrior;
};

struct LossTerms {
  torch::Tensor total;  // scalar, differentiable
  double motion = 0.0;  // mean squared error over generated motion channels
  double label = 0.0;   // over generated indicators
  double drift = 0.0;   // the root path's drift term (loss(..., driftWeight)), unweighted
};

struct SampleSettings {
  int steps = 12;          // DDIM steps
  double guidance = 1.0;   // classifier-free guidance on the quality prompt (1 = off)
  // Classifier-free guidance on the text condition (1 = off): against the
  // same call with the condition zeroed. Only where `cond` is non-zero.
  double textGuidance = 1.0;
  // 1: generated channels start from pure noise. Below 1: from the given
  // values noised to that fraction of the schedule (MMDM's refinement:
  // keeps the input's gist, fixes its details).
  double strength = 1.0;
  // Called before each network evaluation; true stops sampling.
  std::function<bool()> cancelled;
  // Called after each step with steps done (optional).
  std::function<void(int)> stepDone;
};

class Diffusion {
 public:
  Diffusion(int timesteps, torch::Device device);

  // [B, T, P, kFlagChannels] float flags for the network.
  torch::Tensor flags(const TokenMasks& masks) const;
  // [B, T, P, kTokenChannels] float: 1 on the channels to generate.
  torch::Tensor generateMask(const TokenMasks& masks) const;
  // [B, T, P] float: 1 where a generated token carries a prior; undefined
  // without one.
  torch::Tensor priorGate(const TokenMasks& masks) const;
  // [B, T, P, kTokenChannels]: the prior on the motion channels of
  // prior-carrying tokens, 0 elsewhere; undefined without a prior. Those
  // channels diffuse the correction x0 - offset (the Delta-interpolator's
  // idea): the network reads a noisy correction there, and a zero
  // correction samples the prior exactly.
  torch::Tensor priorOffset(const TokenMasks& masks) const;

  // One training loss on clean tokens x0 ([B, T, P, kTokenChannels],
  // normalised, indicator -1/+1): random timestep per sample, noise on the
  // generated channels, known channels given clean. `driftWeight` > 0 adds
  // the root path's drift: the running sum over the window of the errors of
  // the root velocity and yaw-rate channels (each divided by the window
  // length), squared. The per-frame loss barely sees a small steady error in
  // the yaw rate under the pelvis' stride-by-stride sway, yet integrated it
  // turns a straight walk into a circle.
  LossTerms loss(MotionNet& net, const torch::Tensor& x0, const TokenMasks& masks, const torch::Tensor& cond,
                 torch::Generator& generator, double driftWeight = 0.0) const;

  // The drift term of loss(): `error` (prediction - truth) and the mask of
  // generated motion channels, both [B, T, P, kTokenChannels].
  torch::Tensor pathDrift(const torch::Tensor& error, const torch::Tensor& motionMask) const;

  // Samples the generated channels given `known` (same shape as x0; values
  // on generated channels are ignored). `cond`: [B, condWidth] or per token
  // (MotionNet::forward). Returns an undefined tensor when cancelled.
  torch::Tensor sample(MotionNet& net, const torch::Tensor& known, const TokenMasks& masks, const torch::Tensor& cond,
                       const SampleSettings& settings, torch::Generator& generator) const;

  // Makes features shared by several tokens of a frame agree (weighted mean;
  // known tokens win), then writes them back into every token.
  torch::Tensor harmonize(const torch::Tensor& tokens, const torch::Tensor& motionGenerate) const;

 private:
  int mTimesteps;
  torch::Device mDevice;
  torch::Tensor mAlphaBar;      // [timesteps] double precision on CPU
  torch::Tensor mValidMotion;   // [P, kTokenChannels] float: used motion channels
  torch::Tensor mLabelChannel;  // [kTokenChannels] float: one-hot indicator
  torch::Tensor mFeatureIndex;  // [P * kTokenWidth] long: frame feature of each channel, kFeatureCount if unused
  torch::Tensor mRootPath;      // [P, kTokenChannels] float: the root velocity and yaw-rate channels
};

}  // namespace mm::inference
