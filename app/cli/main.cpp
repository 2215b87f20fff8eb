// motionmender-cli: headless MotionMender for batch pipelines. Qt-free.
#include "cli.h"
#include "siblingexec.h"
#include "torchcli.h"

#include "app/bench/benchcommands.h"
#include "app/eval/evalcommands.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <unistd.h>

namespace {
const char* kHelp =
    "usage: motionmender-cli COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  info IN [--json]          skeleton, frames, fps, units, body parts, canonical mapping\n"
    "  convert IN OUT            convert between formats (from the extensions)\n"
    "  analyze IN [--json OUT] [--csv OUT] [--preset P.json] [--model]\n"
    "                            per-frame and per-part quality, artifact spans (--model: and the model's indicators)\n"
    "  clean IN -o OUT [--method classic|auto|model] [--report R.json] [--preset P.json]\n"
    "                            repair the artifacts the analysis finds; R.json lists what changed where\n"
    "  complete IN -o OUT --mask MASK.json [--method classic|auto|model]\n"
    "                            fill the joints and frames the mask marks as unknown\n"
    "  inbetween IN -o OUT --frames A:B [--method classic|auto|model]\n"
    "                            regenerate frames A..B-1 from the motion around them\n"
    "                            (--method auto, the default: the model when its weights load, else classic;\n"
    "                            model options: --weights F, --device auto|cpu|cuda, --steps N, --seed S)\n"
    "  generate --vocabulary     the actions (with the body parts they drive) and styles a prompt can name\n"
    "  generate \"PROMPT\" --explain [--no-wordnet]\n"
    "                            how a prompt is read: segments, actions, styles, parts, durations\n"
    "  generate \"PROMPT\" -o OUT [--seconds S|--frames N] [--seed S] [--rig TAKE] [--samples K]\n"
    "                            a new take from the text-conditioned model (K > 1: OUT_1 .. OUT_K)\n"
    "  generate \"PROMPT\" -o OUT --into IN --frames A:B [--parts P,...] | --frames A: [--seconds S]\n"
    "                            fill frames A..B-1 of IN (or only those parts), or continue IN from frame A\n"
    "  eval detect --data DIR [--seed S] [--clips N]\n"
    "                            detection precision/recall/F1 on corrupted clips, false positives on clean ones\n"
    "  eval clean|complete|inbetween --data DIR [--every N] [--clips N] [--seed S]\n"
    "                            repair quality against the clean originals of lab-corrupted clips\n"
    "  eval generate --data DIR [--weights W] [--samples K] [--seconds S] [--seed S] [--actions a,b,...]\n"
    "                            text-to-motion against real held-out takes: recognition accuracy (action, style),\n"
    "                            FID, diversity, multimodality, analysis, joins, memorisation\n"
    "  bench io [FILE] [--quick] BVH parse speed against Assimp, and a one-hour take's load time and memory\n"
    "  bench analyze             quality-analysis throughput on one core\n"
    "  bench clean               classic clean-up of a one-hour take with injected artifacts on one core\n"
    "  bench generate [--runs N] generating 4 s of motion from a prompt (text weights): per call, load, where the time goes\n"
    "  bench gui timeline [--width PX] [--runs N]\n"
    "                            the editor's timeline repainting a one-hour 120 fps take (motionmender-bench-gui)\n"
    "  eval model --data DIR [--every K] [--weights F]\n"
    "                            the motion model on held-out clips: in-betweening, cleanup, detection\n"
    "  bench model [--weights F] motion-model speed: cleanup of a one-minute clip, a 30-frame in-betweening\n"
    "  train --data DIR --config small|medium|base --device cpu|cuda --steps N --out FILE [--seed S] [--resume FILE]\n"
    "                            train the motion model (every 10th clip held out)\n"
    "  model detect|clean|complete|inbetween IN [-o OUT] [--frames A:B] [--mask M] [--weights F] [--json OUT]\n"
    "                            the motion model on one clip (see 'model --help')\n"
    "  project create P.mmproj TAKES...|DIR\n"
    "                            a new project file with these takes (DIR: every readable motion file in it)\n"
    "  project info P.mmproj [--json]\n"
    "                            takes, queue status, artifacts by decision, labelled share\n"
    "  labels export P.mmproj --format json|csv|npz -o OUT [--take N]\n"
    "                            the project's quality labels for training (all takes, or take id N)\n"
    "  labels import P.mmproj LABELS.json\n"
    "                            labels from a JSON export (labelled cells replace the project's)\n"
    "  version                   the version, and where the weights, sample and model runtime are found\n"
    "\n"
    "exit codes: 0 success, 1 error (one line on stderr), 2 usage error\n";
}

int main(int argc, char** argv) {
  using namespace mm::cli;
  if (isTorchCommand(argc, argv)) return execTorchCli(argc, argv);
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::fputs(kHelp, argc < 2 ? stderr : stdout);
    return argc < 2 ? kUsage : kOk;
  }
  const std::string command = argv[1];
  Args args(std::vector<std::string>(argv + 2, argv + argc));
  if (command == "info") return runInfo(std::move(args));
  if (command == "convert") return runConvert(std::move(args));
  if (command == "bench" && argc > 2 && std::strcmp(argv[2], "editor") == 0) {
    args.shift();
    return runBenchEditor(std::move(args));
  }
  if (command == "bench" && argc > 2 && std::strcmp(argv[2], "gui") == 0) {
    // The widget benchmarks need Qt Widgets: a program of their own beside this one.
    std::vector<std::string> guiArgs{"motionmender-bench-gui"};
    guiArgs.insert(guiArgs.end(), argv + 3, argv + argc);
    return execSibling("motionmender-bench-gui", std::move(guiArgs), "this build may have no GUI (MM_BUILD_GUI)");
  }
  if (command == "bench") return mm::bench::runBench(std::move(args));
  if (command == "analyze") return runAnalyze(std::move(args));
  if (command == "eval") return mm::eval::runEval(std::move(args));
  if (command == "clean") return runClean(std::move(args));
  if (command == "complete") return runComplete(std::move(args));
  if (command == "inbetween") return runInbetween(std::move(args));
  if (command == "generate") return runGenerate(std::move(args));
  if (command == "project") return runProject(std::move(args));
  if (command == "labels") return runLabels(std::move(args));
  if (command == "version" || command == "--version") return runVersion(std::move(args));
  return fail(kUsage, "unknown command '" + command + "' (try --help)");
}
