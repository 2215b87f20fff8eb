#pragma once
// Corrupts a clean clip with a configured mix of synthetic artifacts and
// returns the corrupted clip with frame x part ground-truth labels: the
// training and evaluation data of the quality detectors and the model.

#include "motion/clip.h"
#include "motion/corrupt/corruptionlabels.h"
#include "motion/corrupt/injectors.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mm {

struct CorruptionConfig {
  // How many artifacts of each type to inject, indexed by int(ArtifactType);
  // >= 0. Types without an injector (hasInjector false) are reported skipped.
  std::array<int, kArtifactTypeCount> counts{};
  CorruptionParams params;
  // Clean frames kept between any two artifact spans (seconds, >= 0), so an
  // evaluation can attribute every flagged frame to one cause.
  double minGapSeconds = 0.5;

  CorruptionConfig& set(ArtifactType type, int count) {
    counts[static_cast<int>(type)] = count;
    return *this;
  }
  int count(ArtifactType type) const { return counts[static_cast<int>(type)]; }
  // One of every injectable type and three pops.
  static CorruptionConfig mixed();
};

struct CorruptionResult {
  Clip clip;                 // the corrupted clip: valid, unit and sign-continuous quaternions
  CorruptionLabels labels;   // clip.frameCount() frames
  std::vector<InjectedArtifact> artifacts;  // sorted by start; spans disjoint, minGapSeconds apart
  // One entry per requested artifact that was not injected (no injector, no
  // room left, or no suitable part): types without an injector first, then
  // the others in placement order.
  std::vector<ArtifactType> skipped;
  // Non-empty when the clean clip fails Clip::validate(); then nothing is injected.
  std::string error;
};

// Deterministic: the same clip, config and seed give bit-identical results
// on every platform. Types are placed in a fixed order, most constrained
// first (FootSkate and Penetration, which need planted feet of the clean
// clip, then the longest spans: Drift, Floating, OverSmoothed, Jitter,
// Missing, Stretch, Frozen, Hyperextension, Flip, Pop);
// each span is drawn uniformly among the positions still free. Frames outside
// every span keep the clean clip's values bit for bit when the clean clip is
// sign-continuous (run Clip::makeSignContinuous on it first: the result gets
// that pass at the end, which would otherwise also flip signs outside the
// spans). The one exception is a sign flip (same rotation) after a span
// across whose end a joint turns by more than 180 degrees (see injectors.h).
CorruptionResult corruptClip(const Clip& clean, const CorruptionConfig& config, std::uint64_t seed);

}  // namespace mm
