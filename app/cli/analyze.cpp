// motionmender-cli analyze: the quality analysis of one clip (scores,
// spans), and with --model the motion model's indicators beside it.
#include "cli.h"
#include "batch.h"
#include "projectrecord.h"
#include "modelrun.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/quality/qualityanalyzer.h"
#include "tasks/loadtake.h"

#include <algorithm>
#include <cstdio>

namespace mm::cli {
namespace {

// "-" is standard output; anything else a file written atomically.
bool writeOutput(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  const SaveResult r = writeTextFile(path, text);
  if (!r.ok) fail(kError, r.error.toString());
  return r.ok;
}

// analyze DIR -o OUTDIR: one quality JSON per take (OUTDIR/<take>.quality.json).
int analyzeFolder(const std::string& dir, Args& args, const QualityPreset& preset, const std::string& project) {
  BatchOptions batch;
  if (const int c = takeBatchOptions(args, &batch); c != kOk) return c;
  std::string outDir;
  if (!(args.takeOption("-o", &outDir) || args.takeOption("--output", &outDir)) || outDir.empty())
    return fail(kUsage, "usage: analyze DIR -o OUTDIR [--jobs N] [--shard I/N] [--preset P.json]");
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  batch.inDir = dir;
  batch.outDir = outDir;
  return runBatch(
      batch, [](const std::string& rel) { return rel + ".quality.json"; },
      [&](const std::string& in, const std::string& out) -> std::string {
        tasks::LoadedTake take;
        std::string message;
        if (!tasks::loadTake(in, &take, &message)) return message;
        const QualityReport report = analyzeQuality(take.clip, preset);
        if (!project.empty())
          if (std::string e = recordInProject(project, in, report); !e.empty()) return e;
        // Written last: its presence marks the take as done for a resumed run.
        const SaveResult r = writeTextFile(out, qualityReportJson(report, in, take.clip.fps()));
        return r.ok ? std::string() : r.error.toString();
      });
}

}  // namespace

int runAnalyze(Args args) {
  std::string jsonOut, csvOut, presetPath;
  const bool wantJson = args.takeOption("--json", &jsonOut);
  const bool wantCsv = args.takeOption("--csv", &csvOut);
  const bool hasPreset = args.takeOption("--preset", &presetPath);
  // Opt-in: the model costs seconds where the analysis takes milliseconds.
  const bool wantModel = args.takeFlag("--model");
  std::string project;
  args.takeOption("--project", &project);
  ModelArgs modelArgs;
  if (const int c = takeModelArgs(args, &modelArgs); c != kOk) return c;
  {
    Args probe = args;
    std::vector<std::string> first;
    std::string ignored;
    probe.takeOption("-o", &ignored);
    probe.takeOption("--jobs", &ignored);
    probe.takeOption("--shard", &ignored);
    if (probe.positionals(&first, &ignored) && first.size() == 1 && isDirectory(first[0])) {
      QualityPreset preset;
      if (hasPreset) {
        IoError e;
        if (!readQualityPreset(presetPath, &preset, &e)) return fail(kError, e.toString());
      }
      Args rest = args;
      rest.shift();
      return analyzeFolder(first[0], rest, preset, project);
    }
  }
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1)
    return fail(kUsage,
                "usage: analyze IN [--json OUT] [--csv OUT] [--preset PRESET.json] [--project P.mmproj] [--model [--weights F] "
                "[--device D] [--steps N]] (or analyze DIR -o OUTDIR [--jobs N] [--shard I/N] [--project P.mmproj])");
  QualityPreset preset;
  if (hasPreset) {
    IoError e;
    if (!readQualityPreset(presetPath, &preset, &e)) return fail(kError, e.toString());
  }
  tasks::LoadedTake take;
  if (!tasks::loadTake(pos[0], &take, &error)) return fail(kError, error);
  for (const std::string& w : take.warnings) std::fprintf(stderr, "motionmender-cli: warning: %s\n", w.c_str());
  const Clip& clip = take.clip;
  const QualityReport report = analyzeQuality(clip, preset);
  ModelIndicators indicators;
  if (wantModel) {
    const ModelPtr model = loadModel(modelArgs, &error);
    if (!model) return fail(kError, error);
    if (!modelIndicators(*model, modelArgs, clip, &indicators, &error)) return fail(kError, pos[0] + ": " + error);
  }
  if (wantJson && !writeOutput(jsonOut, qualityReportJson(report, pos[0], clip.fps(), wantModel ? &indicators : nullptr)))
    return kError;
  if (wantCsv && !writeOutput(csvOut, qualityReportCsv(report))) return kError;
  if (!project.empty())
    if (const std::string e = recordInProject(project, pos[0], report); !e.empty()) return fail(kError, e);
  // With a report on standard output the summary would corrupt it.
  if (jsonOut == "-" || csvOut == "-") return kOk;
  // Summary: counts per type and part, then the worst spans.
  std::printf("%s: %d frames at %g fps, %d flagged (%.2f%%)\n", pos[0].c_str(), clip.frameCount(), clip.fps(),
              report.flaggedFrameCount(), clip.frameCount() ? 100.0 * report.flaggedFrameCount() / clip.frameCount() : 0.0);
  if (wantModel) {
    int flagged = 0, both = 0;
    for (int f = 0; f < clip.frameCount(); ++f) {
      bool bad = false;
      for (int k = 0; k < kBodyPartCount; ++k)
        bad = bad || indicators.badProbability[static_cast<size_t>(f) * kBodyPartCount + k] > 0.5f;
      flagged += bad;
      both += bad && report.frameQuality(f) < 0.5f;
    }
    std::printf("model: %d frames flagged (bad probability > 0.5), %d of them flagged by the analysis too\n", flagged,
                both);
  }
  int counts[kArtifactTypeCount][kBodyPartCount] = {};
  for (const ArtifactSpan& a : report.artifacts())
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) ++counts[static_cast<int>(a.type)][bodyPartIndex(p)];
  std::printf("%-16s", "spans");
  for (BodyPart p : kAllBodyParts) std::printf(" %9s", bodyPartName(p));
  std::printf("\n");
  for (int t = 0; t < kArtifactTypeCount; ++t) {
    int total = 0;
    for (int p = 0; p < kBodyPartCount; ++p) total += counts[t][p];
    if (!total) continue;
    std::printf("%-16s", artifactTypeName(static_cast<ArtifactType>(t)));
    for (int p = 0; p < kBodyPartCount; ++p) std::printf(" %9d", counts[t][p]);
    std::printf("\n");
  }
  std::vector<ArtifactSpan> worst = report.artifacts();
  std::sort(worst.begin(), worst.end(), [](const ArtifactSpan& a, const ArtifactSpan& b) {
    return a.severity * (a.end - a.start) > b.severity * (b.end - b.start);
  });
  const size_t shown = std::min<size_t>(worst.size(), 10);
  const size_t hidden = worst.size() - shown;
  worst.resize(shown);
  for (const ArtifactSpan& a : worst) {
    std::string parts;
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) parts += std::string(parts.empty() ? "" : ",") + bodyPartName(p);
    std::printf("  %-14s frames %6d-%-6d (%.2f-%.2f s) %-32s severity %.2f confidence %.2f (%s)\n",
                artifactTypeName(a.type), a.start, a.end, a.start / clip.fps(), a.end / clip.fps(), parts.c_str(),
                a.severity, a.confidence, artifactKindName(a.kind()));
  }
  if (hidden > 0)
    std::printf("  ... and %zu more spans, not shown (the %zu worst above; --json OUT lists them all)\n", hidden,
                shown);
  if (!report.hints().empty())
    std::printf("%zu low-confidence hints (not in the quality; listed in --json as \"hints\")\n", report.hints().size());
  return kOk;
}

}  // namespace mm::cli
