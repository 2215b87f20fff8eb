// motionmender-cli bench model: speed of the motion model on this machine,
// beside classical references timed in the same run (quality analysis of the
// same clip; Hermite in-betweening of the same gap).
#include "benchcommands.h"

#include "app/cli/cli.h"
#include "app/cli/modelrun.h"
#include "benchutil.h"

#ifdef MM_HAVE_TORCH
#include "inference/device.h"
#include "inference/modeltasks.h"
#include "io/motionfile.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/classicprior.h"
#include "motion/repair/inbetween.h"

#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace mm::bench {

using namespace cli;

int benchModel(Args& args) {
#ifndef MM_HAVE_TORCH
  (void)args;
  return fail(kError, "this build has no LibTorch: the motion model is not available");
#else
  std::string weights = defaultModelPath(), device = "cpu", threads = "2", runsText = "3", stepsText = "12";
  args.takeOption("--weights", &weights);
  args.takeOption("--device", &device);
  args.takeOption("--threads", &threads);
  args.takeOption("--runs", &runsText);
  args.takeOption("--steps", &stepsText);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  const std::string sample = benchInput(pos);
  LoadResult in = loadMotion(sample);
  if (!in.ok()) return fail(kError, in.error.toString());
  inference::setCpuThreads(std::atoi(threads.c_str()));
  auto model = inference::MotionModel::load(weights, device, &error);
  if (!model) return fail(kError, error);
  const int runs = std::max(1, std::atoi(runsText.c_str()));
  inference::TaskOptions options;
  options.steps = std::max(1, std::atoi(stepsText.c_str()));
  std::printf("motion model '%s'%s (%lld training steps), %s, %d torch threads, %d DDIM steps, guidance %.1f, median of %d\n",
              model->config().name.c_str(), model->config().residual ? ", residual over the classical answer" : "",
              static_cast<long long>(model->trainedSteps()), device.c_str(),
              inference::cpuThreads(), options.steps, options.guidance, runs);

  // One minute at 30 fps with the lab's mixed artifacts.
  Clip source = *in.clip;
  source.makeSignContinuous();
  const Clip minute = corruptClip(repeatClip(source, static_cast<int>(60 * source.fps())), CorruptionConfig::mixed(), 1).clip;
  const int F = minute.frameCount();
  bool ok = true;
  QualityReport report;
  const double analysis = medianTime([&] { report = analyzeQuality(minute); return report.frameCount() == F; }, runs, 1e300, &ok);
  inference::PartMask bad(static_cast<size_t>(F) * kBodyPartCount, 0);
  int flagged = 0;
  for (int f = 0; f < F; ++f) {
    bool any = false;
    for (BodyPart part : kAllBodyParts) {
      const bool b = report.partQuality(f, part) <= 0.5f;
      bad[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(part)] = b;
      any = any || b;
    }
    flagged += any;
  }
  Clip out;
  std::vector<float> p;
  const double detect = medianTime([&] { return inference::detectArtifacts(*model, minute, options, &p).ok(); }, runs, 1e300, &ok);
  // Residual weights read the classical answer: its cost is part of theirs.
  const bool residual = model->config().residual;
  const BodyPartMap parts = BodyPartMap::detect(minute.skeleton());
  const double clean = medianTime(
      [&] {
        if (!residual) return inference::cleanClip(*model, minute, &bad, options, &out).ok();
        Clip prior = minute;
        repairPrior(prior, report, parts);
        return inference::cleanClip(*model, minute, &bad, options, &out, nullptr, &prior).ok();
      },
      runs, 1e300, &ok);
  if (!ok) return fail(kError, "the model failed during the benchmark");
  std::printf("\none-minute clip, %d frames, %d joints, %d frames flagged by the analysis\n", F, minute.jointCount(), flagged);
  std::printf("%-44s %9s %12s %10s\n", "task", "seconds", "frames/s", "x analysis");
  std::printf("%-44s %9.3f %12.0f %10.1f\n", "reference: quality analysis", analysis, F / analysis, 1.0);
  std::printf("%-44s %9.3f %12.0f %10.1f\n", "model detection (indicator channel)", detect, F / detect, detect / analysis);
  std::printf("%-44s %9.3f %12.0f %10.1f\n", "model cleanup of the flagged tokens", clean, F / clean, clean / analysis);
  std::printf("%-44s %9.3f %12.0f %10.1f\n", "model detection + cleanup", detect + clean, F / (detect + clean),
              (detect + clean) / analysis);

  // A 30-frame gap in the sample clip.
  const int a = std::min(60, source.frameCount() / 3), b = std::min(source.frameCount() - 1, a + 30);
  const double hermite = medianTime(
      [&] {
        Clip c = source;
        return inbetween(c, FrameRange{a, b}).ok();
      },
      runs, 1e300, &ok);
  const double gap = medianTime(
      [&] {
        if (!residual) return inference::inbetweenClip(*model, source, a, b, options, &out).ok();
        Clip prior = source;
        return inbetweenPrior(prior, FrameRange{a, b}) &&
               inference::inbetweenClip(*model, source, a, b, options, &out, &prior).ok();
      },
      runs, 1e300, &ok);
  std::printf("\nin-betweening frames %d..%d (%d frames) of a %d-frame clip\n", a, b - 1, b - a, source.frameCount());
  std::printf("%-44s %9.4f %12s %10s\n", "reference: Hermite in-betweening", hermite, "", "1.0");
  std::printf("%-44s %9.4f %12s %10.0f\n", "model in-betweening", gap, "", gap / hermite);
  return ok ? kOk : fail(kError, "the model failed during the benchmark");
#endif
}

}  // namespace mm::bench
