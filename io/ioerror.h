#pragma once
// Errors and results of readers and writers: no exceptions cross io/.

#include "motion/clip.h"

#include <optional>
#include <string>
#include <vector>

namespace mm {

struct IoError {
  std::string file;     // path as given by the caller
  int line = 0;         // 1-based line in the file, 0 if not tied to a line
  std::string message;  // for a user: what is wrong, no jargon
  // "file:line: message" (or "file: message" when line is 0).
  std::string toString() const;
};

struct LoadResult {
  std::optional<Clip> clip;           // empty on failure
  IoError error;                      // set when clip is empty
  std::vector<std::string> warnings;  // recoverable oddities, e.g. a frame-count mismatch
  bool ok() const { return clip.has_value(); }
};

struct SaveResult {
  bool ok = true;
  IoError error;
  static SaveResult failure(std::string file, std::string message) {
    return SaveResult{false, IoError{std::move(file), 0, std::move(message)}};
  }
};

}  // namespace mm
