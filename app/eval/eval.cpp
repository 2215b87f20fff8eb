// motionmender-cli eval detect: quality-analysis accuracy on any folder of
// BVH or ASF/AMC takes, one table per rig (joint count, frame rate, units).
// Clean clips give the false-positive rate; corrupted copies (the corruption
// lab, seeded) give precision, recall and F1 per artifact type and per part
// against the injected ground truth. --exclude names frames of the takes
// judged really bad (real glitches), which no count includes.
#include "evalcommands.h"

#include "app/cli/cli.h"
#include "datasetfiles.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/units.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

// Everything counted for one rig (skeleton, frame rate and units): the
// analysis must hold on each, so each gets its own table.
struct RigStats {
  size_t takes = 0;
  long long frames = 0, flagged = 0, excluded = 0;
  long long flaggedByType[kArtifactTypeCount] = {};
  std::map<std::string, TypeStats> stats;  // by row name
  long long untouched = 0, untouchedFlagged = 0;
  long long untouchedByType[kArtifactTypeCount] = {};
  // Untouched frames and false flags there, by the type injected into the clip.
  std::map<std::string, std::pair<long long, long long>> untouchedByInjected;
  // Flags on untouched frames, by injected type and flagged type.
  std::map<std::string, std::array<long long, kArtifactTypeCount>> untouchedMatrix;
};

// "22 joints, 30 fps, cm": what tells the rigs of a folder apart.
std::string rigName(const Clip& clip) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%d joints, %g fps, %s", clip.jointCount(), clip.fps(),
                unitName(detectUnits(clip.skeleton()).unit));
  return buf;
}

// Frames of the development takes judged really bad (real glitches of the
// recording): left out of every count, clean or corrupted. A text file, one
// span per line: "TAKE START END why", TAKE the file's name (02_07.amc) or a
// path ending in it, frames [START, END); '#' starts a comment.
using Exclusions = std::multimap<std::string, std::pair<int, int>>;

bool readExclusions(const std::string& path, Exclusions* out, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (!f) {
    *error = path + ": cannot open";
    return false;
  }
  char line[1024];
  int number = 0;
  while (std::fgets(line, sizeof line, f)) {
    ++number;
    std::string text(line);
    text = text.substr(0, text.find('#'));
    char name[512];
    int start = 0, end = 0;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    if (std::sscanf(text.c_str(), "%511s %d %d", name, &start, &end) != 3 || start < 0 || end < start) {
      std::fclose(f);
      *error = path + ":" + std::to_string(number) + ": expected 'TAKE START END [why]'";
      return false;
    }
    out->emplace(std::filesystem::path(name).filename().string(), std::make_pair(start, end));
  }
  std::fclose(f);
  return true;
}

// Per frame of a take: 1 where an exclusion covers it.
std::vector<char> excludedFrames(const Exclusions& ex, const std::string& file, int frames) {
  std::vector<char> out(static_cast<size_t>(frames), 0);
  const auto [lo, hi] = ex.equal_range(std::filesystem::path(file).filename().string());
  for (auto it = lo; it != hi; ++it)
    for (int f = std::max(0, it->second.first); f < std::min(frames, it->second.second); ++f) out[f] = 1;
  return out;
}

