#include "timeline/labelpyramid.h"

#include <algorithm>

namespace mm::timeline {

namespace {
std::uint8_t bit(QualityLabel l) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(l)); }
}  // namespace

void LabelPyramid::build(const QualityLabels& labels, BodyPart part) {
  mPart = part;
  mSize = labels.frameCount();
  mLevels.clear();
  if (mSize == 0) return;
  mLevels.emplace_back(static_cast<size_t>(mSize));
  for (int len = mSize; len > 1;) {
    len = (len + 1) / 2;
    mLevels.emplace_back(static_cast<size_t>(len));
  }
  const std::vector<std::uint8_t>& v = labels.values();
  const size_t p = static_cast<size_t>(bodyPartIndex(part));
  for (size_t f = 0; f < static_cast<size_t>(mSize); ++f)
    mLevels[0][f] = bit(static_cast<QualityLabel>(v[f * kBodyPartCount + p]));
  for (int level = 1; level < static_cast<int>(mLevels.size()); ++level)
    rebuildParents(level, 0, static_cast<int>(mLevels[static_cast<size_t>(level)].size()));
}

void LabelPyramid::rebuildParents(int level, int start, int end) {
  const std::vector<std::uint8_t>& c = mLevels[static_cast<size_t>(level - 1)];
  std::vector<std::uint8_t>& p = mLevels[static_cast<size_t>(level)];
  for (int i = start; i < end; ++i) {
    const size_t a = 2 * static_cast<size_t>(i);
    p[static_cast<size_t>(i)] = static_cast<std::uint8_t>(c[a] | (a + 1 < c.size() ? c[a + 1] : 0));
  }
}

void LabelPyramid::update(const QualityLabels& labels, int start, int end) {
  if (labels.frameCount() != mSize) {
    build(labels, mPart);
    return;
  }
  start = std::max(0, start);
  end = std::min(mSize, end);
  if (end <= start) return;
  for (int f = start; f < end; ++f) mLevels[0][static_cast<size_t>(f)] = bit(labels.label(f, mPart));
  int lo = start, hi = end - 1;
  for (int level = 1; level < static_cast<int>(mLevels.size()); ++level) {
    lo /= 2;
    hi /= 2;
    rebuildParents(level, lo, hi + 1);
  }
}

std::uint8_t LabelPyramid::query(int start, int end) const {
  start = std::max(0, start);
  end = std::min(mSize, end);
  std::uint8_t mask = 0;
  for (int level = 0; start < end; ++level) {
    const std::vector<std::uint8_t>& m = mLevels[static_cast<size_t>(level)];
    if (start & 1) mask |= m[static_cast<size_t>(start++)];
    if (end & 1) mask |= m[static_cast<size_t>(--end)];
    start /= 2;
    end /= 2;
  }
  return mask;
}

QualityLabel LabelPyramid::dominant(std::uint8_t mask) {
  if (mask & bit(QualityLabel::Bad)) return QualityLabel::Bad;
  if (mask & bit(QualityLabel::Unsure)) return QualityLabel::Unsure;
  if (mask & bit(QualityLabel::Good)) return QualityLabel::Good;
  return QualityLabel::Unlabelled;
}

}  // namespace mm::timeline
