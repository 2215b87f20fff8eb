// `motionmender-cli version`: the version and where the shipped files are
// found (data folder, default weights, sample, model runtime), so an install
// or a package can be checked from the outside (scripts/check-package.sh).
#include "cli.h"

#include "tasks/modeljobs.h"
#include "tasks/resourcepaths.h"

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace mm::cli {

namespace {

// "/usr/bin/../share/x" -> "/usr/share/x" when it exists; as given otherwise.
std::string tidy(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

void printFile(const char* what, const std::string& path) {
  std::printf("%-14s %s%s\n", what, tidy(path).c_str(), tasks::fileReadable(path) ? "" : " (missing)");
}

}  // namespace

int runVersion(Args args) {
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (!pos.empty()) return fail(kUsage, "usage: version");
  std::printf("motionmender-cli %s\n", MM_VERSION);
  printFile("weights:", tasks::defaultModelPath());
  printFile("sample:", tasks::findDataFile("samples/bandai_walk_normal.bvh"));
  if (tasks::modelRuntimeCandidates().empty()) {
    std::printf("%-14s none (this build has no LibTorch)\n", "model runtime:");
  } else {
    const std::string runtime = tasks::findModelRuntime();
    std::printf("%-14s %s\n", "model runtime:", runtime.empty() ? "not found" : tidy(runtime).c_str());
  }
  std::printf("%-14s", "data folders:");
  for (const std::string& dir : tasks::dataDirs()) std::printf(" %s", tidy(dir).c_str());
  std::printf("\n");
  return kOk;
}

}  // namespace mm::cli
