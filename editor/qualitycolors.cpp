#include "editor/qualitycolors.h"

#include <algorithm>
#include <array>

namespace mm::editor {

namespace {
struct Stop {
  float t;
  int r, g, b;
};
// Cividis, sampled (Nuñez et al. 2018), from good (t = 0) to bad (t = 1).
constexpr std::array<Stop, 6> kRamp{{
    {0.0f, 0, 34, 78},
    {0.2f, 39, 63, 108},
    {0.4f, 87, 92, 109},
    {0.6f, 132, 128, 120},
    {0.8f, 190, 170, 102},
    {1.0f, 254, 232, 56},
}};
}  // namespace

QColor qualityColor(float quality) {
  const float t = std::clamp(1.0f - quality, 0.0f, 1.0f);
  for (size_t i = 1; i < kRamp.size(); ++i) {
    if (t <= kRamp[i].t) {
      const Stop& a = kRamp[i - 1];
      const Stop& b = kRamp[i];
      const float u = (t - a.t) / (b.t - a.t);
      return QColor(int(a.r + (b.r - a.r) * u + 0.5f), int(a.g + (b.g - a.g) * u + 0.5f),
                    int(a.b + (b.b - a.b) * u + 0.5f));
    }
  }
  return QColor(kRamp.back().r, kRamp.back().g, kRamp.back().b);
}

QColor artifactTypeColor(ArtifactType type) {
  // Tol "muted" plus two from "bright" for the 12 types.
  static constexpr std::array<QRgb, kArtifactTypeCount> kColors{{
      0xCC6677,  // pop: rose
      0x332288,  // frozen: indigo
      0xDDCC77,  // jitter: sand
      0x117733,  // foot skate: green
      0x88CCEE,  // penetration: cyan
      0x44AA99,  // floating: teal
      0x999933,  // stretch: olive
      0xAA4499,  // hyperextension: purple
      0x882255,  // flip: wine
      0xDDDDDD,  // missing: pale grey
      0x4477AA,  // over-smoothed: blue
      0xEE6677,  // drift: red
  }};
  return QColor::fromRgb(kColors[static_cast<size_t>(type) % kColors.size()]);
}

QColor labelColor(QualityLabel label) {
  switch (label) {
    case QualityLabel::Good: return QColor(0x44, 0xAA, 0x99);    // teal
    case QualityLabel::Bad: return QColor(0xEE, 0x77, 0x33);     // orange
    case QualityLabel::Unsure: return QColor(0xBB, 0xBB, 0xBB);  // grey
    case QualityLabel::Unlabelled: break;
  }
  return QColor(0, 0, 0, 0);
}

}  // namespace mm::editor
