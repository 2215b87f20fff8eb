#pragma once
// Where each row of the timeline sits: a fixed header column at the left
// (row names), the data area to its right, rows stacked top to bottom and a
// horizontal scroll bar under them. Plain geometry, no widgets.

#include "motion/bodyparts.h"

#include <QRect>

#include <array>
#include <optional>

namespace mm::timeline {

enum class TimelineRow {
  Ruler,
  FrameQuality,
  TorsoQuality,
  LeftArmQuality,
  RightArmQuality,
  LeftLegQuality,
  RightLegQuality,
  Artifacts,
  TorsoLabels,
  LeftArmLabels,
  RightArmLabels,
  LeftLegLabels,
  RightLegLabels,
  Proposal,
};
constexpr int kTimelineRowCount = 14;

// The part a heatmap or label row shows; nullopt for the other rows.
std::optional<BodyPart> rowPart(TimelineRow row);
bool isQualityRow(TimelineRow row);  // FrameQuality and the five part rows
bool isLabelRow(TimelineRow row);
TimelineRow qualityRowOf(BodyPart part);
TimelineRow labelRowOf(BodyPart part);

class TimelineLayout {
 public:
  static constexpr int kHeaderWidth = 96;
  static constexpr int kScrollBarHeight = 14;

  // Lays the rows out in a widget of this size.
  void setSize(QSize size);
  // The row's band across the data area (x from the header's right edge).
  QRect rowRect(TimelineRow row) const { return mRows[static_cast<size_t>(row)]; }
  // The same band across the header column.
  QRect headerRect(TimelineRow row) const;
  QRect dataRect() const { return mData; }
  QRect scrollBarRect() const;
  // The row under y (rows and the gaps above them), nullopt below the last.
  std::optional<TimelineRow> rowAt(int y) const;
  // Height the rows need (the widget's minimum height).
  static int contentHeight();

 private:
  QSize mSize;
  QRect mData;
  std::array<QRect, kTimelineRowCount> mRows;
};

}  // namespace mm::timeline
