#include "generationmetrics.h"

#include "motion/canonicalrig.h"
#include "motion/clip.h"
#include "motion/kinematics.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace mm::eval {

namespace {

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / v.size();
}

double sd(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return v.empty() ? 0.0 : std::sqrt(s / v.size());
}

// The first of `roles` the rig maps, -1 when none.
int sourceOf(const CanonicalRig& rig, std::initializer_list<CanonicalJoint> roles) {
  for (CanonicalJoint c : roles)
    if (rig.sourceJoint(c) >= 0) return rig.sourceJoint(c);
  return -1;
}

const char* kLimbNames[] = {"head", "left_hand", "right_hand", "left_foot", "right_foot"};

}  // namespace

const std::vector<std::string>& motionFeatureNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n = {"hips_speed_mean", "hips_speed_sd", "hips_height_mean", "hips_height_sd"};
    for (const char* j : kLimbNames)
      for (const char* s : {"_height_mean", "_height_sd", "_speed_mean"}) n.push_back(std::string(j) + s);
    n.push_back("turning_rate");
    n.push_back("hips_period");
    n.push_back("forward_speed");
    n.push_back("leftward_speed");
    return n;
  }();
  return names;
}

bool motionFeatures(const Clip& clip, Feature* out, std::string* error) {
  const int F = clip.frameCount();
  if (F < 4) {
    *error = "under 4 frames";
    return false;
  }
  std::string why;
  const CanonicalRig rig = CanonicalRig::map(clip.skeleton(), &why);
  if (!rig.isUsable()) {
    *error = why.empty() ? "the skeleton does not map onto the canonical rig" : why;
    return false;
  }
  using C = CanonicalJoint;
  const int hips = sourceOf(rig, {C::Pelvis});
  const int limbs[5] = {sourceOf(rig, {C::Head, C::Neck, C::Chest}), sourceOf(rig, {C::LeftHand, C::LeftForearm}),
                        sourceOf(rig, {C::RightHand, C::RightForearm}), sourceOf(rig, {C::LeftFoot, C::LeftLowerLeg}),
                        sourceOf(rig, {C::RightFoot, C::RightLowerLeg})};
  const int legL = sourceOf(rig, {C::LeftUpperLeg}), legR = sourceOf(rig, {C::RightUpperLeg});
  if (hips < 0 || legL < 0 || legR < 0 || std::any_of(limbs, limbs + 5, [](int j) { return j < 0; })) {
    *error = "the skeleton lacks the hips, head, hands or feet";
    return false;
  }
  std::vector<int> joints = {hips, legL, legR};
  joints.insert(joints.end(), limbs, limbs + 5);
  GlobalPoses poses;
  ForwardKinematicsJob job;
  job.clip = &clip;
  job.output = &poses;
  job.joints = &joints;
  if (!job.run()) {
    *error = "forward kinematics failed";
    return false;
  }
  const double toM = 1.0 / clip.unitsPerMeter();
  const double fps = clip.fps() > 0 ? clip.fps() : 30.0;
  auto pos = [&](int f, int j) -> Eigen::Vector3d { return poses.position(f, j) * toM; };

  Feature v;
  std::vector<double> speed, height;
  for (int f = 0; f < F; ++f) {
    const Eigen::Vector3d p = pos(f, hips);
    height.push_back(p.y());
    if (f + 1 < F) {
      const Eigen::Vector3d d = pos(f + 1, hips) - p;
      speed.push_back(std::hypot(d.x(), d.z()) * fps);
    }
  }
  v.insert(v.end(), {mean(speed), sd(speed), mean(height), sd(height)});
  for (int j : limbs) {
    std::vector<double> rel, sp;
    for (int f = 0; f < F; ++f) {
      rel.push_back(pos(f, j).y() - pos(f, hips).y());
      if (f + 1 < F)
        sp.push_back(((pos(f + 1, j) - pos(f + 1, hips)) - (pos(f, j) - pos(f, hips))).norm() * fps);
    }
    v.insert(v.end(), {mean(rel), sd(rel), mean(sp)});
  }
  // Turning: the heading of the left-minus-right upper-leg vector on the
  // floor, unwrapped. Travel relative to facing: the hips' floor velocity
  // along the body's forward and left axes (from the same vector), mean:
  // speed alone cannot tell a walk back or a sidestep from a walk.
  double total = 0, last = 0;
  std::vector<double> forward, leftward;
  for (int f = 0; f < F; ++f) {
    const Eigen::Vector3d d = pos(f, legL) - pos(f, legR);
    const double a = std::atan2(d.z(), d.x());
    if (f > 0) {
      double step = a - last;
      while (step > M_PI) step -= 2 * M_PI;
      while (step < -M_PI) step += 2 * M_PI;
      total += step;
    }
    last = a;
    const double n = std::hypot(d.x(), d.z());
    if (f + 1 < F && n > 1e-9) {
      const Eigen::Vector3d u = (pos(f + 1, hips) - pos(f, hips)) * fps;
      const double lx = d.x() / n, lz = d.z() / n;  // left; forward is (-lz, lx) with Y up
      forward.push_back(-u.x() * lz + u.z() * lx);
      leftward.push_back(u.x() * lx + u.z() * lz);
    }
  }
  v.push_back(total / ((F - 1) / fps));
  // The dominant period of the hips' height: the autocorrelation's peak over
  // lags from 5 frames to half the take (at most 2.5 s).
  const double m = mean(height);
  double best = -1e300;
  int lagBest = 0;
  const int maxLag = std::min(F / 2, static_cast<int>(2.5 * fps));
  for (int lag = 5; lag < maxLag; ++lag) {
    double a = 0;
    for (int f = 0; f + lag < F; ++f) a += (height[f] - m) * (height[f + lag] - m);
    a /= (F - lag);
    if (a > best) best = a, lagBest = lag;
  }
  v.push_back(lagBest / fps);
  v.push_back(mean(forward));
  v.push_back(mean(leftward));
  *out = std::move(v);
  return true;
}

