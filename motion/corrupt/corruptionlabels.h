#pragma once
// Ground truth of the corruption lab: which artifact was injected where, per
// frame and body part, and the list of injected artifacts.

#include "motion/bodyparts.h"
#include "motion/quality/artifacttype.h"

#include <cstdint>
#include <vector>

namespace mm {

// Bit of a body part in a part mask (bit i = part with bodyPartIndex i).
constexpr std::uint8_t partBit(BodyPart part) { return static_cast<std::uint8_t>(1u << bodyPartIndex(part)); }
constexpr std::uint8_t kAllPartsMask = (1u << kBodyPartCount) - 1;
// Bit of an artifact type in a label word (bit i = ArtifactType i).
constexpr std::uint16_t artifactBit(ArtifactType type) { return static_cast<std::uint16_t>(1u << static_cast<int>(type)); }
static_assert(kArtifactTypeCount <= 16, "label words hold one bit per artifact type");

// Frame x part label grid. bits[frame * kBodyPartCount + bodyPartIndex(part)]
// has artifactBit(type) set where `type` was injected on that part in that
// frame. A frame is clean for a part when its word is 0.
struct CorruptionLabels {
  int frames = 0;
  std::vector<std::uint16_t> bits;

  CorruptionLabels() = default;
  // `frameCount` (>= 0) clean frames.
  explicit CorruptionLabels(int frameCount);

  // All label accessors take frame in [0, frames).
  std::uint16_t at(int frame, BodyPart part) const { return bits[index(frame, part)]; }
  bool has(int frame, BodyPart part, ArtifactType type) const { return (at(frame, part) & artifactBit(type)) != 0; }
  void set(int frame, BodyPart part, ArtifactType type) { bits[index(frame, part)] |= artifactBit(type); }
  // Sets `type` on every part in `partMask` over frames [start, end), clamped to the grid.
  void mark(int start, int end, std::uint8_t partMask, ArtifactType type);
  // OR of the frame's words over all parts: which types touch the frame at all.
  std::uint16_t any(int frame) const;
  // Parts (mask) on which `type` is set in the frame.
  std::uint8_t parts(int frame, ArtifactType type) const;
  // Frames with any label set.
  int badFrameCount() const;

  bool operator==(const CorruptionLabels& o) const { return frames == o.frames && bits == o.bits; }
  bool operator!=(const CorruptionLabels& o) const { return !(*this == o); }

 private:
  size_t index(int frame, BodyPart part) const {
    return static_cast<size_t>(frame) * kBodyPartCount + static_cast<size_t>(bodyPartIndex(part));
  }
};

// One injected artifact.
struct InjectedArtifact {
  ArtifactType type = ArtifactType::Pop;
  // Frames [start, end) that were changed and labelled, 0 <= start < end <= frames.
  int start = 0;
  int end = 0;
  // Labelled parts (partBit mask).
  std::uint8_t partMask = 0;
  // The single joint the artifact acts on (popped joint; the root, 0, for
  // root pops, drift, penetration and floating; the ankle for foot skating;
  // the stretched joint; the elbow or knee), else -1.
  int joint = -1;
  // Size in real units; what it measures depends on the type (see injectors.h):
  // Pop degrees (rotation) or metres (root), Frozen seconds, Jitter degrees
  // (per-axis sigma), FootSkate metres (peak ankle slide reached), Drift metres
  // (peak offset), OverSmoothed seconds (kernel sigma), Missing seconds,
  // Flip degrees (largest rotation change of a swapped joint), Penetration
  // metres (peak sinking), Floating metres (peak rise), Stretch the relative
  // length change (0.1 = 10 %), Hyperextension degrees (largest backward
  // bend reached).
  double magnitude = 0.0;

  bool operator==(const InjectedArtifact& o) const {
    return type == o.type && start == o.start && end == o.end && partMask == o.partMask && joint == o.joint &&
           magnitude == o.magnitude;
  }
};

}  // namespace mm
