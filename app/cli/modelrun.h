#pragma once
// The motion model as a method of the CLI commands (`model`, and clean,
// complete, inbetween, analyze): its options, loading, `--method`, and the
// model side of each task on the CLI's data (quality reports, fill masks).
// No torch here; in builds without LibTorch every function exists, no model
// ever loads (`auto` means classic) and `--method model` is a clear error.

#include "cli.h"

#include <cstdint>
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
struct TaskOptions;
}  // namespace inference
}  // namespace mm

namespace mm::cli {

// The shipped weights: resources/models/motionmender-small.mmmodel.
std::string defaultModelPath();

// --weights FILE --device auto|cpu|cuda --steps N --guidance G --strength X --seed S
struct ModelArgs {
  std::string weights = defaultModelPath();
  std::string device = "auto";
  int steps = 12;
  double guidance = 1.5;
  double strength = 1.0;
  std::uint64_t seed = 1;
};
// Removes the model options from `args`; kOk, or kUsage after printing the
// error (unknown device, a value that is not a number in range).
int takeModelArgs(Args& args, ModelArgs* out);

// True for the files (by index in the sorted list of a data folder) that
// training leaves out: model evaluations run on these only.
bool heldOutFromTraining(int sortedIndex);

// The sampler settings of the options (defined in builds with LibTorch only).
inference::TaskOptions taskOptions(const ModelArgs& args);

// shared_ptr: holders need not see the model's definition.
using ModelPtr = std::shared_ptr<const inference::MotionModel>;

// The weights on the device; nullptr with *error naming the file.
ModelPtr loadModel(const ModelArgs& args, std::string* error);

// Resolves `--method` ("classic", "model" or "auto") of a repair command and
// prints the line saying which method runs. model: loads the weights or
// fails (kError, one line naming the file). auto: classic when
// `autoClassicWhy` is given (printed as the reason), else the model when the
// build has LibTorch and the weights exist and load, else classic. *model is
// set for the model, left empty for classic.
int chooseMethod(const std::string& method, const ModelArgs& args, ModelPtr* model,
                 const char* autoClassicWhy = nullptr);

// Frames x kBodyPartCount flags of the analysis' artifact spans: exactly what
// the classical clean repairs.
std::vector<std::uint8_t> analysisFlags(const QualityReport& report);

// The model's side of the commands. Each replaces *clip only on success and
// otherwise returns false with *error (for the user, without the file name).
// clean: regenerates the (frame, part) tokens of the analysis' spans, each
// dilated by a frame; one result per span (method Model) for the report.
bool modelClean(const inference::MotionModel& model, const ModelArgs& args, const QualityReport& report, Clip* clip,
                std::vector<RepairResult>* results, std::string* error);
// complete: regenerates, per frame, the body parts of the joints `mask`
// marks (the model works on whole parts). *partFrames: (frame, part) tokens.
bool modelComplete(const inference::MotionModel& model, const ModelArgs& args, const FillMask& mask,
                   const BodyPartMap& parts, Clip* clip, int* partFrames, std::string* error);
// inbetween: every part of frames [start, end).
bool modelInbetween(const inference::MotionModel& model, const ModelArgs& args, int start, int end, Clip* clip,
                    std::string* error);
// detect (analyze --model): frames x kBodyPartCount probabilities (0..1)
// that a token is bad, with the weights they come from.
bool modelIndicators(const inference::MotionModel& model, const ModelArgs& args, const Clip& clip, ModelIndicators* out,
                     std::string* error);

}  // namespace mm::cli