void printRig(const std::string& rig, const RigStats& r, bool verbose) {
  std::printf("\n== rig: %s, %zu takes\n", rig.c_str(), r.takes);
  std::printf("frame-level scores per type, on clips corrupted with that type (false flags of the type on their\n"
              "untouched frames count against its precision; flags in clips corrupted otherwise are listed below)\n");
  std::printf("%-14s %-6s %8s %9s %9s %9s |", "type", "kind", "injected", "precision", "recall", "F1");
  for (BodyPart p : kAllBodyParts) std::printf(" %9s", bodyPartName(p));
  std::printf("   (per-part F1)\n");
  // Signal glitches first, then plausibility (artifacttype.h).
  for (ArtifactKind kind : {ArtifactKind::SignalGlitch, ArtifactKind::Plausibility})
    for (const auto& [name, st] : r.stats) {
      const ArtifactType type = name == "root_pop" ? ArtifactType::Pop : *parseArtifactType(name);
      if (kindOf(type) != kind) continue;
      std::printf("%-14s %-6s %8lld %9.3f %9.3f %9.3f |", name.c_str(), kind == ArtifactKind::SignalGlitch ? "signal" : "plaus",
                  st.injected, st.frames.precision(), st.frames.recall(), st.frames.f1());
      for (const Counts& c : st.parts) {
        if (c.tp + c.fn == 0) std::printf(" %9s", "-");
        else std::printf(" %9.3f", c.f1());
      }
      std::printf("\n");
    }
  std::printf("\nuntouched frames of corrupted clips: %lld, flagged %lld (%.3f%%)\n", r.untouched, r.untouchedFlagged,
              100.0 * r.untouchedFlagged / std::max(1LL, r.untouched));
  std::printf("  by injected type:");
  for (const auto& [name, counts] : r.untouchedByInjected)
    std::printf(" %s %.2f%%", name.c_str(), 100.0 * counts.second / std::max(1LL, counts.first));
  std::printf("\n");
  for (int t = 0; t < kArtifactTypeCount; ++t)
    if (r.untouchedByType[t])
      std::printf("  %-16s %8lld frames (%.3f%%)\n", artifactTypeName(static_cast<ArtifactType>(t)), r.untouchedByType[t],
                  100.0 * r.untouchedByType[t] / std::max(1LL, r.untouched));
  if (verbose) {
    std::printf("  flagged untouched frames by injected type (rows) and flagged type (columns):\n  %-14s", "");
    for (int t = 0; t < kArtifactTypeCount; ++t) std::printf(" %8.8s", artifactTypeName(static_cast<ArtifactType>(t)));
    std::printf("\n");
    for (const auto& [name, row] : r.untouchedMatrix) {
      std::printf("  %-14s", name.c_str());
      for (long long v : row) std::printf(" %8lld", v);
      std::printf("\n");
    }
  }
  std::printf("clean clips: %zu, %lld frames, %lld flagged (%.3f%%; target <= 0.1%%)", r.takes, r.frames, r.flagged,
              100.0 * r.flagged / std::max(1LL, r.frames));
  if (r.excluded) std::printf("; %lld frames judged really bad left out", r.excluded);
  std::printf("\n");
  for (int t = 0; t < kArtifactTypeCount; ++t)
    if (r.flaggedByType[t])
      std::printf("  %-16s %8lld frames (%.3f%%)\n", artifactTypeName(static_cast<ArtifactType>(t)), r.flaggedByType[t],
                  100.0 * r.flaggedByType[t] / std::max(1LL, r.frames));
}

