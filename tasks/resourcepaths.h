#pragma once
// Where the files shipped with MotionMender are: the default weights, the
// sample take, the translations. One data folder holds them (models/,
// samples/, translations/); it is looked for, in order, at
//   1. $MM_DATA_DIR (an override for relocated or unpacked installs),
//   2. <folder of the running program>/../share/motionmender (installed:
//      /usr/bin/motionmender -> /usr/share/motionmender; any prefix),
//   3. the source tree's resources/ folder (development builds; skipped when
//      $MM_NO_SOURCE_TREE is set, so a package check can prove it does not
//      lean on the tree it was built from).
// Plain C++ (no Qt): the CLI, the benches and the editor share it.

#include <string>
#include <vector>

namespace mm::tasks {

// Folder of the running executable (from /proc/self/exe), "" if unknown.
std::string executableDir();

// The data folders in search order (those that exist or not).
std::vector<std::string> dataDirs();

// `relative` (e.g. "models/motionmender-small.mmmodel") in the first data
// folder that has it; when none has it, its path in the last folder searched,
// so an error message names a real place.
std::string findDataFile(const std::string& relative);

// The model runtime module (libmm_modelruntime.so) candidates in order:
// $MM_MODEL_RUNTIME, <exe>/../<libdir>/motionmender/ (installed), and the
// build tree's module (skipped with $MM_NO_SOURCE_TREE). Empty in builds
// without LibTorch.
std::vector<std::string> modelRuntimeCandidates();

// The first candidate that exists, or "".
std::string findModelRuntime();

bool fileReadable(const std::string& path);

}  // namespace mm::tasks
