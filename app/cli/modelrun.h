#pragma once
// The motion model's command-line options. The model side of each task and
// its loading live in tasks/modeljobs.h (shared with the editor); this file
// parses the options into tasks::ModelSettings.

#include "cli.h"
#include "tasks/modeljobs.h"

namespace mm::cli {

// --weights FILE --device auto|cpu|cuda --steps N --guidance G --strength X --from-classic --seed S
using ModelArgs = tasks::ModelSettings;
using tasks::analysisFlags;
using tasks::defaultModelPath;
using tasks::heldOutFromTraining;
using tasks::loadModel;
using tasks::modelComplete;
using tasks::modelIndicators;
using tasks::ModelPtr;

// Removes the model options from `args`; kOk, or kUsage after printing the
// error (unknown device, a value that is not a number in range).
int takeModelArgs(Args& args, ModelArgs* out);

}  // namespace mm::cli
