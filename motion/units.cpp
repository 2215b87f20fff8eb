#include "motion/units.h"

#include <cmath>

namespace mm {

const char* unitName(LengthUnit unit) {
  switch (unit) {
    case LengthUnit::Meter: return "m";
    case LengthUnit::Centimeter: return "cm";
    case LengthUnit::Millimeter: return "mm";
    case LengthUnit::Inch: return "in";
  }
  return "?";
}

UnitGuess detectUnits(const Skeleton& s) {
  const int J = s.jointCount();
  UnitGuess g;
  if (J == 0) return g;
  // The root chain down to the first branching joint only places the body in
  // the world (e.g. a "Hips" offset of 4 m from a "joint_Root" at the origin).
  std::vector<int> childCount(J, 0);
  for (int j = 1; j < J; ++j) ++childCount[s.parent(j)];
  std::vector<char> placement(J, 0);
  for (int j = 0; j < J; ++j) {
    placement[j] = (j == 0 || (placement[s.parent(j)] && childCount[s.parent(j)] == 1)) ? 1 : 0;
  }
  std::vector<double> len(J, 0.0);
  for (int j = 0; j < J; ++j) len[j] = placement[j] ? 0.0 : s.offset(j).norm();
  // Tree diameter in bone lengths: for each joint the two deepest child paths.
  std::vector<double> down(J, 0.0);
  double diameter = 0.0;
  std::vector<double> best1(J, 0.0), best2(J, 0.0);
  for (int j = J - 1; j >= 0; --j) {
    down[j] = best1[j];
    diameter = std::max(diameter, best1[j] + best2[j]);
    if (const int p = s.parent(j); p >= 0) {
      double d = down[j] + len[j];
      if (const auto& site = s.endSite(j); site && childCount[j] == 0) d += site->norm();
      if (d > best1[p]) {
        best2[p] = best1[p];
        best1[p] = d;
      } else if (d > best2[p]) {
        best2[p] = d;
      }
    }
  }
  g.heightInUnits = diameter / 1.35;
  if (!(g.heightInUnits > 0)) return g;
  const struct { LengthUnit unit; double perMeter; } candidates[] = {
      {LengthUnit::Meter, 1.0}, {LengthUnit::Inch, 39.3701}, {LengthUnit::Centimeter, 100.0}, {LengthUnit::Millimeter, 1000.0}};
  double bestScore = 1e300;
  for (const auto& c : candidates) {
    const double score = std::abs(std::log(g.heightInUnits / c.perMeter / 1.7));
    if (score < bestScore) {
      bestScore = score;
      g.unit = c.unit;
      g.unitsPerMeter = c.perMeter;
    }
  }
  return g;
}

}  // namespace mm
