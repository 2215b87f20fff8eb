#pragma once
// The quality heatmap of a report, ready to paint: one min/max pyramid for
// the whole frame and one per body part. Built where the report is made (the
// analysis task, off the GUI thread: for an hour at 120 fps the pyramids are
// 40 MB, and allocating them on the GUI thread stalled it for 60-130 ms),
// then shared, immutable, by the document and the timeline.

#include "editor/qualitypyramid.h"
#include "motion/bodyparts.h"

#include <array>
#include <memory>

namespace mm {
class QualityReport;
}

namespace mm::editor {

class QualityHeat {
 public:
  // Row 0: the frame's quality (QualityReport::frameQuality); row
  // 1 + bodyPartIndex(p): part p's (QualityReport::partQuality). One pass
  // over the report's score arrays.
  static std::shared_ptr<const QualityHeat> build(const QualityReport& report);

  static constexpr int kRowCount = 1 + kBodyPartCount;
  const QualityPyramid& row(int r) const { return mRows[static_cast<size_t>(r)]; }
  int frameCount() const { return mRows[0].size(); }

 private:
  std::array<QualityPyramid, kRowCount> mRows;
};

}  // namespace mm::editor
