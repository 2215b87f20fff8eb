#pragma once
// The `eval` commands of motionmender-cli (library mm_eval; `eval model` is
// mm_eval_torch, linked by motionmender-cli-torch only). Each prints its
// table on standard output and returns an exit code of app/cli/cli.h (0 ok,
// 1 error with one line on standard error, 2 usage).

#include "app/cli/cli.h"

#include <string>

namespace mm::eval {

// eval detect | clean | complete | inbetween; `args` are the arguments after
// "eval" (the sub-command first).
int runEval(cli::Args args);
// eval clean | complete | inbetween (evalrepair.cpp); `what` is the sub-command.
int runEvalRepair(const std::string& what, cli::Args& args);
// eval generate (evalgenerate.cpp): text-to-motion against real held-out takes
// (the action-to-motion protocol; the model through the runtime module, as
// `generate` runs it).
int evalGenerate(cli::Args& args);
// eval model (evalmodel.cpp, mm_eval_torch): the motion model on held-out clips.
int evalModel(cli::Args& args);

}  // namespace mm::eval
