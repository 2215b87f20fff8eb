// motionmender-cli eval detect: quality-analysis accuracy on the development
// data. Clean clips give the false-positive rate; corrupted copies (the
// corruption lab, seeded) give precision, recall and F1 per artifact type and
// per part against the injected ground truth.
#include "evalcommands.h"

#include "app/cli/cli.h"
#include "datasetfiles.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/qualityanalyzer.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace mm::eval {

using namespace cli;
namespace {

// Confusion counts of (frame, part) cells or of frames.
struct Counts {
  long long tp = 0, fp = 0, fn = 0;
  void add(bool truth, bool predicted) {
    tp += truth && predicted;
    fp += !truth && predicted;
    fn += truth && !predicted;
  }
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Types the lab injects, evaluated one type at a time so that every flagged
// frame has one possible cause. "root pop" is a pop of the root translation.
constexpr ArtifactType kEvaluated[] = {ArtifactType::Pop,          ArtifactType::Frozen,  ArtifactType::Jitter,
                                       ArtifactType::FootSkate,    ArtifactType::Drift,   ArtifactType::OverSmoothed,
                                       ArtifactType::Missing,      ArtifactType::Flip,    ArtifactType::Penetration,
                                       ArtifactType::Floating,     ArtifactType::Stretch, ArtifactType::Hyperextension};

struct TypeStats {
  Counts frames;                          // frame level: any part
  std::array<Counts, kBodyPartCount> parts;  // (frame, part) cells
  long long injected = 0;
};

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
  const uint64_t seed = std::strtoull(seedText.c_str(), nullptr, 10);
  long long frames = 0, flagged = 0;
  long long flaggedByType[kArtifactTypeCount] = {};
  std::map<std::string, TypeStats> stats;  // by row name
  long long untouched = 0, untouchedFlagged = 0;
  long long untouchedByType[kArtifactTypeCount] = {};
  // Untouched frames and false flags there, by the type injected into the clip.
  std::map<std::string, std::pair<long long, long long>> untouchedByInjected;
  // Flags on untouched frames, by injected type and flagged type.
  std::map<std::string, std::array<long long, kArtifactTypeCount>> untouchedMatrix;
  QualityAnalyzer analyzer;  // buffers reused across the thousands of analyses
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    LoadResult in = loadMotion(file);
    if (!in.ok()) return fail(kError, in.error.toString());
    Clip& clean = *in.clip;
    clean.makeSignContinuous();
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());  // the corrupted copies share the skeleton
    const QualityReport report = analyzer.analyze(clean, parts, preset);
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

    for (ArtifactType type : kEvaluated) {
      CorruptionConfig config;
      config.set(type, 2);
      const CorruptionResult c = corruptClip(clean, config, seed * 1000003ULL + i * 31 + static_cast<int>(type));
      if (!c.error.empty() || c.artifacts.empty()) continue;
      const QualityReport r = analyzer.analyze(c.clip, parts, preset);
      for (const InjectedArtifact& a : c.artifacts) {
        const bool root = a.type == ArtifactType::Pop && a.partMask == kAllPartsMask;
        TypeStats& st = stats[root ? "root_pop" : artifactTypeName(a.type)];
        ++st.injected;
        for (int f = a.start; f < a.end; ++f) {
          bool truthAny = false, predAny = false;
          for (BodyPart p : kAllBodyParts) {
            const bool truth = c.labels.has(f, p, a.type);
            const bool pred = r.score(a.type, f, p) >= 0.5f;
            st.parts[bodyPartIndex(p)].add(truth, pred);
            truthAny |= truth;
            predAny |= pred;
          }
          st.frames.add(truthAny, predAny);
        }
      }
      // Frames no injection touched: any flag there is a false positive. A
      // type's precision counts its flags in the clips corrupted with that
      // type (as a per-type benchmark does); flags raised in clips corrupted
      // with another type are printed separately below (untouched frames).
      auto& byInjected = untouchedByInjected[artifactTypeName(type)];
      for (int f = 0; f < r.frameCount(); ++f) {
        if (c.labels.any(f)) continue;
        ++untouched;
        ++byInjected.first;
        bool any = false;
        for (int t = 0; t < kArtifactTypeCount; ++t) {
          bool predAny = false;
          for (BodyPart p : kAllBodyParts) {
            const bool pred = r.score(static_cast<ArtifactType>(t), f, p) >= 0.5f;
            predAny |= pred;
            if (pred && t == static_cast<int>(type)) {
              auto it = stats.find(artifactTypeName(static_cast<ArtifactType>(t)));
              if (it != stats.end()) ++it->second.parts[bodyPartIndex(p)].fp;
            }
          }
          untouchedByType[t] += predAny;
          if (verbose) untouchedMatrix[artifactTypeName(type)][t] += predAny;
          if (predAny && t == static_cast<int>(type)) {
            auto it = stats.find(artifactTypeName(static_cast<ArtifactType>(t)));
            if (it != stats.end()) ++it->second.frames.fp;
          }
          any |= predAny;
        }
        untouchedFlagged += any;
        byInjected.second += any;
      }
    }
  }
  std::printf("eval detect: %zu clips from %s, seed %llu\n\n", files.size(), data.c_str(),
              static_cast<unsigned long long>(seed));
  std::printf("frame-level scores per type, on clips corrupted with that type (false flags of the type on their\n"
              "untouched frames count against its precision; flags in clips corrupted otherwise are listed below)\n");
  std::printf("%-14s %8s %9s %9s %9s |", "type", "injected", "precision", "recall", "F1");
  for (BodyPart p : kAllBodyParts) std::printf(" %9s", bodyPartName(p));
  std::printf("   (per-part F1)\n");
  for (const auto& [name, st] : stats) {
    std::printf("%-14s %8lld %9.3f %9.3f %9.3f |", name.c_str(), st.injected, st.frames.precision(), st.frames.recall(),
                st.frames.f1());
    for (const Counts& c : st.parts) {
      if (c.tp + c.fn == 0) std::printf(" %9s", "-");
      else std::printf(" %9.3f", c.f1());
    }
    std::printf("\n");
  }
  std::printf("\nuntouched frames of corrupted clips: %lld, flagged %lld (%.3f%%)\n", untouched, untouchedFlagged,
              100.0 * untouchedFlagged / std::max(1LL, untouched));
  std::printf("  by injected type:");
  for (const auto& [name, counts] : untouchedByInjected)
    std::printf(" %s %.2f%%", name.c_str(), 100.0 * counts.second / std::max(1LL, counts.first));
  std::printf("\n");
  for (int t = 0; t < kArtifactTypeCount; ++t)
    if (untouchedByType[t])
      std::printf("  %-16s %8lld frames (%.3f%%)\n", artifactTypeName(static_cast<ArtifactType>(t)), untouchedByType[t],
                  100.0 * untouchedByType[t] / std::max(1LL, untouched));
  if (verbose) {
    std::printf("  flagged untouched frames by injected type (rows) and flagged type (columns):\n  %-14s", "");
    for (int t = 0; t < kArtifactTypeCount; ++t) std::printf(" %8.8s", artifactTypeName(static_cast<ArtifactType>(t)));
    std::printf("\n");
    for (const auto& [name, row] : untouchedMatrix) {
      std::printf("  %-14s", name.c_str());
      for (long long v : row) std::printf(" %8lld", v);
      std::printf("\n");
    }
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
  if (what == "clean" || what == "complete" || what == "inbetween") return runEvalRepair(what, args);
  return fail(kUsage, "usage: eval detect|clean|complete|inbetween|model --data DIR [--seed S] [--clips N] [--every K]");
}

}  // namespace mm::eval
