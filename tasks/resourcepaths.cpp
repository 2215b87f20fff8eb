#include "tasks/resourcepaths.h"

#include <unistd.h>

#include <cstdlib>

namespace mm::tasks {

namespace {

bool envSet(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

// Relative to the installed programs' folder; computed by CMake from the
// install dirs (GNUInstallDirs) so the lookup and the install rules agree.
#ifndef MM_BIN_TO_DATADIR
#define MM_BIN_TO_DATADIR "../share/motionmender"
#endif
#ifndef MM_BIN_TO_RUNTIMEDIR
#define MM_BIN_TO_RUNTIMEDIR "../lib/motionmender"
#endif

}  // namespace

std::string executableDir() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  const std::string path(buf, static_cast<size_t>(n));
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool fileReadable(const std::string& path) { return !path.empty() && access(path.c_str(), R_OK) == 0; }

std::vector<std::string> dataDirs() {
  std::vector<std::string> dirs;
  if (envSet("MM_DATA_DIR")) dirs.push_back(std::getenv("MM_DATA_DIR"));
  const std::string exe = executableDir();
  if (!exe.empty()) dirs.push_back(exe + "/" MM_BIN_TO_DATADIR);
#ifdef MM_SOURCE_DIR
  if (!envSet("MM_NO_SOURCE_TREE")) dirs.push_back(MM_SOURCE_DIR "/resources");
#endif
  return dirs;
}

std::string findDataFile(const std::string& relative) {
  const std::vector<std::string> dirs = dataDirs();
  for (const std::string& dir : dirs)
    if (fileReadable(dir + "/" + relative)) return dir + "/" + relative;
  return dirs.empty() ? relative : dirs.back() + "/" + relative;
}

std::vector<std::string> modelRuntimeCandidates() {
  std::vector<std::string> paths;
#ifdef MM_MODEL_RUNTIME_PATH
  if (envSet("MM_MODEL_RUNTIME")) paths.push_back(std::getenv("MM_MODEL_RUNTIME"));
  const std::string exe = executableDir();
  if (!exe.empty()) paths.push_back(exe + "/" MM_BIN_TO_RUNTIMEDIR "/libmm_modelruntime.so");
  if (!envSet("MM_NO_SOURCE_TREE")) paths.push_back(MM_MODEL_RUNTIME_PATH);
#endif
  return paths;
}

std::string findModelRuntime() {
  for (const std::string& path : modelRuntimeCandidates())
    if (fileReadable(path)) return path;
  return {};
}

}  // namespace mm::tasks
