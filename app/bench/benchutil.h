#pragma once
// Helpers the bench commands share: pinning to one core, timing, and a long
// take made from a short one.

#include "motion/clip.h"

#include <functional>
#include <sched.h>
#include <string>
#include <vector>

namespace mm::bench {

// The bench's input: the one positional argument, else the bundled sample walk.
std::string benchInput(const std::vector<std::string>& positionals);

// Restricts this process to one CPU (for the "one core" figures); returns the
// previous mask in *previous so it can be restored.
bool pinToOneCore(cpu_set_t* previous);

// Median wall time of `runs` calls; stops early once `budget` seconds are
// spent (after at least three). `cpu`, if given, receives the median CPU time
// of the process over a call: on a shared machine wall time also counts other
// processes' turns on the pinned core, CPU time does not. *ok is false (and
// the result 0) as soon as a call returns false.
double medianTime(const std::function<bool()>& fn, int runs, double budget, bool* ok, double* cpu = nullptr);

// Median of the values (0 for none).
double medianOf(std::vector<double> values);

// A clip of `frames` frames made by repeating (forward, then backward) the
// frames of `source`, so the motion stays real and continuous.
Clip repeatClip(const Clip& source, int frames);

}  // namespace mm::bench
