// taskOptions (modelrun.h): in motionmender-cli-torch only, since
// inference::TaskOptions is LibTorch's side; modelrun.cpp is shared by both
// executables and the eval and bench libraries (mm_clicommon).
#include "modelrun.h"

#include "inference/modeltasks.h"

namespace mm::cli {

inference::TaskOptions taskOptions(const ModelArgs& args) {
  inference::TaskOptions o;
  o.steps = args.steps;
  o.guidance = args.guidance;
  o.strength = args.strength;
  o.seed = args.seed;
  o.progress = args.progress;
  return o;
}

}  // namespace mm::cli
