#include "modelrun.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

#include <unistd.h>

namespace mm::cli {
namespace {

// A progress bar on standard error while the model runs, when it is a
// terminal (a pipeline's log gets no control characters); at most 10 redraws
// a second.
std::function<bool(double)> terminalProgress() {
  if (!isatty(fileno(stderr))) return {};
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [last](double fraction) {
    const auto now = std::chrono::steady_clock::now();
    if (fraction < 1.0 && now - *last < std::chrono::milliseconds(100)) return true;
    *last = now;
    const int width = 30, filled = static_cast<int>(fraction * width + 0.5);
    std::fprintf(stderr, "\r[%s%s] %3d%%", std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(width - filled), ' ').c_str(), static_cast<int>(fraction * 100 + 0.5));
    if (fraction >= 1.0) std::fprintf(stderr, "\r%*s\r", width + 8, "");
    std::fflush(stderr);
    return true;
  };
}

}  // namespace

int takeModelArgs(Args& args, ModelArgs* out) {
  std::string text;
  double v = 0;
  out->progress = terminalProgress();
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
  out->fromClassic = args.takeFlag("--from-classic");
  if (args.takeOption("--correction", &text)) {
    if (!parseNumber(text, &v) || v < 0 || v > 1)
      return fail(kUsage, "--correction '" + text + "': expected a number in [0, 1]");
    out->correction = v;
  }
  if (args.takeOption("--fade", &text)) {
    if (!parseNumber(text, &v) || v < 0 || v > 1000 || v != std::floor(v))
      return fail(kUsage, "--fade '" + text + "': expected a whole number of frames from 0 to 1000");
    out->fadeFrames = static_cast<int>(v);
  }
  if (args.takeOption("--seed", &text)) {
    if (!parseNumber(text, &v) || v < 0 || v != std::floor(v) ||
        text.find_first_not_of("0123456789") != std::string::npos)
      return fail(kUsage, "--seed '" + text + "': expected a whole number >= 0");
    out->seed = std::strtoull(text.c_str(), nullptr, 10);
  }
  return kOk;
}

}  // namespace mm::cli
