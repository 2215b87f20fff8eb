#pragma once
// The `auto` policy's measured choices (issue 12): for each task, kind (body
// part for complete, artifact type for clean, "all" for inbetween) and
// length measured, whether the model or the classical tool scored better on
// the held-out takes. Written by `eval inbetween|complete|clean --method both
// --write-auto-table FILE`, kept next to the weights it measured
// (autoTablePath), read by the jobs' `auto`. No Qt, no torch.

#include <optional>
#include <string>
#include <vector>

namespace mm::tasks {

struct AutoRule {
  std::string task;  // inbetween | complete | clean
  std::string kind;  // "all", a body part name (bodyPartName) or an artifact type name (artifactTypeName)
  int frames = 0;    // length measured (frames at the clip's rate; 0: any)
  bool model = false;  // the model measured better
  double modelScore = 0, classicScore = 0;  // lower is better
  std::string metric;  // what the scores are ("L2P two-sided", "MPJPE mm", ...)
};

// A cell goes to the model only when it measures at least this much better
// (a tie or noise keeps the classical tool, which is cheaper).
constexpr double kAutoModelMargin = 0.98;

class AutoTable {
 public:
  std::string weights;       // file name of the weights measured
  long long trainedSteps = 0;
  double fps = 30.0;  // rate of the takes measured: lengths are frames at it
  std::vector<AutoRule> rules;

  // The rule of (task, kind) whose measured length is nearest `frames` at
  // `clipFps` (converted to the table's rate; ties: the longer); nullopt
  // without one.
  std::optional<AutoRule> find(const std::string& task, const std::string& kind, int frames,
                               double clipFps = 0) const;
  // Replaces every rule of `task` with `rules`.
  void replaceTask(const std::string& task, const std::vector<AutoRule>& taskRules);

  // False with *error for a file that is unreadable or not a table.
  static bool load(const std::string& path, AutoTable* out, std::string* error);
  bool save(const std::string& path, std::string* error) const;
};

// The table that goes with a weights file: "x.mmmodel" -> "x.auto.json".
std::string autoTablePath(const std::string& weightsPath);
// The table next to `weightsPath`, or nullopt when there is none (the jobs
// then keep their built-in choices).
std::optional<AutoTable> autoTableFor(const std::string& weightsPath);

}  // namespace mm::tasks
