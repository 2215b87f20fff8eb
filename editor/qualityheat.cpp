#include "editor/qualityheat.h"

#include "motion/quality/qualityreport.h"

#include <algorithm>
#include <vector>

namespace mm::editor {

std::shared_ptr<const QualityHeat> QualityHeat::build(const QualityReport& report) {
  auto heat = std::make_shared<QualityHeat>();
  const int frames = report.frameCount();
  if (frames == 0) return heat;
  // Worst score per (frame, part) over the detectors that flagged anything,
  // type by type: sequential reads instead of twelve lookups per cell.
  std::vector<float> worst(static_cast<size_t>(frames) * kBodyPartCount, 0.0f);
  for (int t = 0; t < kArtifactTypeCount; ++t) {
    const float* s = report.scores(static_cast<ArtifactType>(t));
    if (!s) continue;
    for (size_t i = 0; i < worst.size(); ++i) worst[i] = std::max(worst[i], s[i]);
  }
  std::vector<float> row(static_cast<size_t>(frames));
  for (int r = 0; r < kRowCount; ++r) {
    for (size_t f = 0; f < row.size(); ++f) {
      const float* w = &worst[f * kBodyPartCount];
      const float score = r == 0 ? std::max({w[0], w[1], w[2], w[3], w[4]}) : w[r - 1];
      row[f] = 1.0f - score;
    }
    heat->mRows[static_cast<size_t>(r)].build(row);
  }
  return heat;
}

}  // namespace mm::editor
