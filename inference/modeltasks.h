#pragma once
// Plain C++ API of the motion model (no torch, no Qt): load a model, then
// detect, clean, complete or in-between a clip of any length (sliding
// windows with blended overlaps). Every task reports progress, can be
// cancelled through the progress callback, never throws, and writes its
// output only on success.
//
// Masks are frame x part grids: mask[frame * kBodyPartCount + bodyPartIndex(part)],
// non-zero = that part's motion in that frame is regenerated. Regenerated
// tokens are sampled with the quality indicator prompted "good"; all other
// tokens are imposed at every sampling step, and the joints of their parts
// are copied bit for bit from the input (a known torso also keeps the
// frame's translations).

#include "inference/modelconfig.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mm {
class Clip;
}

namespace mm::inference {

class MotionModel {
 public:
  ~MotionModel();
  MotionModel(const MotionModel&) = delete;
  MotionModel& operator=(const MotionModel&) = delete;

  // Loads the EMA weights of a checkpoint onto "auto", "cpu" or "cuda".
  // nullptr with *error (naming the file) for a missing, wrong or damaged
  // file or an unavailable device.
  static std::unique_ptr<MotionModel> load(const std::string& path, const std::string& device, std::string* error);

  const ModelConfig& config() const;
  // Training steps of the weights and the checkpoint's note.
  std::int64_t trainedSteps() const;
  const std::string& note() const;
  // Text-conditioned weights: the vocabulary (text::MotionVocabulary's
  // serialisation) their action and style ids index; empty otherwise.
  const std::string& vocabulary() const;
  bool textConditioned() const;
  // Per vocabulary action id: 1 where training reached its embedding. An
  // action no training take carried keeps its zero-initialised row exactly
  // (no gradient reaches it; weight decay keeps zero at zero), and
  // generating it would be the text-free motion. Empty when not text-conditioned.
  std::vector<std::uint8_t> trainedActions() const;

  struct Impl;
  const Impl& impl() const { return *mImpl; }

 private:
  explicit MotionModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> mImpl;
};

struct TaskOptions {
  // DDIM steps (10-20 is the useful range). A residual model given a prior
  // (ModelConfig::residual) ignores steps, guidance and strength: its
  // correction is one prediction from noise (the mean correction).
  int steps = 12;
  double guidance = 1.5;   // classifier-free guidance on the "good" prompt (1 = off, half the cost)
  std::uint64_t seed = 1;  // same seed, clip and mask: same result
  // 1: regenerated tokens start from pure noise. Below 1 (0..1): from the
  // prior's values (or, without one, the part's nearest known frame) noised
  // to that level, so the result keeps the gist of the prior.
  double strength = 1.0;
  // With a prior (below): the model's correction to it fades in over this
  // many frames from the known frames of each part (0: no fade).
  int priorFadeFrames = 5;
  // With a prior: the share (0..1) of the model's correction kept (1: all of
  // it; 0: the prior itself). A smaller correction where the model measures
  // behind its prior is better than a worse answer.
  double correctionScale = 1.0;
  // Text condition per (frame, part) token, frames x kBodyPartCount at the
  // clip's rate: vocabulary action and style ids, -1 = none. Empty (or every
  // id -1): unconditional, the label-free tasks. Ignored by models without
  // text (ModelConfig::textActions 0).
  std::vector<std::int16_t> textAction, textStyle;
  double textGuidance = 2.5;  // classifier-free guidance on the text (1 = off)
  // Windows one after another, each starting from the previous one's last
  // frames imposed as known (generation: one continuous motion), instead of
  // independent windows blended over their overlaps (repairs).
  bool chainWindows = false;
  // Called at least once per network evaluation with the fraction done
  // (0..1); returning false cancels: the task returns Cancelled promptly
  // (within one evaluation) and leaves its outputs untouched.
  std::function<bool(double)> progress;
};

enum class TaskStatus { Ok, Cancelled, Failed };
struct TaskResult {
  TaskStatus status = TaskStatus::Ok;
  std::string error;  // for Failed: a message a user understands
  bool ok() const { return status == TaskStatus::Ok; }
};

using PartMask = std::vector<std::uint8_t>;

// Probability (0..1) that each (frame, part) is bad, from the model's
// indicator channel with the motion given. `badProbability` gets frames x 5.
TaskResult detectArtifacts(const MotionModel& model, const Clip& clip, const TaskOptions& options,
                           std::vector<float>* badProbability);

// Regenerates the masked tokens (mask: frames x 5); the core of the tasks
// below. `output` receives a clip with the input's skeleton, frame count and
// rate. The masked (frame, part) values of `clip` are never read, in any
// channel: the model reads `prior` there (optional, same frames and
// skeleton: a classical answer it corrects), or else the part's nearest
// known frame; finite differences of known frames never cross into masked
// ones (encodeMotion). So what the masked frames hold changes nothing in the
// output.
TaskResult regenerateMasked(const MotionModel& model, const Clip& clip, const PartMask& mask,
                            const TaskOptions& options, Clip* output, const Clip* prior = nullptr);

// Clean: regenerates the (frame, part) tokens flagged bad, each flag dilated
// by one frame. `bad` (frames x 5) gives the flags; nullptr asks the model's
// own detection (probability > 0.5). `usedMask` (optional) receives the mask
// regenerated.
TaskResult cleanClip(const MotionModel& model, const Clip& clip, const PartMask* bad, const TaskOptions& options,
                     Clip* output, PartMask* usedMask = nullptr, const Clip* prior = nullptr);

// In-between: regenerates every part of frames [start, end) from the frames
// around them; 0 <= start < end <= frames.
TaskResult inbetweenClip(const MotionModel& model, const Clip& clip, int start, int end, const TaskOptions& options,
                         Clip* output, const Clip* prior = nullptr);

}  // namespace mm::inference
