#include "motion/corrupt/bodygeometry.h"

#include "motion/kinematics.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <array>
#include <cmath>

namespace mm {
namespace {

// Bone length from the root to each joint (the root's own offset only places
// the body in the world, so it does not count).
std::vector<double> pathLengths(const Skeleton& s) {
  std::vector<double> len(static_cast<size_t>(s.jointCount()), 0.0);
  for (int j = 1; j < s.jointCount(); ++j) len[j] = len[s.parent(j)] + s.offset(j).norm();
  return len;
}

int deepestOf(const std::vector<int>& joints, const std::vector<double>& len) {
  int best = -1;
  for (int j : joints)
    if (best < 0 || len[j] > len[best]) best = j;
  return best;
}

}  // namespace

Eigen::Vector3d detectUpAxis(const Clip& clip, const BodyPartMap& parts) {
  const Skeleton& s = clip.skeleton();
  const int F = clip.frameCount();
  if (F == 0 || parts.jointCount() != s.jointCount()) return Eigen::Vector3d::UnitY();
  const std::vector<double> len = pathLengths(s);
  const int head = deepestOf(parts.jointsOf(BodyPart::Torso), len);
  std::vector<int> feet;
  for (BodyPart leg : {BodyPart::LeftLeg, BodyPart::RightLeg})
    if (const int j = deepestOf(parts.jointsOf(leg), len); j >= 0) feet.push_back(j);
  if (feet.empty()) feet.push_back(0);
  if (head < 0) return Eigen::Vector3d::UnitY();

  const int samples = std::min(F, 32);
  Eigen::Vector3d sum = Eigen::Vector3d::Zero();
  GlobalPoses poses;
  for (int i = 0; i < samples; ++i) {
    const int f = static_cast<int>(static_cast<long long>(i) * F / samples);
    ForwardKinematicsJob{&clip, f, f + 1, &poses}.run();
    Eigen::Vector3d foot = Eigen::Vector3d::Zero();
    for (int j : feet) foot += poses.position(0, j);
    sum += poses.position(0, head) - foot / static_cast<double>(feet.size());
  }
  int axis = 1;
  sum.cwiseAbs().maxCoeff(&axis);
  if (!(std::abs(sum[axis]) > 0.0)) return Eigen::Vector3d::UnitY();
  Eigen::Vector3d up = Eigen::Vector3d::Zero();
  up[axis] = sum[axis] > 0 ? 1.0 : -1.0;
  return up;
}

namespace {

// Longest bone path (file units) from each joint down into its own limb.
std::vector<double> distalLengths(const Skeleton& s, const BodyPartMap& parts, BodyPart limb) {
  std::vector<double> len(static_cast<size_t>(s.jointCount()), 0.0);
  // Children come after their parents (depth-first order): one backward pass.
  for (int j = s.jointCount() - 1; j >= 1; --j) {
    const int p = s.parent(j);
    if (p >= 0 && parts.part(j) == limb && parts.part(p) == limb) len[p] = std::max(len[p], len[j] + s.offset(j).norm());
  }
  return len;
}

// The (upper, middle, lower) chain of a limb whose two bones are the longest,
// among chains whose lower joint (wrist, ankle) carries less of the limb
// below it than its own bone (hand and fingers are shorter than the forearm,
// the foot than the shin), when any does. Without that test a long clavicle
// (CMU's is longer than the forearm) makes clavicle + upper arm the longest
// pair, and the shoulder passes for the elbow.
std::optional<std::array<int, 3>> longestTwoBoneChain(const Skeleton& s, const BodyPartMap& parts, BodyPart limb) {
  if (parts.jointCount() != s.jointCount()) return std::nullopt;
  const std::vector<double> distal = distalLengths(s, parts, limb);
  std::optional<std::array<int, 3>> best, bestEnd;
  double bestLength = -1.0, bestEndLength = -1.0;
  for (int a : parts.jointsOf(limb)) {
    const int k = s.parent(a);
    if (k < 0 || parts.part(k) != limb) continue;
    const int h = s.parent(k);
    if (h < 0 || parts.part(h) != limb) continue;
    const double length = s.offset(a).norm() + s.offset(k).norm();
    if (length > bestLength) {
      bestLength = length;
      best = std::array<int, 3>{h, k, a};
    }
    if (distal[a] < s.offset(a).norm() && length > bestEndLength) {
      bestEndLength = length;
      bestEnd = std::array<int, 3>{h, k, a};
    }
  }
  return bestEnd ? bestEnd : best;
}

// The natural axis is a statistic of the clip: a long take is sampled at
// most kHingeSamples times, evenly.
constexpr int kHingeSamples = 8192;
int hingeSampleStride(int frames) { return std::max(1, (frames + kHingeSamples - 1) / kHingeSamples); }

Eigen::Vector3d unitOrZero(const Eigen::Vector3d& v) {
  const double n = v.norm();
  return n > 0.0 ? Eigen::Vector3d(v / n) : Eigen::Vector3d::Zero();
}

}  // namespace

std::optional<LegChain> findLegChain(const Skeleton& s, const BodyPartMap& parts, BodyPart leg) {
  const auto c = longestTwoBoneChain(s, parts, leg);
  if (!c) return std::nullopt;
  return LegChain{(*c)[0], (*c)[1], (*c)[2]};
}

std::optional<ArmChain> findArmChain(const Skeleton& s, const BodyPartMap& parts, BodyPart arm) {
  const auto c = longestTwoBoneChain(s, parts, arm);
  if (!c) return std::nullopt;
  return ArmChain{(*c)[0], (*c)[1], (*c)[2]};
}

std::optional<HingeChain> findHingeChain(const Skeleton& s, const BodyPartMap& parts, BodyPart limb) {
  const auto c = longestTwoBoneChain(s, parts, limb);
  if (!c) return std::nullopt;
  HingeChain h{limb, (*c)[0], (*c)[1], (*c)[2], -1};
  if (limb == BodyPart::LeftLeg || limb == BodyPart::RightLeg)
    for (int child : s.children(h.lower))
      if (parts.part(child) == limb) {
        h.tip = child;
        break;
      }
  return h;
}

Eigen::Vector3d hingeBend(const Clip& clip, const HingeChain& chain, int frame, double* cosine) {
  const Eigen::Vector3d u = unitOrZero(clip.localTranslation(frame, chain.middle));
  const Eigen::Vector3d v = unitOrZero(clip.rotation(frame, chain.middle) * clip.localTranslation(frame, chain.lower));
  *cosine = u.isZero() || v.isZero() ? 1.0 : u.dot(v);
  return u.cross(v);
}

std::optional<Eigen::Vector3d> naturalHingeAxis(const Clip& clip, const HingeChain& chain) {
  std::vector<Eigen::Vector3d> bends(static_cast<size_t>(clip.frameCount()), Eigen::Vector3d::Zero());
  double c = 1.0;
  for (int f = 0; f < clip.frameCount(); f += hingeSampleStride(clip.frameCount()))
    bends[f] = hingeBend(clip, chain, f, &c);
  return naturalHingeAxis(clip, chain, bends);
}

std::optional<Eigen::Vector3d> naturalHingeAxis(const Clip& clip, const HingeChain& chain,
                                                const std::vector<Eigen::Vector3d>& bends) {
  constexpr double kMinBendSine = 0.0871557427;  // sin(5 degrees)
  constexpr int kMinBentFrames = 3;
  constexpr double kMajority = 0.65;
  constexpr double kClearSine = 0.0174524064;  // sin(1 degree)
  const int F = clip.frameCount();
  Eigen::Matrix3d scatter = Eigen::Matrix3d::Zero();
  std::vector<Eigen::Vector3d> bent, all;
  // Knee prior: the toe points forward, the shin folds backwards, so toe x
  // shin (upper joint's frame) is the flexion axis whatever the knee's angle.
  Eigen::Vector3d prior = Eigen::Vector3d::Zero();
  double priorWeight = 0.0;
  int valid = 0;
  for (int f = 0; f < F; f += hingeSampleStride(F)) {
    if (!clip.isValid(f, chain.middle)) continue;
    ++valid;
    const Eigen::Vector3d& n = bends[f];
    all.push_back(n);
    if (n.norm() > kMinBendSine) {
      scatter += n * n.transpose();
      bent.push_back(n);
    }
    if (chain.tip >= 0) {
      const Eigen::Quaterniond shinRot = clip.rotation(f, chain.middle);
      const Eigen::Vector3d shin = unitOrZero(shinRot * clip.localTranslation(f, chain.lower));
      const Eigen::Vector3d toe = unitOrZero(shinRot * (clip.rotation(f, chain.lower) * clip.localTranslation(f, chain.tip)));
      const Eigen::Vector3d p = toe.cross(shin);
      prior += p;
      priorWeight += p.norm();
    }
  }
  // The prior counts when the toe stands clearly off the shin's line on average.
  const bool hasPrior = priorWeight > 0.0 && prior.norm() > 0.5 * priorWeight && prior.norm() > 0.3 * valid;
  if (static_cast<int>(bent.size()) < kMinBentFrames) {
    if (hasPrior) return Eigen::Vector3d(prior.normalized());
    return std::nullopt;
  }
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(scatter);
  Eigen::Vector3d axis = eig.eigenvectors().col(2);  // largest eigenvalue last
  if (hasPrior) return Eigen::Vector3d(axis.dot(prior) < 0 ? -axis : axis);
  // The median bend over all frames: a limb that hangs nearly straight still
  // leans its degree or two the natural way, so a backward span shorter
  // than half the clip cannot outvote it, however few frames bend clearly.
  // (More than half of the frames leaning one way by over a degree.)
  size_t leanPositive = 0, leanNegative = 0;
  for (const Eigen::Vector3d& n : all) {
    leanPositive += n.dot(axis) > kClearSine;
    leanNegative += n.dot(axis) < -kClearSine;
  }
  if (2 * leanPositive > all.size()) return axis;
  if (2 * leanNegative > all.size()) return Eigen::Vector3d(-axis);
  // A limb straight half the time: the side most clearly bent frames take.
  int positive = 0;
  for (const Eigen::Vector3d& n : bent) positive += n.dot(axis) > 0;
  const double share = static_cast<double>(positive) / bent.size();
  if (share >= kMajority) return axis;
  if (share <= 1.0 - kMajority) return Eigen::Vector3d(-axis);
  return std::nullopt;
}

double signedHingeBend(const Clip& clip, const HingeChain& chain, const Eigen::Vector3d& axis, int frame) {
  double c = 1.0;
  const Eigen::Vector3d n = hingeBend(clip, chain, frame, &c);
  return std::atan2(n.dot(axis), c);
}

std::vector<char> placementJoints(const Skeleton& s) {
  std::vector<char> out(static_cast<size_t>(s.jointCount()), 0);
  for (int j = 0; j >= 0 && j < s.jointCount();) {
    out[j] = 1;
    const std::vector<int> kids = s.children(j);
    j = kids.size() == 1 ? kids[0] : -1;
  }
  return out;
}

std::optional<LimbPairing> pairLimbs(const Skeleton& s, const BodyPartMap& parts, BodyPart left, BodyPart right) {
  if (parts.jointCount() != s.jointCount()) return std::nullopt;
  const std::vector<int> l = parts.jointsOf(left), r = parts.jointsOf(right);
  if (l.empty() || l.size() != r.size()) return std::nullopt;
  LimbPairing out;
  for (size_t i = 0; i < l.size(); ++i) {
    // The parent structure must match: a joint hanging from the limb pairs with
    // one hanging from the partner at the same place; a limb root pairs with a
    // limb root.
    const int pl = s.parent(l[i]), pr = s.parent(r[i]);
    const auto il = std::find(l.begin(), l.end(), pl), ir = std::find(r.begin(), r.end(), pr);
    if ((il == l.end()) != (ir == r.end())) return std::nullopt;
    if (il != l.end() && (il - l.begin()) != (ir - r.begin())) return std::nullopt;
    out.joints.emplace_back(l[i], r[i]);
  }
  for (int axis = 0; axis < 3 && out.mirrorAxis < 0; ++axis) {
    bool fits = true;
    for (const auto& [jl, jr] : out.joints) {
      Eigen::Vector3d m = s.offset(jl);
      m[axis] = -m[axis];
      const double scale = std::max(s.offset(jl).norm(), s.offset(jr).norm());
      if ((m - s.offset(jr)).norm() > 0.05 * scale) {
        fits = false;
        break;
      }
    }
    // A limb with nothing but zero offsets says nothing about symmetry.
    bool anyLength = false;
    for (const auto& [jl, jr] : out.joints) anyLength |= s.offset(jl).norm() > 0.0;
    if (fits && anyLength) out.mirrorAxis = axis;
  }
  return out;
}

Eigen::Quaterniond mirrorRotation(const Eigen::Quaterniond& q, int axis) {
  // A reflection M maps a rotation about a by t to one about -M a by t
  // (axes are pseudo-vectors): only the components off `axis` change sign.
  Eigen::Quaterniond m = q;
  for (int i = 0; i < 3; ++i)
    if (i != axis) m.coeffs()[i] = -m.coeffs()[i];
  return m;
}

TwoBoneIkOutput solveTwoBoneIk(const TwoBoneIkInput& in) {
  const Eigen::Vector3d thigh = in.kneePos - in.hipPos;
  const Eigen::Vector3d shin = in.anklePos - in.kneePos;
  const double a = thigh.norm(), b = shin.norm();
  const Eigen::Vector3d toTarget = in.target - in.hipPos;
  const double c = (in.anklePos - in.hipPos).norm();
  const double want = std::clamp(toTarget.norm(), std::abs(a - b) + 1e-3 * (a + b), 0.999 * (a + b));

  auto interior = [&](double d) {
    return std::acos(std::clamp((a * a + b * b - d * d) / (2.0 * a * b), -1.0, 1.0));
  };
  // Turning the shin about thigh x shin by +phi opens the knee's exterior
  // angle by phi, so the interior angle goes from interior(c) to interior(want).
  Eigen::Vector3d axis = thigh.cross(shin);
  if (axis.norm() < 1e-9 * a * b) axis = thigh.cross(toTarget);
  if (axis.norm() < 1e-9 * a * std::max(toTarget.norm(), 1e-300)) axis = thigh.unitOrthogonal();
  axis.normalize();
  Eigen::Quaterniond bend(Eigen::AngleAxisd(a > 0 && b > 0 ? interior(c) - interior(want) : 0.0, axis));
  const Eigen::Vector3d ankleBent = in.kneePos + bend * shin;
  // Then swing the whole leg about the hip onto the target line.
  const Eigen::Quaterniond swing =
      toTarget.norm() > 0 ? Eigen::Quaterniond::FromTwoVectors(ankleBent - in.hipPos, toTarget)
                          : Eigen::Quaterniond::Identity();

  const Eigen::Quaterniond hipGlobal = (swing * in.hipRot).normalized();
  const Eigen::Quaterniond kneeGlobal = (swing * bend * in.kneeRot).normalized();
  TwoBoneIkOutput out;
  out.hipLocal = (in.hipParentRot.conjugate() * hipGlobal).normalized();
  out.kneeLocal = (hipGlobal.conjugate() * kneeGlobal).normalized();
  out.ankleLocal = (kneeGlobal.conjugate() * in.ankleRot).normalized();
  out.reached = in.hipPos + swing * (ankleBent - in.hipPos);
  return out;
}

}  // namespace mm
