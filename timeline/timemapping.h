#pragma once
// Frame <-> pixel mapping of the timeline's data area (x = 0 is its left
// edge): a zoom in frames per pixel, clamped between full zoom (kMaxPixelsPerFrame
// pixels a frame) and fit-all (the whole take in the view's width), and a
// scroll offset (the frame, fractional, at x = 0). Frame f covers the pixels
// [frameToX(f), frameToX(f + 1)). Plain value class, no widgets.

#include "motion/repair/framerange.h"

namespace mm::timeline {

class TimeMapping {
 public:
  // Full zoom: one frame is this many pixels wide.
  static constexpr double kMaxPixelsPerFrame = 24.0;

  // Sets the take's length; keeps fit-all if it was on, else the zoom (clamped).
  void setFrameCount(int frames);
  int frameCount() const { return mFrames; }
  // Width of the data area in pixels (at least 1); keeps fit-all if it was on.
  void setViewWidth(int pixels);
  int viewWidth() const { return mWidth; }

  double framesPerPixel() const { return mFramesPerPixel; }
  double pixelsPerFrame() const { return 1.0 / mFramesPerPixel; }
  // The zoom limits: full zoom, and fit-all (never less zoomed in than full
  // zoom's limit would allow for a short take: then both are fit-all).
  double minFramesPerPixel() const;
  double maxFramesPerPixel() const;
  // The frame (fractional) at x = 0.
  double offset() const { return mOffset; }

  // Whole take in view, offset 0.
  void fitAll();
  bool isFitAll() const;
  // Sets the zoom (clamped) keeping the frame under `anchorX` under it.
  void setFramesPerPixel(double framesPerPixel, double anchorX = 0.0);
  // Zooms in by `factor` (> 1 zooms in, < 1 out) about `anchorX`.
  void zoomAbout(double factor, double anchorX);
  // Scrolls to `offset` (clamped so the view never runs past the take).
  void setOffset(double offset);
  void scrollByPixels(double pixels) { setOffset(mOffset + pixels * mFramesPerPixel); }
  // Scrolls as little as possible to bring `frame` into view.
  void ensureVisible(int frame);
  // Zooms and scrolls so frames [range) fill the view with `marginFrames` on either side.
  void frameRange(FrameRange range, int marginFrames = 0);

  // Left edge of frame `frame` (fractional frames allowed).
  double frameToX(double frame) const { return (frame - mOffset) / mFramesPerPixel; }
  // The frame coordinate (fractional) at pixel x.
  double xToFrame(double x) const { return mOffset + x * mFramesPerPixel; }
  // The frame under pixel x, clamped to the take (0 for an empty take).
  int frameAt(double x) const;
  // The frame boundary nearest to x (0..frameCount): where a dragged edge snaps.
  int snapToBoundary(double x) const;
  // Frames whose pixels overlap the column [x, x + 1), clipped to the take
  // (empty outside it). A column covers at least one frame inside the take.
  FrameRange columnFrames(int x) const;
  // Frames at least partly visible.
  FrameRange visibleRange() const;

 private:
  double clampZoom(double framesPerPixel) const;
  double maxOffset() const;
  int mFrames = 0;
  int mWidth = 1;
  double mFramesPerPixel = 1.0 / kMaxPixelsPerFrame;
  double mOffset = 0.0;
  bool mFitAll = true;
};

}  // namespace mm::timeline
