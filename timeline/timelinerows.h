#pragma once
// The level-of-detail data the timeline paints from, derived from a
// document: the quality pyramids (whole frame, then the five parts, from a
// QualityReport), the label pyramids (one per part) and the change curve of
// the proposal under review. Rebuilt on the document's signals, never per
// paint. No widgets.

#include "timeline/labelpyramid.h"

#include "editor/qualityheat.h"
#include "editor/qualitypyramid.h"

#include "motion/bodyparts.h"
#include "motion/repair/framerange.h"

#include <array>
#include <memory>

namespace mm {
class QualityReport;
class QualityLabels;
class Patch;
}  // namespace mm

namespace mm::timeline {

using editor::QualityPyramid;

class TimelineRows {
 public:
  // Quality rows: the report's heatmap, shared with the document (built
  // with the analysis, off the GUI thread). nullptr clears.
  void setHeat(std::shared_ptr<const editor::QualityHeat> heat) { mHeat = std::move(heat); }
  // Builds the heatmap here (tests, benchmarks); nullptr clears.
  void setReport(const QualityReport* report);
  // 0 = the frame's quality, 1 + bodyPartIndex(p) = part p.
  const QualityPyramid& quality(int row) const { return mHeat ? mHeat->row(row) : mNoQuality; }
  bool hasReport() const { return mHeat && mHeat->frameCount() > 0; }

  void setLabels(const QualityLabels& labels);
  void updateLabels(const QualityLabels& labels, int start, int end);
  const LabelPyramid& labels(BodyPart part) const { return mLabels[static_cast<size_t>(bodyPartIndex(part))]; }

  // The change curve (mm per frame, 0 between blocks) of a proposal's patch
  // over its bounds; nullptr clears.
  void setChange(const Patch* patch);
  const QualityPyramid& change() const { return mChange; }
  // Frames the change curve spans (the patch's bounds).
  FrameRange changeRange() const { return mChangeRange; }
  // Largest change, mm (0 without a proposal).
  float maxChange() const { return mChange.empty() ? 0.0f : mChange.query(0, mChange.size()).max; }

 private:
  std::shared_ptr<const editor::QualityHeat> mHeat;
  QualityPyramid mNoQuality;
  std::array<LabelPyramid, kBodyPartCount> mLabels;
  QualityPyramid mChange;
  FrameRange mChangeRange;
};

}  // namespace mm::timeline
