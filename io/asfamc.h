#pragma once
// Acclaim ASF (skeleton) / AMC (motion) reader, CMU style: ":units" (mass,
// length, angle deg|rad), ":root" order and axis, per-bone direction, length,
// axis with its order, dof in file order, limits; AMC frames with any subset
// of bones per frame in any order. Lengths are scaled by 1/length-units
// (Acclaim convention), so CMU files come out in inches * (1/0.45).

#include "io/ioerror.h"

#include <string>

namespace mm {

// Reads a skeleton and its motion into a Clip at `fps` frames per second
// (AMC files carry no rate; CMU captures are 120 fps). Errors name the file
// (ASF or AMC) and the line.
LoadResult readAsfAmc(const std::string& asfPath, const std::string& amcPath, double fps = 120.0);

}  // namespace mm
