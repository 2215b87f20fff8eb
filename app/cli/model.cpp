// motionmender-cli model: the learned motion model on one clip (detect,
// clean, in-between). Outputs keep the input's skeleton, frames and rate.
#include "cli.h"

#ifdef MM_HAVE_TORCH
#include "inference/modeltasks.h"
#include "io/motionfile.h"
#include "io/qualityio.h"
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
std::string defaultModelPath() { return MM_SOURCE_DIR "/resources/models/motionmender-small.mmmodel"; }

namespace {

const char* kModelUsage =
    "usage: model detect IN [--json OUT]\n"
    "       model clean IN -o OUT [--flags analysis|model|both]\n"
    "       model inbetween IN -o OUT --frames A:B\n"
    "options: --weights FILE (default resources/models/motionmender-small.mmmodel), --device auto|cpu|cuda,\n"
    "         --steps N (DDIM, default 12), --guidance G (default 1.5), --seed S,\n"
    "         --strength X (0..1: start regenerated tokens from the input noised to X instead of pure noise)";

}  // namespace
#endif

int runModel(Args args) {
#ifndef MM_HAVE_TORCH
  (void)args;
  return fail(kError, "this build has no LibTorch: the motion model is not available");
#else
  const std::string what = args.shift();
  if (what.empty() || what == "--help") return fail(what.empty() ? kUsage : kOk, kModelUsage);
  std::string weights = defaultModelPath(), device = "auto", out, frames, json, flagsFrom = "both", text;
  inference::TaskOptions options;
  args.takeOption("--weights", &weights);
  args.takeOption("--device", &device);
  if (!args.takeOption("-o", &out)) args.takeOption("--out", &out);
  args.takeOption("--frames", &frames);
  args.takeOption("--json", &json);
  args.takeOption("--flags", &flagsFrom);
  if (args.takeOption("--steps", &text)) options.steps = std::max(1, std::atoi(text.c_str()));
  if (args.takeOption("--guidance", &text)) options.guidance = std::atof(text.c_str());
  if (args.takeOption("--strength", &text)) options.strength = std::atof(text.c_str());
  if (args.takeOption("--seed", &text)) options.seed = std::strtoull(text.c_str(), nullptr, 10);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1) return fail(kUsage, kModelUsage);
  if ((what == "clean" || what == "inbetween") && out.empty()) return fail(kUsage, kModelUsage);

  LoadResult in = loadMotion(pos[0]);
  if (!in.ok()) return fail(kError, in.error.toString());
  Clip clip = *in.clip;
  auto model = inference::MotionModel::load(weights, device, &error);
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
    inference::PartMask bad(static_cast<size_t>(F) * kBodyPartCount, 0);
    if (flagsFrom != "model") {
      const QualityReport report = analyzeQuality(clip);
      for (int f = 0; f < F; ++f)
        for (BodyPart part : kAllBodyParts)
          bad[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(part)] = report.partQuality(f, part) <= 0.5f;
    }
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
  } else if (what == "inbetween") {
    const size_t colon = frames.find(':');
    if (colon == std::string::npos) return fail(kUsage, "--frames A:B is required (frames A..B-1 are regenerated)");
    const int a = std::atoi(frames.substr(0, colon).c_str()), b = std::atoi(frames.substr(colon + 1).c_str());
    r = inference::inbetweenClip(*model, clip, a, b, options, &result);
    if (r.ok()) std::printf("%s: regenerated frames %d..%d (%.2f s)\n", pos[0].c_str(), a, b - 1, seconds());
  } else {
    return fail(kUsage, "unknown model task '" + what + "' (detect, clean, inbetween)");
  }
  if (!r.ok()) return fail(kError, pos[0] + ": " + r.error);
  const SaveResult s = saveMotion(result, out);
  if (!s.ok) return fail(kError, s.error.toString());
  return kOk;
#endif
}

}  // namespace mm::cli
