#pragma once
// Which labels occur in any frame range of one body part, in O(log n): a
// pyramid of bit masks (bit int(QualityLabel) set when some frame of the
// block has that label), the label rows' counterpart of QualityPyramid. A
// column covering many frames shows the most important label in it
// (bad, then unsure, then good), so one bad frame is never hidden. No widgets.

#include "motion/bodyparts.h"
#include "motion/labels/qualitylabels.h"

#include <cstdint>
#include <vector>

namespace mm::timeline {

class LabelPyramid {
 public:
  // Masks of one part of `labels`.
  void build(const QualityLabels& labels, BodyPart part);
  // Frames [start, end) of `labels` changed (same length as when built).
  void update(const QualityLabels& labels, int start, int end);

  int size() const { return mSize; }
  // OR of (1 << int(label)) over frames [start, end), clipped; 0 when empty.
  std::uint8_t query(int start, int end) const;
  // The label a column showing `mask` paints: Bad > Unsure > Good > Unlabelled.
  static QualityLabel dominant(std::uint8_t mask);

 private:
  void rebuildParents(int level, int start, int end);
  BodyPart mPart = BodyPart::Torso;
  int mSize = 0;
  std::vector<std::vector<std::uint8_t>> mLevels;
};

}  // namespace mm::timeline
