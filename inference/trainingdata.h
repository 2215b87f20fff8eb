#pragma once
// Training data for the motion model, built on the fly from clips: each clip
// as recorded plus lab-corrupted variants, each frame x part labelled bad
// where the quality analysis scores it >= 0.5 or the lab injected an
// artifact (dilated by one frame, as StableMotion labels). No torch here.

#include "inference/motionfeatures.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mm {
class Clip;
}

namespace mm::inference {

struct TrainingSample {
  int frames = 0;
  std::vector<float> features;    // frames x kFeatureCount (raw; normalised by the trainer)
  std::vector<std::uint8_t> bad;  // frames x kBodyPartCount, 1 = bad
  // Residual training (keepClips): the clip itself, to build each window's
  // classical prior as inference does, and its classical repair (the prior
  // of the flagged spans; repairPrior with the analysis' report).
  std::shared_ptr<const Clip> clip;
  std::shared_ptr<const Clip> repaired;
  // Text conditioning: the take's vocabulary ids (-1: unlabelled).
  int action = -1;
  int style = -1;
};

// The clip itself and `corruptedVariants` lab-corrupted copies (seeded by
// `seed`), appended to *out. False with *error when the skeleton does not map
// onto the canonical rig or the clip is invalid.
bool makeTrainingSamples(const Clip& clip, std::uint64_t seed, int corruptedVariants, std::vector<TrainingSample>* out,
                         std::string* error, bool keepClips = false);

// The clip's mirror image (left and right exchanged, motion/canonicalmirror.h),
// as recorded, appended to *out: a left turn becomes a right turn. No clip is
// kept (residual training builds its prior from the clip, which is not
// mirrored). False with *error as makeTrainingSamples.
bool makeMirroredSample(const Clip& clip, std::vector<TrainingSample>* out, std::string* error);

// How often each sample is drawn: its windows of `window` frames, so every
// window equally likely, times (windows of its action / mean over actions)
// ^ -labelBalance for labelled samples. 0 draws by frames; 1 gives every
// action the same share; in between, rare actions (a 2-second gesture whose
// takes hold few windows) are drawn more often without letting a few takes
// dominate. Samples shorter than `window` get 0.
std::vector<double> sampleWeights(const std::vector<TrainingSample>& samples, int window, double labelBalance);

// Every 10th clip (by sorted index: 9, 19, ...) is held out for evaluation
// and never trained on.
constexpr bool isHeldOut(int sortedIndex) { return sortedIndex % 10 == 9; }

}  // namespace mm::inference