int evalDetect(Args& args) {
  std::string data, seedText = "1", clipsText = "0", everyText = "1", excludePath;
  if (!args.takeOption("--data", &data))
    return fail(kUsage, "usage: eval detect --data DIR [--seed S] [--clips N] [--every K] [--preset P.json] "
                        "[--exclude SPANS.txt] [--verbose]");
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
  Exclusions exclusions;
  if (args.takeOption("--exclude", &excludePath)) {
    std::string error;
    if (!readExclusions(excludePath, &exclusions, &error)) return fail(kError, error);
  }
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  const std::vector<std::string> files = listMotionFiles(data, std::atoi(clipsText.c_str()), std::atoi(everyText.c_str()));
  if (files.empty()) return fail(kError, data + ": no motion files found");
  const uint64_t seed = std::strtoull(seedText.c_str(), nullptr, 10);
  std::map<std::string, RigStats> rigs;
  QualityAnalyzer analyzer;  // buffers reused across the thousands of analyses
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    LoadResult in = loadMotion(file);
    if (!in.ok()) return fail(kError, in.error.toString());
    Clip& clean = *in.clip;
    clean.makeSignContinuous();
    RigStats& rig = rigs[rigName(clean)];
    ++rig.takes;
    const std::vector<char> excluded = excludedFrames(exclusions, file, clean.frameCount());
    const BodyPartMap parts = BodyPartMap::detect(clean.skeleton());  // the corrupted copies share the skeleton
    const QualityReport report = analyzer.analyze(clean, parts, preset);
    int n = 0;
    for (int f = 0; f < report.frameCount(); ++f) {
      if (excluded[f]) {
        ++rig.excluded;
        continue;
      }
      ++rig.frames;
      n += report.frameQuality(f) < 0.5f;
      for (int t = 0; t < kArtifactTypeCount; ++t) {
        bool any = false;
        for (BodyPart p : kAllBodyParts) any = any || report.score(static_cast<ArtifactType>(t), f, p) >= 0.5f;
        rig.flaggedByType[t] += any;
      }
    }
    rig.flagged += n;
    if (verbose && n) std::printf("%6d flagged  %s\n", n, file.c_str());

    for (ArtifactType type : kEvaluated) {
      CorruptionConfig config;
      config.set(type, 2);
      const CorruptionResult c = corruptClip(clean, config, seed * 1000003ULL + i * 31 + static_cast<int>(type));
      if (!c.error.empty() || c.artifacts.empty()) continue;
      const QualityReport r = analyzer.analyze(c.clip, parts, preset);
      for (const InjectedArtifact& a : c.artifacts) {
        const bool root = a.type == ArtifactType::Pop && a.partMask == kAllPartsMask;
        TypeStats& st = rig.stats[root ? "root_pop" : artifactTypeName(a.type)];
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
      auto& byInjected = rig.untouchedByInjected[artifactTypeName(type)];
      for (int f = 0; f < r.frameCount(); ++f) {
        if (c.labels.any(f) || excluded[f]) continue;
        ++rig.untouched;
        ++byInjected.first;
        bool any = false;
        for (int t = 0; t < kArtifactTypeCount; ++t) {
          bool predAny = false;
          for (BodyPart p : kAllBodyParts) {
            const bool pred = r.score(static_cast<ArtifactType>(t), f, p) >= 0.5f;
            predAny |= pred;
            if (pred && t == static_cast<int>(type)) {
              auto it = rig.stats.find(artifactTypeName(static_cast<ArtifactType>(t)));
              if (it != rig.stats.end()) ++it->second.parts[bodyPartIndex(p)].fp;
            }
          }
          rig.untouchedByType[t] += predAny;
          if (verbose) rig.untouchedMatrix[artifactTypeName(type)][t] += predAny;
          if (predAny && t == static_cast<int>(type)) {
            auto it = rig.stats.find(artifactTypeName(static_cast<ArtifactType>(t)));
            if (it != rig.stats.end()) ++it->second.frames.fp;
          }
          any |= predAny;
        }
        rig.untouchedFlagged += any;
        byInjected.second += any;
      }
    }
  }
  std::printf("eval detect: %zu clips from %s, seed %llu, %zu rig%s%s%s\n", files.size(), data.c_str(),
              static_cast<unsigned long long>(seed), rigs.size(), rigs.size() == 1 ? "" : "s",
              excludePath.empty() ? "" : ", frames judged really bad left out: ", excludePath.c_str());
  for (const auto& [name, rig] : rigs) printRig(name, rig, verbose);
  return kOk;
}

}  // namespace

int runEval(Args args) {
  const std::string what = args.shift();
  if (what == "detect") return evalDetect(args);
  if (what == "clean" || what == "complete" || what == "inbetween") return runEvalRepair(what, args);
  if (what == "generate") return evalGenerate(args);
  return fail(kUsage, "usage: eval detect|clean|complete|inbetween|generate|model --data DIR [--seed S] [--clips N] [--every K]");
}

}  // namespace mm::eval
