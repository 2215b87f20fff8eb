#pragma once
// The model side of the jobs lives in a module loaded on first use
// (libmm_modelruntime.so, which links LibTorch): programs that never run the
// model never pay LibTorch's start-up (about 0.8 s of dynamic linking and
// static initialisation on the 2-core machine), and the OpenMP wait policy
// can still be set before the runtime loads, inside the process.
// This header is the module's interface: plain C++, no torch.

#include "tasks/modeljobs.h"

namespace mm::tasks {

// Text-to-motion (tasks/generatejobs.h): regenerate the masked (frame, part)
// tokens of `clip` under a per-token action / style condition, windows
// chained (each from the previous one's last frames).
struct TextRegeneration {
  const Clip* clip = nullptr;
  std::vector<std::uint8_t> mask;                 // frames x kBodyPartCount, 1 = generate
  std::vector<std::int16_t> action, style;        // frames x kBodyPartCount vocabulary ids, -1 none
  double textGuidance = 2.5;
};

struct ModelRuntimeApi {
  int version;  // kModelRuntimeVersion
  ModelPtr (*load)(const ModelSettings& settings, std::string* error);
  long long (*trainedSteps)(const inference::MotionModel& model);
  std::string (*deviceDescription)(const ModelSettings& settings);
  bool (*heldOut)(int sortedIndex);
  bool (*clean)(const inference::MotionModel&, const ModelSettings&, const QualityReport&, Clip*,
                std::vector<RepairResult>*, std::string*);
  bool (*complete)(const inference::MotionModel&, const ModelSettings&, const FillMask&, const BodyPartMap&, Clip*,
                   int*, std::string*);
  bool (*inbetween)(const inference::MotionModel&, const ModelSettings&, int, int, Clip*, std::string*);
  bool (*indicators)(const inference::MotionModel&, const ModelSettings&, const Clip&, ModelIndicators*,
                     std::string*);
  // The weights' vocabulary (text::MotionVocabulary::serialize); empty: not text-conditioned.
  std::string (*vocabulary)(const inference::MotionModel&);
  bool (*regenerateText)(const inference::MotionModel&, const ModelSettings&, const TextRegeneration&, Clip*,
                         std::string*);
  // Per action id of that vocabulary: 1 where training reached it
  // (inference::MotionModel::trainedActions); empty: not text-conditioned.
  std::vector<std::uint8_t> (*trainedActions)(const inference::MotionModel&);
};
// 2: ModelSettings::fromClassic; 3: text-to-motion (vocabulary, regenerateText); 4: trainedActions
constexpr int kModelRuntimeVersion = 4;

// The loaded module's functions, or nullptr with *error saying why (a build
// without LibTorch, a module that is missing or does not load).
const ModelRuntimeApi* modelRuntime(std::string* error);

}  // namespace mm::tasks

// Exported by the module.
extern "C" const mm::tasks::ModelRuntimeApi* mm_model_runtime_api();
