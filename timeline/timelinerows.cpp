#include "timeline/timelinerows.h"

#include "motion/labels/qualitylabels.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"

#include <algorithm>
#include <vector>

namespace mm::timeline {

void TimelineRows::setReport(const QualityReport* report) {
  setHeat(report ? editor::QualityHeat::build(*report) : nullptr);
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
