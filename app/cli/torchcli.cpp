#include "torchcli.h"

#include "cli.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

namespace mm::cli {

bool isTorchCommand(int argc, char** argv) {
  if (argc < 2) return false;
  const std::string command = argv[1];
  if (command == "model" || command == "train") return true;
  return (command == "eval" || command == "bench") && argc > 2 && std::strcmp(argv[2], "model") == 0;
}

int execTorchCli(int argc, char** argv) {
  (void)argc;
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  std::string self = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string(argv[0]);
  const size_t slash = self.find_last_of('/');
  const std::string torch = (slash == std::string::npos ? std::string() : self.substr(0, slash + 1)) +
                            "motionmender-cli-torch";
  // LibTorch's OpenMP threads spin while they wait for work, which took the
  // cores from the work itself (a one-minute model cleanup: 13.6 s spinning,
  // 4.6 s sleeping). The runtime reads the policy when it loads.
  setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
  execv(torch.c_str(), argv);
  return fail(kError, "cannot start " + torch + " (" + std::strerror(errno) +
                          "): this build may have no LibTorch, so the motion model is not available");
}

}  // namespace mm::cli
