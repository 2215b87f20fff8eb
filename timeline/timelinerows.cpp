#include "timeline/timelinerows.h"

#include "motion/labels/qualitylabels.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"

#include <algorithm>
#include <vector>

namespace mm::timeline {

void TimelineRows::setReport(const QualityReport* report) {
  const int frames = report ? report->frameCount() : 0;
  if (frames == 0) {
    for (QualityPyramid& p : mQuality) p.clear();
    return;
  }
  // Worst score per (frame, part) over the detectors that flagged anything,
  // type by type: sequential reads instead of twelve lookups per cell.
  std::vector<float> worst(static_cast<size_t>(frames) * kBodyPartCount, 0.0f);
  for (int t = 0; t < kArtifactTypeCount; ++t) {
    const float* s = report->scores(static_cast<ArtifactType>(t));
    if (!s) continue;
    for (size_t i = 0; i < worst.size(); ++i) worst[i] = std::max(worst[i], s[i]);
  }
  std::vector<float> row(static_cast<size_t>(frames));
  for (int p = 0; p <= kBodyPartCount; ++p) {
    for (size_t f = 0; f < row.size(); ++f) {
      const float* w = &worst[f * kBodyPartCount];
      float score;
      if (p == 0)
        score = std::max({w[0], w[1], w[2], w[3], w[4]});
      else
        score = w[p - 1];
      row[f] = 1.0f - score;
    }
    mQuality[static_cast<size_t>(p)].build(row);
  }
}

void TimelineRows::setLabels(const QualityLabels& labels) {
  for (BodyPart p : kAllBodyParts) mLabels[static_cast<size_t>(bodyPartIndex(p))].build(labels, p);
}

void TimelineRows::updateLabels(const QualityLabels& labels, int start, int end) {
  for (LabelPyramid& p : mLabels) p.update(labels, start, end);
}

void TimelineRows::setChange(const Patch* patch) {
  if (!patch || patch->empty()) {
    mChange.clear();
    mChangeRange = FrameRange{};
    return;
  }
  mChangeRange = patch->bounds();
  std::vector<float> curve(static_cast<size_t>(mChangeRange.length()), 0.0f);
  for (const PatchBlock& b : patch->blocks())
    for (int f = b.start; f < b.end; ++f) {
      const size_t i = static_cast<size_t>(f - b.start);
      if (i < b.changeMm.size()) curve[static_cast<size_t>(f - mChangeRange.start)] = b.changeMm[i];
    }
  mChange.build(curve);
}

}  // namespace mm::timeline
