#pragma once
// Opening a take the same way everywhere (CLI, editor, batch): read it with
// the reader of its format, then normalise what every later step assumes
// (quaternion signs continuous over time), so that an analysis or a repair
// gives the same answer in every front end.

#include "motion/clip.h"

#include <string>
#include <vector>

namespace mm::tasks {

struct LoadedTake {
  Clip clip;
  std::vector<std::string> warnings;  // recoverable oddities the reader reported
};

// False with *error ("file:line: what is wrong") when the file cannot be read.
bool loadTake(const std::string& path, LoadedTake* out, std::string* error);

}  // namespace mm::tasks
