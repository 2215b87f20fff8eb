#pragma once
// The half-open frame range [start, end) the repair operators work on.

namespace mm {

struct FrameRange {
  int start = 0;  // first frame
  int end = 0;    // one past the last frame
  int length() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(int frame) const { return frame >= start && frame < end; }
  // True if 0 <= start < end <= frames.
  bool isInside(int frames) const { return start >= 0 && start < end && end <= frames; }
};

}  // namespace mm
