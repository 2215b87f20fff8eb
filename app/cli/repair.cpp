// motionmender-cli clean | complete | inbetween: the repair commands.
// Each reads IN, repairs in memory (classical operators or the motion model,
// `--method`) and writes OUT atomically; frames and joints the repair does
// not touch keep their values.
#include "cli.h"
#include "modelrun.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "io/repairio.h"
#include "motion/bodyparts.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace mm::cli {
namespace {

// The classical method behind each command's `--method classic` (the best
// of the classical operators in `eval complete` / `eval inbetween`).
constexpr FillMethod kCompleteFill = FillMethod::Cubic;
constexpr InbetweenMethod kInbetween = InbetweenMethod::Hermite;
constexpr double kVelocityHorizon = 0.5;  // seconds; see GapFillOptions

// --method classic|auto|model (auto when absent; modelrun.h resolves it).
// Returns kOk, or kUsage after printing the error for an unknown value.
int takeMethod(Args& args, std::string* method) {
  *method = "auto";
  if (!args.takeOption("--method", method)) return kOk;
  if (*method == "classic" || *method == "auto" || *method == "model") return kOk;
  return fail(kUsage, "unknown method '" + *method + "' (classic, auto or model)");
}

// IN and -o OUT with a writable output format; kOk or the exit code.
int takeInOut(Args& args, const char* usage, std::string* in, std::string* out) {
  const bool hasOut = args.takeOption("-o", out) || args.takeOption("--output", out);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1 || !hasOut || out->empty()) return fail(kUsage, usage);
  *in = pos[0];
  if (!canWrite(formatFromPath(*out)))
    return fail(kUsage, *out + ": cannot write this format (writable: " + [] {
      std::string s;
      for (const std::string& e : writableExtensions()) s += (s.empty() ? "." : ", .") + e;
      return s;
    }() + ")");
  return kOk;
}

// Loads IN (warnings to stderr); nullopt after printing the error.
std::optional<Clip> load(const std::string& path) {
  LoadResult in = loadMotion(path);
  if (!in.ok()) {
    fail(kError, in.error.toString());
    return std::nullopt;
  }
  for (const std::string& w : in.warnings) std::fprintf(stderr, "motionmender-cli: warning: %s\n", w.c_str());
  in.clip->makeSignContinuous();
  return std::move(in.clip);
}

int save(const Clip& clip, const std::string& path) {
  const SaveResult saved = saveMotion(clip, path);
  if (!saved.ok) return fail(kError, saved.error.toString());
  return kOk;
}

// Types without a classical repair that the learned model repairs better
// than leaving them. Measured with the shipped weights on 8 held-out takes,
// one lab artifact each, MPJPE to the original over the span: floating 221
// -> 78-206 mm (7 of 8 detected); over-smoothing got worse (e.g. 1.8 -> 4.7,
// 66 -> 87 mm), so it is left alone.
bool modelRepairsBetter(ArtifactType type) { return type == ArtifactType::Floating; }

// clean --method auto: the classical repair for every span it has a method
// for (it measures ahead of the learned model on those: resources/models/
// README.md), then the model for the spans of the types above, on the
// classically repaired clip. Without such spans the model is not loaded.
int cleanAuto(const std::string& in, const QualityReport& report, const BodyPartMap& parts, const ModelArgs& modelArgs,
              Clip* clip, std::vector<RepairResult>* results, std::string* used) {
  RepairOptions options;
  options.parts = &parts;
  std::vector<RepairResult> classic = repairAll(*clip, report, options);
  QualityReport rest(clip->frameCount());
  int spans = 0;
  for (const ArtifactSpan& a : report.artifacts()) {
    if (hasClassicalRepair(a.type) || !modelRepairsBetter(a.type)) continue;
    ++spans;
    for (int f = a.start; f < a.end; ++f)
      for (BodyPart p : kAllBodyParts)
        if (a.hasPart(p)) rest.flag(a.type, f, p, std::max(0.5f, static_cast<float>(a.severity)));
  }
  *used = "classic";
  *results = std::move(classic);
  if (spans == 0) {
    std::printf("method: classic (auto: no artifact found that the model repairs better)\n");
    return kOk;
  }
  std::string error;
  const ModelPtr model = loadModel(modelArgs, &error);
  if (!model) {
    std::printf("method: classic (auto: %d floating spans need the model, which is unavailable: %s)\n", spans,
                error.c_str());
    return kOk;
  }
  rest.buildSpans(0);
  std::vector<RepairResult> byModel;
  if (!modelClean(*model, modelArgs, rest, clip, &byModel, &error)) return fail(kError, in + ": " + error);
  std::printf("method: auto (classic repair; the model, %s, for %d spans the classical tools cannot repair)\n",
              modelArgs.weights.c_str(), spans);
  results->erase(std::remove_if(results->begin(), results->end(),
                                [](const RepairResult& r) { return modelRepairsBetter(r.type); }),
                 results->end());
  results->insert(results->end(), byModel.begin(), byModel.end());
  *used = "auto";
  return kOk;
}

