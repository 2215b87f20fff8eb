#pragma once
// Shared pieces of the motionmender-cli commands: argument handling and the
// exit-code contract of ARCHITECTURE.md (0 ok, 1 error, 2 usage).

#include <optional>
#include <string>
#include <vector>

namespace mm {
class Clip;
}

namespace mm::cli {

enum ExitCode { kOk = 0, kError = 1, kUsage = 2 };

// Arguments after the command name, with "--flag value" / "--flag" lookup.
class Args {
 public:
  explicit Args(std::vector<std::string> args) : mArgs(std::move(args)) {}
  // Removes "--name VALUE" (or "--name=VALUE"); false if absent.
  bool takeOption(const std::string& name, std::string* value);
  bool takeFlag(const std::string& name);
  // Removes and returns the first argument that is not an option ("" if none).
  std::string shift();
  // Remaining positional arguments; fails (usage error) if an unknown --option remains.
  bool positionals(std::vector<std::string>* out, std::string* error) const;

 private:
  std::vector<std::string> mArgs;
};

// Prints "motionmender-cli: message" to stderr and returns the code.
int fail(int code, const std::string& message);

// A whole string as a finite number (strtod alone accepts trailing junk);
// the second form also requires lo <= value <= hi.
bool parseNumber(const std::string& text, double* value);
bool parseNumber(const std::string& text, double lo, double hi, double* value);

// Reads a take (tasks::loadTake; warnings to stderr); nullopt after printing
// the reader's error.
std::optional<Clip> loadTakeOrFail(const std::string& path);

// The commands of app/cli; eval and bench are app/eval/evalcommands.h and
// app/bench/benchcommands.h.
int runInfo(Args args);
int runConvert(Args args);
int runBenchEditor(Args args);  // bench editor (bencheditor.cpp; needs Qt)
int runAnalyze(Args args);
int runClean(Args args);
int runComplete(Args args);
int runInbetween(Args args);
// generate --vocabulary | "PROMPT" --explain (generate.cpp; the model part is not there yet)
int runGenerate(Args args);
int runTrain(Args args);
int runModel(Args args);
// project create | info, labels export | import (project.cpp); without Qt they
// fail with one line saying so.
int runProject(Args args);
int runLabels(Args args);
// Version and where the shipped files are found (version.cpp).
int runVersion(Args args);

}  // namespace mm::cli
