#pragma once
// In-betweening: regenerates frames [A, B) of every joint from the motion
// around them (the CLI's `inbetween --frames A:B`), whatever they held.
//
// Contract:
//  * Frames outside [A, B) stay bit-identical, validity included; the
//    regenerated frames are marked valid. Every joint's local rotation and
//    every translation track is regenerated; bone lengths stay exact.
//  * The keys are frames A - 1 and B. A range that starts the clip (A = 0)
//    holds frame B, one that ends it (B = frames) holds frame A - 1.
//  * Errors (nothing changes): empty range, range not inside the clip, range
//    covering the whole clip (no frame to start from), bad options.

#include "motion/repair/framerange.h"

#include <string>

namespace mm {

class Clip;

enum class InbetweenMethod : unsigned char {
  // The standard baseline: SLERP of local rotations, LERP of translations
  // between frames A - 1 and B.
  SlerpLerp,
  // Cubic Hermite with end velocities fitted to the context frames before A
  // and after B; rotations as tangent-space offsets from the SLERP, so it
  // falls back towards SlerpLerp where the context says little.
  Hermite,
};
// "slerp_lerp", "hermite".
const char* inbetweenMethodName(InbetweenMethod method);

struct InbetweenOptions {
  InbetweenMethod method = InbetweenMethod::Hermite;
  // Hermite: context used for the end velocities (seconds, > 0) and the
  // degree (1..3) of the polynomial fitted to it.
  double contextSeconds = 0.1;
  int velocityDegree = 2;
  // Hermite: velocity horizon (seconds, >= 0), see GapFillOptions. 0: plain
  // Hermite.
  double velocityHorizonSeconds = 0.0;
};

struct InbetweenResult {
  std::string error;  // empty on success
  bool ok() const { return error.empty(); }
};

InbetweenResult inbetween(Clip& clip, FrameRange range, const InbetweenOptions& options = {});

}  // namespace mm