Standardiser Standardiser::fit(const std::vector<Feature>& samples) {
  Standardiser s;
  if (samples.empty()) return s;
  const size_t D = samples.front().size();
  s.mean.assign(D, 0.0);
  s.sd.assign(D, 0.0);
  for (const Feature& x : samples)
    for (size_t d = 0; d < D; ++d) s.mean[d] += x[d] / samples.size();
  for (const Feature& x : samples)
    for (size_t d = 0; d < D; ++d) s.sd[d] += (x[d] - s.mean[d]) * (x[d] - s.mean[d]) / samples.size();
  for (double& x : s.sd) x = std::max(1e-9, std::sqrt(x));
  return s;
}

Feature Standardiser::apply(const Feature& v) const {
  Feature out(v.size());
  for (size_t d = 0; d < v.size(); ++d) out[d] = (v[d] - mean[d]) / sd[d];
  return out;
}

std::vector<Feature> Standardiser::apply(const std::vector<Feature>& v) const {
  std::vector<Feature> out;
  for (const Feature& x : v) out.push_back(apply(x));
  return out;
}

double distance(const Feature& a, const Feature& b) {
  double s = 0;
  for (size_t d = 0; d < a.size(); ++d) s += (a[d] - b[d]) * (a[d] - b[d]);
  return std::sqrt(s);
}

int Recogniser::predictWith(Kind kind, int k, const Feature& v, int skip) const {
  const int N = static_cast<int>(mX.size());
  if (kind == Kind::ClassMean) {
    std::map<int, std::pair<Feature, int>> sums;
    for (int i = 0; i < N; ++i) {
      if (i == skip) continue;
      auto& [sum, n] = sums[mY[i]];
      if (sum.empty()) sum.assign(v.size(), 0.0);
      for (size_t d = 0; d < v.size(); ++d) sum[d] += mX[i][d];
      ++n;
    }
    int best = -1;
    double bestD = 1e300;
    for (auto& [label, sn] : sums) {
      Feature m = sn.first;
      for (double& x : m) x /= sn.second;
      const double d = distance(m, v);
      if (d < bestD) bestD = d, best = label;
    }
    return best;
  }
  std::vector<std::pair<double, int>> near;
  for (int i = 0; i < N; ++i)
    if (i != skip) near.emplace_back(distance(mX[i], v), i);
  if (near.empty()) return -1;
  const int kk = std::min<int>(k, static_cast<int>(near.size()));
  std::partial_sort(near.begin(), near.begin() + kk, near.end());
  // Majority of the k nearest; a tie goes to the label met first (the nearest).
  std::map<int, int> votes;
  for (int i = 0; i < kk; ++i) ++votes[mY[near[i].second]];
  int best = mY[near[0].second], bestVotes = votes[best];
  for (int i = 1; i < kk; ++i) {
    const int label = mY[near[i].second];
    if (votes[label] > bestVotes) best = label, bestVotes = votes[label];
  }
  return best;
}

