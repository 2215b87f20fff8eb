#include "timeline/timelinepainter.h"

#include "timeline/rulerticks.h"
#include "timeline/timelinerows.h"
#include "timeline/timemapping.h"

#include "editor/document.h"
#include "editor/qualitycolors.h"

#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace mm::timeline {

using editor::Artifact;
using editor::Decision;

namespace {

// qualityColor sampled once: a heatmap column costs a table lookup.
const std::array<QRgb, 1024>& qualityLut() {
  static const std::array<QRgb, 1024> lut = [] {
    std::array<QRgb, 1024> t{};
    for (size_t i = 0; i < t.size(); ++i) t[i] = editor::qualityColor(float(i) / float(t.size() - 1)).rgb();
    return t;
  }();
  return lut;
}

QRgb qualityRgb(float q) {
  const auto& lut = qualityLut();
  const float c = std::clamp(q, 0.0f, 1.0f) * float(lut.size() - 1);
  return lut[static_cast<size_t>(c + 0.5f)];
}

// One colour per pixel column, repeated down the row's height. The image is
// kept between paints (one per thread) so a repaint allocates nothing.
void drawStrip(QPainter& p, const QRect& row, int x0, const std::vector<QRgb>& line) {
  if (line.empty()) return;
  thread_local QImage scratch;
  const int w = static_cast<int>(line.size()), h = row.height();
  if (scratch.width() < w || scratch.height() < h)
    scratch = QImage(std::max(w, scratch.width()), std::max(h, scratch.height()), QImage::Format_ARGB32_Premultiplied);
  for (int y = 0; y < h; ++y) std::copy(line.begin(), line.end(), reinterpret_cast<QRgb*>(scratch.scanLine(y)));
  p.drawImage(QPoint(x0, row.top()), scratch, QRect(0, 0, w, h));
}

QColor withAlpha(QColor c, int alpha) {
  c.setAlpha(alpha);
  return c;
}

// Black or white, whichever reads better on `c`.
QColor contrastOn(const QColor& c) { return qGray(c.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white); }

}  // namespace

TimelinePainter::TimelinePainter(const editor::Document& doc, const TimeMapping& mapping, const TimelineRows& rows,
                                 const TimelineLayout& layout, const TimelinePaintOptions& options)
    : mDoc(doc), mMap(mapping), mRows(rows), mLayout(layout), mOpt(options) {}

double TimelinePainter::xOf(double frame) const { return mLayout.dataRect().left() + mMap.frameToX(frame); }

void TimelinePainter::paint(QPainter& p, const QRect& exposed) const {
  const QRect data = mLayout.dataRect();
  p.fillRect(exposed, mOpt.palette.color(QPalette::Window));
  if (exposed.left() < data.left()) paintHeader(p);
  // Data columns [c0, c1) relative to the data area's left edge.
  const int c0 = std::max(0, exposed.left() - data.left());
  const int c1 = std::min(data.width(), exposed.right() + 1 - data.left());
  if (c1 <= c0) return;
  // The frames of each exposed column, shared by every row.
  mColumnsFrom = c0;
  mColumns.resize(static_cast<size_t>(c1 - c0));
  for (int c = c0; c < c1; ++c) mColumns[static_cast<size_t>(c - c0)] = mMap.columnFrames(c);
  p.save();
  p.setClipRect(QRect(data.left() + c0, 0, c1 - c0, exposed.bottom() + 1).intersected(exposed));
  paintRuler(p, c0, c1);
  paintQualityRows(p, c0, c1);
  paintArtifacts(p, c0, c1);
  paintLabelRows(p, c0, c1);
  paintProposal(p, c0, c1);
  paintSelection(p);
  paintPlayHead(p);
  p.restore();
}

