#pragma once
// Random draws that give the same numbers on every standard library.
//
// std::mt19937_64 is specified bit for bit, but std::uniform_real_distribution,
// std::normal_distribution and std::uniform_int_distribution are not: libstdc++,
// libc++ and MSVC turn the same engine output into different values. The
// corruption lab promises identical output for a seed, so it draws through
// these instead. The only non-exact operations are std::log, std::sqrt and
// std::cos/sin in normal() and unitVector(); sqrt is correctly rounded
// everywhere, and log/cos agree to the last bit on mainstream libms for the
// arguments used here.

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

namespace mm::portable {

// Uniform in [0, 1) with 53 random bits.
inline double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Uniform in [lo, hi) (lo when hi <= lo).
inline double uniform(std::mt19937_64& rng, double lo, double hi) {
  return hi > lo ? lo + (hi - lo) * uniform01(rng) : lo;
}

// Uniform integer in [lo, hi] inclusive (lo when hi <= lo), without modulo bias.
inline int uniformInt(std::mt19937_64& rng, int lo, int hi) {
  if (hi <= lo) return lo;
  const std::uint64_t n = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
  // Reject the top partial block so every residue is equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x;
  do x = rng();
  while (x >= limit);
  return lo + static_cast<int>(x % n);
}

// Standard normal (mean 0, sigma 1), Box-Muller; one engine pair per value,
// so no hidden state carries between calls.
inline double normal(std::mt19937_64& rng) {
  const double u1 = 1.0 - uniform01(rng);  // (0, 1]: log stays finite
  const double u2 = uniform01(rng);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

// Uniformly distributed direction on the unit sphere.
inline Eigen::Vector3d unitVector(std::mt19937_64& rng) {
  const double z = uniform(rng, -1.0, 1.0);
  const double phi = uniform(rng, 0.0, 2.0 * 3.14159265358979323846);
  const double r = std::sqrt(std::max(0.0, 1.0 - z * z));
  return {r * std::cos(phi), r * std::sin(phi), z};
}

}  // namespace mm::portable
