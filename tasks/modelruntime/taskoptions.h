#pragma once
// The sampler options of the model settings: for the code that calls
// inference/ directly (the runtime module, motionmender-cli-torch).

#include "inference/modeltasks.h"
#include "tasks/modeljobs.h"

namespace mm::tasks {

inline inference::TaskOptions taskOptions(const ModelSettings& s) {
  inference::TaskOptions o;
  o.steps = s.steps;
  o.guidance = s.guidance;
  o.strength = s.strength;
  o.correctionScale = s.correction;
  o.seed = s.seed;
  o.progress = s.progress;
  return o;
}

}  // namespace mm::tasks
