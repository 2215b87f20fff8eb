#include "timeline/timelinewidget.h"

#include "timeline/timelinepainter.h"

#include "editor/commands/commands.h"
#include "motion/quality/qualityreport.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mm::timeline {

using editor::Artifact;
using editor::Document;

namespace {
// Zoom per wheel notch (120 units) and per zoomIn / zoomOut.
constexpr double kZoomStep = 1.25;
// How near an artifact's edge (pixels) a press grabs the edge.
constexpr int kEdgeGrab = 4;
// Drag ids must differ between drags so each drag is its own undo command.
int nextDragId() {
  static int id = 0;
  return ++id;
}
}  // namespace

TimelineWidget::TimelineWidget(Document* doc, QWidget* parent) : QWidget(parent), mDoc(doc) {
  setMouseTracking(true);  // the cursor shows where an edge can be grabbed
  setFocusPolicy(Qt::ClickFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumHeight(TimelineLayout::contentHeight());
  mScroll = new QScrollBar(Qt::Horizontal, this);
  connect(mScroll, &QScrollBar::valueChanged, this, [this](int value) {
    if (mSyncingScroll) return;
    mMap.setOffset(value * mMap.framesPerPixel());
    update();
  });

  connect(doc, &Document::clipChanged, this, &TimelineWidget::rebuildAll);
  connect(doc, &Document::reportChanged, this, &TimelineWidget::onReportChanged);
  connect(doc, &Document::labelsChanged, this, &TimelineWidget::onLabelsChanged);
  connect(doc, &Document::artifactChanged, this, [this] { updateRows(TimelineRow::Artifacts, TimelineRow::Proposal); });
  connect(doc, &Document::artifactRemoved, this, [this] { updateRows(TimelineRow::Artifacts, TimelineRow::Proposal); });
  connect(doc, &Document::artifactsReset, this, [this] { updateRows(TimelineRow::Artifacts, TimelineRow::Proposal); });
  connect(doc, &Document::proposalChanged, this, &TimelineWidget::onProposalChanged);
  connect(doc, &Document::proposalsAdded, this, [this](const QVector<int>& ids) {
    if (ids.contains(mDoc->reviewedArtifact())) onProposalChanged(mDoc->reviewedArtifact());
  });
  connect(doc, &Document::reviewedArtifactChanged, this, &TimelineWidget::onReviewedChanged);
  connect(doc, &Document::currentFrameChanged, this, &TimelineWidget::onCurrentFrameChanged);
  connect(doc, &Document::selectionChanged, this, &TimelineWidget::onSelectionChanged);
  connect(doc, &Document::framesInserted, this, &TimelineWidget::onFramesChanged);
  connect(doc, &Document::framesRemoved, this, &TimelineWidget::onFramesChanged);
  rebuildAll();
}

TimelineWidget::~TimelineWidget() = default;

QSize TimelineWidget::sizeHint() const { return QSize(800, TimelineLayout::contentHeight()); }
QSize TimelineWidget::minimumSizeHint() const {
  return QSize(TimelineLayout::kHeaderWidth + 100, TimelineLayout::contentHeight());
}

int TimelineWidget::frameToX(int frame) const {
  return mLayout.dataRect().left() + static_cast<int>(std::floor(mMap.frameToX(frame)));
}

int TimelineWidget::xToFrame(int x) const { return mMap.frameAt(x - mLayout.dataRect().left() + 0.5); }

void TimelineWidget::setTimecode(bool on) {
  if (mTimecode == on) return;
  mTimecode = on;
  update();
}

void TimelineWidget::setLabelMode(bool on) {
  if (mLabelMode == on) return;
  mLabelMode = on;
  update();
}

void TimelineWidget::setBrush(QualityLabel label) { mBrush = label; }

// --- document signals ---

void TimelineWidget::rebuildAll() {
  mMap.setFrameCount(mDoc->frameCount());
  mMap.fitAll();
  mRows.setHeat(mDoc->heat());
  mRows.setLabels(mDoc->labels());
  mRows.setChange(reviewedProposal() ? &reviewedProposal()->patch : nullptr);
  mShownFrame = mDoc->currentFrame();
  mShownSelection = mDoc->selection();
  viewChanged();
}

void TimelineWidget::onReportChanged() {
  mRows.setHeat(mDoc->heat());
  updateRows(TimelineRow::FrameQuality, TimelineRow::RightLegQuality);
}

void TimelineWidget::onLabelsChanged(int start, int end) {
  mRows.updateLabels(mDoc->labels(), start, end);
  updateFrames(start, end, TimelineRow::TorsoLabels, TimelineRow::RightLegLabels);
}

void TimelineWidget::onProposalChanged(int artifactId) {
  if (artifactId != mDoc->reviewedArtifact()) return;
  mRows.setChange(reviewedProposal() ? &reviewedProposal()->patch : nullptr);
  updateRows(TimelineRow::Proposal, TimelineRow::Proposal);
  update(mLayout.headerRect(TimelineRow::Proposal));
}

void TimelineWidget::onReviewedChanged() {
  mRows.setChange(reviewedProposal() ? &reviewedProposal()->patch : nullptr);
  updateRows(TimelineRow::Artifacts, TimelineRow::Proposal);
  update(mLayout.headerRect(TimelineRow::Proposal));
}

void TimelineWidget::onCurrentFrameChanged(int frame) {
  // While playing, the view pages along with the play head (not while the
  // user drags in the timeline: the view stays where the hand is).
  const FrameRange visible = mMap.visibleRange();
  if (mDrag == Drag::None && !mMap.isFitAll() && (frame < visible.start || frame >= visible.end)) {
    const double page = mMap.viewWidth() * mMap.framesPerPixel();
    mMap.setOffset(frame < visible.start ? frame - page + 1 : frame);
    mShownFrame = frame;
    viewChanged();
    return;
  }
  update(playHeadRect(mShownFrame));
  update(playHeadRect(frame));
  mShownFrame = frame;
}

void TimelineWidget::onSelectionChanged() {
  const editor::Selection& now = mDoc->selection();
  if (!mShownSelection.empty())
    updateFrames(mShownSelection.frames.start, mShownSelection.frames.end, TimelineRow::FrameQuality,
                 TimelineRow::RightLegLabels);
  if (!now.empty())
    updateFrames(now.frames.start, now.frames.end, TimelineRow::FrameQuality, TimelineRow::RightLegLabels);
  mShownSelection = now;
}

void TimelineWidget::onFramesChanged() {
  // Frame numbers after the edit moved: everything derived is rebuilt, the zoom kept.
  mMap.setFrameCount(mDoc->frameCount());
  mRows.setHeat(mDoc->heat());
  mRows.setLabels(mDoc->labels());
  mRows.setChange(reviewedProposal() ? &reviewedProposal()->patch : nullptr);
  viewChanged();
}

const editor::Proposal* TimelineWidget::reviewedProposal() const {
  return mDoc->proposal(mDoc->reviewedArtifact());
}

// --- view ---

void TimelineWidget::fitAll() {
  mMap.fitAll();
  viewChanged();
}

void TimelineWidget::zoomIn() {
  mMap.zoomAbout(kZoomStep, mMap.frameToX(mDoc->currentFrame() + 0.5));
  viewChanged();
}

void TimelineWidget::zoomOut() {
  mMap.zoomAbout(1.0 / kZoomStep, mMap.frameToX(mDoc->currentFrame() + 0.5));
  viewChanged();
}

void TimelineWidget::showFrames(int start, int end) {
  const int margin = std::max(2, (end - start) / 4);
  mMap.frameRange(FrameRange{start, end}, margin);
  viewChanged();
}

void TimelineWidget::viewChanged() {
  syncScrollBar();
  update();
  if (mMap.framesPerPixel() != mShownZoom) {
    mShownZoom = mMap.framesPerPixel();
    Q_EMIT zoomChanged(mShownZoom);
  }
}

void TimelineWidget::syncScrollBar() {
  mSyncingScroll = true;
  const double fpp = mMap.framesPerPixel();
  const int total = static_cast<int>(std::ceil(mMap.frameCount() / fpp));
  mScroll->setRange(0, std::max(0, total - mMap.viewWidth()));
  mScroll->setPageStep(mMap.viewWidth());
  mScroll->setSingleStep(std::max(1, mMap.viewWidth() / 20));
  mScroll->setValue(static_cast<int>(std::lround(mMap.offset() / fpp)));
  mScroll->setEnabled(!mMap.isFitAll());
  mSyncingScroll = false;
}

void TimelineWidget::updateFrames(int start, int end, TimelineRow top, TimelineRow bottom, int pad) {
  const int x0 = std::max(mLayout.dataRect().left(), frameToX(start) - pad);
  const int x1 = std::min(mLayout.dataRect().right() + 1, frameToX(end) + pad + 1);
  if (x1 <= x0) return;
  const int y0 = mLayout.rowRect(top).top(), y1 = mLayout.rowRect(bottom).bottom();
  update(QRect(x0, y0, x1 - x0, y1 - y0 + 1));
}

void TimelineWidget::updateRows(TimelineRow top, TimelineRow bottom) {
  const QRect a = mLayout.rowRect(top), b = mLayout.rowRect(bottom);
  update(QRect(a.left(), a.top(), a.width(), b.bottom() - a.top() + 1));
}

QRect TimelineWidget::playHeadRect(int frame) const {
  const int x = frameToX(frame);
  const int w = static_cast<int>(std::ceil(mMap.pixelsPerFrame()));
  return QRect(x - 7, 0, w + 14, mLayout.dataRect().bottom() + 1);
}

// --- events ---

void TimelineWidget::paintEvent(QPaintEvent* event) {
  QPainter p(this);
  TimelinePaintOptions options;
  options.timecode = mTimecode;
  options.labelMode = mLabelMode;
  options.palette = palette();
  // Rect by rect: a play head that jumped far exposes two thin strips, not
  // everything between them.
  const TimelinePainter painter(*mDoc, mMap, mRows, mLayout, options);
  for (const QRect& r : event->region()) painter.paint(p, r);
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
  mLayout.setSize(size());
  mMap.setViewWidth(mLayout.dataRect().width());
  mScroll->setGeometry(mLayout.scrollBarRect());
  QWidget::resizeEvent(event);
  viewChanged();
}

void TimelineWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) update();
  QWidget::changeEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
  const QPoint delta = event->angleDelta();
  const double x = event->position().x() - mLayout.dataRect().left();
  if (event->modifiers() & Qt::ControlModifier) {
    const double notches = delta.y() / 120.0;
    if (notches != 0.0) mMap.zoomAbout(std::pow(kZoomStep, notches), x);
  } else {
    // Wheel down (or right) moves forward in time, an eighth of the view a notch.
    const int d = delta.x() != 0 ? delta.x() : delta.y();
    mMap.scrollByPixels(-d / 120.0 * mMap.viewWidth() / 8.0);
  }
  viewChanged();
  event->accept();
}

