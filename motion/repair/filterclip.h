#pragma once
// Low-pass filtering of a clip's channels over a frame range: the
// classical clean-up of jitter and marker noise.
//
// Contract:
//  * Only frames [range.start, range.end) of the listed joints change;
//    every other value and the validity mask stay bit-identical. The filter
//    reads up to its reach of context outside the range (see each filter's
//    reach()), so the result continues the motion around it; the zero-phase
//    filters extend the clip's ends by odd reflection (oddreflection.h), the
//    causal 1€ filter starts at the first frame it reads.
//  * Inside the range the result is cross-faded into the unfiltered motion
//    over fadeSeconds at each end of the range that is not a clip end, so the
//    filter creates no step where it starts and stops.
//  * Rotations are filtered as sign-continuous quaternions in 4D and then
//    renormalised. That embedding has no chart: unlike Euler angles or a
//    rotation vector, which wrap at 180 degrees, it is smooth through any
//    angle, so a joint turning through 180 degrees filters like any other.
//    A symmetric linear filter keeps a rotation at constant angular velocity
//    exactly (pairs of samples average onto the curve's own direction); the
//    cost is a slight shrinkage of very fast turns, as for any average.
//  * Translation tracks (the root's, and those of joints with position
//    channels) are filtered per coordinate.
//  * Missing samples (Clip::isValid false) are filtered like any other
//    value and stay missing: fill gaps first (gapfill.h).
//  * On a bad argument the clip is left untouched and the error says why.

#include "motion/repair/framerange.h"

#include <string>
#include <vector>

namespace mm {

class Clip;

enum class FilterKind : unsigned char {
  Butterworth,    // zero-phase low-pass, order 2 or 4
  SavitzkyGolay,  // local polynomial fit
  Gaussian,       // Gaussian kernel
  OneEuro,        // causal, speed-adaptive (1€)
};
// "butterworth", "savitzky_golay", "gaussian", "one_euro".
const char* filterKindName(FilterKind kind);

struct FilterSpec {
  FilterKind kind = FilterKind::Butterworth;

  // Butterworth: order 2 or 4, cut-off in Hz below half the frame rate.
  int order = 4;
  double cutoffHz = 6.0;
  // Savitzky-Golay: window in seconds (an odd number of frames that must
  // exceed the polynomial order).
  double windowSeconds = 0.25;
  int polyOrder = 3;
  // Gaussian: standard deviation in seconds.
  double sigmaSeconds = 0.05;
  // 1€: cut-off at rest (Hz), beta (Hz per m/s for translations, per rad/s
  // for rotations), cut-off of the speed estimate (Hz).
  double minCutoffHz = 1.0;
  double beta = 0.0;
  double derivativeCutoffHz = 1.0;

  // Which channels of the listed joints to filter.
  bool rotations = true;
  bool translations = true;
  // Cross-fade length at each inner end of the range (seconds, >= 0; at
  // most half the range is used).
  double fadeSeconds = 0.1;

  static FilterSpec butterworth(double cutoffHz, int order = 4);
  static FilterSpec savitzkyGolay(double windowSeconds, int polyOrder = 3);
  static FilterSpec gaussian(double sigmaSeconds);
  static FilterSpec oneEuro(double minCutoffHz, double beta, double derivativeCutoffHz = 1.0);

  // Empty if the spec is usable on a clip at `fps` frames per second.
  std::string validate(double fps) const;
};

// Filters frames [range.start, range.end) of `joints` (indices into the
// clip's skeleton; duplicates are ignored; pass BodyPartMap::jointsOf for
// parts). Empty string on success; otherwise why nothing was done: range
// empty or not inside the clip, unknown joint, or a bad spec.
std::string filterClip(Clip& clip, const FilterSpec& spec, FrameRange range, const std::vector<int>& joints);

// Frames of context filterClip reads beyond each end of its range (the
// larger side; 0 after the range for the causal 1€ filter). `spec` must
// validate at `fps`.
int filterReach(const FilterSpec& spec, double fps);

// Weight of the filtered value at each frame of a range of `length` frames
// (0..1, smoothstep over `fadeFrames` frames at each end with a flag set);
// exposed for tests and for editors that preview the blend.
std::vector<double> crossFadeWeights(int length, int fadeFrames, bool fadeIn, bool fadeOut);

}  // namespace mm
