#pragma once
// Where the ruler puts its ticks and what it writes under them: frame
// numbers, or timecode HH:MM:SS:FF at the take's frame rate. No widgets.

#include <QString>

namespace mm::timeline {

struct TickStep {
  int major = 1;  // frames between labelled ticks
  int minor = 1;  // frames between small ticks (divides major)
};

// The smallest "round" step (frames: 1, 2, 5, 10, 20, 50...; timecode: 1, 2,
// 5, 10 frames, then 1, 2, 5, 10, 15, 30 seconds, 1, 2, 5, 10, 15, 30
// minutes, hours) whose labelled ticks are at least `minLabelPixels` apart.
TickStep rulerStep(double framesPerPixel, double fps, bool timecode, double minLabelPixels);

// HH:MM:SS:FF; FF has as many digits as the largest frame number of a second
// (two at 30 fps, three at 120). Non-integer rates count ceil(fps) frames a second.
QString formatTimecode(int frame, double fps);

}  // namespace mm::timeline
