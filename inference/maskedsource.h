#pragma once
// What the model reads where a mask hides (frame, part) values: shared by the
// tasks (modeltasks.cpp) and the residual training samples, so a model is
// trained on exactly the input it gets. No torch here.

#include "motion/bodyparts.h"

#include <cstdint>
#include <vector>

namespace mm {
class Clip;
}

namespace mm::inference {

// Per part, the previous and next frame where the mask (frames x
// kBodyPartCount) leaves it known (-1: none).
struct KnownNeighbours {
  std::vector<int> previous, next;  // frames x kBodyPartCount
};
KnownNeighbours knownNeighbours(const std::vector<std::uint8_t>& mask, int frames);

// The clip the model reads: the input where the mask leaves it known and,
// where it hides a part, the prior (a classical answer) or, without one, that
// part's nearest known frame (before, else after; the rest pose if it has
// none), as a gap looks after an occlusion. Nothing hidden reaches the model
// or the output, whatever the hidden frames hold.
Clip maskedSource(const Clip& clip, const std::vector<std::uint8_t>& mask, const BodyPartMap& parts,
                  const KnownNeighbours& known, const Clip* prior);

}  // namespace mm::inference
