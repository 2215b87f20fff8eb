#pragma once
// Zero-phase Butterworth low-pass: the digital filter (bilinear transform
// with the cut-off pre-warped) run forward and then backward over each
// column, so the phase cancels and the magnitude response is squared
// (-6 dB at the cut-off instead of -3 dB).

#include <Eigen/Core>
#include <string>
#include <vector>

namespace mm {

// One second-order section, direct form II transposed, a0 = 1:
// y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2].
struct Biquad {
  double b0 = 1.0, b1 = 0.0, b2 = 0.0, a1 = 0.0, a2 = 0.0;
};

struct ButterworthFilter {
  int order = 4;           // 2 or 4
  double cutoffHz = 6.0;   // 0 < cutoffHz < sampleHz / 2
  double sampleHz = 30.0;  // frames per second

  // Empty if the parameters are usable; otherwise what is wrong.
  std::string validate() const;
  // The cascade of order / 2 sections, unit gain at 0 Hz. Needs validate().
  std::vector<Biquad> sections() const;
  // Samples of context each side that matter to an output sample (a few
  // decay times of the slowest pole); also the odd-reflection pad length.
  int reach() const;
  // Filters every column (one channel, samples over time) in place. Each
  // pass starts in the steady state of the straight line fitted to the
  // start of its (padded) input, so a constant or a line passes unchanged up
  // to rounding, ends included. Needs validate().
  void run(Eigen::MatrixXd& columns) const;
};

}  // namespace mm
