#pragma once
// Min/max level-of-detail pyramid over a per-frame float signal: level k
// holds the min and max of each block of 2^k frames. Built in O(n); the min
// and max of any frame range come from O(log n) nodes, so painting a row
// costs O(pixels log n) whatever the take's length, and a column that covers
// a thousand frames still shows the worst one (a one-frame pop is never
// averaged away). No widgets.

#include "motion/repair/framerange.h"

#include <cstddef>
#include <vector>

namespace mm::editor {

class QualityPyramid {
 public:
  struct MinMax {
    float min = 0.0f;
    float max = 0.0f;
  };

  QualityPyramid() = default;
  // A copy of values[0, n).
  void build(const float* values, int n);
  void build(const std::vector<float>& values) { build(values.data(), static_cast<int>(values.size())); }
  void clear() { build(nullptr, 0); }
  // Frames [start, end) of the signal changed: `values` is the whole new
  // signal (same length as before). O(end - start + log n).
  void update(const float* values, int start, int end);

  int size() const { return mSize; }
  bool empty() const { return mSize == 0; }
  int levelCount() const { return static_cast<int>(mLevelStart.size()); }
  float value(int frame) const { return mMin[static_cast<size_t>(frame)]; }

  // Min and max over frames [start, end), clipped to the signal; `empty`
  // (both) when nothing of the range lies in it.
  MinMax query(int start, int end, float empty = 1.0f) const;
  MinMax query(FrameRange r, float empty = 1.0f) const { return query(r.start, r.end, empty); }
  // The min alone (what a heatmap column shows): half the memory reads.
  float minOf(int start, int end, float empty = 1.0f) const;

 private:
  void rebuildParents(int level, int start, int end);
  int mSize = 0;
  // All levels in one array each, level k from mLevelStart[k]; level 0 is
  // the signal itself (min == max there, so mMax starts at level 1's offset).
  std::vector<size_t> mLevelStart, mLevelSize;
  std::vector<float> mMin, mMax;
};

}  // namespace mm::editor
