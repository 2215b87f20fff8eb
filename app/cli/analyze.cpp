// motionmender-cli analyze: the quality analysis of one clip (scores,
// spans), and with --model the motion model's indicators beside it.
#include "cli.h"
#include "modelrun.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/quality/qualityanalyzer.h"

#include <algorithm>
#include <cstdio>

namespace mm::cli {

int runAnalyze(Args args) {
  std::string jsonOut, csvOut, presetPath;
  const bool wantJson = args.takeOption("--json", &jsonOut);
  const bool wantCsv = args.takeOption("--csv", &csvOut);
  const bool hasPreset = args.takeOption("--preset", &presetPath);
  // Opt-in: the model costs seconds where the analysis takes milliseconds.
  const bool wantModel = args.takeFlag("--model");
  ModelArgs modelArgs;
  if (const int c = takeModelArgs(args, &modelArgs); c != kOk) return c;
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1)
    return fail(kUsage,
                "usage: analyze IN [--json OUT] [--csv OUT] [--preset PRESET.json] [--model [--weights F] [--device D] "
                "[--steps N]]");
  QualityPreset preset;
  if (hasPreset) {
    IoError e;
    if (!readQualityPreset(presetPath, &preset, &e)) return fail(kError, e.toString());
  }
  LoadResult in = loadMotion(pos[0]);
  if (!in.ok()) return fail(kError, in.error.toString());
  const Clip& clip = *in.clip;
  const QualityReport report = analyzeQuality(clip, preset);
  ModelIndicators indicators;
  if (wantModel) {
    const ModelPtr model = loadModel(modelArgs, &error);
    if (!model) return fail(kError, error);
    if (!modelIndicators(*model, modelArgs, clip, &indicators, &error)) return fail(kError, pos[0] + ": " + error);
  }
  if (wantJson) {
    const SaveResult r =
        writeTextFile(jsonOut, qualityReportJson(report, pos[0], clip.fps(), wantModel ? &indicators : nullptr));
    if (!r.ok) return fail(kError, r.error.toString());
  }
  if (wantCsv) {
    const SaveResult r = writeTextFile(csvOut, qualityReportCsv(report));
    if (!r.ok) return fail(kError, r.error.toString());
  }
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
  if (worst.size() > 10) worst.resize(10);
  for (const ArtifactSpan& a : worst) {
    std::string parts;
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) parts += std::string(parts.empty() ? "" : ",") + bodyPartName(p);
    std::printf("  %-14s frames %6d-%-6d (%.2f-%.2f s) %-32s severity %.2f confidence %.2f (%s)\n",
                artifactTypeName(a.type), a.start, a.end, a.start / clip.fps(), a.end / clip.fps(), parts.c_str(),
                a.severity, a.confidence, artifactKindName(a.kind()));
  }
  if (!report.hints().empty())
    std::printf("%zu low-confidence hints (not in the quality; listed in --json as \"hints\")\n", report.hints().size());
  return kOk;
}

}  // namespace mm::cli
