#pragma once
// The `bench` commands of motionmender-cli (library mm_bench; `bench model`
// is mm_bench_torch, linked by motionmender-cli-torch only). Each prints its
// figures on standard output and returns an exit code of app/cli/cli.h.

#include "app/cli/cli.h"

namespace mm::bench {

// bench io | analyze | clean; `args` are the arguments after "bench" (the
// benchmark's name first).
int runBench(cli::Args args);
// bench clean (benchclean.cpp).
int runBenchClean(cli::Args& args);
// bench generate (benchgenerate.cpp): text-to-motion speed through the model
// runtime module, as `generate` runs it.
int benchGenerate(cli::Args& args);
// bench model (benchmodel.cpp, mm_bench_torch): the motion model's speed.
int benchModel(cli::Args& args);

}  // namespace mm::bench
