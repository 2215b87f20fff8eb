#pragma once
// The 1€ filter (Casiez, Roussel and Vogel, CHI 2012): a causal first-order
// low-pass whose cut-off rises with the signal's speed, so slow motion is
// smoothed hard (little jitter) and fast motion follows with little lag.
// Per sample, with Te = 1 / sampleHz and alpha(fc) = 1 / (1 + 1 / (2 pi fc Te)):
//   dx  = (x[i] - x[i-1]) / Te                      (raw derivative)
//   dx^ = dx^ + alpha(derivativeCutoffHz) (dx - dx^)
//   fc  = minCutoffHz + beta * speed(dx^)
//   x^  = x^ + alpha(fc) (x[i] - x^)
// starting from x^ = x[0], dx^ = 0. Being causal it lags; it does not keep
// a straight line, only a constant.

#include <Eigen/Core>
#include <string>

namespace mm {

struct OneEuroFilter {
  double minCutoffHz = 1.0;          // > 0: cut-off at rest
  double beta = 0.0;                 // >= 0: cut-off increase in Hz per unit of speed (see speedScale)
  double derivativeCutoffHz = 1.0;   // > 0: smoothing of the speed estimate
  double sampleHz = 30.0;            // frames per second
  // Converts |dx^| (column units per second) to the speed beta multiplies,
  // e.g. 1 / unitsPerMeter for metres per second.
  double speedScale = 1.0;
  // false: each column is its own 1€ filter, as the paper defines it.
  // true: all columns share one cut-off from the Euclidean norm of the
  // derivative vector, so the output is the same weighted average of past
  // samples in every column (needed for quaternions, which must stay a
  // weighted mean of rotations).
  bool sharedCutoff = false;

  std::string validate() const;  // empty if usable
  // Samples of history that matter to an output sample: a few time
  // constants of the slowest (minimum) cut-off.
  int reach() const;
  void run(Eigen::MatrixXd& columns) const;  // in place; needs validate()
};

}  // namespace mm
