#pragma once
// Training loop of the motion model (plain C++ API, no torch in this header).
// Seeded and resumable: the batch of step s depends only on (seed, s), so a
// run resumed from a checkpoint continues exactly as it would have.

#include "motion/clip.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace mm::inference {

struct TrainOptions {
  // Training clips: files (loaded with io::loadMotion) and/or clips in memory.
  // The caller leaves the held-out clips out (isHeldOut).
  std::vector<std::string> files;
  std::vector<Clip> clips;
  std::string config = "small";  // tiny | small | base (ignored when resuming)
  std::string device = "cpu";    // auto | cpu | cuda
  std::int64_t steps = 1000;     // total steps (a resumed run continues up to it)
  std::uint64_t seed = 1;
  std::string out;               // checkpoint written atomically (training state kept)
  std::string resume;            // checkpoint to continue from (optional)
  // Residual over the classical answer (ModelConfig::residual). A fresh run
  // with `initFrom` starts from that file's EMA weights and statistics (the
  // new prior input and correction head zero-initialised: the net starts as
  // that model, its output on prior-carrying tokens as the prior itself).
  bool residual = false;
  std::string initFrom;
  // Text conditioning (issue 13): the (action, style) vocabulary ids of each
  // file and clip, parallel to `files` / `clips` (-1: unlabelled, trained
  // unconditionally). With textActions and textStyles > 0 (a fresh run or
  // `initFrom`; the new embeddings start at zero, so step 0 is that model)
  // the net learns them, dropped in ModelConfig::textDropout of the samples.
  // `vocabulary` (text::MotionVocabulary::serialize) is stored with the weights.
  std::vector<std::pair<int, int>> fileLabels, clipLabels;
  int textActions = 0, textStyles = 0;
  std::string vocabulary;
  // Learning-rate factor of the text embeddings and the condition projection
  // (they start at zero / untrained and learn slowly at the network's rate).
  double textLearningRateScale = 1.0;
  // Draw rare actions more often (sampleWeights; 0: by frames).
  double labelBalance = 0;
  // Mirror images (trainingdata.h makeMirroredSample): per action id, the id of
  // the action its mirror image shows (itself for a walk, the right-hand wave
  // for the left-hand one), -1: not mirrored (a right-handed gesture has no
  // left-handed label). Each labelled file or clip whose action maps to an id
  // adds its mirror image with that label. Empty: no mirror images.
  std::vector<int> mirrorActions;
  // Weight of the root path's drift term (Diffusion::loss; 0: off).
  double driftLoss = 0;
  // Share of the text samples that generate what `generate` asks (whole
  // windows, continuations, long in-betweens; ModelConfig::generateShare,
  // kept in the file); negative keeps the config's or the initial file's.
  double generateShare = -1;
  int batch = 0;                 // 0: the config's
  double learningRate = 0;       // 0: the config's
  int corruptedVariants = 1;     // lab-corrupted copies per clip
  int logEvery = 50;             // steps between loss lines
  int checkpointEvery = 0;       // steps between checkpoints to `out` (0: every 10 loss lines); always at the end
  int threads = 2;               // CPU threads for torch
  // Tests: train on the first window of the first clip only, all masks random.
  bool singleWindow = false;
  std::function<void(const std::string&)> log;  // one line, no newline
  // Polled once per step; true stops training with an error, leaving the
  // last periodic checkpoint in place (resume from it).
  std::function<bool()> cancelled;
};

struct TrainReport {
  bool ok = false;
  std::string error;
  // Mean loss over each logging interval: (last step of the interval, loss).
  std::vector<std::pair<std::int64_t, double>> losses;
  std::int64_t stepsDone = 0;  // total, including resumed ones
  int samples = 0;             // clip variants in the pool
  long long frames = 0;        // frames in the pool
  double secondsPerStep = 0;
};

TrainReport trainModel(const TrainOptions& options);

}  // namespace mm::inference
