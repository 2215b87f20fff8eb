#pragma once
// Lists the motion files of a data folder for the eval and bench commands.

#include <string>
#include <vector>

namespace mm::eval {

// Every readable motion file under `dir` (recursive), sorted by path. With
// `every` > 1 only each every-th file is kept (a deterministic subset);
// `limit` > 0 keeps at most that many.
std::vector<std::string> listMotionFiles(const std::string& dir, int limit = 0, int every = 1);

}  // namespace mm::eval
