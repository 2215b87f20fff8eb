#pragma once
// Small helpers for the detectors' per-joint time series.

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <vector>

namespace mm::quality {

// Median of the values (copied; the input is left alone). 0 for none.
inline double median(std::vector<float> v) {
  if (v.empty()) return 0.0;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  return v[mid];
}

// Median of a scratch array, reordering it (no copy, no allocation).
inline double medianInPlace(float* v, size_t n) {
  if (n == 0) return 0.0;
  std::nth_element(v, v + n / 2, v + n);
  return v[n / 2];
}

// Median estimated from at most `maxSamples` evenly spaced values (exact for
// shorter inputs): a threshold relative to a joint's typical level needs no
// exact median of an hour of frames. 0 for none.
inline double sampledMedian(const float* v, size_t n, size_t maxSamples = 8192) {
  if (n == 0) return 0.0;
  if (n <= maxSamples) return median(std::vector<float>(v, v + n));
  std::vector<float> s(maxSamples);
  for (size_t i = 0; i < maxSamples; ++i) s[i] = v[i * n / maxSamples];
  return median(std::move(s));
}

// The q-quantile estimated from at most `maxSamples` evenly spaced values
// (exact for shorter inputs), as sampledMedian. 0 for none.
inline double sampledQuantile(const std::vector<float>& v, double q, size_t maxSamples = 16384);

// The q-quantile (0..1) of the values (copied). 0 for none.
inline double quantile(std::vector<float> v, double q) {
  if (v.empty()) return 0.0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(q * (v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

// Maps a measured magnitude to a score: 0.5 at the threshold, 1 at twice it.
inline float severity(double value, double threshold) {
  return static_cast<float>(std::clamp(0.5 * value / threshold, 0.5, 1.0));
}

inline double sampledQuantile(const std::vector<float>& v, double q, size_t maxSamples) {
  const size_t n = v.size();
  if (n <= maxSamples) return quantile(v, q);
  std::vector<float> s(maxSamples);
  for (size_t i = 0; i < maxSamples; ++i) s[i] = v[i * n / maxSamples];
  return quantile(std::move(s), q);
}

// Vertical acceleration (m/s^2) of the least-squares parabola through
// `height` over frames [a, b) (b - a >= 3).
inline double parabolaAcceleration(const std::vector<double>& height, int a, int b, double fps) {
  // Centred time keeps the normal equations well conditioned.
  const double mid = 0.5 * (a + b - 1);
  Eigen::Matrix3d m = Eigen::Matrix3d::Zero();
  Eigen::Vector3d r = Eigen::Vector3d::Zero();
  for (int f = a; f < b; ++f) {
    const double t = (f - mid) / fps;
    const Eigen::Vector3d x(1.0, t, t * t);
    m += x * x.transpose();
    r += x * height[f];
  }
  return 2.0 * m.ldlt().solve(r)[2];
}

}  // namespace mm::quality