void TimelinePainter::paintHeader(QPainter& p) const {
  const QPalette& pal = mOpt.palette;
  p.save();
  p.setPen(pal.color(QPalette::WindowText));
  QFont small = p.font();
  small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
  const auto name = [&](TimelineRow row, const QString& text, const QFont& font) {
    QRect r = mLayout.headerRect(row).adjusted(6, 0, -6, 0);
    p.setFont(font);
    p.drawText(r, Qt::AlignVCenter | Qt::AlignLeft, QFontMetrics(font).elidedText(text, Qt::ElideRight, r.width()));
  };
  name(TimelineRow::Ruler, mOpt.timecode ? tr("Timecode") : tr("Frame"), small);
  QFont bold = p.font();
  bold.setBold(true);
  name(TimelineRow::FrameQuality, tr("Quality"), bold);
  const std::array<QString, kBodyPartCount> parts{tr("Torso"), tr("Left arm"), tr("Right arm"), tr("Left leg"),
                                                  tr("Right leg")};
  for (BodyPart part : kAllBodyParts) name(qualityRowOf(part), parts[size_t(bodyPartIndex(part))], small);
  name(TimelineRow::Artifacts, tr("Artifacts"), bold);
  // The label rows are thin: one name beside the group, short part names right.
  const QRect labels = mLayout.headerRect(TimelineRow::TorsoLabels)
                           .united(mLayout.headerRect(TimelineRow::RightLegLabels))
                           .adjusted(6, 0, -6, 0);
  p.setFont(mOpt.labelMode ? bold : small);
  p.drawText(labels, Qt::AlignVCenter | Qt::AlignLeft, tr("Labels"));
  QFont tiny = small;
  tiny.setPointSizeF(std::max(5.0, small.pointSizeF() * 0.8));
  p.setFont(tiny);
  const std::array<QString, kBodyPartCount> shortParts{tr("T", "torso"), tr("LA", "left arm"), tr("RA", "right arm"),
                                                       tr("LL", "left leg"), tr("RL", "right leg")};
  for (BodyPart part : kAllBodyParts) {
    const QRect r = mLayout.headerRect(labelRowOf(part)).adjusted(0, -1, -6, 1);
    p.drawText(r, Qt::AlignVCenter | Qt::AlignRight, shortParts[size_t(bodyPartIndex(part))]);
  }
  name(TimelineRow::Proposal, tr("Change"), bold);
  const float maxChange = mRows.maxChange();
  if (maxChange > 0.0f) {
    const QRect r = mLayout.headerRect(TimelineRow::Proposal).adjusted(6, 0, -6, -2);
    p.setFont(small);
    p.drawText(r, Qt::AlignBottom | Qt::AlignLeft, tr("max %1 mm").arg(double(maxChange), 0, 'f', 1));
  }
  p.restore();
}

void TimelinePainter::paintRuler(QPainter& p, int c0, int c1) const {
  const QRect row = mLayout.rowRect(TimelineRow::Ruler);
  const QPalette& pal = mOpt.palette;
  p.fillRect(row, pal.color(QPalette::Button));
  const int frames = mMap.frameCount();
  if (frames <= 0) return;
  QFont font = p.font();
  font.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
  p.setFont(font);
  const QFontMetrics fm(font);
  const double fps = mDoc.fps();
  const QString widest = mOpt.timecode ? formatTimecode(frames, fps) : QString::number(frames);
  const TickStep step = rulerStep(mMap.framesPerPixel(), fps, mOpt.timecode, fm.horizontalAdvance(widest) + 14);
  // Ticks of the exposed columns, and those whose label reaches into them.
  const int first = std::max(0, static_cast<int>(std::floor(mMap.xToFrame(c0 - fm.horizontalAdvance(widest) - 8))));
  const int last = std::min(frames, static_cast<int>(std::ceil(mMap.xToFrame(c1))));
  const QColor tick = pal.color(QPalette::ButtonText);
  p.setPen(tick);
  for (int f = first - first % step.minor; f <= last; f += step.minor) {
    const double x = std::floor(xOf(f)) + 0.5;
    const bool major = f % step.major == 0;
    const int len = major ? row.height() / 2 : row.height() / 5;
    p.drawLine(QPointF(x, row.bottom() - len + 1), QPointF(x, row.bottom()));
    if (major) {
      const QString text = mOpt.timecode ? formatTimecode(f, fps) : QString::number(f);
      p.drawText(QPointF(x + 3, row.top() + fm.ascent() + 2), text);
    }
  }
  p.setPen(pal.color(QPalette::Mid));
  p.drawLine(row.bottomLeft(), row.bottomRight());
}

