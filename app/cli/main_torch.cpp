// motionmender-cli-torch: the commands that drive LibTorch directly (model,
// train, eval model, bench model). motionmender-cli forwards them here
// (torchcli.h); run it directly with the same arguments as motionmender-cli.
#include "cli.h"

#include "app/bench/benchcommands.h"
#include "app/eval/evalcommands.h"

#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace mm::cli;
  if (argc < 2) return fail(kUsage, "usage: motionmender-cli-torch model|train|eval model|bench model ...");
  const std::string command = argv[1];
  Args args(std::vector<std::string>(argv + 2, argv + argc));
  if (command == "train") return runTrain(std::move(args));
  if (command == "model") return runModel(std::move(args));
  if ((command == "eval" || command == "bench") && args.shift() == "model")
    return command == "eval" ? mm::eval::evalModel(args) : mm::bench::benchModel(args);
  return fail(kUsage, "unknown command '" + command + "' for motionmender-cli-torch (model, train, eval model, bench model)");
}
