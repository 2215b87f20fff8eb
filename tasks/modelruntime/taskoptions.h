#pragma once
// The sampler options of the model settings: for the code that calls
// inference/ directly (the runtime module, motionmender-cli-torch).

#include "inference/modeltasks.h"
#include "tasks/modeljobs.h"

namespace mm::tasks {

// The correction's fade per task when the settings leave it (-1): what
// measured best on the held-out split (resources/models/README.md; short
// in-between gaps and repaired spans keep less of the correction near
// their known frames).
constexpr int kCompleteFadeFrames = 5;
constexpr int kInbetweenFadeFrames = 10;
constexpr int kCleanFadeFrames = 20;

inline inference::TaskOptions taskOptions(const ModelSettings& s, int taskFadeFrames = kCompleteFadeFrames) {
  inference::TaskOptions o;
  o.steps = s.steps;
  o.guidance = s.guidance;
  o.strength = s.strength;
  o.correctionScale = s.correction;
  o.priorFadeFrames = s.fadeFrames >= 0 ? s.fadeFrames : taskFadeFrames;
  o.seed = s.seed;
  o.progress = s.progress;
  return o;
}

}  // namespace mm::tasks
