// motionmender-cli model: the learned motion model on one clip (detect,
// clean, complete, in-between). Outputs keep the input's skeleton, frames
// and rate. Options and loading are shared with the repair commands
// (modelrun.h).
#include "cli.h"
#include "modelrun.h"

#ifdef MM_HAVE_TORCH
#include "inference/modeltasks.h"
#include "tasks/modelruntime/taskoptions.h"
#include "io/motionfile.h"
#include "io/qualityio.h"
#include "io/repairio.h"
#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/quality/qualityanalyzer.h"

#include <nlohmann/json.hpp>
#endif

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace mm::cli {

#ifdef MM_HAVE_TORCH
namespace {

const char* kModelUsage =
    "usage: model detect IN [--json OUT]\n"
    "       model clean IN -o OUT [--flags analysis|model|both]\n"
    "       model complete IN -o OUT --mask MASK.json\n"
    "       model inbetween IN -o OUT --frames A:B\n"
    "options: --weights FILE (default: the shipped motionmender-small.mmmodel), --device auto|cpu|cuda,\n"
    "         --steps N (DDIM, default 12), --guidance G (default 1.5), --seed S,\n"
    "         --strength X (0..1: start regenerated tokens from the input noised to X instead of pure noise)";

}  // namespace
#endif

int runModel(Args args) {
#ifndef MM_HAVE_TORCH
  (void)args;
  return fail(kError, "this build has no LibTorch: the motion model is not available");
#else
  if (args.takeFlag("--help")) {
    std::printf("%s\n", kModelUsage);
    return kOk;
  }
  const std::string what = args.shift();
  if (what.empty()) return fail(kUsage, kModelUsage);
  std::string out, frames, json, maskPath, flagsFrom = "both";
  ModelArgs modelArgs;
  if (const int c = takeModelArgs(args, &modelArgs); c != kOk) return c;
  const inference::TaskOptions options = tasks::taskOptions(modelArgs);
  if (!args.takeOption("-o", &out)) args.takeOption("--out", &out);
  args.takeOption("--frames", &frames);
  args.takeOption("--json", &json);
  args.takeOption("--mask", &maskPath);
  args.takeOption("--flags", &flagsFrom);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1) return fail(kUsage, kModelUsage);
  if (what != "detect" && out.empty()) return fail(kUsage, kModelUsage);
  if (what == "complete" && maskPath.empty())
    return fail(kUsage, "--mask MASK.json is required (format of 'complete --mask')");

  LoadResult in = loadMotion(pos[0]);
  if (!in.ok()) return fail(kError, in.error.toString());
  Clip clip = *in.clip;
  const ModelPtr model = loadModel(modelArgs, &error);
  if (!model) return fail(kError, error);
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  const int F = clip.frameCount();

  if (what == "detect") {
    std::vector<float> p;
    const inference::TaskResult r = inference::detectArtifacts(*model, clip, options, &p);
    if (!r.ok()) return fail(kError, pos[0] + ": " + r.error);
    int flagged = 0;
    for (int f = 0; f < F; ++f) {
      bool bad = false;
      for (int k = 0; k < kBodyPartCount; ++k) bad = bad || p[static_cast<size_t>(f) * kBodyPartCount + k] > 0.5f;
      flagged += bad;
    }
    std::printf("%s: %d of %d frames flagged by the model (%.2f s)\n", pos[0].c_str(), flagged, F, seconds());
    if (!json.empty()) {
      nlohmann::json j = {{"file", pos[0]}, {"frames", F}};
      nlohmann::json rows = nlohmann::json::array();
      for (int f = 0; f < F; ++f)
        rows.push_back(std::vector<float>(p.begin() + f * kBodyPartCount, p.begin() + (f + 1) * kBodyPartCount));
      j["bad_probability"] = rows;
      const SaveResult s = writeTextFile(json, j.dump());
      if (!s.ok) return fail(kError, s.error.toString());
    }
    return kOk;
  }

  Clip result;
  inference::TaskResult r;
  if (what == "clean") {
    if (flagsFrom != "analysis" && flagsFrom != "model" && flagsFrom != "both")
      return fail(kUsage, "--flags must be analysis, model or both");
    // The analysis' flags: its artifact spans, what the classical clean repairs.
    inference::PartMask bad(static_cast<size_t>(F) * kBodyPartCount, 0);
    if (flagsFrom != "model") bad = analysisFlags(analyzeQuality(clip));
    if (flagsFrom != "analysis") {
      std::vector<float> p;
      r = inference::detectArtifacts(*model, clip, options, &p);
      if (!r.ok()) return fail(kError, pos[0] + ": " + r.error);
      for (size_t i = 0; i < p.size(); ++i) bad[i] = bad[i] || p[i] > 0.5f;
    }
    inference::PartMask used;
    r = inference::cleanClip(*model, clip, &bad, options, &result, &used);
    int frames = 0;
    for (int f = 0; f < F; ++f) {
      bool any = false;
      for (int k = 0; k < kBodyPartCount; ++k) any = any || used[static_cast<size_t>(f) * kBodyPartCount + k];
      frames += any;
    }
    if (r.ok()) std::printf("%s: regenerated %d of %d frames (%.2f s)\n", pos[0].c_str(), frames, F, seconds());
  } else if (what == "complete") {
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    FillMask mask;
    IoError e;
    if (!readFillMask(maskPath, clip, parts, &mask, &e)) return fail(kError, e.toString());
    result = clip;
    int tokens = 0;
    if (!modelComplete(*model, modelArgs, mask, parts, &result, &tokens, &error))
      return fail(kError, pos[0] + ": " + error);
    std::printf("%s: regenerated %d (frame, body part) tokens (%.2f s)\n", pos[0].c_str(), tokens, seconds());
  } else if (what == "inbetween") {
    const size_t colon = frames.find(':');
    if (colon == std::string::npos) return fail(kUsage, "--frames A:B is required (frames A..B-1 are regenerated)");
    const int a = std::atoi(frames.substr(0, colon).c_str()), b = std::atoi(frames.substr(colon + 1).c_str());
    r = inference::inbetweenClip(*model, clip, a, b, options, &result);
    if (r.ok()) std::printf("%s: regenerated frames %d..%d (%.2f s)\n", pos[0].c_str(), a, b - 1, seconds());
  } else {
    return fail(kUsage, "unknown model task '" + what + "' (detect, clean, complete, inbetween)");
  }
  if (!r.ok()) return fail(kError, pos[0] + ": " + r.error);
  const SaveResult s = saveMotion(result, out);
  if (!s.ok) return fail(kError, s.error.toString());
  return kOk;
#endif
}

}  // namespace mm::cli