std::uint8_t TimelineWidget::partsBetween(TimelineRow a, TimelineRow b) {
  const auto pa = rowPart(a), pb = rowPart(b);
  if (!pa || !pb) return (1u << kBodyPartCount) - 1;
  const int lo = std::min(bodyPartIndex(*pa), bodyPartIndex(*pb));
  const int hi = std::max(bodyPartIndex(*pa), bodyPartIndex(*pb));
  std::uint8_t mask = 0;
  for (int i = lo; i <= hi; ++i) mask |= static_cast<std::uint8_t>(1u << i);
  return mask;
}

std::optional<TimelineWidget::EdgeHit> TimelineWidget::edgeAt(QPoint pos) const {
  if (!mLayout.rowRect(TimelineRow::Artifacts).contains(pos)) return std::nullopt;
  std::optional<EdgeHit> best;
  int bestDistance = kEdgeGrab + 1;
  for (const Artifact& a : mDoc->artifacts()) {
    const int x0 = frameToX(a.start), x1 = frameToX(a.end);
    if (x1 - x0 < 2 * kEdgeGrab) continue;  // too narrow to tell its edges apart: zoom in
    const int d0 = std::abs(pos.x() - x0), d1 = std::abs(pos.x() - x1);
    // The reviewed artifact wins ties, then the nearer edge.
    const int bias = a.id == mDoc->reviewedArtifact() ? 0 : 1;
    if (d0 + bias < bestDistance) {
      bestDistance = d0 + bias;
      best = EdgeHit{a.id, true};
    }
    if (d1 + bias < bestDistance) {
      bestDistance = d1 + bias;
      best = EdgeHit{a.id, false};
    }
  }
  return best;
}

