#include "editor/qualitypyramid.h"

#include <algorithm>

namespace mm::editor {

void QualityPyramid::build(const float* values, int n) {
  mSize = std::max(0, n);
  mLevelStart.clear();
  mLevelSize.clear();
  mMin.clear();
  mMax.clear();
  if (mSize == 0) return;
  size_t total = 0;
  for (size_t len = static_cast<size_t>(mSize);; len = (len + 1) / 2) {
    mLevelStart.push_back(total);
    mLevelSize.push_back(len);
    total += len;
    if (len == 1) break;
  }
  mMin.resize(total);
  mMax.resize(total);
  std::copy(values, values + mSize, mMin.begin());
  std::copy(values, values + mSize, mMax.begin());
  for (int level = 1; level < levelCount(); ++level)
    rebuildParents(level, 0, static_cast<int>(mLevelSize[static_cast<size_t>(level)]));
}

// Nodes [start, end) of `level` from their children.
void QualityPyramid::rebuildParents(int level, int start, int end) {
  const size_t c = mLevelStart[static_cast<size_t>(level - 1)], children = mLevelSize[static_cast<size_t>(level - 1)];
  const size_t p = mLevelStart[static_cast<size_t>(level)];
  for (int i = start; i < end; ++i) {
    const size_t a = 2 * static_cast<size_t>(i), b = a + 1;
    const size_t out = p + static_cast<size_t>(i);
    if (b < children) {
      mMin[out] = std::min(mMin[c + a], mMin[c + b]);
      mMax[out] = std::max(mMax[c + a], mMax[c + b]);
    } else {
      mMin[out] = mMin[c + a];
      mMax[out] = mMax[c + a];
    }
  }
}

void QualityPyramid::update(const float* values, int start, int end) {
  start = std::max(0, start);
  end = std::min(mSize, end);
  if (end <= start) return;
  std::copy(values + start, values + end, mMin.begin() + start);
  std::copy(values + start, values + end, mMax.begin() + start);
  int lo = start, hi = end - 1;  // inclusive node range at the level below
  for (int level = 1; level < levelCount(); ++level) {
    lo /= 2;
    hi /= 2;
    rebuildParents(level, lo, hi + 1);
  }
}

// Bottom-up cover of [start, end): at each level take the odd node at the
// left edge and the node left of an odd right edge, then halve.
QualityPyramid::MinMax QualityPyramid::query(int start, int end, float empty) const {
  start = std::max(0, start);
  end = std::min(mSize, end);
  if (end <= start) return {empty, empty};
  MinMax r{mMin[static_cast<size_t>(start)], mMax[static_cast<size_t>(start)]};
  for (size_t level = 0; start < end; ++level) {
    const float* mn = mMin.data() + mLevelStart[level];
    const float* mx = mMax.data() + mLevelStart[level];
    if (start & 1) {
      r.min = std::min(r.min, mn[start]);
      r.max = std::max(r.max, mx[start]);
      ++start;
    }
    if (end & 1) {
      --end;
      r.min = std::min(r.min, mn[end]);
      r.max = std::max(r.max, mx[end]);
    }
    start >>= 1;
    end >>= 1;
  }
  return r;
}

float QualityPyramid::minOf(int start, int end, float empty) const {
  start = std::max(0, start);
  end = std::min(mSize, end);
  if (end <= start) return empty;
  float r = mMin[static_cast<size_t>(start)];
  for (const size_t* level = mLevelStart.data(); start < end; ++level) {
    const float* mn = mMin.data() + *level;
    if (start & 1) r = std::min(r, mn[start++]);
    if (end & 1) r = std::min(r, mn[--end]);
    start >>= 1;
    end >>= 1;
  }
  return r;
}

}  // namespace mm::editor