void Recogniser::fit(const std::vector<Feature>& features, const std::vector<int>& labels) {
  mX = features;
  mY = labels;
  struct Candidate {
    Kind kind;
    int k;
  };
  const Candidate all[] = {{Kind::NearestNeighbours, 1}, {Kind::NearestNeighbours, 3}, {Kind::NearestNeighbours, 5},
                           {Kind::ClassMean, 0}};
  mCandidates.clear();
  mLoo = -1;
  const int N = static_cast<int>(mX.size());
  for (const Candidate& c : all) {
    int right = 0;
    for (int i = 0; i < N; ++i) right += predictWith(c.kind, c.k, mX[i], i) == mY[i];
    const double acc = N ? double(right) / N : 0.0;
    mCandidates.push_back(acc);
    if (acc > mLoo) mLoo = acc, mKind = c.kind, mK = c.k;
  }
}

int Recogniser::predict(const Feature& v) const { return predictWith(mKind, mK, v, -1); }

std::string Recogniser::methodName() const {
  return mKind == Kind::ClassMean ? std::string("class mean") : std::to_string(mK) + "-NN";
}

double frechetDistance(const std::vector<Feature>& a, const std::vector<Feature>& b, double ridge) {
  if (a.empty() || b.empty()) return -1;
  const int D = static_cast<int>(a.front().size());
  auto moments = [&](const std::vector<Feature>& s, Eigen::VectorXd* mu, Eigen::MatrixXd* cov) {
    const int N = static_cast<int>(s.size());
    Eigen::MatrixXd X(N, D);
    for (int i = 0; i < N; ++i)
      for (int d = 0; d < D; ++d) X(i, d) = s[i][d];
    *mu = X.colwise().mean().transpose();
    const Eigen::MatrixXd c = X.rowwise() - mu->transpose();
    *cov = N > 1 ? Eigen::MatrixXd((c.transpose() * c) / (N - 1)) : Eigen::MatrixXd::Zero(D, D);
    cov->diagonal().array() += ridge;
  };
  Eigen::VectorXd ma, mb;
  Eigen::MatrixXd sa, sb;
  moments(a, &ma, &sa);
  moments(b, &mb, &sb);
  // tr((Sa Sb)^1/2) = tr((Sa^1/2 Sb Sa^1/2)^1/2), a symmetric positive semi-definite matrix.
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> ea(sa);
  const Eigen::VectorXd la = ea.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  const Eigen::MatrixXd sqrtA = ea.eigenvectors() * la.asDiagonal() * ea.eigenvectors().transpose();
  const Eigen::MatrixXd m = sqrtA * sb * sqrtA;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> em(0.5 * (m + m.transpose()), Eigen::EigenvaluesOnly);
  const double trSqrt = em.eigenvalues().cwiseMax(0.0).cwiseSqrt().sum();
  return std::max(0.0, (ma - mb).squaredNorm() + sa.trace() + sb.trace() - 2.0 * trSqrt);
}

double diversity(const std::vector<Feature>& samples, int pairs, std::uint64_t seed) {
  const int N = static_cast<int>(samples.size());
  if (N < 2 || pairs <= 0) return 0.0;
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> pick(0, N - 1);
  double sum = 0;
  for (int p = 0; p < pairs; ++p) {
    const int i = pick(rng);
    int j = pick(rng);
    while (j == i) j = pick(rng);
    sum += distance(samples[i], samples[j]);
  }
  return sum / pairs;
}

double multimodality(const std::vector<Feature>& samples, const std::vector<int>& groups) {
  std::map<int, std::vector<int>> members;
  for (size_t i = 0; i < samples.size(); ++i) members[groups[i]].push_back(static_cast<int>(i));
  double sum = 0;
  int used = 0;
  for (const auto& [g, m] : members) {
    if (m.size() < 2) continue;
    double s = 0;
    int n = 0;
    for (size_t i = 0; i < m.size(); ++i)
      for (size_t j = i + 1; j < m.size(); ++j) s += distance(samples[m[i]], samples[m[j]]), ++n;
    sum += s / n;
    ++used;
  }
  return used ? sum / used : -1.0;
}

double quantile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double x = std::clamp(p, 0.0, 1.0) * (v.size() - 1);
  const size_t i = static_cast<size_t>(std::floor(x));
  const size_t j = std::min(v.size() - 1, i + 1);
  return v[i] + (x - i) * (v[j] - v[i]);
}

}  // namespace mm::eval
