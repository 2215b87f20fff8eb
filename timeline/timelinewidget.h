#pragma once
// The timeline of one document, hand-painted (after Glaxnimate's): a ruler
// (frames or timecode), the frame-quality heatmap, one heatmap per body part
// (torso, left/right arm, left/right leg), the artifacts (coloured by type,
// styled by decision: pending = solid outline, accepted = filled with a
// tick, rejected = faded and struck through, edited = dashed outline; the
// reviewed one framed), the painted labels (one thin row per part), and the
// change curve (mm per frame) of the proposal under review, with the play
// head across all rows and the selection as a translucent box over the
// part rows it covers.
//
// Mouse:
//   wheel              scroll in time (horizontal wheels too)
//   Ctrl+wheel         zoom about the mouse (between fit-all and 24 px a frame)
//   click/drag         on the ruler, the heatmaps, the labels or the curve: seek
//   Shift+drag         on the heatmaps or label rows: select frames x the
//                      parts of the rows the drag covers (all five when it
//                      starts on the ruler or the frame-quality row)
//   click an artifact  make it the reviewed one (artifactActivated)
//   drag its edge      change its span (one undoable command per drag)
//   label mode         drag on a part's heatmap or label row paints that part
//                      with the brush, on the frame-quality row all parts
//                      (one undoable stroke; Unlabelled erases)
// Keyboard shortcuts (F, Home, ...) belong to the window: see the slots.
//
// All changes go through the Document (setCurrentFrame, setSelection,
// setReviewedArtifact) and its undo stack (EditArtifactCommand,
// PaintLabelsCommand). The widget repaints only the rows and columns that a
// document signal names where that is cheap.

#include "timeline/timelinelayout.h"
#include "timeline/timelinerows.h"
#include "timeline/timemapping.h"

#include "editor/document.h"
#include "motion/labels/qualitylabels.h"

#include <QWidget>

#include <cstdint>

class QScrollBar;

namespace mm::timeline {

class TimelineWidget : public QWidget {
  Q_OBJECT
 public:
  explicit TimelineWidget(editor::Document* doc, QWidget* parent = nullptr);
  ~TimelineWidget() override;

  editor::Document* document() const { return mDoc; }

  // --- view ---
  const TimeMapping& mapping() const { return mMap; }
  const TimelineLayout& layout() const { return mLayout; }
  // The row's band across the data area, widget coordinates.
  QRect rowRect(TimelineRow row) const { return mLayout.rowRect(row); }
  // Widget x of the left edge of `frame` (may lie outside the widget).
  int frameToX(int frame) const;
  // The frame under widget x (clamped to the take).
  int xToFrame(int x) const;
  // The derived data the rows are painted from (for tests and benchmarks).
  const TimelineRows& rows() const { return mRows; }

  // Ruler in timecode HH:MM:SS:FF at the take's rate instead of frames.
  bool timecode() const { return mTimecode; }
  void setTimecode(bool on);

  // --- labelling ---
  bool labelMode() const { return mLabelMode; }
  void setLabelMode(bool on);
  QualityLabel brush() const { return mBrush; }
  void setBrush(QualityLabel label);

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 public Q_SLOTS:
  // Whole take in view.
  void fitAll();
  // Zoom in / out one step about the play head.
  void zoomIn();
  void zoomOut();
  // Zooms and scrolls so frames [start, end) fill the view with a margin.
  void showFrames(int start, int end);

 Q_SIGNALS:
  // An artifact was clicked (it is now the document's reviewed artifact).
  void artifactActivated(int id);
  // The zoom changed (frames per pixel).
  void zoomChanged(double framesPerPixel);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  enum class Drag { None, Seek, Select, EdgeStart, EdgeEnd, Paint };
  struct EdgeHit {
    int id = 0;
    bool startEdge = false;
  };

  // Document signals.
  void rebuildAll();
  void onReportChanged();
  void onLabelsChanged(int start, int end);
  void onProposalChanged(int artifactId);
  void onReviewedChanged();
  void onCurrentFrameChanged(int frame);
  void onSelectionChanged();
  void onFramesChanged();

  // The view changed (zoom or scroll): scroll bar, repaint, signal.
  void viewChanged();
  void syncScrollBar();
  // Update the columns of frames [start, end) over these rows (x range
  // widened by `pad` pixels on both sides).
  void updateFrames(int start, int end, TimelineRow top, TimelineRow bottom, int pad = 2);
  void updateRows(TimelineRow top, TimelineRow bottom);
  QRect playHeadRect(int frame) const;

  // Hit tests in widget coordinates.
  std::optional<EdgeHit> edgeAt(QPoint pos) const;
  int artifactAt(QPoint pos) const;  // 0 when none
  // Part mask of the rows from `a` to `b` (all parts when either is the ruler or frame row).
  static std::uint8_t partsBetween(TimelineRow a, TimelineRow b);
  // The proposal the change row shows (that of the reviewed artifact; the
  // selection's repair, id 0, when none is reviewed).
  const editor::Proposal* reviewedProposal() const;

  void seekTo(int x);
  void dragSelection(QPoint pos);
  void dragEdge(QPoint pos);
  void paintLabelsTo(int x);

  editor::Document* mDoc;
  TimeMapping mMap;
  TimelineLayout mLayout;
  TimelineRows mRows;
  QScrollBar* mScroll = nullptr;
  bool mSyncingScroll = false;
  bool mTimecode = false;
  bool mLabelMode = false;
  QualityLabel mBrush = QualityLabel::Good;
  double mShownZoom = -1.0;  // frames per pixel last announced by zoomChanged
  int mShownFrame = 0;  // where the play head was last painted
  editor::Selection mShownSelection;  // where the selection was last painted

  Drag mDrag = Drag::None;
  int mDragArtifact = 0;
  int mDragId = 0;       // EditArtifactCommand merge id of the current edge drag
  int mStrokeId = 0;     // PaintLabelsCommand id of the current stroke
  int mAnchorFrame = 0;  // where a selection or stroke began
  TimelineRow mAnchorRow = TimelineRow::FrameQuality;
  std::uint8_t mStrokeParts = 0;
  int mLastPaintFrame = 0;
};

}  // namespace mm::timeline
