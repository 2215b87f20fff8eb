#include "motion/corrupt/corruptclip.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace mm {
namespace {

constexpr ArtifactType kPlacementOrder[] = {
    ArtifactType::FootSkate, ArtifactType::Penetration, ArtifactType::Drift,          ArtifactType::Floating,
    ArtifactType::OverSmoothed, ArtifactType::Jitter,   ArtifactType::Missing,        ArtifactType::Stretch,
    ArtifactType::Frozen,    ArtifactType::Hyperextension, ArtifactType::Flip,        ArtifactType::Pop};

// Complement of the occupied spans, each widened by `gap` frames on both sides.
std::vector<FrameSpan> freeRanges(const std::vector<InjectedArtifact>& placed, int frames, int gap) {
  std::vector<FrameSpan> blocked;
  for (const InjectedArtifact& a : placed) blocked.push_back({a.start - gap, a.end + gap});
  std::sort(blocked.begin(), blocked.end(), [](const FrameSpan& x, const FrameSpan& y) { return x.start < y.start; });
  std::vector<FrameSpan> out;
  int cursor = 0;
  for (const FrameSpan& b : blocked) {
    if (b.start > cursor) out.push_back({cursor, std::min(b.start, frames)});
    cursor = std::max(cursor, b.end);
    if (cursor >= frames) break;
  }
  if (cursor < frames) out.push_back({cursor, frames});
  return out;
}

}  // namespace

CorruptionConfig CorruptionConfig::mixed() {
  CorruptionConfig c;
  for (ArtifactType t : kPlacementOrder) c.set(t, 1);
  c.set(ArtifactType::Pop, 3);
  return c;
}

CorruptionResult corruptClip(const Clip& clean, const CorruptionConfig& config, std::uint64_t seed) {
  CorruptionResult result;
  result.clip = clean;
  result.labels = CorruptionLabels(clean.frameCount());
  result.error = clean.validate();
  if (!result.error.empty()) {
    for (int t = 0; t < kArtifactTypeCount; ++t)
      result.skipped.insert(result.skipped.end(), std::max(0, config.counts[t]), static_cast<ArtifactType>(t));
    return result;
  }

  std::mt19937_64 rng(seed);
  const BodyContext body = BodyContext::detect(clean, config.params);
  const int frames = clean.frameCount();
  const int gap = std::max(0, static_cast<int>(std::ceil(config.minGapSeconds * clean.fps() - 1e-9)));
  for (int t = 0; t < kArtifactTypeCount; ++t) {
    const ArtifactType type = static_cast<ArtifactType>(t);
    if (!hasInjector(type)) result.skipped.insert(result.skipped.end(), std::max(0, config.counts[t]), type);
  }
  for (ArtifactType type : kPlacementOrder) {
    for (int i = 0; i < config.count(type); ++i) {
      Placement placement;
      placement.allowed = freeRanges(result.artifacts, frames, gap);
      placement.body = &body;
      std::optional<InjectedArtifact> a;
      if (!placement.allowed->empty())
        a = injectArtifact(type, result.clip, result.labels, rng, config.params, placement);
      if (a)
        result.artifacts.push_back(*a);
      else
        result.skipped.push_back(type);
    }
  }
  std::sort(result.artifacts.begin(), result.artifacts.end(),
            [](const InjectedArtifact& x, const InjectedArtifact& y) { return x.start < y.start; });
  result.clip.makeSignContinuous();
  return result;
}

}  // namespace mm
