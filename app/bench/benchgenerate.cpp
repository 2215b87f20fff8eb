// motionmender-cli bench generate: text-to-motion speed, 4 s of motion (120
// frames at 30 fps) from a prompt with the default text weights, through the
// model runtime module as `generate` runs it. Loading (the runtime module
// with LibTorch, then the weights) is timed apart from generation; the
// generation is the median of several calls in one run. Where the time goes
// is measured by switching one thing off at a time (foot lock, the text
// guidance pass, the quality guidance pass, DDIM steps, chained windows).
#include "benchcommands.h"

#include "app/cli/cli.h"
#include "app/cli/modelrun.h"
#include "benchutil.h"

#include "motion/clip.h"
#include "tasks/generatejobs.h"
#include "tasks/modelruntime.h"
#include "text/promptparser.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mm::bench {

using namespace cli;

namespace {
double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int benchGenerate(Args& args) {
  ModelArgs model;
  model.weights = tasks::defaultTextModelPath();
  model.device = "cpu";
  if (const int c = takeModelArgs(args, &model); c != kOk) return c;
  std::string runsText = "5", prompt = "walk", secondsText = "4", guidanceText = "2.5";
  args.takeOption("--runs", &runsText);
  args.takeOption("--prompt", &prompt);
  args.takeOption("--seconds", &secondsText);
  args.takeOption("--text-guidance", &guidanceText);
  const bool quick = args.takeFlag("--quick");
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (!pos.empty())
    return fail(kUsage, "usage: bench generate [--runs N] [--prompt P] [--seconds S] [--quick] [--weights W] [--steps N]");
  const int runs = std::max(1, std::atoi(runsText.c_str()));
  const double secondsOfMotion = std::atof(secondsText.c_str());
  if (!(secondsOfMotion > 0 && secondsOfMotion <= 600)) return fail(kUsage, "--seconds: expected 0 to 600 seconds");
  const int frames = std::max(2, static_cast<int>(std::lround(secondsOfMotion * 30.0)));

  auto t0 = std::chrono::steady_clock::now();
  if (!tasks::modelRuntime(&error)) return fail(kError, error);
  const double runtimeLoad = since(t0);
  t0 = std::chrono::steady_clock::now();
  const tasks::ModelPtr net = loadModel(model, &error);
  if (!net) return fail(kError, error);
  const double modelLoad = since(t0);

  const text::PromptParser parser;
  tasks::GenerateRequest base;
  base.reading = parser.parse(prompt);
  if (!base.reading.understood()) return fail(kUsage, "--prompt '" + prompt + "': nothing understood");
  base.frames = frames;
  base.textGuidance = std::atof(guidanceText.c_str());

  bool ok = true;
  auto timeOf = [&](const tasks::GenerateRequest& req, const ModelArgs& settings) {
    return medianTime(
        [&] {
          std::vector<Clip> out;
          const bool done = tasks::generateMotion(*net, settings, req, nullptr, &out, &error);
          return done && out.size() == 1 && out.front().frameCount() == req.frames;
        },
        runs, 1e300, &ok);
  };
  t0 = std::chrono::steady_clock::now();
  {
    std::vector<Clip> out;
    if (!tasks::generateMotion(*net, model, base, nullptr, &out, &error)) return fail(kError, error);
  }
  const double first = since(t0);
  const double call = timeOf(base, model);
  if (!ok) return fail(kError, error);
  std::printf("bench generate: \"%s\" (%s), %d frames (%g s at 30 fps), %s, %d DDIM steps, text guidance %.2g, quality "
              "guidance %.2g, %s, median of %d\n",
              prompt.c_str(), base.reading.line().c_str(), frames, frames / 30.0, model.weights.c_str(), model.steps,
              base.textGuidance, model.guidance, tasks::deviceDescription(model).c_str(), runs);
  std::printf("%-52s %9s\n", "", "seconds");
  std::printf("%-52s %9.3f\n", "load: model runtime module (LibTorch)", runtimeLoad);
  std::printf("%-52s %9.3f\n", "load: weights", modelLoad);
  std::printf("%-52s %9.3f\n", "first call (warm-up)", first);
  std::printf("%-52s %9.3f   target < 1 s: %s\n", "generation per call", call, call < 1.0 ? "met" : "not met");
  if (quick) return kOk;

  std::printf("\nwhere the time goes: the same call with one thing changed (median of %d)\n", runs);
  std::printf("%-52s %9s %9s\n", "", "seconds", "saved");
  auto row = [&](const char* name, const tasks::GenerateRequest& req, const ModelArgs& settings) {
    const double t = timeOf(req, settings);
    std::printf("%-52s %9.3f %9.3f\n", name, t, call - t);
  };
  tasks::GenerateRequest noLock = base;
  noLock.footLock = false;
  row("without the foot lock", noLock, model);
  tasks::GenerateRequest noText = base;
  noText.textGuidance = 1.0;
  row("without the text guidance pass (batch 2 of 3)", noText, model);
  ModelArgs noQuality = model;
  noQuality.guidance = 1.0;
  row("without both guidance passes (batch 1 of 3)", noText, noQuality);
  ModelArgs oneStep = model;
  oneStep.steps = 1;
  row("1 DDIM step (encoding, decoding, set-up)", base, oneStep);
  tasks::GenerateRequest oneWindow = base;
  oneWindow.frames = std::min(frames, 48);
  row("48 frames, one window (of the chained windows)", oneWindow, model);
  return ok ? kOk : fail(kError, error);
}

}  // namespace mm::bench
