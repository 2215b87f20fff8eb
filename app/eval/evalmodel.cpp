// motionmender-cli eval model: the motion model on held-out clips (every
// 10th by sorted path, never trained on), beside classical references:
//  * in-betweening a 30-frame gap: MPJPE (mm, global joint positions) on the
//    gap, against SLERP/LERP and Hermite interpolation;
//  * cleanup of lab-corrupted copies with the analysis' flags: MPJPE to the
//    clean original on the corrupted frames (input vs output) and on the
//    untouched frames (content preservation);
//  * detection: frame-level precision / recall of the model's indicator
//    against the lab's labels, beside the quality analysis.
#include "evalcommands.h"

#include "app/cli/cli.h"
#include "app/cli/modelrun.h"
#include "datasetfiles.h"

#ifdef MM_HAVE_TORCH
#include "inference/modeltasks.h"
#include "inference/trainingdata.h"
#include "io/motionfile.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/kinematics.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/inbetween.h"
#endif

#include <cstdio>
#include <cstdlib>

namespace mm::eval {

using namespace cli;

#ifdef MM_HAVE_TORCH
namespace {

struct Mean {
  double sum = 0;
  long long n = 0;
  void add(double v) { sum += v, ++n; }
  double value() const { return n ? sum / n : 0.0; }
};

// Mean joint-position error in mm over frames where `use(f)`.
template <typename Use>
void addMpjpe(const Clip& a, const Clip& b, Use use, Mean* out) {
  const GlobalPoses pa = computeGlobalPoses(a), pb = computeGlobalPoses(b);
  const double toMm = 1000.0 / a.unitsPerMeter();
  for (int f = 0; f < a.frameCount(); ++f) {
    if (!use(f)) continue;
    double sum = 0;
    for (int j = 0; j < a.jointCount(); ++j) sum += (pa.position(f, j) - pb.position(f, j)).norm();
    out->add(sum / a.jointCount() * toMm);
  }
}

struct Confusion {
  long long tp = 0, fp = 0, fn = 0;
  void add(bool truth, bool predicted) { tp += truth && predicted, fp += !truth && predicted, fn += truth && !predicted; }
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double f1() const { return precision() + recall() > 0 ? 2 * precision() * recall() / (precision() + recall()) : 0; }
};

}  // namespace
#endif

int evalModel(Args& args) {
#ifndef MM_HAVE_TORCH
  (void)args;
  return fail(kError, "this build has no LibTorch: the motion model is not available");
#else
  std::string data, weights = defaultModelPath(), device = "cpu", everyText = "1", seedText = "1", stepsText = "12";
  if (!args.takeOption("--data", &data))
    return fail(kUsage, "usage: eval model --data DIR [--weights F] [--every K] [--seed S] [--steps N]");
  args.takeOption("--weights", &weights);
  args.takeOption("--device", &device);
  args.takeOption("--every", &everyText);
  args.takeOption("--seed", &seedText);
  args.takeOption("--steps", &stepsText);
  std::string strengthText = "1";
  args.takeOption("--strength", &strengthText);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  std::string why;
  auto model = inference::MotionModel::load(weights, device, &why);
  if (!model) return fail(kError, why);
  const std::vector<std::string> all = listMotionFiles(data);
  std::vector<std::string> files;
  const int every = std::max(1, std::atoi(everyText.c_str()));
  int heldOut = 0;
  for (size_t i = 0; i < all.size(); ++i)
    if (inference::isHeldOut(static_cast<int>(i)) && heldOut++ % every == 0) files.push_back(all[i]);
  if (files.empty()) return fail(kError, data + ": no held-out motion files found");
  const std::uint64_t seed = std::strtoull(seedText.c_str(), nullptr, 10);
  inference::TaskOptions options;
  options.steps = std::max(1, std::atoi(stepsText.c_str()));
  options.seed = seed;

  constexpr int kGap = 30;
  Mean ibModel, ibSlerp, ibHermite, cleanIn, cleanOut, keptIn, keptOut;
  Confusion detModel, detAnalysis;
  // Per type the heuristics struggle with: one artifact of that type alone
  // per clip; [type][analysis, model, either].
  const ArtifactType kHardTypes[] = {ArtifactType::Jitter, ArtifactType::FootSkate, ArtifactType::OverSmoothed};
  Confusion hard[3][3];
  int used = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    LoadResult in = loadMotion(files[i]);
    if (!in.ok()) continue;
    Clip clean = *in.clip;
    clean.makeSignContinuous();
    const int F = clean.frameCount();
    if (F < kGap + 40) continue;
    ++used;
    // In-betweening: the gap in the middle of the clip.
    const int a = (F - kGap) / 2, b = a + kGap;
    // The gap as after an occlusion (copies of frame a - 1): no method reads
    // the frames it is scored on.
    Clip hidden = clean;
    for (int f = a; f < b; ++f)
      for (int j = 0; j < hidden.jointCount(); ++j) {
        hidden.rotation(f, j) = clean.rotation(a - 1, j);
        if (hidden.hasTrack(j)) hidden.translation(f, j) = clean.translation(a - 1, j);
      }
    Clip out;
    if (!inference::inbetweenClip(*model, hidden, a, b, options, &out).ok()) return fail(kError, files[i] + ": model failed");
    auto inGap = [&](int f) { return f >= a && f < b; };
    addMpjpe(clean, out, inGap, &ibModel);
    for (InbetweenMethod method : {InbetweenMethod::SlerpLerp, InbetweenMethod::Hermite}) {
      Clip c = hidden;
      InbetweenOptions io;
      io.method = method;
      inbetween(c, FrameRange{a, b}, io);
      addMpjpe(clean, c, inGap, method == InbetweenMethod::Hermite ? &ibHermite : &ibSlerp);
    }
    // Cleanup and detection on a lab-corrupted copy.
    const CorruptionResult corrupted = corruptClip(clean, CorruptionConfig::mixed(), seed * 1000003ULL + i);
    const QualityReport report = analyzeQuality(corrupted.clip);
    inference::PartMask flags(static_cast<size_t>(F) * kBodyPartCount, 0);
    for (int f = 0; f < F; ++f)
      for (BodyPart part : kAllBodyParts)
        flags[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(part)] = report.partQuality(f, part) <= 0.5f;
    inference::TaskOptions cleanOptions = options;
    cleanOptions.strength = std::atof(strengthText.c_str());
    if (!inference::cleanClip(*model, corrupted.clip, &flags, cleanOptions, &out).ok())
      return fail(kError, files[i] + ": model failed");
    auto labelled = [&](int f) { return corrupted.labels.any(f) != 0; };
    auto untouched = [&](int f) { return corrupted.labels.any(f) == 0; };
    addMpjpe(clean, corrupted.clip, labelled, &cleanIn);
    addMpjpe(clean, out, labelled, &cleanOut);
    addMpjpe(clean, corrupted.clip, untouched, &keptIn);
    addMpjpe(clean, out, untouched, &keptOut);
    std::vector<float> p;
    if (!inference::detectArtifacts(*model, corrupted.clip, options, &p).ok()) return fail(kError, files[i] + ": model failed");
    for (int f = 0; f < F; ++f) {
      bool byModel = false, byAnalysis = false;
      for (int k = 0; k < kBodyPartCount; ++k) {
        byModel = byModel || p[static_cast<size_t>(f) * kBodyPartCount + k] > 0.5f;
        byAnalysis = byAnalysis || flags[static_cast<size_t>(f) * kBodyPartCount + k];
      }
      detModel.add(labelled(f), byModel);
      detAnalysis.add(labelled(f), byAnalysis);
    }
    for (int t = 0; t < 3; ++t) {
      CorruptionConfig one;
      one.set(kHardTypes[t], 1);
      const CorruptionResult c = corruptClip(clean, one, seed * 1000003ULL + i * 7 + 101 * (t + 1));
      if (!c.error.empty() || c.artifacts.empty()) continue;
      const QualityReport r = analyzeQuality(c.clip);
      std::vector<float> q;
      if (!inference::detectArtifacts(*model, c.clip, options, &q).ok()) return fail(kError, files[i] + ": model failed");
      for (int f = 0; f < F; ++f) {
        bool byModel = false, byAnalysis = false;
        for (BodyPart part : kAllBodyParts) {
          byModel = byModel || q[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(part)] > 0.5f;
          byAnalysis = byAnalysis || r.partQuality(f, part) <= 0.5f;
        }
        const bool truth = c.labels.any(f) != 0;
        hard[t][0].add(truth, byAnalysis);
        hard[t][1].add(truth, byModel);
        hard[t][2].add(truth, byAnalysis || byModel);
      }
    }
  }
  std::printf("motion model '%s' (%lld steps) on %d held-out clips, seed %llu, %d DDIM steps\n",
              model->config().name.c_str(), static_cast<long long>(model->trainedSteps()), used,
              static_cast<unsigned long long>(seed), options.steps);
  std::printf("\nin-betweening a %d-frame gap, MPJPE on the gap (mm)\n", kGap);
  std::printf("  %-28s %8.1f\n  %-28s %8.1f\n  %-28s %8.1f\n", "SLERP / LERP", ibSlerp.value(), "Hermite", ibHermite.value(),
              "model", ibModel.value());
  std::printf("\ncleanup of lab-corrupted copies (analysis flags, strength %s), MPJPE to the clean original (mm)\n",
              strengthText.c_str());
  std::printf("  %-28s %8.1f -> %.1f\n", "corrupted frames", cleanIn.value(), cleanOut.value());
  std::printf("  %-28s %8.1f -> %.1f\n", "untouched frames", keptIn.value(), keptOut.value());
  std::printf("\ndetection of the lab's corrupted frames (frame level)\n");
  std::printf("  %-28s P %.3f  R %.3f  F1 %.3f\n", "quality analysis", detAnalysis.precision(), detAnalysis.recall(), detAnalysis.f1());
  std::printf("  %-28s P %.3f  R %.3f  F1 %.3f\n", "model indicator", detModel.precision(), detModel.recall(), detModel.f1());
  std::printf("\ndetection F1 per type (one artifact of the type per clip; frame level; target: model + heuristics >= 0.9)\n");
  std::printf("  %-14s %10s %10s %18s\n", "type", "analysis", "model", "model + analysis");
  for (int t = 0; t < 3; ++t)
    std::printf("  %-14s %10.3f %10.3f %18.3f\n", artifactTypeName(kHardTypes[t]), hard[t][0].f1(), hard[t][1].f1(),
                hard[t][2].f1());
  return kOk;
#endif
}

}  // namespace mm::eval
