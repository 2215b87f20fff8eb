#pragma once
// The learned motion model as a method of the repair jobs: its settings,
// loading (once per weights file and device, shared), and the model side of
// each task on the product's data (quality reports, fill masks). No torch in
// this header; in builds without LibTorch every function exists, no model
// ever loads (`auto` means classic) and asking for the model is a clear error.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mm {
class BodyPartMap;
class Clip;
class FillMask;
class QualityReport;
struct ModelIndicators;
struct RepairResult;
namespace inference {
class MotionModel;
}  // namespace inference
}  // namespace mm

namespace mm::tasks {

// The weights shipped with the program (resources/models/motionmender-small.mmmodel).
std::string defaultModelPath();
// True when this build can run the model at all (it has LibTorch).
bool modelSupported();

struct ModelSettings {
  std::string weights = defaultModelPath();
  std::string device = "auto";  // auto | cpu | cuda
  int steps = 12;
  double guidance = 1.5;
  double strength = 1.0;
  // Start from the classical answer of the task (Hermite in-betweening, the
  // classical fill, the classical repair of the spans): the model refines it
  // from `strength` (below 1) and its correction fades in from the known
  // frames (inference::TaskOptions::priorFadeFrames). Off: from noise, or
  // the parts' nearest known frames. Residual weights
  // (inference::ModelConfig::residual) always get the classical answer: they
  // predict the correction to it.
  bool fromClassic = false;
  // With the classical answer: the share of the model's correction kept
  // (inference::TaskOptions::correctionScale).
  double correction = 1.0;
  // ... faded in over this many frames from the known frames
  // (inference::TaskOptions::priorFadeFrames); -1: each task's measured
  // default (kCompleteFadeFrames, ...).
  int fadeFrames = -1;
  std::uint64_t seed = 1;
  // Fraction done (0..1); returning false cancels the model call.
  std::function<bool(double)> progress;
};

// shared_ptr: holders need not see the model's definition.
using ModelPtr = std::shared_ptr<const inference::MotionModel>;

// The weights on the device; nullptr with *error naming the file. Loads each
// (weights, device) once per process and hands out the same model after
// that (thread-safe): the editor's worker keeps it between tasks.
ModelPtr loadModel(const ModelSettings& settings, std::string* error);
// Training steps of the weights (for "method: model (...)" lines).
long long trainedSteps(const inference::MotionModel& model);
// "cpu (2 threads)", "cuda:0 (NVIDIA H100)", ... for `settings.device`.
std::string deviceDescription(const ModelSettings& settings);

// True for the files (by index in the sorted list of a data folder) that
// training leaves out: model evaluations run on these only.
bool heldOutFromTraining(int sortedIndex);

// Frames x kBodyPartCount flags of the analysis' artifact spans: exactly what
// the classical clean repairs.
std::vector<std::uint8_t> analysisFlags(const QualityReport& report);

// The model's side of the tasks. Each replaces *clip only on success and
// otherwise returns false with *error (for the user, without the file name;
// "cancelled" when settings.progress asked to stop).
// clean: regenerates the (frame, part) tokens of the analysis' spans, each
// dilated by a frame; one result per span (method Model).
bool modelClean(const inference::MotionModel& model, const ModelSettings& settings, const QualityReport& report,
                Clip* clip, std::vector<RepairResult>* results, std::string* error);
// complete: regenerates, per frame, the body parts of the joints `mask`
// marks (the model works on whole parts). *partFrames: (frame, part) tokens.
bool modelComplete(const inference::MotionModel& model, const ModelSettings& settings, const FillMask& mask,
                   const BodyPartMap& parts, Clip* clip, int* partFrames, std::string* error);
// inbetween: every part of frames [start, end).
bool modelInbetween(const inference::MotionModel& model, const ModelSettings& settings, int start, int end, Clip* clip,
                    std::string* error);
// detect: frames x kBodyPartCount probabilities (0..1) that a token is bad.
bool modelIndicators(const inference::MotionModel& model, const ModelSettings& settings, const Clip& clip,
                     ModelIndicators* out, std::string* error);

}  // namespace mm::tasks
