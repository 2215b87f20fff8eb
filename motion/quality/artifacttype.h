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

const char* artifactTypeName(ArtifactType type);  // "pop", "frozen", "jitter", "foot_skate", ...
std::optional<ArtifactType> parseArtifactType(std::string_view name);

}  // namespace mm
