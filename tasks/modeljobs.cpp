#include "tasks/modeljobs.h"

#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/fillmask.h"

#include "tasks/modelruntime.h"
#include "tasks/resourcepaths.h"

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <utility>

namespace mm::tasks {


std::vector<std::uint8_t> analysisFlags(const QualityReport& report) {
  std::vector<std::uint8_t> flags(static_cast<size_t>(report.frameCount()) * kBodyPartCount, 0);
  for (const ArtifactSpan& a : report.artifacts())
    for (int f = std::max(0, a.start); f < std::min(report.frameCount(), a.end); ++f)
      for (BodyPart p : kAllBodyParts)
        if (a.hasPart(p)) flags[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(p)] = 1;
  return flags;
}

std::string defaultModelPath() { return findDataFile("models/motionmender-small.mmmodel"); }

const ModelRuntimeApi* modelRuntime(std::string* error) {
#ifndef MM_MODEL_RUNTIME_PATH
  if (error) *error = "this build has no LibTorch: the motion model is not available";
  return nullptr;
#else
  static std::mutex mutex;
  static const ModelRuntimeApi* api = nullptr;
  static std::string loadError;
  std::lock_guard<std::mutex> lock(mutex);
  if (api || !loadError.empty()) {
    if (!api && error) *error = loadError;
    return api;
  }
  // LibTorch's OpenMP threads spin while they wait for work, taking the
  // cores from the work itself (and from the editor's GUI thread): a
  // one-minute model cleanup took 13.6 s with spinning threads and 4.6 s with
  // sleeping ones. The runtime reads the policy when it loads, which is now.
  setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
  std::string tried;
  for (const std::string& path : modelRuntimeCandidates()) {
    if (!fileReadable(path)) continue;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      tried += std::string(tried.empty() ? "" : "; ") + dlerror();
      continue;
    }
    using Entry = const ModelRuntimeApi* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, "mm_model_runtime_api"));
    const ModelRuntimeApi* found = entry ? entry() : nullptr;
    if (found && found->version == kModelRuntimeVersion) {
      api = found;
      return api;
    }
    tried += std::string(tried.empty() ? "" : "; ") + path + ": not a model runtime of this version";
  }
  loadError = "the model runtime (libmm_modelruntime.so) could not be loaded" +
              (tried.empty() ? std::string(": not found next to the program") : ": " + tried);
  if (error) *error = loadError;
  return nullptr;
#endif
}

bool modelSupported() {
  std::string error;
  return modelRuntime(&error) != nullptr;
}

bool heldOutFromTraining(int sortedIndex) {
  const ModelRuntimeApi* rt = modelRuntime(nullptr);
  return rt && rt->heldOut(sortedIndex);
}

ModelPtr loadModel(const ModelSettings& settings, std::string* error) {
  const ModelRuntimeApi* rt = modelRuntime(error);
  return rt ? rt->load(settings, error) : nullptr;
}

long long trainedSteps(const inference::MotionModel& model) { return modelRuntime(nullptr)->trainedSteps(model); }

std::string deviceDescription(const ModelSettings& settings) {
  const ModelRuntimeApi* rt = modelRuntime(nullptr);
  return rt ? rt->deviceDescription(settings) : "none";
}

// A model exists only when the runtime loaded, so the calls below find it.
bool modelClean(const inference::MotionModel& model, const ModelSettings& settings, const QualityReport& report,
                Clip* clip, std::vector<RepairResult>* results, std::string* error) {
  return modelRuntime(error)->clean(model, settings, report, clip, results, error);
}

bool modelComplete(const inference::MotionModel& model, const ModelSettings& settings, const FillMask& mask,
                   const BodyPartMap& parts, Clip* clip, int* partFrames, std::string* error) {
  return modelRuntime(error)->complete(model, settings, mask, parts, clip, partFrames, error);
}

bool modelInbetween(const inference::MotionModel& model, const ModelSettings& settings, int start, int end, Clip* clip,
                    std::string* error) {
  return modelRuntime(error)->inbetween(model, settings, start, end, clip, error);
}

bool modelIndicators(const inference::MotionModel& model, const ModelSettings& settings, const Clip& clip,
                     ModelIndicators* out, std::string* error) {
  return modelRuntime(error)->indicators(model, settings, clip, out, error);
}

}  // namespace mm::tasks
