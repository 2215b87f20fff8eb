#pragma once
// Training windows of the residual model (issue 12): each window is one of
// the tasks the product runs, with that task's classical answer as the prior,
// built exactly as inference builds it (motion/repair/classicprior.h, then
// maskedSource and encodeClip with the hidden mask). No torch here.
//
// The mix: detection (the config's detectShare; motion known, indicator
// generated), then a frame gap of 5-60 frames with up to 10 known frames on
// both sides (Hermite prior), one part missing for 15-60 frames (the Cubic
// fill), the spans labelled bad on a take (its classical repair), and random
// tokens without a prior. A prior-carrying window loses its prior with the
// config's priorDropout, so prior-free use keeps working; the quality prompt
// is dropped with promptDropout (the unconditional branch).

#include "inference/modelconfig.h"
#include "inference/motionfeatures.h"
#include "inference/trainingdata.h"

#include <cstdint>
#include <random>
#include <vector>

namespace mm::inference {

enum class WindowTask { Detect, Gap, Part, Repair, Tokens };
constexpr int kWindowTaskCount = 5;
const char* windowTaskName(WindowTask task);

// Shares of the inpainting windows (the rest after detection).
struct ResidualMix {
  double gap = 0.35;
  double part = 0.30;
  double repair = 0.20;  // the rest: random tokens, no prior
};

struct ResidualWindow {
  WindowTask task = WindowTask::Detect;
  int start = 0;  // first frame in the sample
  // T x kBodyPartCount x kTokenChannels, normalised. `tokens`: the truth where
  // motion is generated, the masked source's encoding elsewhere (what
  // inference imposes), indicator from the sample's labels. `prior`: the
  // masked source's encoding (the classical answer at generated tokens).
  std::vector<float> tokens, prior;
  // T x kBodyPartCount.
  std::vector<std::uint8_t> motion, labelGenerate, labelDropped, hasPrior;
};

// Needs s.clip and s.repaired (makeTrainingSamples with keepClips) and
// s.frames >= T; s.features normalised with `stats`.
bool drawResidualWindow(const TrainingSample& s, const FeatureStats& stats, const ModelConfig& config, int T,
                        const ResidualMix& mix, std::mt19937_64& rng, ResidualWindow* out, std::string* error);

}  // namespace mm::inference
