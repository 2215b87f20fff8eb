#pragma once
// Paints the timeline's rows for one exposed rectangle: header names, ruler,
// heatmaps and label rows (one pyramid query per pixel column, so the cost
// follows the exposed width, not the take's length), artifact spans by type
// and decision, the proposal's change curve, the selection and the play head.
// Reads everything, changes nothing.

#include "timeline/timelinelayout.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>

#include "motion/repair/framerange.h"

#include <vector>

class QPainter;

namespace mm::editor {
class Document;
}

namespace mm::timeline {

class TimeMapping;
class TimelineRows;

struct TimelinePaintOptions {
  bool timecode = false;
  bool labelMode = false;
  QPalette palette;
};

class TimelinePainter {
  Q_DECLARE_TR_FUNCTIONS(mm::timeline::TimelinePainter)

 public:
  TimelinePainter(const editor::Document& doc, const TimeMapping& mapping, const TimelineRows& rows,
                  const TimelineLayout& layout, const TimelinePaintOptions& options);
  // Everything that intersects `exposed` (widget coordinates).
  void paint(QPainter& p, const QRect& exposed) const;

  // Colour of the play head (also its handle in the ruler).
  static QColor playHeadColor() { return QColor(0xE8, 0x41, 0x2C); }

 private:
  void paintHeader(QPainter& p) const;
  void paintRuler(QPainter& p, int c0, int c1) const;
  void paintQualityRows(QPainter& p, int c0, int c1) const;
  void paintLabelRows(QPainter& p, int c0, int c1) const;
  void paintArtifacts(QPainter& p, int c0, int c1) const;
  void paintProposal(QPainter& p, int c0, int c1) const;
  void paintSelection(QPainter& p) const;
  void paintPlayHead(QPainter& p) const;
  // Widget x of a frame boundary.
  double xOf(double frame) const;
  // Frames of data column c (one of the exposed ones).
  const FrameRange& column(int c) const { return mColumns[static_cast<size_t>(c - mColumnsFrom)]; }

  const editor::Document& mDoc;
  const TimeMapping& mMap;
  const TimelineRows& mRows;
  const TimelineLayout& mLayout;
  const TimelinePaintOptions& mOpt;
  mutable std::vector<FrameRange> mColumns;
  mutable int mColumnsFrom = 0;
};

}  // namespace mm::timeline