int TimelineWidget::artifactAt(QPoint pos) const {
  if (!mLayout.rowRect(TimelineRow::Artifacts).contains(pos)) return 0;
  int found = 0;
  for (const Artifact& a : mDoc->artifacts()) {
    int x0 = frameToX(a.start), x1 = frameToX(a.end);
    if (x1 - x0 < 3) x0 -= 2, x1 += 2;  // thin spans stay clickable
    if (pos.x() >= x0 && pos.x() < x1) {
      found = a.id;
      if (a.id == mDoc->reviewedArtifact()) break;  // keep the reviewed one when they overlap
    }
  }
  return found;
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !mDoc->hasClip()) {
    QWidget::mousePressEvent(event);
    return;
  }
  const QPoint pos = event->position().toPoint();
  const auto row = mLayout.rowAt(pos.y());
  if (pos.x() < mLayout.dataRect().left() || !row) return;
  const int frame = xToFrame(pos.x());
  mAnchorFrame = frame;
  mAnchorRow = *row;

  if (*row == TimelineRow::Artifacts) {
    if (const auto edge = edgeAt(pos)) {
      mDrag = edge->startEdge ? Drag::EdgeStart : Drag::EdgeEnd;
      mDragArtifact = edge->id;
      mDragId = nextDragId();
      mDoc->setReviewedArtifact(edge->id);
      return;
    }
    if (const int id = artifactAt(pos)) {
      mDoc->setReviewedArtifact(id);
      Q_EMIT artifactActivated(id);
      return;
    }
  }
  const bool partRow = isQualityRow(*row) || isLabelRow(*row);
  if (partRow && (event->modifiers() & Qt::ShiftModifier)) {
    mDrag = Drag::Select;
    dragSelection(pos);
    return;
  }
  if (partRow && mLabelMode) {
    mDrag = Drag::Paint;
    mStrokeId = nextDragId();
    mStrokeParts = partsBetween(*row, *row);
    mLastPaintFrame = frame;
    paintLabelsTo(pos.x());
    return;
  }
  mDrag = Drag::Seek;
  seekTo(pos.x());
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  switch (mDrag) {
    case Drag::None:
      setCursor(edgeAt(pos) ? Qt::SizeHorCursor : Qt::ArrowCursor);
      break;
    case Drag::Seek: seekTo(pos.x()); break;
    case Drag::Select: dragSelection(pos); break;
    case Drag::EdgeStart:
    case Drag::EdgeEnd: dragEdge(pos); break;
    case Drag::Paint: paintLabelsTo(pos.x()); break;
  }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    mDrag = Drag::None;
    mDragArtifact = 0;
    mStrokeId = 0;
  }
  QWidget::mouseReleaseEvent(event);
}

