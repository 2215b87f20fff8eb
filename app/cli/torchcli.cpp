#include "torchcli.h"

#include "cli.h"
#include "siblingexec.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace mm::cli {

bool isTorchCommand(int argc, char** argv) {
  if (argc < 2) return false;
  const std::string command = argv[1];
  if (command == "model" || command == "train") return true;
  return (command == "eval" || command == "bench") && argc > 2 && std::strcmp(argv[2], "model") == 0;
}

int execTorchCli(int argc, char** argv) {
  // LibTorch's OpenMP threads spin while they wait for work, which took the
  // cores from the work itself (a one-minute model cleanup: 13.6 s spinning,
  // 4.6 s sleeping). The runtime reads the policy when it loads.
  setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
  return execSibling("motionmender-cli-torch", std::vector<std::string>(argv, argv + argc),
                     "this build may have no LibTorch, so the motion model is not available");
}

}  // namespace mm::cli
