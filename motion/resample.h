#pragma once
// Frame-rate conversion: rotations by SLERP, translations by linear
// interpolation, at times k / newFps for k = 0 .. floor(duration * newFps).

#include "motion/clip.h"

namespace mm {

// Returns the clip resampled to `newFps` (> 0). The last output frame is the
// last one whose time does not pass the source's last frame time. A frame is
// valid only if both source frames it blends are valid.
Clip resample(const Clip& clip, double newFps);

}  // namespace mm
