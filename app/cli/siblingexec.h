#pragma once
// Starting a program that is installed beside motionmender-cli (the LibTorch
// commands, the GUI benchmarks) in place of this process.

#include <string>
#include <vector>

namespace mm::cli {

// Replaces this process with `program` from this executable's folder, with
// `args` as its arguments (args[0] is its name). Returns only on failure,
// with the exit code after printing why and `hint`.
int execSibling(const std::string& program, std::vector<std::string> args, const std::string& hint);

}  // namespace mm::cli
