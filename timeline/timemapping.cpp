#include "timeline/timemapping.h"

#include <algorithm>
#include <cmath>

namespace mm::timeline {

void TimeMapping::setFrameCount(int frames) {
  mFrames = std::max(0, frames);
  if (mFitAll)
    fitAll();
  else {
    mFramesPerPixel = clampZoom(mFramesPerPixel);
    setOffset(mOffset);
  }
}

void TimeMapping::setViewWidth(int pixels) {
  mWidth = std::max(1, pixels);
  if (mFitAll)
    fitAll();
  else {
    mFramesPerPixel = clampZoom(mFramesPerPixel);
    setOffset(mOffset);
  }
}

double TimeMapping::maxFramesPerPixel() const { return std::max(1, mFrames) / double(mWidth); }

double TimeMapping::minFramesPerPixel() const {
  return std::min(1.0 / kMaxPixelsPerFrame, maxFramesPerPixel());
}

double TimeMapping::clampZoom(double fpp) const {
  return std::clamp(fpp, minFramesPerPixel(), maxFramesPerPixel());
}

double TimeMapping::maxOffset() const { return std::max(0.0, mFrames - mWidth * mFramesPerPixel); }

void TimeMapping::fitAll() {
  mFramesPerPixel = maxFramesPerPixel();
  mOffset = 0.0;
  mFitAll = true;
}

bool TimeMapping::isFitAll() const { return mFitAll; }

void TimeMapping::setFramesPerPixel(double framesPerPixel, double anchorX) {
  const double anchorFrame = xToFrame(anchorX);
  mFramesPerPixel = clampZoom(framesPerPixel);
  // At the fit-all limit the take fills the view: that is fit-all again.
  mFitAll = mFramesPerPixel >= maxFramesPerPixel() * (1.0 - 1e-9);
  if (mFitAll) {
    fitAll();
    return;
  }
  setOffset(anchorFrame - anchorX * mFramesPerPixel);
}

void TimeMapping::zoomAbout(double factor, double anchorX) {
  if (factor > 0.0) setFramesPerPixel(mFramesPerPixel / factor, anchorX);
}

void TimeMapping::setOffset(double offset) {
  mOffset = std::clamp(offset, 0.0, maxOffset());
}

void TimeMapping::ensureVisible(int frame) {
  if (frame < mOffset)
    setOffset(frame);
  else if (frame + 1 > mOffset + mWidth * mFramesPerPixel)
    setOffset(frame + 1 - mWidth * mFramesPerPixel);
}

void TimeMapping::frameRange(FrameRange range, int marginFrames) {
  const int start = std::max(0, range.start - marginFrames);
  const int end = std::min(mFrames, range.end + marginFrames);
  if (end <= start) return;
  setFramesPerPixel(double(end - start) / mWidth);
  setOffset(start);
}

int TimeMapping::frameAt(double x) const {
  if (mFrames <= 0) return 0;
  return std::clamp(static_cast<int>(std::floor(xToFrame(x))), 0, mFrames - 1);
}

int TimeMapping::snapToBoundary(double x) const {
  return std::clamp(static_cast<int>(std::lround(xToFrame(x))), 0, mFrames);
}

FrameRange TimeMapping::columnFrames(int x) const {
  const double a = xToFrame(x);
  const double b = xToFrame(x + 1.0);
  // Frame f ([f, f + 1)) overlaps [a, b) when f < b and f + 1 > a; the
  // epsilon keeps a column that ends exactly on a boundary from taking the
  // next frame through rounding.
  FrameRange r;
  r.start = std::max(0, static_cast<int>(std::floor(a + 1e-9)));
  r.end = std::min(mFrames, static_cast<int>(std::ceil(b - 1e-9)));
  if (r.end <= r.start && r.start < mFrames && b > 0.0) r.end = r.start + 1;
  if (r.end < r.start) r.end = r.start;
  return r;
}

FrameRange TimeMapping::visibleRange() const {
  FrameRange r;
  r.start = std::clamp(static_cast<int>(std::floor(mOffset)), 0, mFrames);
  r.end = std::clamp(static_cast<int>(std::ceil(xToFrame(mWidth))), r.start, mFrames);
  return r;
}

}  // namespace mm::timeline