// complete --method auto: the model fills the legs' runs of at least this
// long. Held-out `eval complete --method both` (one part missing, MPJPE mm):
// legs 32 vs 59 (30 frames) and 44 vs 67 (60 frames) for the model against
// the classical fill; arms and torso, and shorter gaps, the classical fill
// wins (e.g. left arm 39.5 vs 38.2, torso 24.4 vs 17.1 at 30 frames).
constexpr double kModelLegGapSeconds = 1.0;

// Splits `mask` into the legs' runs of kModelLegGapSeconds or more (*model)
// and the rest (*classic); returns the samples in *model.
int splitLegGaps(const FillMask& mask, const BodyPartMap& parts, double fps, FillMask* classic, FillMask* model) {
  *classic = mask;
  *model = FillMask(mask.frameCount(), mask.jointCount());
  const int minRun = std::max(1, static_cast<int>(std::lround(kModelLegGapSeconds * fps)));
  int samples = 0;
  for (int j = 0; j < mask.jointCount(); ++j) {
    const BodyPart part = parts.part(j);
    if (part != BodyPart::LeftLeg && part != BodyPart::RightLeg) continue;
    for (int f = 0; f < mask.frameCount();) {
      if (!mask.at(f, j)) {
        ++f;
        continue;
      }
      int e = f;
      while (e < mask.frameCount() && mask.at(e, j)) ++e;
      if (e - f >= minRun)
        for (int g = f; g < e; ++g) {
          model->set(g, j);
          classic->set(g, j, false);
          ++samples;
        }
      f = e;
    }
  }
  return samples;
}

}  // namespace

