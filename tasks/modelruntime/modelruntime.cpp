// The model runtime module: the torch side of tasks/modeljobs.h. Loaded
// with dlopen by tasks::modelRuntime() (see tasks/modelruntime.h).
#include "tasks/modelruntime.h"
#include "tasks/modelruntime/taskoptions.h"

#include "inference/device.h"
#include "inference/modeltasks.h"
#include "inference/trainingdata.h"
#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/quality/qualityreport.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/classicprior.h"
#include "motion/repair/fillmask.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"
#include "tasks/repairjobs.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace mm::tasks::runtime {

// The priors (motion/repair/classicprior.h) are the jobs' classical answers.
static_assert(kPriorVelocityHorizonSeconds == kVelocityHorizonSeconds);
static_assert(kCompleteFill == FillMethod::Cubic);

bool heldOutFromTraining(int sortedIndex) { return inference::isHeldOut(sortedIndex); }

ModelPtr loadModel(const ModelSettings& settings, std::string* error) {
  // One model per (weights, device) for the process: loading costs a second
  // and the editor asks for it on every task.
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, ModelPtr> cache;
  std::lock_guard<std::mutex> lock(mutex);
  const auto key = std::make_pair(settings.weights, settings.device);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  // LibTorch counts physical cores: on a 2-vCPU machine it runs one thread.
  // Use every core the machine offers unless the user set OMP_NUM_THREADS.
  static bool threadsSet = false;
  if (!threadsSet && !std::getenv("OMP_NUM_THREADS")) {
    inference::setCpuThreads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    threadsSet = true;
  }
  ModelPtr model = inference::MotionModel::load(settings.weights, settings.device, error);
  if (model) cache[key] = model;
  return model;
}

long long trainedSteps(const inference::MotionModel& model) { return static_cast<long long>(model.trainedSteps()); }

std::string deviceDescription(const ModelSettings& settings) {
  inference::DeviceInfo device;
  std::string error;
  inference::chooseDevice(settings.device, &device, &error);
  return device.description;
}

namespace {

// Residual weights always read the task's classical answer (they predict the
// correction to it); others only when asked (--from-classic, the floor).
bool usesPrior(const inference::MotionModel& model, const ModelSettings& args) {
  return args.fromClassic || model.config().residual;
}

bool sameBits(const Clip& a, const Clip& b, int f, int j) {
  if (a.rotation(f, j).coeffs() != b.rotation(f, j).coeffs()) return false;
  return !a.hasTrack(j) || a.translation(f, j) == b.translation(f, j);
}

// What the model changed over frames [edited) for the report: joints with a
// changed value and the largest global displacement (metres).
void describeChange(const Clip& before, const Clip& after, const GlobalPoses& pb, const GlobalPoses& pa,
                    RepairResult* r) {
  double worst = 0.0;
  for (int j = 0; j < before.jointCount(); ++j) {
    bool changed = false;
    for (int f = r->edited.start; f < r->edited.end; ++f) {
      changed = changed || !sameBits(before, after, f, j);
      const size_t i = pb.index(f, j);
      const double dx = pb.px[i] - pa.px[i], dy = pb.py[i] - pa.py[i], dz = pb.pz[i] - pa.pz[i];
      worst = std::max(worst, dx * dx + dy * dy + dz * dz);
    }
    r->jointsChanged += changed;
  }
  r->maxChangeMeters = std::sqrt(worst) / before.unitsPerMeter();
}

}  // namespace

bool modelClean(const inference::MotionModel& model, const ModelSettings& args, const QualityReport& report, Clip* clip,
                std::vector<RepairResult>* results, std::string* error) {
  std::vector<RepairResult> out;
  if (report.artifacts().empty()) {  // nothing flagged: nothing to regenerate, no model call
    *results = std::move(out);
    return true;
  }
  const inference::PartMask bad = analysisFlags(report);
  std::optional<Clip> prior;
  if (usesPrior(model, args)) {  // the classical repair of the same spans
    prior = *clip;
    repairPrior(*prior, report, BodyPartMap::detect(clip->skeleton()));
  }
  Clip cleaned;
  const inference::TaskResult r =
      inference::cleanClip(model, *clip, &bad, taskOptions(args, kCleanFadeFrames), &cleaned, nullptr, prior ? &*prior : nullptr);
  if (!r.ok()) {
    *error = r.status == inference::TaskStatus::Cancelled ? std::string("cancelled") : r.error;
    return false;
  }
  const GlobalPoses before = computeGlobalPoses(*clip), after = computeGlobalPoses(cleaned);
  const int F = clip->frameCount();
  for (const ArtifactSpan& a : report.artifacts()) {
    RepairResult res;
    res.type = a.type;
    res.start = a.start;
    res.end = a.end;
    res.partMask = a.partMask;
    res.method = RepairMethod::Model;
    res.edited = FrameRange{std::max(0, a.start - 1), std::min(F, a.end + 1)};  // cleanClip's dilation
    describeChange(*clip, cleaned, before, after, &res);
    std::string names;
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) names += std::string(names.empty() ? "" : ", ") + bodyPartName(p);
    res.detail = "regenerated " + names + " over frames " + std::to_string(res.edited.start) + "-" +
                 std::to_string(res.edited.end - 1);
    out.push_back(std::move(res));
  }
  *clip = std::move(cleaned);
  *results = std::move(out);
  return true;
}

