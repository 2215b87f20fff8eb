#include "modelrun.h"

#ifdef MM_HAVE_TORCH
#include "inference/modeltasks.h"
#endif

#include <cmath>
#include <cstdlib>

namespace mm::cli {
namespace {

// A whole string as a number (strtod / strtoull accept trailing junk).
bool parseNumber(const std::string& text, double* value) {
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0' && std::isfinite(*value);
}

}  // namespace

int takeModelArgs(Args& args, ModelArgs* out) {
  std::string text;
  double v = 0;
  args.takeOption("--weights", &out->weights);
  if (args.takeOption("--device", &out->device) && out->device != "auto" && out->device != "cpu" &&
      out->device != "cuda")
    return fail(kUsage, "unknown device '" + out->device + "' (auto, cpu or cuda)");
  if (args.takeOption("--steps", &text)) {
    if (!parseNumber(text, &v) || v < 1 || v > 1000 || v != std::floor(v))
      return fail(kUsage, "--steps '" + text + "': expected a whole number of sampling steps from 1 to 1000");
    out->steps = static_cast<int>(v);
  }
  if (args.takeOption("--guidance", &text)) {
    if (!parseNumber(text, &v) || v < 0) return fail(kUsage, "--guidance '" + text + "': expected a number >= 0");
    out->guidance = v;
  }
  if (args.takeOption("--strength", &text)) {
    if (!parseNumber(text, &v) || v <= 0 || v > 1)
      return fail(kUsage, "--strength '" + text + "': expected a number in (0, 1]");
    out->strength = v;
  }
  if (args.takeOption("--seed", &text)) {
    if (!parseNumber(text, &v) || v < 0 || v != std::floor(v) ||
        text.find_first_not_of("0123456789") != std::string::npos)
      return fail(kUsage, "--seed '" + text + "': expected a whole number >= 0");
    out->seed = std::strtoull(text.c_str(), nullptr, 10);
  }
  return kOk;
}

#ifdef MM_HAVE_TORCH
inference::TaskOptions taskOptions(const ModelArgs& args) {
  inference::TaskOptions o;
  o.steps = args.steps;
  o.guidance = args.guidance;
  o.strength = args.strength;
  o.seed = args.seed;
  return o;
}
#endif

}  // namespace mm::cli
