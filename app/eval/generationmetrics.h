#pragma once
// The measures of `eval generate` (the action-to-motion protocol of ACTOR and
// MDM), separate from the command so that tests can check the arithmetic:
//  * motion statistics of a take (the recogniser's features), from world joint
//    positions of the joints the canonical rig maps (any skeleton);
//  * a recogniser on standardised features: k-nearest neighbours (k = 1, 3,
//    5) or the nearest class mean, whichever scores best left-one-out;
//  * the Fréchet distance between two feature distributions (FID), the mean
//    distance between random pairs (diversity) and within groups
//    (multimodality).
// Plain C++ and Eigen; no torch.

#include <cstdint>
#include <string>
#include <vector>

namespace mm {
class Clip;
}

namespace mm::eval {

using Feature = std::vector<double>;

// Names of the features motionFeatures computes, in order.
const std::vector<std::string>& motionFeatureNames();

// Motion statistics of `clip` (world positions in metres, Y up): the hips'
// horizontal speed (mean, sd) and height (mean, sd); per head, hands and feet
// the height relative to the hips (mean, sd) and the speed of the position
// relative to the hips (mean); the hips' turning rate (signed, rad/s, from the
// left-minus-right upper-leg vector); the dominant period of the hips' height
// (autocorrelation peak, seconds); the hips' floor velocity along the body's
// forward and left axes (mean, m/s: a walk back or a sidestep). The joints are found through the
// canonical rig (pelvis, head, hands, feet), so names do not matter. False
// with *error when the skeleton does not map or the clip has under 4 frames.
bool motionFeatures(const Clip& clip, Feature* out, std::string* error);

// Mean and standard deviation per dimension (sd floored at 1e-9).
struct Standardiser {
  Feature mean, sd;
  static Standardiser fit(const std::vector<Feature>& samples);
  Feature apply(const Feature& v) const;
  std::vector<Feature> apply(const std::vector<Feature>& v) const;
};

double distance(const Feature& a, const Feature& b);

// A classifier over standardised features with integer labels.
class Recogniser {
 public:
  enum class Kind { NearestNeighbours, ClassMean };
  // Fits on (features, labels) and picks the method with the best
  // leave-one-out accuracy among 1-NN, 3-NN, 5-NN and the nearest class
  // mean (ties: the simpler, in that order). Features are used as given
  // (standardise them first).
  void fit(const std::vector<Feature>& features, const std::vector<int>& labels);
  int predict(const Feature& v) const;
  // Leave-one-out accuracy of the chosen method on the fitted samples.
  double looAccuracy() const { return mLoo; }
  // "3-NN", "class mean".
  std::string methodName() const;
  // Leave-one-out accuracy of each candidate, in the order above.
  const std::vector<double>& candidates() const { return mCandidates; }

 private:
  int predictWith(Kind kind, int k, const Feature& v, int skip) const;
  std::vector<Feature> mX;
  std::vector<int> mY;
  Kind mKind = Kind::NearestNeighbours;
  int mK = 1;
  double mLoo = 0;
  std::vector<double> mCandidates;
};

// Fréchet distance between Gaussians fitted to two sets of vectors:
// |mu_a - mu_b|^2 + tr(S_a + S_b - 2 (S_a^1/2 S_b S_a^1/2)^1/2), with `ridge`
// added to the diagonal of both covariances (sample covariances, N - 1).
// Needs at least one sample on each side; -1 otherwise.
double frechetDistance(const std::vector<Feature>& a, const std::vector<Feature>& b, double ridge = 1e-6);

// Mean distance between `pairs` random pairs of different samples (seeded);
// 0 with fewer than two samples.
double diversity(const std::vector<Feature>& samples, int pairs, std::uint64_t seed);

// Mean, over groups with at least two members, of the mean distance between
// all pairs of the group; -1 when no group has two.
double multimodality(const std::vector<Feature>& samples, const std::vector<int>& groups);

// The p-quantile (0..1, linear interpolation) of `v`; 0 when empty.
double quantile(std::vector<double> v, double p);

}  // namespace mm::eval
