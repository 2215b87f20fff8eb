#include "inference/trainingdata.h"

#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/canonicalmirror.h"
#include "motion/canonicalrig.h"
#include "motion/clip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/classicprior.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mm::inference {

namespace {

bool appendSample(const Clip& clip, const CorruptionLabels* lab, bool keepClip, std::vector<TrainingSample>* out,
                  std::string* error, bool mirrored = false) {
  MotionFeatures features;
  CanonicalRig rig;
  if (!encodeClip(clip, &rig, &features, error, nullptr, mirrored)) return false;
  const QualityReport report = analyzeQuality(clip);
  const int F = clip.frameCount();
  std::vector<std::uint8_t> flags(static_cast<size_t>(F) * kBodyPartCount, 0);
  for (int f = 0; f < F; ++f)
    for (BodyPart part : kAllBodyParts) {
      const bool bad = report.partQuality(f, part) <= 0.5f || (lab && lab->at(f, part) != 0);
      const BodyPart to = mirrored ? mirrorBodyPart(part) : part;
      flags[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(to)] = bad;
    }
  TrainingSample s;
  s.frames = F;
  s.features = std::move(features.values);
  s.bad.assign(flags.size(), 0);
  for (int f = 0; f < F; ++f)
    for (int p = 0; p < kBodyPartCount; ++p)
      for (int g = std::max(0, f - 1); g <= std::min(F - 1, f + 1); ++g)
        if (flags[static_cast<size_t>(g) * kBodyPartCount + p]) s.bad[static_cast<size_t>(f) * kBodyPartCount + p] = 1;
  if (keepClip) {
    s.clip = std::make_shared<const Clip>(clip);
    Clip repaired = clip;
    repairPrior(repaired, report, BodyPartMap::detect(clip.skeleton()));  // as modelClean does
    s.repaired = std::make_shared<const Clip>(std::move(repaired));
  }
  out->push_back(std::move(s));
  return true;
}

}  // namespace

bool makeTrainingSamples(const Clip& source, std::uint64_t seed, int corruptedVariants,
                         std::vector<TrainingSample>* out, std::string* error, bool keepClips) {
  Clip clean = source;
  clean.makeSignContinuous();
  if (!appendSample(clean, nullptr, keepClips, out, error)) return false;
  for (int v = 0; v < corruptedVariants; ++v) {
    const CorruptionResult c = corruptClip(clean, CorruptionConfig::mixed(), seed * 7919ULL + static_cast<std::uint64_t>(v));
    if (!c.error.empty()) {
      if (error) *error = c.error;
      return false;
    }
    if (!appendSample(c.clip, &c.labels, keepClips, out, error)) return false;
  }
  return true;
}

bool makeMirroredSample(const Clip& source, std::vector<TrainingSample>* out, std::string* error) {
  Clip clean = source;
  clean.makeSignContinuous();
  return appendSample(clean, nullptr, false, out, error, true);
}

std::vector<double> sampleWeights(const std::vector<TrainingSample>& samples, int window, double labelBalance) {
  std::vector<double> weights(samples.size(), 0.0);
  std::map<int, double> perAction;
  for (size_t i = 0; i < samples.size(); ++i) {
    weights[i] = std::max(0, samples[i].frames - window + 1);
    if (samples[i].action >= 0) perAction[samples[i].action] += weights[i];
  }
  if (labelBalance == 0 || perAction.empty()) return weights;
  double mean = 0;
  for (const auto& [a, w] : perAction) mean += w / perAction.size();
  for (size_t i = 0; i < samples.size(); ++i) {
    const auto it = perAction.find(samples[i].action);
    if (it != perAction.end() && it->second > 0) weights[i] *= std::pow(it->second / mean, -labelBalance);
  }
  return weights;
}

}  // namespace mm::inference
