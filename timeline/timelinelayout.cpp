#include "timeline/timelinelayout.h"

namespace mm::timeline {

namespace {
struct RowSpec {
  int gapAbove;
  int height;
};
// Heights in pixels: the frame row stands out, parts are compact, labels thin.
constexpr std::array<RowSpec, kTimelineRowCount> kRows{{
    {0, 24},  // ruler
    {2, 20},  // frame quality
    {3, 14}, {1, 14}, {1, 14}, {1, 14}, {1, 14},  // part quality
    {4, 22},  // artifacts
    {4, 8}, {1, 8}, {1, 8}, {1, 8}, {1, 8},  // labels
    {4, 40},  // proposal change curve
}};
}  // namespace

std::optional<BodyPart> rowPart(TimelineRow row) {
  const int r = static_cast<int>(row);
  const int q = static_cast<int>(TimelineRow::TorsoQuality);
  const int l = static_cast<int>(TimelineRow::TorsoLabels);
  if (r >= q && r < q + kBodyPartCount) return static_cast<BodyPart>(r - q);
  if (r >= l && r < l + kBodyPartCount) return static_cast<BodyPart>(r - l);
  return std::nullopt;
}

bool isQualityRow(TimelineRow row) {
  return row == TimelineRow::FrameQuality || (rowPart(row) && row < TimelineRow::Artifacts);
}

bool isLabelRow(TimelineRow row) { return row >= TimelineRow::TorsoLabels && row <= TimelineRow::RightLegLabels; }

TimelineRow qualityRowOf(BodyPart part) {
  return static_cast<TimelineRow>(static_cast<int>(TimelineRow::TorsoQuality) + bodyPartIndex(part));
}

TimelineRow labelRowOf(BodyPart part) {
  return static_cast<TimelineRow>(static_cast<int>(TimelineRow::TorsoLabels) + bodyPartIndex(part));
}

int TimelineLayout::contentHeight() {
  int h = 0;
  for (const RowSpec& r : kRows) h += r.gapAbove + r.height;
  return h + 2 + kScrollBarHeight;
}

void TimelineLayout::setSize(QSize size) {
  mSize = size;
  const int width = std::max(1, size.width() - kHeaderWidth);
  // Extra height goes to the proposal row, the one that benefits from it.
  const int extra = std::max(0, size.height() - contentHeight());
  int y = 0;
  for (size_t i = 0; i < kRows.size(); ++i) {
    y += kRows[i].gapAbove;
    int h = kRows[i].height;
    if (static_cast<TimelineRow>(i) == TimelineRow::Proposal) h += extra;
    mRows[i] = QRect(kHeaderWidth, y, width, h);
    y += h;
  }
  mData = QRect(kHeaderWidth, 0, width, y);
}

QRect TimelineLayout::headerRect(TimelineRow row) const {
  const QRect r = rowRect(row);
  return QRect(0, r.top(), kHeaderWidth, r.height());
}

QRect TimelineLayout::scrollBarRect() const {
  return QRect(kHeaderWidth, mData.bottom() + 3, mData.width(), kScrollBarHeight);
}

std::optional<TimelineRow> TimelineLayout::rowAt(int y) const {
  if (y < 0) return std::nullopt;
  for (size_t i = 0; i < mRows.size(); ++i)
    if (y <= mRows[i].bottom()) return static_cast<TimelineRow>(i);
  return std::nullopt;
}

}  // namespace mm::timeline