void TimelinePainter::paintQualityRows(QPainter& p, int c0, int c1) const {
  const QColor none = mOpt.palette.color(QPalette::Base);
  std::vector<QRgb> line(static_cast<size_t>(c1 - c0));
  const int x0 = mLayout.dataRect().left() + c0;
  for (int i = 0; i <= kBodyPartCount; ++i) {
    const TimelineRow rowId = i == 0 ? TimelineRow::FrameQuality : qualityRowOf(static_cast<BodyPart>(i - 1));
    const QRect row = mLayout.rowRect(rowId);
    if (!mRows.hasReport()) {
      p.fillRect(QRect(x0, row.top(), c1 - c0, row.height()), none);
      continue;
    }
    const QualityPyramid& q = mRows.quality(i);
    // The worst frame of each column sets its colour.
    for (int c = c0; c < c1; ++c) {
      const FrameRange& fr = column(c);
      const bool outside = fr.empty() || fr.start >= q.size();
      line[static_cast<size_t>(c - c0)] = outside ? none.rgb() : qualityRgb(q.minOf(fr.start, fr.end));
    }
    drawStrip(p, row, x0, line);
  }
  if (!mRows.hasReport() && mDoc.frameCount() > 0) {
    p.setPen(mOpt.palette.color(QPalette::PlaceholderText));
    p.drawText(mLayout.rowRect(TimelineRow::FrameQuality).adjusted(6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Not analysed yet"));
  }
}

void TimelinePainter::paintLabelRows(QPainter& p, int c0, int c1) const {
  const QRgb none = mOpt.palette.color(QPalette::AlternateBase).rgb();
  std::array<QRgb, 4> colours{};
  for (int l = 0; l < 4; ++l) {
    const QColor c = editor::labelColor(static_cast<QualityLabel>(l));
    colours[size_t(l)] = c.alpha() == 0 ? none : c.rgb();
  }
  std::vector<QRgb> line(static_cast<size_t>(c1 - c0));
  const int x0 = mLayout.dataRect().left() + c0;
  for (BodyPart part : kAllBodyParts) {
    const LabelPyramid& labels = mRows.labels(part);
    for (int c = c0; c < c1; ++c) {
      const FrameRange& fr = column(c);
      const QualityLabel l = LabelPyramid::dominant(labels.query(fr.start, fr.end));
      line[static_cast<size_t>(c - c0)] = fr.empty() ? mOpt.palette.color(QPalette::Window).rgb()
                                                     : colours[static_cast<size_t>(l)];
    }
    drawStrip(p, mLayout.rowRect(labelRowOf(part)), x0, line);
  }
}

void TimelinePainter::paintArtifacts(QPainter& p, int c0, int c1) const {
  const QRect row = mLayout.rowRect(TimelineRow::Artifacts);
  p.fillRect(row, mOpt.palette.color(QPalette::Base));
  const double left = mLayout.dataRect().left() + c0 - 4, right = mLayout.dataRect().left() + c1 + 4;
  const int reviewed = mDoc.reviewedArtifact();
  const Artifact* highlight = nullptr;
  // Pixel-aligned rectangles without antialiasing: a few hundred spans cost
  // well under a millisecond. Spans a few pixels wide are only filled (the
  // fill's strength still tells the decision apart).
  p.save();
  for (const Artifact& a : mDoc.artifacts()) {
    int x0 = static_cast<int>(std::floor(xOf(a.start))), x1 = static_cast<int>(std::floor(xOf(a.end)));
    if (x1 - x0 < 3) {  // stays visible at fit-all
      x0 = (x0 + x1) / 2 - 1;
      x1 = x0 + 3;
    }
    if (x1 < left || x0 > right) continue;
    if (a.id == reviewed) highlight = &a;
    const QRect r(x0, row.top() + 3, x1 - x0, row.height() - 6);
    const QColor c = editor::artifactTypeColor(a.type);
    const QColor edge = c.darker(150);
    const bool outline = r.width() >= 6;
    const QRect inner = r.adjusted(0, 0, -1, -1);  // drawRect's outline covers one more pixel
    switch (a.decision) {
      case Decision::Pending:
        p.fillRect(r, withAlpha(c, 110));
        if (outline) {
          p.setPen(QPen(edge, 1, Qt::SolidLine));
          p.drawRect(inner);
        }
        break;
      case Decision::Accepted:
        p.fillRect(r, c);
        if (r.width() >= 10) {  // a tick mark
          const double h = std::min(r.height() - 4.0, 10.0), cx = r.center().x() + 0.5, cy = r.center().y() + 0.5;
          QPainterPath tick;
          tick.moveTo(cx - h * 0.45, cy);
          tick.lineTo(cx - h * 0.1, cy + h * 0.35);
          tick.lineTo(cx + h * 0.5, cy - h * 0.4);
          p.setRenderHint(QPainter::Antialiasing, true);
          p.setPen(QPen(contrastOn(c), 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
          p.drawPath(tick);
          p.setRenderHint(QPainter::Antialiasing, false);
        }
        break;
      case Decision::Rejected:
        p.fillRect(r, withAlpha(c, 45));
        if (outline) {
          p.setPen(QPen(withAlpha(edge, 140), 1, Qt::DotLine));
          p.drawRect(inner);
          p.setPen(QPen(withAlpha(edge, 220), 1));
          p.drawLine(r.left(), r.center().y(), r.right(), r.center().y());
        }
        break;
      case Decision::Edited:
        p.fillRect(r, withAlpha(c, 110));
        if (outline) {
          p.setPen(QPen(edge, 1, Qt::DashLine));
          p.drawRect(inner);
        }
        break;
    }
  }
  if (highlight) {
    const int x0 = static_cast<int>(std::floor(xOf(highlight->start)));
    const int x1 = std::max(static_cast<int>(std::floor(xOf(highlight->end))), x0 + 3);
    p.setPen(QPen(mOpt.palette.color(QPalette::Highlight), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(x0 - 2, row.top() + 1, x1 - x0 + 3, row.height() - 3));
  }
  p.restore();
}

void TimelinePainter::paintProposal(QPainter& p, int c0, int c1) const {
  const QRect row = mLayout.rowRect(TimelineRow::Proposal);
  p.fillRect(row, mOpt.palette.color(QPalette::Base));
  const QPalette& pal = mOpt.palette;
  if (const Artifact* a = mDoc.artifact(mDoc.reviewedArtifact())) {
    const double x0 = xOf(a->start), x1 = std::max(xOf(a->end), x0 + 1.0);
    p.fillRect(QRectF(x0, row.top(), x1 - x0, row.height()), withAlpha(pal.color(QPalette::Highlight), 40));
  }
  const QualityPyramid& change = mRows.change();
  const float maxChange = mRows.maxChange();
  if (change.empty() || maxChange <= 0.0f) {
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(row.adjusted(6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, tr("No proposal under review"));
    return;
  }
  const FrameRange range = mRows.changeRange();
  const int x0 = mLayout.dataRect().left();
  const double base = row.bottom() - 1.0, scale = (row.height() - 6.0) / maxChange;
  // A step curve: each column rises to the largest change of its frames.
  QPolygonF area;
  area.reserve(2 * (c1 - c0) + 2);
  for (int c = c0; c < c1; ++c) {
    const FrameRange& fr = column(c);
    const int s = std::max(fr.start, range.start), e = std::min(fr.end, range.end);
    const float v = e > s ? change.query(s - range.start, e - range.start, 0.0f).max : 0.0f;
    const double y = base - v * scale;
    area << QPointF(x0 + c, y) << QPointF(x0 + c + 1, y);
  }
  area << QPointF(x0 + c1, base + 1) << QPointF(x0 + c0, base + 1);
  QColor curve = pal.color(QPalette::Highlight);
  if (const Artifact* a = mDoc.artifact(mDoc.reviewedArtifact())) curve = editor::artifactTypeColor(a->type);
  p.setPen(QPen(curve.darker(140), 1.0));
  p.setBrush(withAlpha(curve, 170));
  p.drawPolygon(area);
  p.setBrush(Qt::NoBrush);
}

void TimelinePainter::paintSelection(QPainter& p) const {
  const editor::Selection& sel = mDoc.selection();
  if (sel.empty()) return;
  const double x0 = xOf(sel.frames.start), x1 = std::max(xOf(sel.frames.end), x0 + 2.0);
  const QColor hl = mOpt.palette.color(QPalette::Highlight);
  p.save();
  p.setPen(QPen(hl, 1.0));
  p.setBrush(withAlpha(hl, 70));
  const auto box = [&](TimelineRow top, TimelineRow bottom) {
    const int y0 = mLayout.rowRect(top).top(), y1 = mLayout.rowRect(bottom).bottom();
    p.drawRect(QRectF(x0 + 0.5, y0 + 0.5, x1 - x0 - 1.0, y1 - y0));
  };
  const std::uint8_t all = (1u << kBodyPartCount) - 1;
  if ((sel.partMask & all) == all) {
    box(TimelineRow::FrameQuality, TimelineRow::RightLegQuality);
    box(TimelineRow::TorsoLabels, TimelineRow::RightLegLabels);
  } else {
    for (BodyPart part : kAllBodyParts)
      if ((sel.partMask >> bodyPartIndex(part)) & 1u) {
        box(qualityRowOf(part), qualityRowOf(part));
        box(labelRowOf(part), labelRowOf(part));
      }
  }
  p.restore();
}

void TimelinePainter::paintPlayHead(QPainter& p) const {
  if (mDoc.frameCount() <= 0) return;
  const int frame = mDoc.currentFrame();
  // At the frame's middle when frames are wide, else at its left edge.
  const double x = std::floor(mMap.pixelsPerFrame() >= 4.0 ? xOf(frame + 0.5) : xOf(frame)) + 0.5;
  const QRect data = mLayout.dataRect();
  const QColor c = playHeadColor();
  p.save();
  p.setPen(QPen(c, 1.0));
  p.drawLine(QPointF(x, data.top()), QPointF(x, data.bottom()));
  const QRect ruler = mLayout.rowRect(TimelineRow::Ruler);
  QPolygonF handle;
  handle << QPointF(x - 5, ruler.bottom() - 8) << QPointF(x + 5, ruler.bottom() - 8) << QPointF(x, ruler.bottom());
  p.setRenderHint(QPainter::Antialiasing, true);
  p.setBrush(c);
  p.drawPolygon(handle);
  p.restore();
}

}  // namespace mm::timeline