bool modelComplete(const inference::MotionModel& model, const ModelSettings& args, const FillMask& mask,
                   const BodyPartMap& parts, Clip* clip, int* partFrames, std::string* error) {
  inference::PartMask tokens(static_cast<size_t>(clip->frameCount()) * kBodyPartCount, 0);
  for (int f = 0; f < mask.frameCount(); ++f)
    for (int j = 0; j < mask.jointCount(); ++j)
      if (mask.at(f, j)) tokens[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(parts.part(j))] = 1;
  std::optional<Clip> prior;
  if (usesPrior(model, args)) {  // the classical fill of the same joints (the complete job's)
    prior = *clip;
    if (!fillPrior(*prior, mask)) prior.reset();
  }
  Clip out;
  const inference::TaskResult r =
      inference::regenerateMasked(model, *clip, tokens, taskOptions(args), &out, prior ? &*prior : nullptr);
  if (!r.ok()) {
    *error = r.status == inference::TaskStatus::Cancelled ? std::string("cancelled") : r.error;
    return false;
  }
  *partFrames = static_cast<int>(std::count(tokens.begin(), tokens.end(), 1));
  *clip = std::move(out);
  return true;
}

bool modelInbetween(const inference::MotionModel& model, const ModelSettings& args, int start, int end, Clip* clip,
                    std::string* error) {
  std::optional<Clip> prior;
  if (usesPrior(model, args)) {  // Hermite in-betweening, as the classical job runs it
    prior = *clip;
    if (!inbetweenPrior(*prior, FrameRange{start, end})) prior.reset();
  }
  Clip out;
  const inference::TaskResult r =
      inference::inbetweenClip(model, *clip, start, end, taskOptions(args, kInbetweenFadeFrames), &out, prior ? &*prior : nullptr);
  if (!r.ok()) {
    *error = r.status == inference::TaskStatus::Cancelled ? std::string("cancelled") : r.error;
    return false;
  }
  *clip = std::move(out);
  return true;
}

bool modelIndicators(const inference::MotionModel& model, const ModelSettings& args, const Clip& clip, ModelIndicators* out,
                     std::string* error) {
  ModelIndicators m;
  const inference::TaskResult r = inference::detectArtifacts(model, clip, taskOptions(args), &m.badProbability);
  if (!r.ok()) {
    *error = r.status == inference::TaskStatus::Cancelled ? std::string("cancelled") : r.error;
    return false;
  }
  m.weights = args.weights;
  m.trainedSteps = model.trainedSteps();
  m.steps = args.steps;
  *out = std::move(m);
  return true;
}

std::string vocabulary(const inference::MotionModel& model) {
  return model.textConditioned() ? model.vocabulary() : std::string();
}

std::vector<std::uint8_t> trainedActions(const inference::MotionModel& model) { return model.trainedActions(); }

bool regenerateText(const inference::MotionModel& model, const ModelSettings& args, const TextRegeneration& job,
                    Clip* out, std::string* error) {
  inference::TaskOptions options = taskOptions(args);
  options.textAction = job.action;
  options.textStyle = job.style;
  options.textGuidance = job.textGuidance;
  options.chainWindows = true;
  Clip result;
  const inference::TaskResult r = inference::regenerateMasked(model, *job.clip, job.mask, options, &result);
  if (!r.ok()) {
    *error = r.status == inference::TaskStatus::Cancelled ? std::string("cancelled") : r.error;
    return false;
  }
  *out = std::move(result);
  return true;
}

}  // namespace mm::tasks::runtime

extern "C" __attribute__((visibility("default"))) const mm::tasks::ModelRuntimeApi* mm_model_runtime_api() {
  using namespace mm::tasks::runtime;
  static const mm::tasks::ModelRuntimeApi api = {
      mm::tasks::kModelRuntimeVersion, loadModel, trainedSteps, deviceDescription, heldOutFromTraining,
      modelClean, modelComplete, modelInbetween, modelIndicators, vocabulary, regenerateText, trainedActions};
  return &api;
}
