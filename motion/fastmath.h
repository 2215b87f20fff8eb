#pragma once
// sin and cos of an angle in degrees, accurate to about one ulp, without a
// libm call: the reduction to [-45, 45] degrees is done in degrees (exact for
// the angles files contain), then Taylor polynomials of degree 15/16, whose
// truncation error on [-pi/4, pi/4] is below 1e-16. Used by the file readers'
// Euler conversions, which are a hot path (six per joint per frame).

#include <cmath>
#include <cstdint>
#include <cstring>

namespace mm {
namespace fastmath_detail {

// Branch-free (so that loops over it vectorise) for |degrees| < 1e9.
[[gnu::always_inline]] inline void sinCosDegreesFinite(double degrees, double* s, double* c) {
  // Adding 1.5 * 2^52 rounds to the nearest integer (ties to even, like
  // nearbyint), and the low bits of the sum hold that integer: the quadrant.
  constexpr double kRound = 6755399441055744.0;
  const double shifted = degrees * (1.0 / 90.0) + kRound;
  const double k = shifted - kRound;
  std::uint64_t quadrant;
  std::memcpy(&quadrant, &shifted, sizeof quadrant);
  const double x = (degrees - 90.0 * k) * (3.14159265358979323846 / 180.0);
  const double x2 = x * x;
  const double sx =
      x * (1.0 + x2 * (-1.0 / 6 + x2 * (1.0 / 120 + x2 * (-1.0 / 5040 + x2 * (1.0 / 362880 + x2 * (-1.0 / 39916800 +
          x2 * (1.0 / 6227020800.0 + x2 * (-1.0 / 1307674368000.0))))))));
  const double cx =
      1.0 + x2 * (-0.5 + x2 * (1.0 / 24 + x2 * (-1.0 / 720 + x2 * (1.0 / 40320 + x2 * (-1.0 / 3628800 +
          x2 * (1.0 / 479001600.0 + x2 * (-1.0 / 87178291200.0 + x2 * (1.0 / 20922789888000.0))))))));
  // Quadrants 1 and 3 swap sine and cosine; 2 and 3 negate the sine, 1 and 2
  // the cosine. Done on the bits, as selects rather than branches.
  std::uint64_t sBits, cBits;
  std::memcpy(&sBits, &sx, sizeof sBits);
  std::memcpy(&cBits, &cx, sizeof cBits);
  const std::uint64_t swap = 0 - (quadrant & 1);
  const std::uint64_t sOut = ((sBits & ~swap) | (cBits & swap)) ^ ((quadrant & 2) << 62);
  const std::uint64_t cOut = ((cBits & ~swap) | (sBits & swap)) ^ (((quadrant + 1) & 2) << 62);
  std::memcpy(s, &sOut, sizeof sOut);
  std::memcpy(c, &cOut, sizeof cOut);
}

}  // namespace fastmath_detail

inline void sinCosDegrees(double degrees, double* s, double* c) {
  if (!(std::abs(degrees) < 1e9)) {  // huge or non-finite: libm
    const double r = degrees * (3.14159265358979323846 / 180.0);
    *s = std::sin(r);
    *c = std::cos(r);
    return;
  }
  fastmath_detail::sinCosDegreesFinite(degrees, s, c);
}

// sinCosDegrees of n angles, with the same results; the loop vectorises.
[[gnu::always_inline]] inline void sinCosDegrees(const double* __restrict degrees, double* __restrict s, double* __restrict c, int n) {
  bool allFinite = true;
  for (int i = 0; i < n; ++i) allFinite &= std::abs(degrees[i]) < 1e9;
  if (!allFinite) {
    for (int i = 0; i < n; ++i) sinCosDegrees(degrees[i], s + i, c + i);
    return;
  }
  for (int i = 0; i < n; ++i) fastmath_detail::sinCosDegreesFinite(degrees[i], s + i, c + i);
}

}  // namespace mm
