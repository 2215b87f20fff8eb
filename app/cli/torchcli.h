#pragma once
// The commands that drive LibTorch directly (model, train, eval model, bench
// model) live in a second executable, motionmender-cli-torch, beside this
// one: every other command starts without loading LibTorch (0.25 s instead
// of 1.0 s for `info` of a one-hour take), and the repair commands load the
// model runtime only when a model runs (tasks/modelruntime.h).

namespace mm::cli {

// True for the commands motionmender-cli-torch runs.
bool isTorchCommand(int argc, char** argv);
// Replaces this process with motionmender-cli-torch (same arguments), with
// sleeping OpenMP threads unless the user chose a wait policy. Returns only
// on failure, with the exit code after printing why.
int execTorchCli(int argc, char** argv);

}  // namespace mm::cli
