// motionmender-cli clean | complete | inbetween: the repair commands.
// Each reads IN, repairs in memory (classical operators or the motion model,
// `--method`) and writes OUT atomically; frames and joints the repair does
// not touch keep their values.
#include "cli.h"
#include "batch.h"
#include "projectrecord.h"
#include "modelrun.h"

#include "io/motionfile.h"
#include "io/qualityio.h"
#include "io/repairio.h"
#include "motion/bodyparts.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"
#include "tasks/loadtake.h"
#include "tasks/repairjobs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace mm::cli {
namespace {

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

int save(const Clip& clip, const std::string& path) {
  const SaveResult saved = saveMotion(clip, path);
  if (!saved.ok) return fail(kError, saved.error.toString());
  return kOk;
}

// Prints the job's "method: ..." line; on failure prints the error (naming
// `in` or `maskPath` as the error's source says) and returns kError.
int report(const tasks::JobOutcome& o, const std::string& in, const std::string& maskPath = {}) {
  if (!o.methodLine.empty()) std::printf("%s\n", o.methodLine.c_str());
  switch (o.errorSource) {
    case tasks::ErrorSource::None: return kOk;
    case tasks::ErrorSource::Model: return fail(kError, o.error);
    case tasks::ErrorSource::Mask: return fail(kError, maskPath + ": " + o.error);
    case tasks::ErrorSource::Input: break;
  }
  return fail(kError, in + ": " + o.error);
}

tasks::Method methodOf(const std::string& name) {
  tasks::Method m = tasks::Method::Auto;
  tasks::parseMethod(name, &m);
  return m;
}

}  // namespace

namespace {

struct CleanRequest {
  std::string in, out, reportPath;  // reportPath empty: no report
  std::string project;               // empty: no project
  std::string method;
  ModelArgs modelArgs;
  QualityPreset preset;
};

// One take of `clean`: analyse, repair, write. Appends what it says to *log
// (the method line, the summary) and returns "" or the error (naming the file).
std::string cleanTake(const CleanRequest& req, std::string* log) {
  tasks::LoadedTake take;
  std::string error;
  if (!tasks::loadTake(req.in, &take, &error)) return error;
  for (const std::string& w : take.warnings) std::fprintf(stderr, "motionmender-cli: warning: %s\n", w.c_str());
  Clip& clip = take.clip;
  const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
  QualityAnalyzer analyzer;
  const QualityReport report = analyzer.analyze(clip, parts, req.preset);
  tasks::JobOutcome job = tasks::cleanJob(clip, report, parts, methodOf(req.method), req.modelArgs);
  if (!job.methodLine.empty()) *log += job.methodLine + "\n";
  if (!job.ok()) return job.errorSource == tasks::ErrorSource::Model ? job.error : req.in + ": " + job.error;
  job.patch.apply(clip);
  if (!req.project.empty())
    if (std::string e = recordInProject(req.project, req.in, report, &clip, &job.results); !e.empty()) return e;
  if (!req.reportPath.empty()) {
    const SaveResult r = writeTextFile(
        req.reportPath, repairReportJson(job.results, req.in, req.out, clip.frameCount(), clip.fps(), job.used));
    if (!r.ok) return r.error.toString();
  }
  // The output last: in a folder batch its presence marks the take as done.
  const SaveResult saved = saveMotion(clip, req.out);
  if (!saved.ok) return saved.error.toString();
  // Summary: per type, spans found and repaired.
  std::map<std::string, std::pair<int, int>> byType;
  int repaired = 0;
  double worst = 0.0;
  char line[512];
  for (const RepairResult& r : job.results) {
    auto& t = byType[artifactTypeName(r.type)];
    ++t.first;
    t.second += r.changed();
    repaired += r.changed();
    worst = std::max(worst, r.maxChangeMeters);
    if (!r.ok()) std::fprintf(stderr, "motionmender-cli: warning: %s frames %d-%d not repaired: %s\n",
                              artifactTypeName(r.type), r.start, r.end, r.error.c_str());
  }
  std::snprintf(line, sizeof line, "%s: %d frames, %zu artifacts, %d repaired (%s), largest change %.3f m\n",
                req.in.c_str(), clip.frameCount(), job.results.size(), repaired, job.used.c_str(), worst);
  *log += line;
  for (const auto& [name, n] : byType) {
    std::snprintf(line, sizeof line, "  %-14s %4d found %4d repaired\n", name.c_str(), n.first, n.second);
    *log += line;
  }
  *log += "wrote " + req.out + "\n";
  return {};
}

// The output name of a take in a batch: the same relative path, as BVH when
// the input's format cannot be written (ASF/AMC).
std::string cleanedName(const std::string& relative) {
  if (canWrite(formatFromPath(relative))) return relative;
  const size_t dot = relative.find_last_of('.');
  return (dot == std::string::npos ? relative : relative.substr(0, dot)) + ".bvh";
}

}  // namespace

