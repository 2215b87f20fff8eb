#include "motion/quality/artifacttype.h"

namespace mm {
namespace {
constexpr const char* kNames[kArtifactTypeCount] = {"pop",       "frozen", "jitter", "foot_skate", "penetration",
                                                    "floating",  "stretch", "hyperextension", "flip", "missing", "over_smoothed", "drift"};
}

ArtifactKind kindOf(ArtifactType type) {
  switch (type) {
    case ArtifactType::Penetration:
    case ArtifactType::Floating:
    case ArtifactType::FootSkate:
    case ArtifactType::Hyperextension:
    case ArtifactType::OverSmoothed: return ArtifactKind::Plausibility;
    default: return ArtifactKind::SignalGlitch;
  }
}

const char* artifactKindName(ArtifactKind kind) {
  return kind == ArtifactKind::Plausibility ? "plausibility" : "signal_glitch";
}

const char* artifactTypeName(ArtifactType type) { return kNames[static_cast<int>(type)]; }

std::optional<ArtifactType> parseArtifactType(std::string_view name) {
  for (int i = 0; i < kArtifactTypeCount; ++i)
    if (name == kNames[i]) return static_cast<ArtifactType>(i);
  return std::nullopt;
}

}  // namespace mm
