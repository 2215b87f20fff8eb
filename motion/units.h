#pragma once
// Detects the length unit of a skeleton from its size: mocap files do not
// say whether they are in metres, centimetres, millimetres or inches.

#include "motion/skeleton.h"

namespace mm {

enum class LengthUnit { Meter, Centimeter, Millimeter, Inch };

struct UnitGuess {
  LengthUnit unit = LengthUnit::Meter;
  double unitsPerMeter = 1.0;
  double heightInUnits = 0.0;  // estimated standing height, file units
  double heightMeters() const { return heightInUnits / unitsPerMeter; }
};

const char* unitName(LengthUnit unit);  // "m", "cm", "mm", "in"

// Height is estimated from the longest bone path between two leaves (head to
// foot or hand to foot, about 1.35 x standing height for human proportions),
// ignoring the offsets that place the root chain in the world. The unit whose
// reading of that height lies closest (in log scale) to 1.7 m wins.
UnitGuess detectUnits(const Skeleton& skeleton);

}  // namespace mm