int runClean(Args args) {
  const char* usage =
      "usage: clean IN -o OUT [--method classic|auto|model] [--report REPORT.json] [--preset P.json] "
      "[--weights F] [--device auto|cpu|cuda] [--steps N] [--seed S] [--project P.mmproj] "
      "(or clean DIR -o OUTDIR [--jobs N] [--shard I/N])";
  CleanRequest req;
  std::string presetPath;
  BatchOptions batch;
  if (const int c = takeMethod(args, &req.method); c != kOk) return c;
  if (const int c = takeModelArgs(args, &req.modelArgs); c != kOk) return c;
  if (const int c = takeBatchOptions(args, &batch); c != kOk) return c;
  const bool wantReport = args.takeOption("--report", &req.reportPath);
  args.takeOption("--project", &req.project);
  const bool hasPreset = args.takeOption("--preset", &presetPath);
  if (hasPreset) {
    IoError e;
    if (!readQualityPreset(presetPath, &req.preset, &e)) return fail(kError, e.toString());
  }
  {
    Args probe = args;  // a folder as IN: the batch
    std::vector<std::string> pos;
    std::string error, outDir;
    const bool hasOut = probe.takeOption("-o", &outDir) || probe.takeOption("--output", &outDir);
    if (probe.positionals(&pos, &error) && pos.size() == 1 && isDirectory(pos[0])) {
      if (!hasOut || outDir.empty()) return fail(kUsage, usage);
      batch.inDir = pos[0];
      batch.outDir = outDir;
      return runBatch(batch, cleanedName, [&](const std::string& in, const std::string& out) {
        CleanRequest one = req;
        one.in = in;
        one.out = out;
        one.reportPath = out + ".report.json";
        std::string log;
        return cleanTake(one, &log);
      });
    }
  }
  if (const int c = takeInOut(args, usage, &req.in, &req.out); c != kOk) return c;
  if (!wantReport) req.reportPath.clear();
  std::string log;
  const std::string error = cleanTake(req, &log);
  std::fputs(log.c_str(), stdout);
  if (!error.empty()) return fail(kError, error);
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
  std::optional<Clip> clip = loadTakeOrFail(in);
  if (!clip) return kError;
  const BodyPartMap parts = BodyPartMap::detect(clip->skeleton());
  FillMask mask;
  IoError e;
  if (!readFillMask(maskPath, *clip, parts, &mask, &e)) return fail(kError, e.toString());
  tasks::JobOutcome job = tasks::completeJob(*clip, mask, parts, methodOf(method), modelArgs);
  if (const int c = report(job, in, maskPath); c != kOk) return c;
  job.patch.apply(*clip);
  const bool model = job.used != "classic";
  const bool classicRan = job.fill.gaps > 0 || job.fill.filledSamples > 0 || !model;
  const GapFillResult& r = job.fill;
  const int tokens = job.modelTokens;
  if (const int c = save(*clip, out); c != kOk) return c;
  std::printf("%s: ", in.c_str());
  if (classicRan)
    std::printf("filled %d samples in %d gaps (%s)%s", r.filledSamples, r.gaps, fillMethodName(job.fillMethod),
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
  std::optional<Clip> clip = loadTakeOrFail(in);
  if (!clip) return kError;
  const int F = clip->frameCount();
  if (!(0 <= A && A < B && B <= F))
    return fail(kError, in + ": --frames " + frames + " is not a range of frames inside the clip's " + std::to_string(F) +
                            " frames (0 <= A < B <= " + std::to_string(F) + ")");
  if (A == 0 && B == F) return fail(kError, in + ": --frames " + frames + " covers the whole clip: no frame to in-between from");
  const FrameRange range{static_cast<int>(A), static_cast<int>(B)};
  tasks::JobOutcome job = tasks::inbetweenJob(*clip, range, methodOf(method), modelArgs);
  if (const int c = report(job, in); c != kOk) return c;
  // A range at an end of the clip has motion on one side only: say so
  // rather than silently holding that side's pose.
  if (A == 0)
    std::printf("note: frames 0-%lld have no motion before them: they are extended back from frame %lld\n", B - 1, B);
  else if (B == F)
    std::printf("note: frames %lld-%d have no motion after them: they are extended on from frame %lld\n", A, F - 1,
                A - 1);
  job.patch.apply(*clip);
  if (const int c = save(*clip, out); c != kOk) return c;
  std::printf("%s: regenerated frames %lld-%lld (%s), wrote %s\n", in.c_str(), A, B - 1,
              job.used == "model" ? "model" : inbetweenMethodName(InbetweenMethod::Hermite), out.c_str());
  return kOk;
}

}  // namespace mm::cli
