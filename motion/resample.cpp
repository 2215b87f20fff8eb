#include "motion/resample.h"

#include "motion/rotations.h"

#include <algorithm>
#include <cmath>

namespace mm {

Clip resample(const Clip& in, double newFps) {
  if (in.frameCount() == 0 || !(newFps > 0)) return Clip(in.skeleton(), 0, newFps > 0 ? newFps : in.fps());
  const double lastTime = (in.frameCount() - 1) / in.fps();
  const int frames = static_cast<int>(std::floor(lastTime * newFps + 1e-9)) + 1;
  Clip out(in.skeleton(), frames, newFps);
  const int J = in.jointCount();
  for (int j = 0; j < J; ++j)
    if (in.hasTrack(j)) out.addTrack(j);
  for (int k = 0; k < frames; ++k) {
    const double src = k / newFps * in.fps();
    const int f0 = std::min(static_cast<int>(std::floor(src)), in.frameCount() - 1);
    const int f1 = std::min(f0 + 1, in.frameCount() - 1);
    const double t = std::clamp(src - f0, 0.0, 1.0);
    for (int j = 0; j < J; ++j) {
      out.rotation(k, j) = in.rotation(f0, j).slerp(t, alignSign(in.rotation(f1, j), in.rotation(f0, j)));
      if (in.hasTrack(j)) out.translation(k, j) = (1.0 - t) * in.translation(f0, j) + t * in.translation(f1, j);
      if (!in.isValid(f0, j) || (t > 0 && !in.isValid(f1, j))) out.setValid(k, j, false);
    }
  }
  return out;
}

}  // namespace mm