int runClean(Args args) {
  const char* usage =
      "usage: clean IN -o OUT [--method classic|auto|model] [--report REPORT.json] [--preset P.json] "
      "[--weights F] [--device auto|cpu|cuda] [--steps N] [--seed S]";
  std::string method, reportPath, presetPath, in, out;
  ModelArgs modelArgs;
  if (const int c = takeMethod(args, &method); c != kOk) return c;
  if (const int c = takeModelArgs(args, &modelArgs); c != kOk) return c;
  const bool wantReport = args.takeOption("--report", &reportPath);
  const bool hasPreset = args.takeOption("--preset", &presetPath);
  if (const int c = takeInOut(args, usage, &in, &out); c != kOk) return c;
  QualityPreset preset;
  if (hasPreset) {
    IoError e;
    if (!readQualityPreset(presetPath, &preset, &e)) return fail(kError, e.toString());
  }
  std::optional<Clip> clip = load(in);
  if (!clip) return kError;
  const BodyPartMap parts = BodyPartMap::detect(clip->skeleton());
  QualityAnalyzer analyzer;
  const QualityReport report = analyzer.analyze(*clip, parts, preset);
  std::vector<RepairResult> results;
  std::string used = "classic";
  if (method == "auto") {
    if (const int c = cleanAuto(in, report, parts, modelArgs, &*clip, &results, &used); c != kOk) return c;
  } else {
    ModelPtr model;
    if (const int c = chooseMethod(method, modelArgs, &model); c != kOk) return c;
    if (model) {
      std::string error;
      if (!modelClean(*model, modelArgs, report, &*clip, &results, &error)) return fail(kError, in + ": " + error);
      used = "model";
    } else {
      RepairOptions options;
      options.parts = &parts;
      results = repairAll(*clip, report, options);
    }
  }
  if (const int c = save(*clip, out); c != kOk) return c;
  if (wantReport) {
    const SaveResult r =
        writeTextFile(reportPath, repairReportJson(results, in, out, clip->frameCount(), clip->fps(), used));
    if (!r.ok) return fail(kError, r.error.toString());
  }
  // Summary: per type, spans found and repaired.
  std::map<std::string, std::pair<int, int>> byType;
  int repaired = 0;
  double worst = 0.0;
  for (const RepairResult& r : results) {
    auto& t = byType[artifactTypeName(r.type)];
    ++t.first;
    t.second += r.changed();
    repaired += r.changed();
    worst = std::max(worst, r.maxChangeMeters);
    if (!r.ok()) std::fprintf(stderr, "motionmender-cli: warning: %s frames %d-%d not repaired: %s\n",
                              artifactTypeName(r.type), r.start, r.end, r.error.c_str());
  }
  std::printf("%s: %d frames, %zu artifacts, %d repaired (%s), largest change %.3f m\n", in.c_str(), clip->frameCount(),
              results.size(), repaired, used.c_str(), worst);
  for (const auto& [name, n] : byType) std::printf("  %-14s %4d found %4d repaired\n", name.c_str(), n.first, n.second);
  std::printf("wrote %s\n", out.c_str());
  return kOk;
}

int runComplete(Args args) {
  const char* usage =
      "usage: complete IN -o OUT --mask MASK.json [--method classic|auto|model] [--weights F] [--device D] [--steps N] "
      "[--seed S]";
  std::string method, maskPath, in, out;
  ModelArgs modelArgs;
  if (const int c = takeMethod(args, &method); c != kOk) return c;
  if (const int c = takeModelArgs(args, &modelArgs); c != kOk) return c;
  if (!args.takeOption("--mask", &maskPath)) return fail(kUsage, usage);
  if (const int c = takeInOut(args, usage, &in, &out); c != kOk) return c;
  std::optional<Clip> clip = load(in);
  if (!clip) return kError;
  const BodyPartMap parts = BodyPartMap::detect(clip->skeleton());
  FillMask mask;
  IoError e;
  if (!readFillMask(maskPath, *clip, parts, &mask, &e)) return fail(kError, e.toString());
  // What the classical fill takes (`mask`) and what the model regenerates
  // (`byModel`): auto gives the model the legs missing for a second or more
  // (splitLegGaps), --method model everything.
  ModelPtr model;
  FillMask byModel(mask.frameCount(), mask.jointCount());
  if (method == "auto") {
    FillMask classicPart;
    const int legSamples = splitLegGaps(mask, parts, clip->fps(), &classicPart, &byModel);
    std::string error;
    if (legSamples > 0 && (model = loadModel(modelArgs, &error))) {
      mask = std::move(classicPart);
      std::printf("method: auto (classical fill; the model, %s, for %d leg samples missing %.0f s or more)\n",
                  modelArgs.weights.c_str(), legSamples, kModelLegGapSeconds);
    } else {
      std::printf("method: classic (auto: %s)\n",
                  legSamples > 0 ? ("the legs missing 1 s or more need the model, which is unavailable: " + error).c_str()
                                 : "no leg missing for 1 s or more, where the model measures ahead");
    }
  } else {
    if (const int c = chooseMethod(method, modelArgs, &model); c != kOk) return c;
    if (model) std::swap(mask, byModel);
  }
  GapFillOptions options;
  options.method = kCompleteFill;
  options.velocityHorizonSeconds = kVelocityHorizon;
  if (options.method == FillMethod::Pattern) {
    options.donors = mirroredLimbDonors(clip->skeleton(), parts);
    if (options.donors.empty()) options.method = FillMethod::Cubic;
  }
  GapFillResult r;
  if (mask.count() > 0) {
    r = fillGaps(*clip, mask, options);
    if (!r.ok()) return fail(kError, maskPath + ": " + r.error);
    if (r.unfilledSamples > 0)
      return fail(kError, maskPath + ": the mask covers every frame of some joints: there is nothing to fill them from");
  }
  int tokens = 0;
  if (model) {  // after the classical fill, which gives the model its context
    std::string error;
    if (!modelComplete(*model, modelArgs, byModel, parts, &*clip, &tokens, &error)) return fail(kError, in + ": " + error);
  }
  if (const int c = save(*clip, out); c != kOk) return c;
  std::printf("%s: ", in.c_str());
  if (!model || mask.count() > 0)
    std::printf("filled %d samples in %d gaps (%s)%s", r.filledSamples, r.gaps, fillMethodName(options.method),
                model ? ", " : "");
  if (model) std::printf("regenerated %d (frame, body part) tokens (model)", tokens);
  std::printf(", wrote %s\n", out.c_str());
  return kOk;
}

