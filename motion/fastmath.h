#pragma once
// sin and cos of an angle in degrees, accurate to about one ulp, without a
// libm call: the reduction to [-45, 45] degrees is done in degrees (exact for
// the angles files contain), then Taylor polynomials of degree 15/16, whose
// truncation error on [-pi/4, pi/4] is below 1e-16. Used by the file readers'
// Euler conversions, which are a hot path (six per joint per frame).

#include <cmath>

namespace mm {

inline void sinCosDegrees(double degrees, double* s, double* c) {
  if (!(std::abs(degrees) < 1e9)) {  // huge or non-finite: libm
    const double r = degrees * (3.14159265358979323846 / 180.0);
    *s = std::sin(r);
    *c = std::cos(r);
    return;
  }
  const double k = std::nearbyint(degrees * (1.0 / 90.0));
  const double x = (degrees - 90.0 * k) * (3.14159265358979323846 / 180.0);
  const double x2 = x * x;
  const double sx =
      x * (1.0 + x2 * (-1.0 / 6 + x2 * (1.0 / 120 + x2 * (-1.0 / 5040 + x2 * (1.0 / 362880 + x2 * (-1.0 / 39916800 +
          x2 * (1.0 / 6227020800.0 + x2 * (-1.0 / 1307674368000.0))))))));
  const double cx =
      1.0 + x2 * (-0.5 + x2 * (1.0 / 24 + x2 * (-1.0 / 720 + x2 * (1.0 / 40320 + x2 * (-1.0 / 3628800 +
          x2 * (1.0 / 479001600.0 + x2 * (-1.0 / 87178291200.0 + x2 * (1.0 / 20922789888000.0))))))));
  switch (static_cast<long long>(k) & 3) {
    case 0: *s = sx; *c = cx; break;
    case 1: *s = cx; *c = -sx; break;
    case 2: *s = -sx; *c = -cx; break;
    default: *s = -cx; *c = sx; break;
  }
}

}  // namespace mm
