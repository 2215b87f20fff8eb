// motionmender-cli bench clean: the classic clean-up (analysis + repairAll)
// of a one-hour 30 fps take, on one core. The take is the bundled sample
// repeated (forward, then backward, so the motion stays continuous) with
// lab-injected artifacts spread over it; the file round trip (read and
// write of the BVH) is timed beside it as the reference of the same run.
#include "benchcommands.h"

#include "app/cli/cli.h"
#include "benchutil.h"

#include "io/bvh.h"
#include "io/motionfile.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/artifactrepair.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sched.h>
#include <unistd.h>

namespace mm::bench {

using namespace cli;
namespace {

using Clock = std::chrono::steady_clock;
double secondsBetween(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

}  // namespace

int runBenchClean(Args& args) {
  std::string secondsText = "3600", runsText = "3";
  args.takeOption("--seconds", &secondsText);
  args.takeOption("--runs", &runsText);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() > 1) return fail(kUsage, "usage: bench clean [FILE] [--seconds S] [--runs N]");
  const std::string sample = benchInput(pos);
  LoadResult in = loadMotion(sample);
  if (!in.ok()) return fail(kError, in.error.toString());
  in.clip->makeSignContinuous();
  const double seconds = std::atof(secondsText.c_str());
  const int runs = std::max(1, std::atoi(runsText.c_str()));
  if (!(seconds > 0)) return fail(kUsage, "--seconds must be positive");
  const Clip base = repeatClip(*in.clip, static_cast<int>(seconds * in.clip->fps()));

  // About one artifact every four seconds, in the lab's mix.
  const double hours = seconds / 3600.0;
  CorruptionConfig config;
  config.set(ArtifactType::Pop, static_cast<int>(400 * hours))
      .set(ArtifactType::Frozen, static_cast<int>(150 * hours))
      .set(ArtifactType::Jitter, static_cast<int>(100 * hours))
      .set(ArtifactType::Missing, static_cast<int>(100 * hours))
      .set(ArtifactType::Flip, static_cast<int>(50 * hours))
      .set(ArtifactType::FootSkate, static_cast<int>(100 * hours));
  std::printf("generating %d frames (%.0f s at %g fps, %d joints) from %s with injected artifacts...\n",
              base.frameCount(), seconds, base.fps(), base.jointCount(), sample.c_str());
  const CorruptionResult corrupted = corruptClip(base, config, 1);
  if (!corrupted.error.empty()) return fail(kError, corrupted.error);
  std::map<std::string, int> injected;
  for (const InjectedArtifact& a : corrupted.artifacts) ++injected[artifactTypeName(a.type)];
  std::printf("injected %zu artifacts:", corrupted.artifacts.size());
  for (const auto& [name, n] : injected) std::printf(" %s %d", name.c_str(), n);
  std::printf("\n");

  cpu_set_t previous;
  const bool pinned = pinToOneCore(&previous);
  const BodyPartMap parts = BodyPartMap::detect(base.skeleton());
  std::vector<double> analyzeTimes, repairTimes, totalTimes;
  size_t spans = 0;
  int repaired = 0;
  for (int r = 0; r < runs; ++r) {
    Clip clip = corrupted.clip;  // not timed
    const auto t0 = Clock::now();
    QualityAnalyzer analyzer;  // a fresh one per run: its first-touch cost is part of a clean
    const QualityReport report = analyzer.analyze(clip, parts, QualityPreset());
    const auto t1 = Clock::now();
    RepairOptions options;
    options.parts = &parts;
    const std::vector<RepairResult> results = repairAll(clip, report, options);
    const auto t2 = Clock::now();
    analyzeTimes.push_back(secondsBetween(t0, t1));
    repairTimes.push_back(secondsBetween(t1, t2));
    totalTimes.push_back(secondsBetween(t0, t2));
    spans = results.size();
    repaired = 0;
    for (const RepairResult& res : results) repaired += res.changed();
  }
  // Reference of the same run: the take's BVH read and write.
  const std::string file =
      (std::filesystem::temp_directory_path() / ("mm-bench-clean-" + std::to_string(getpid()) + ".bvh")).string();
  auto tw = Clock::now();
  const SaveResult saved = writeBvh(corrupted.clip, file);
  const double writeSeconds = secondsBetween(tw, Clock::now());
  auto tr = Clock::now();
  const LoadResult reread = readBvh(file);
  const double readSeconds = secondsBetween(tr, Clock::now());
  std::error_code ec;
  const double mb = std::filesystem::file_size(file, ec) / 1e6;
  std::filesystem::remove(file, ec);
  if (pinned) sched_setaffinity(0, sizeof previous, &previous);
  if (!saved.ok) return fail(kError, saved.error.toString());
  if (!reread.ok()) return fail(kError, reread.error.toString());

  std::printf("\nclassic clean of %d frames, %s, median of %d runs:\n", base.frameCount(),
              pinned ? "pinned to one core" : "not pinned", runs);
  std::printf("  %-28s %8.3f s\n", "analysis", medianOf(analyzeTimes));
  std::printf("  %-28s %8.3f s  (%zu spans, %d repaired)\n", "repairAll", medianOf(repairTimes), spans, repaired);
  std::printf("  %-28s %8.3f s  (target < 5 s)\n", "clean (analysis + repair)", medianOf(totalTimes));
  std::printf("reference, same run: BVH write %.3f s, read %.3f s (%.0f MB)\n", writeSeconds, readSeconds, mb);
  return kOk;
}

}  // namespace mm::bench
