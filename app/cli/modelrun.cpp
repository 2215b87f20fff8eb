#include "modelrun.h"

#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/fillmask.h"

#ifdef MM_HAVE_TORCH
#include "inference/device.h"
#include "inference/modeltasks.h"
#include "inference/trainingdata.h"
#include "motion/kinematics.h"
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mm::cli {
namespace {

// A whole string as a number (strtod / strtoull accept trailing junk).
bool parseNumber(const std::string& text, double* value) {
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0' && std::isfinite(*value);
}

}  // namespace

std::string defaultModelPath() { return MM_SOURCE_DIR "/resources/models/motionmender-small.mmmodel"; }

int takeModelArgs(Args& args, ModelArgs* out) {
  std::string text;
  double v = 0;
  args.takeOption("--weights", &out->weights);
  if (args.takeOption("--device", &out->device) && out->device != "auto" && out->device != "cpu" &&
      out->device != "cuda")
    return fail(kUsage, "unknown device '" + out->device + "' (auto, cpu or cuda)");
  if (args.takeOption("--steps", &text)) {
    if (!parseNumber(text, &v) || v < 1 || v > 1000 || v != std::floor(v))
      return fail(kUsage, "--steps '" + text + "': expected a whole number of sampling steps from 1 to 1000");
    out->steps = static_cast<int>(v);
  }
  if (args.takeOption("--guidance", &text)) {
    if (!parseNumber(text, &v) || v < 0) return fail(kUsage, "--guidance '" + text + "': expected a number >= 0");
    out->guidance = v;
  }
  if (args.takeOption("--strength", &text)) {
    if (!parseNumber(text, &v) || v <= 0 || v > 1)
      return fail(kUsage, "--strength '" + text + "': expected a number in (0, 1]");
    out->strength = v;
  }
  if (args.takeOption("--seed", &text)) {
    if (!parseNumber(text, &v) || v < 0 || v != std::floor(v) ||
        text.find_first_not_of("0123456789") != std::string::npos)
      return fail(kUsage, "--seed '" + text + "': expected a whole number >= 0");
    out->seed = std::strtoull(text.c_str(), nullptr, 10);
  }
  return kOk;
}

std::vector<std::uint8_t> analysisFlags(const QualityReport& report) {
  std::vector<std::uint8_t> flags(static_cast<size_t>(report.frameCount()) * kBodyPartCount, 0);
  for (const ArtifactSpan& a : report.artifacts())
    for (int f = std::max(0, a.start); f < std::min(report.frameCount(), a.end); ++f)
      for (BodyPart p : kAllBodyParts)
        if (a.hasPart(p)) flags[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(p)] = 1;
  return flags;
}

#ifdef MM_HAVE_TORCH

inference::TaskOptions taskOptions(const ModelArgs& args) {
  inference::TaskOptions o;
  o.steps = args.steps;
  o.guidance = args.guidance;
  o.strength = args.strength;
  o.seed = args.seed;
  return o;
}

bool heldOutFromTraining(int sortedIndex) { return inference::isHeldOut(sortedIndex); }

ModelPtr loadModel(const ModelArgs& args, std::string* error) {
  return inference::MotionModel::load(args.weights, args.device, error);
}

int chooseMethod(const std::string& method, const ModelArgs& args, ModelPtr* model, const char* autoClassicWhy) {
  if (method == "classic") {
    std::printf("method: classic\n");
    return kOk;
  }
  if (method == "auto" && autoClassicWhy) {
    std::printf("method: classic (auto: %s)\n", autoClassicWhy);
    return kOk;
  }
  std::string error;
  ModelPtr loaded = loadModel(args, &error);
  if (!loaded) {
    if (method == "model") return fail(kError, error);
    std::printf("method: classic (auto: %s)\n", error.c_str());
    return kOk;
  }
  inference::DeviceInfo device;
  inference::chooseDevice(args.device, &device, &error);
  std::printf("method: model (%s, %lld training steps, %s, %d sampling steps)\n", args.weights.c_str(),
              static_cast<long long>(loaded->trainedSteps()), device.description.c_str(), args.steps);
  *model = std::move(loaded);
  return kOk;
}

namespace {

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

bool modelClean(const inference::MotionModel& model, const ModelArgs& args, const QualityReport& report, Clip* clip,
                std::vector<RepairResult>* results, std::string* error) {
  std::vector<RepairResult> out;
  if (report.artifacts().empty()) {  // nothing flagged: nothing to regenerate, no model call
    *results = std::move(out);
    return true;
  }
  const inference::PartMask bad = analysisFlags(report);
  Clip cleaned;
  const inference::TaskResult r = inference::cleanClip(model, *clip, &bad, taskOptions(args), &cleaned);
  if (!r.ok()) {
    *error = r.error;
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

bool modelComplete(const inference::MotionModel& model, const ModelArgs& args, const FillMask& mask,
                   const BodyPartMap& parts, Clip* clip, int* partFrames, std::string* error) {
  inference::PartMask tokens(static_cast<size_t>(clip->frameCount()) * kBodyPartCount, 0);
  for (int f = 0; f < mask.frameCount(); ++f)
    for (int j = 0; j < mask.jointCount(); ++j)
      if (mask.at(f, j)) tokens[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(parts.part(j))] = 1;
  Clip out;
  const inference::TaskResult r = inference::regenerateMasked(model, *clip, tokens, taskOptions(args), &out);
  if (!r.ok()) {
    *error = r.error;
    return false;
  }
  *partFrames = static_cast<int>(std::count(tokens.begin(), tokens.end(), 1));
  *clip = std::move(out);
  return true;
}

bool modelInbetween(const inference::MotionModel& model, const ModelArgs& args, int start, int end, Clip* clip,
                    std::string* error) {
  Clip out;
  const inference::TaskResult r = inference::inbetweenClip(model, *clip, start, end, taskOptions(args), &out);
  if (!r.ok()) {
    *error = r.error;
    return false;
  }
  *clip = std::move(out);
  return true;
}

bool modelIndicators(const inference::MotionModel& model, const ModelArgs& args, const Clip& clip, ModelIndicators* out,
                     std::string* error) {
  ModelIndicators m;
  const inference::TaskResult r = inference::detectArtifacts(model, clip, taskOptions(args), &m.badProbability);
  if (!r.ok()) {
    *error = r.error;
    return false;
  }
  m.weights = args.weights;
  m.trainedSteps = model.trainedSteps();
  m.steps = args.steps;
  *out = std::move(m);
  return true;
}

#else  // no LibTorch: no model ever loads, so the model tasks are never reached.

namespace {
const char* kNoTorch = "this build has no LibTorch: the motion model is not available";
}

bool heldOutFromTraining(int) { return false; }

ModelPtr loadModel(const ModelArgs&, std::string* error) {
  *error = kNoTorch;
  return nullptr;
}

int chooseMethod(const std::string& method, const ModelArgs&, ModelPtr*, const char*) {
  if (method == "model") return fail(kError, std::string("--method model: ") + kNoTorch);
  std::printf(method == "classic" ? "method: classic\n" : "method: classic (auto: this build has no LibTorch)\n");
  return kOk;
}

bool modelClean(const inference::MotionModel&, const ModelArgs&, const QualityReport&, Clip*,
                std::vector<RepairResult>*, std::string* error) {
  *error = kNoTorch;
  return false;
}
bool modelComplete(const inference::MotionModel&, const ModelArgs&, const FillMask&, const BodyPartMap&, Clip*, int*,
                   std::string* error) {
  *error = kNoTorch;
  return false;
}
bool modelInbetween(const inference::MotionModel&, const ModelArgs&, int, int, Clip*, std::string* error) {
  *error = kNoTorch;
  return false;
}
bool modelIndicators(const inference::MotionModel&, const ModelArgs&, const Clip&, ModelIndicators*,
                     std::string* error) {
  *error = kNoTorch;
  return false;
}

#endif

}  // namespace mm::cli
