#pragma once
// The kinds of artifact the quality analysis reports.

#include <optional>
#include <string_view>

namespace mm {

enum class ArtifactType : unsigned char {
  Pop,          // a joint (or the root) jumps for 1-3 frames and comes back
  Frozen,       // the pose repeats while the neighbourhood moves
  Jitter,       // high-frequency shaking above the clip's own smooth parts
  FootSkate,    // a foot in contact with the ground slides
  Penetration,  // a foot below the floor
  Floating,     // the body hangs above the floor with no foot down (not a jump)
  Stretch,      // bone length changes (files whose joints carry position channels)
  Hyperextension,  // elbow or knee bent backwards
  Flip,         // sudden near-180 degree rotation change, or left/right limbs swapped
  Missing,      // no data (validity mask)
  OverSmoothed,  // detail filtered away (a low-pass over a span)
  Drift,        // the root slowly wanders off its true path
};
constexpr int kArtifactTypeCount = 12;

// What an artifact says about the take, so the editor can show and filter
// them apart: a signal glitch is a fault of the recording or the solve
// (pops, frozen frames, jitter, limb swaps, missing data, bone stretch,
// drift), which no real body produces; a plausibility flag says the motion
// is physically or anatomically unlikely (penetration, floating, foot
// skating, hyperextension, over-smoothing), which depends on the world and
// the performer the take does not show and so is a judgement with a
// confidence.
enum class ArtifactKind : unsigned char { SignalGlitch, Plausibility };
constexpr int kArtifactKindCount = 2;
ArtifactKind kindOf(ArtifactType type);
const char* artifactKindName(ArtifactKind kind);  // "signal_glitch", "plausibility"

const char* artifactTypeName(ArtifactType type);  // "pop", "frozen", "jitter", "foot_skate", ...
std::optional<ArtifactType> parseArtifactType(std::string_view name);

}  // namespace mm