int runInbetween(Args args) {
  const char* usage =
      "usage: inbetween IN -o OUT --frames A:B [--method classic|auto|model] [--weights F] [--device D] [--steps N] "
      "[--seed S]";
  std::string method, frames, in, out;
  ModelArgs modelArgs;
  if (const int c = takeMethod(args, &method); c != kOk) return c;
  if (const int c = takeModelArgs(args, &modelArgs); c != kOk) return c;
  if (!args.takeOption("--frames", &frames)) return fail(kUsage, usage);
  // A:B, two whole numbers.
  const size_t colon = frames.find(':');
  char* endA = nullptr;
  char* endB = nullptr;
  const std::string a = colon == std::string::npos ? "" : frames.substr(0, colon);
  const std::string b = colon == std::string::npos ? "" : frames.substr(colon + 1);
  const long long A = std::strtoll(a.c_str(), &endA, 10), B = std::strtoll(b.c_str(), &endB, 10);
  if (a.empty() || b.empty() || *endA || *endB || a[0] == ' ' || b[0] == ' ')
    return fail(kUsage, "--frames '" + frames + "': expected A:B, two frame numbers (frames A..B-1 are regenerated)");
  if (const int c = takeInOut(args, usage, &in, &out); c != kOk) return c;
  std::optional<Clip> clip = load(in);
  if (!clip) return kError;
  const int F = clip->frameCount();
  if (!(0 <= A && A < B && B <= F))
    return fail(kError, in + ": --frames " + frames + " is not a range of frames inside the clip's " + std::to_string(F) +
                            " frames (0 <= A < B <= " + std::to_string(F) + ")");
  if (A == 0 && B == F) return fail(kError, in + ": --frames " + frames + " covers the whole clip: no frame to in-between from");
  ModelPtr model;
  if (const int c = chooseMethod(method, modelArgs, &model,
                                 "Hermite in-betweening measures ahead of the learned model on held-out clips; "
                                 "--method model runs the model");
      c != kOk)
    return c;
  if (model) {
    std::string error;
    if (!modelInbetween(*model, modelArgs, static_cast<int>(A), static_cast<int>(B), &*clip, &error))
      return fail(kError, in + ": " + error);
    if (const int c = save(*clip, out); c != kOk) return c;
    std::printf("%s: regenerated frames %lld-%lld (model), wrote %s\n", in.c_str(), A, B - 1, out.c_str());
    return kOk;
  }
  InbetweenOptions options;
  options.method = kInbetween;
  options.velocityHorizonSeconds = kVelocityHorizon;
  const InbetweenResult r = inbetween(*clip, FrameRange{static_cast<int>(A), static_cast<int>(B)}, options);
  if (!r.ok()) return fail(kError, in + ": " + r.error);
  if (const int c = save(*clip, out); c != kOk) return c;
  std::printf("%s: regenerated frames %lld-%lld (%s), wrote %s\n", in.c_str(), A, B - 1, inbetweenMethodName(options.method),
              out.c_str());
  return kOk;
}

}  // namespace mm::cli
