#include "motion/corrupt/corruptionlabels.h"

#include <algorithm>

namespace mm {

CorruptionLabels::CorruptionLabels(int frameCount)
    : frames(std::max(0, frameCount)), bits(static_cast<size_t>(frames) * kBodyPartCount, 0) {}

void CorruptionLabels::mark(int start, int end, std::uint8_t partMask, ArtifactType type) {
  start = std::max(start, 0);
  end = std::min(end, frames);
  for (int f = start; f < end; ++f)
    for (BodyPart p : kAllBodyParts)
      if (partMask & partBit(p)) set(f, p, type);
}

std::uint16_t CorruptionLabels::any(int frame) const {
  std::uint16_t out = 0;
  for (BodyPart p : kAllBodyParts) out |= at(frame, p);
  return out;
}

std::uint8_t CorruptionLabels::parts(int frame, ArtifactType type) const {
  std::uint8_t out = 0;
  for (BodyPart p : kAllBodyParts)
    if (has(frame, p, type)) out |= partBit(p);
  return out;
}

int CorruptionLabels::badFrameCount() const {
  int n = 0;
  for (int f = 0; f < frames; ++f) n += any(f) != 0;
  return n;
}

}  // namespace mm
