#include "timeline/qualitypyramid.h"

#include <algorithm>

namespace mm::timeline {

void QualityPyramid::build(const float* values, int n) {
  mSize = std::max(0, n);
  mMin.clear();
  mMax.clear();
  if (mSize == 0) return;
  mMin.emplace_back(values, values + mSize);
  mMax.emplace_back();  // level 0: the values in mMin[0]
  for (int len = mSize; len > 1;) {
    len = (len + 1) / 2;
    mMin.emplace_back(static_cast<size_t>(len));
    mMax.emplace_back(static_cast<size_t>(len));
  }
  for (int level = 1; level < levelCount(); ++level)
    rebuildParents(level, 0, static_cast<int>(mMin[static_cast<size_t>(level)].size()));
}

// Nodes [start, end) of `level` from their children.
void QualityPyramid::rebuildParents(int level, int start, int end) {
  const std::vector<float>& cmin = mMin[static_cast<size_t>(level - 1)];
  const std::vector<float>& cmax = level == 1 ? cmin : mMax[static_cast<size_t>(level - 1)];
  std::vector<float>& pmin = mMin[static_cast<size_t>(level)];
  std::vector<float>& pmax = mMax[static_cast<size_t>(level)];
  const size_t children = cmin.size();
  for (int i = start; i < end; ++i) {
    const size_t a = 2 * static_cast<size_t>(i), b = a + 1;
    if (b < children) {
      pmin[static_cast<size_t>(i)] = std::min(cmin[a], cmin[b]);
      pmax[static_cast<size_t>(i)] = std::max(cmax[a], cmax[b]);
    } else {
      pmin[static_cast<size_t>(i)] = cmin[a];
      pmax[static_cast<size_t>(i)] = cmax[a];
    }
  }
}

void QualityPyramid::update(const float* values, int start, int end) {
  start = std::max(0, start);
  end = std::min(mSize, end);
  if (end <= start) return;
  std::copy(values + start, values + end, mMin[0].begin() + start);
  int lo = start, hi = end - 1;  // inclusive node range at the level below
  for (int level = 1; level < levelCount(); ++level) {
    lo /= 2;
    hi /= 2;
    rebuildParents(level, lo, hi + 1);
  }
}

QualityPyramid::MinMax QualityPyramid::query(int start, int end, float empty) const {
  start = std::max(0, start);
  end = std::min(mSize, end);
  if (end <= start) return {empty, empty};
  MinMax r{mMin[0][static_cast<size_t>(start)], mMin[0][static_cast<size_t>(start)]};
  // Bottom-up cover of [start, end): at each level take the odd node at the
  // left edge and the node left of an odd right edge, then halve.
  for (int level = 0; start < end; ++level) {
    const std::vector<float>& mn = mMin[static_cast<size_t>(level)];
    const std::vector<float>& mx = level == 0 ? mn : mMax[static_cast<size_t>(level)];
    if (start & 1) {
      r.min = std::min(r.min, mn[static_cast<size_t>(start)]);
      r.max = std::max(r.max, mx[static_cast<size_t>(start)]);
      ++start;
    }
    if (end & 1) {
      --end;
      r.min = std::min(r.min, mn[static_cast<size_t>(end)]);
      r.max = std::max(r.max, mx[static_cast<size_t>(end)]);
    }
    start /= 2;
    end /= 2;
  }
  return r;
}

}  // namespace mm::timeline