void TimelineWidget::seekTo(int x) { mDoc->setCurrentFrame(xToFrame(x)); }

void TimelineWidget::dragSelection(QPoint pos) {
  const auto row = mLayout.rowAt(std::clamp(pos.y(), 0, mLayout.rowRect(TimelineRow::RightLegLabels).bottom()));
  const int frame = xToFrame(pos.x());
  editor::Selection sel;
  sel.frames = FrameRange{std::min(mAnchorFrame, frame), std::max(mAnchorFrame, frame) + 1};
  sel.partMask = partsBetween(mAnchorRow, row.value_or(TimelineRow::FrameQuality));
  mDoc->setSelection(sel);
}

void TimelineWidget::dragEdge(QPoint pos) {
  const Artifact* a = mDoc->artifact(mDragArtifact);
  if (!a) return;
  Artifact edited = *a;
  const int boundary = mMap.snapToBoundary(pos.x() - mLayout.dataRect().left());
  if (mDrag == Drag::EdgeStart)
    edited.start = std::min(boundary, edited.end - 1);
  else
    edited.end = std::max(boundary, edited.start + 1);
  if (edited.start == a->start && edited.end == a->end) return;
  // Same drag id: the stack merges the drag into one command.
  mDoc->undoStack()->push(new editor::EditArtifactCommand(mDoc, edited, mDragId));
}

void TimelineWidget::paintLabelsTo(int x) {
  const int frame = xToFrame(x);
  // From the last painted frame to this one, so a fast drag leaves no gaps.
  const int start = std::min(mLastPaintFrame, frame), end = std::max(mLastPaintFrame, frame) + 1;
  mDoc->undoStack()->push(
      new editor::PaintLabelsCommand(mDoc, start, end, mStrokeParts, mBrush, std::nullopt, mStrokeId));
  mLastPaintFrame = frame;
}

}  // namespace mm::timeline
