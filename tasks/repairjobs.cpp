#include "tasks/repairjobs.h"

#include "tasks/autotable.h"

#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/repair/filterclip.h"
#include "motion/repair/footlock.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

namespace mm::tasks {
namespace {

JobOutcome failed(ErrorSource source, std::string error) {
  JobOutcome o;
  o.errorSource = source;
  o.cancelled = error == "cancelled";
  o.error = std::move(error);
  return o;
}

// Resolves the method: classic, or the model (loaded), or classic with a
// reason. Fills o->methodLine; false (with o's error) when the model was
// asked for and cannot load.
bool choose(Method method, const ModelSettings& settings, const char* autoClassicWhy, ModelPtr* model,
            JobOutcome* o) {
  if (method == Method::Classic) {
    o->methodLine = "method: classic";
    return true;
  }
  if (method == Method::Auto && autoClassicWhy) {
    o->methodLine = std::string("method: classic (auto: ") + autoClassicWhy + ")";
    return true;
  }
  std::string error;
  ModelPtr loaded = loadModel(settings, &error);
  if (!loaded) {
    if (method == Method::Model) {
      *o = failed(ErrorSource::Model, error);
      return false;
    }
    o->methodLine = "method: classic (auto: " + error + ")";
    return true;
  }
  o->methodLine = "method: model (" + settings.weights + ", " + std::to_string(trainedSteps(*loaded)) +
                  " training steps, " + deviceDescription(settings) + ", " + std::to_string(settings.steps) +
                  " sampling steps)";
  o->used = "model";
  *model = std::move(loaded);
  return true;
}

// Whether `auto` gives spans of `type` to the model: the measured table's
// row when it has one, else the built-in choice (the model only where no
// classical repair exists and it measured better than nothing).
bool autoModelRepairs(ArtifactType type, const std::optional<AutoTable>& table) {
  if (table)
    if (const auto rule = table->find("clean", artifactTypeName(type), 0)) return rule->model;
  return !hasClassicalRepair(type) && modelRepairsBetter(type);
}

std::string measured(const AutoRule& r) {
  char buf[160];
  std::snprintf(buf, sizeof(buf), "%s %.3g model vs %.3g classic", r.metric.c_str(), r.modelScore, r.classicScore);
  return buf;
}

// The classical clean, then the model for the spans only it repairs
// (modelRepairsBetter), on the classically repaired clip.
void cleanAuto(const QualityReport& report, const BodyPartMap& parts, const ModelSettings& settings, Clip* clip,
               JobOutcome* o) {
  const std::optional<AutoTable> table = autoTableFor(settings.weights);
  std::array<bool, kArtifactTypeCount> toModel{};
  for (int t = 0; t < kArtifactTypeCount; ++t) toModel[t] = autoModelRepairs(static_cast<ArtifactType>(t), table);
  RepairOptions options;
  options.parts = &parts;
  for (int t = 0; t < kArtifactTypeCount; ++t) options.types[t] = options.types[t] && !toModel[t];
  o->results = repairAll(*clip, report, options);
  QualityReport rest(clip->frameCount());
  int spans = 0;
  for (const ArtifactSpan& a : report.artifacts()) {
    if (!toModel[static_cast<int>(a.type)]) continue;
    ++spans;
    for (int f = a.start; f < a.end; ++f)
      for (BodyPart p : kAllBodyParts)
        if (a.hasPart(p)) rest.flag(a.type, f, p, std::max(0.5f, static_cast<float>(a.severity)));
  }
  o->used = "classic";
  if (spans == 0) {
    o->methodLine = "method: classic (auto: no artifact found that the model repairs better)";
    return;
  }
  std::string error;
  const ModelPtr model = loadModel(settings, &error);
  if (!model) {
    // The model's spans get the classical repair after all.
    RepairOptions all;
    all.parts = &parts;
    QualityReport modelSpans = rest;
    modelSpans.buildSpans(0);
    o->results.erase(std::remove_if(o->results.begin(), o->results.end(),
                                    [&](const RepairResult& r) { return toModel[static_cast<int>(r.type)]; }),
                     o->results.end());
    for (RepairResult& r : repairAll(*clip, modelSpans, all)) o->results.push_back(std::move(r));
    o->methodLine = "method: classic (auto: " + std::to_string(spans) +
                    " spans go to the model, which is unavailable: " + error + ")";
    return;
  }
  rest.buildSpans(0);
  std::vector<RepairResult> byModel;
  if (!modelClean(*model, settings, rest, clip, &byModel, &error)) {
    *o = failed(ErrorSource::Input, error);
    return;
  }
  o->methodLine = "method: auto (classic repair; the model, " + settings.weights + ", for " + std::to_string(spans) +
                  (table ? " spans of the types where it measured ahead, " + autoTablePath(settings.weights) + ")"
                         : std::string(" spans the classical tools cannot repair)"));
  o->results.erase(std::remove_if(o->results.begin(), o->results.end(),
                                  [&](const RepairResult& r) { return toModel[static_cast<int>(r.type)]; }),
                   o->results.end());
  o->results.insert(o->results.end(), byModel.begin(), byModel.end());
  o->used = "auto";
}

std::vector<int> jointsOfParts(const BodyPartMap& parts, std::uint8_t partMask) {
  std::vector<int> joints;
  for (int j = 0; j < parts.jointCount(); ++j)
    if ((partMask >> bodyPartIndex(parts.part(j))) & 1u) joints.push_back(j);
  return joints;
}

}  // namespace

const char* methodName(Method method) {
  switch (method) {
    case Method::Classic: return "classic";
    case Method::Model: return "model";
    case Method::Auto: return "auto";
  }
  return "auto";
}

bool parseMethod(const std::string& name, Method* out) {
  for (Method m : {Method::Classic, Method::Model, Method::Auto})
    if (name == methodName(m)) {
      *out = m;
      return true;
    }
  return false;
}

bool modelRepairsBetter(ArtifactType type) { return type == ArtifactType::Floating; }

namespace {
// Moves each joint's run of missing frames that `toModel(joint, run length)`
// accepts from `classic` to `model`; returns the samples moved.
template <typename ToModel>
int splitRuns(const FillMask& mask, FillMask* classic, FillMask* model, ToModel toModel) {
  *classic = mask;
  *model = FillMask(mask.frameCount(), mask.jointCount());
  int samples = 0;
  for (int j = 0; j < mask.jointCount(); ++j)
    for (int f = 0; f < mask.frameCount();) {
      if (!mask.at(f, j)) {
        ++f;
        continue;
      }
      int e = f;
      while (e < mask.frameCount() && mask.at(e, j)) ++e;
      if (toModel(j, e - f))
        for (int g = f; g < e; ++g) {
          model->set(g, j);
          classic->set(g, j, false);
          ++samples;
        }
      f = e;
    }
  return samples;
}
}  // namespace

int splitLegGaps(const FillMask& mask, const BodyPartMap& parts, double fps, FillMask* classic, FillMask* model) {
  const int minRun = std::max(1, static_cast<int>(std::lround(kModelLegGapSeconds * fps)));
  return splitRuns(mask, classic, model, [&](int joint, int run) {
    const BodyPart part = parts.part(joint);
    return (part == BodyPart::LeftLeg || part == BodyPart::RightLeg) && run >= minRun;
  });
}

int splitByAutoTable(const FillMask& mask, const BodyPartMap& parts, const AutoTable& table, double fps,
                     FillMask* classic, FillMask* model) {
  return splitRuns(mask, classic, model, [&](int joint, int run) {
    const std::optional<AutoRule> rule = table.find("complete", bodyPartName(parts.part(joint)), run, fps);
    return rule && rule->model;
  });
}

JobOutcome cleanJob(const Clip& clip, const QualityReport& report, const BodyPartMap& parts, Method method,
                    const ModelSettings& settings) {
  JobOutcome o;
  Clip work = clip;
  if (method == Method::Auto) {
    cleanAuto(report, parts, settings, &work, &o);
    if (!o.ok()) return o;
  } else {
    ModelPtr model;
    if (!choose(method, settings, nullptr, &model, &o)) return o;
    if (model) {
      std::string error;
      if (!modelClean(*model, settings, report, &work, &o.results, &error)) return failed(ErrorSource::Input, error);
    } else {
      RepairOptions options;
      options.parts = &parts;
      o.results = repairAll(work, report, options);
    }
  }
  o.patch = Patch::diffAll(clip, work);
  return o;
}

JobOutcome repairArtifactJob(const Clip& clip, const ArtifactSpan& span, const BodyPartMap& parts, Method method,
                             const ModelSettings& settings) {
  QualityReport one(clip.frameCount());
  for (int f = std::max(0, span.start); f < std::min(clip.frameCount(), span.end); ++f)
    for (BodyPart p : kAllBodyParts)
      if (span.hasPart(p)) one.flag(span.type, f, p, std::max(0.5f, static_cast<float>(span.severity)));
  one.buildSpans(0);
  // auto: the classical repair where there is one, the model where it
  // measured better than leaving the span, else nothing.
  if (method == Method::Auto)
    method = autoModelRepairs(span.type, autoTableFor(settings.weights)) ? Method::Model : Method::Classic;
  JobOutcome o;
  ModelPtr model;
  if (!choose(method, settings, nullptr, &model, &o)) return o;
  Clip work = clip;
  if (model) {
    std::string error;
    if (!modelClean(*model, settings, one, &work, &o.results, &error)) return failed(ErrorSource::Input, error);
  } else {
    RepairOptions options;
    options.parts = &parts;
    RepairResult r = repairArtifact(work, span, options);
    if (!r.ok()) return failed(ErrorSource::Input, r.error);
    o.results.push_back(std::move(r));
  }
  o.patch = Patch::diffAll(clip, work);
  return o;
}

JobOutcome completeJob(const Clip& clip, const FillMask& maskIn, const BodyPartMap& parts, Method method,
                       const ModelSettings& settings) {
  JobOutcome o;
  FillMask mask = maskIn;
  // What the classical fill takes (`mask`) and what the model regenerates
  // (`byModel`): auto gives the model the legs missing for a second or more.
  ModelPtr model;
  FillMask byModel(mask.frameCount(), mask.jointCount());
  const std::optional<AutoTable> table = method == Method::Auto ? autoTableFor(settings.weights) : std::nullopt;
  if (method == Method::Auto && table) {
    FillMask classicPart;
    const int samples = splitByAutoTable(mask, parts, *table, clip.fps(), &classicPart, &byModel);
    std::string error;
    if (samples > 0 && (model = loadModel(settings, &error))) {
      mask = std::move(classicPart);
      o.methodLine = "method: auto (classical fill; the model, " + settings.weights + ", for " +
                     std::to_string(samples) + " samples of the parts and lengths where it measured ahead, " +
                     autoTablePath(settings.weights) + ")";
      o.used = "auto";
    } else {
      o.methodLine = std::string("method: classic (auto: ") +
                     (samples > 0 ? "the model measured ahead here but is unavailable: " + error
                                  : "the classical fill measured ahead for these parts and lengths, " +
                                        autoTablePath(settings.weights)) +
                     ")";
    }
  } else if (method == Method::Auto) {
    FillMask classicPart;
    const int legSamples = splitLegGaps(mask, parts, clip.fps(), &classicPart, &byModel);
    std::string error;
    if (legSamples > 0 && (model = loadModel(settings, &error))) {
      mask = std::move(classicPart);
      o.methodLine = "method: auto (classical fill; the model, " + settings.weights + ", for " +
                     std::to_string(legSamples) + " leg samples missing 1 s or more)";
      o.used = "auto";
    } else {
      o.methodLine = std::string("method: classic (auto: ") +
                     (legSamples > 0 ? "the legs missing 1 s or more need the model, which is unavailable: " + error
                                     : std::string("no leg missing for 1 s or more, where the model measures ahead")) +
                     ")";
    }
  } else {
    if (!choose(method, settings, nullptr, &model, &o)) return o;
    if (model) std::swap(mask, byModel);
  }
  GapFillOptions options;
  options.method = kCompleteFill;
  options.velocityHorizonSeconds = kVelocityHorizonSeconds;
  if (options.method == FillMethod::Pattern) {
    options.donors = mirroredLimbDonors(clip.skeleton(), parts);
    if (options.donors.empty()) options.method = FillMethod::Cubic;
  }
  o.fillMethod = options.method;
  Clip work = clip;
  if (mask.count() > 0) {
    o.fill = fillGaps(work, mask, options);
    if (!o.fill.ok()) return failed(ErrorSource::Mask, o.fill.error);
    if (o.fill.unfilledSamples > 0)
      return failed(ErrorSource::Mask, "the mask covers every frame of some joints: there is nothing to fill them from");
  }
  if (model) {  // after the classical fill, which gives the model its context
    std::string error;
    if (!modelComplete(*model, settings, byModel, parts, &work, &o.modelTokens, &error))
      return failed(ErrorSource::Input, error);
  }
  o.patch = Patch::diffAll(clip, work);
  return o;
}

JobOutcome inbetweenJob(const Clip& clip, FrameRange range, Method method, const ModelSettings& settings) {
  JobOutcome o;
  ModelPtr model;
  std::string why =
      "Hermite in-betweening measures ahead of the learned model on held-out clips; --method model runs the model";
  std::optional<AutoRule> rule;
  if (method == Method::Auto)
    if (const std::optional<AutoTable> table = autoTableFor(settings.weights))
      rule = table->find("inbetween", "all", range.length(), clip.fps());
  if (rule && !rule->model)
    why = "Hermite measured ahead for gaps near " + std::to_string(rule->frames) + " frames, " + measured(*rule);
  if (!choose(method, settings, rule && rule->model ? nullptr : why.c_str(), &model, &o)) return o;
  if (model && rule) {
    o.methodLine = "method: auto (the model, " + settings.weights + ", measured ahead for gaps near " +
                   std::to_string(rule->frames) + " frames, " + measured(*rule) + ")";
    o.used = "auto";
  }
  Clip work = clip;
  if (model) {
    std::string error;
    if (!modelInbetween(*model, settings, range.start, range.end, &work, &error))
      return failed(ErrorSource::Input, error);
  } else {
    InbetweenOptions options;
    options.method = InbetweenMethod::Hermite;
    options.velocityHorizonSeconds = kVelocityHorizonSeconds;
    const InbetweenResult r = inbetween(work, range, options);
    if (!r.ok()) return failed(ErrorSource::Input, r.error);
  }
  o.patch = Patch::diff(clip, work, {range});
  return o;
}

JobOutcome filterJob(const Clip& clip, FrameRange range, std::uint8_t partMask, const BodyPartMap& parts,
                     const FilterSpec& spec) {
  JobOutcome o;
  o.methodLine = "method: classic";
  Clip work = clip;
  const std::string error = filterClip(work, spec, range, jointsOfParts(parts, partMask));
  if (!error.empty()) return failed(ErrorSource::Input, error);
  o.patch = Patch::diff(clip, work, {range});
  return o;
}

JobOutcome footLockJob(const Clip& clip, FrameRange range, std::uint8_t partMask, const BodyPartMap& parts) {
  JobOutcome o;
  o.methodLine = "method: classic";
  FootSelection legs = {((partMask >> bodyPartIndex(BodyPart::LeftLeg)) & 1u) != 0,
                        ((partMask >> bodyPartIndex(BodyPart::RightLeg)) & 1u) != 0};
  if (!legs[0] && !legs[1]) return failed(ErrorSource::Input, "select a leg to lock its foot");
  Clip work = clip;
  const FootLockReport r = lockFeet(work, parts, range, FootLockParams{}, legs);
  if (!r.ok()) return failed(ErrorSource::Input, r.error);
  o.patch = Patch::diffAll(clip, work);
  return o;
}

ClipWindow windowAround(const Clip& clip, FrameRange range, double contextSeconds) {
  const int context = static_cast<int>(std::ceil(contextSeconds * clip.fps()));
  ClipWindow w;
  w.offset = std::max(0, range.start - context);
  const int end = std::min(clip.frameCount(), range.end + context);
  w.clip = clip.subClip(w.offset, end);
  return w;
}

}  // namespace mm::tasks
