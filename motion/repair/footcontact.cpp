#include "motion/repair/footcontact.h"

#include "motion/clip.h"
#include "motion/kinematics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {
namespace {

bool finiteNonNegative(double v) { return std::isfinite(v) && v >= 0.0; }

// The q-quantile (0..1) of the values, nearest rank.
double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

// Sets runs of `value` shorter than `minLength` frames to !value; with
// `interiorOnly` only runs with frames of the other value on both sides.
void dropShortRuns(std::vector<std::uint8_t>& flags, int stride, int offset, int frames, std::uint8_t value,
                   int minLength, bool interiorOnly) {
  auto at = [&](int f) -> std::uint8_t& { return flags[static_cast<size_t>(f) * stride + offset]; };
  for (int f = 0; f < frames;) {
    if (at(f) != value) {
      ++f;
      continue;
    }
    int e = f;
    while (e < frames && at(e) == value) ++e;
    const bool interior = f > 0 && e < frames;
    if (e - f < minLength && (interior || !interiorOnly))
      for (int k = f; k < e; ++k) at(k) = value ? 0 : 1;
    f = e;
  }
}

}  // namespace

const char* footSideName(FootSide side) { return side == FootSide::Left ? "left" : "right"; }

std::array<std::optional<FootJoints>, kFootCount> findFeet(const Skeleton& skeleton, const BodyPartMap& parts) {
  std::array<std::optional<FootJoints>, kFootCount> feet;
  for (FootSide side : {FootSide::Left, FootSide::Right}) {
    const BodyPart leg = legOf(side);
    const auto chain = findLegChain(skeleton, parts, leg);
    if (!chain) continue;
    FootJoints f;
    f.chain = *chain;
    // As the quality analysis reads it: the ankle's first child in the leg.
    for (int child : skeleton.children(chain->ankle))
      if (parts.part(child) == leg) {
        f.toe = child;
        break;
      }
    feet[footIndex(side)] = f;
  }
  return feet;
}

std::string FootContactParams::validate() const {
  if (upAxis < -1 || upAxis > 2) return "upAxis must be -1, 0, 1 or 2";
  if (floorMeters && !std::isfinite(*floorMeters)) return "floorMeters must be finite";
  if (!(floorPercentile >= 0.0 && floorPercentile <= 1.0)) return "floorPercentile must be in 0..1";
  if (!(heightOnMeters > 0.0 && std::isfinite(heightOffMeters) && heightOnMeters <= heightOffMeters))
    return "need 0 < heightOnMeters <= heightOffMeters";
  if (!(speedOnMetersPerSecond > 0.0 && std::isfinite(speedOffMetersPerSecond) &&
        speedOnMetersPerSecond <= speedOffMetersPerSecond))
    return "need 0 < speedOnMetersPerSecond <= speedOffMetersPerSecond";
  if (!(verticalSpeedOnMetersPerSecond > 0.0 && std::isfinite(verticalSpeedOffMetersPerSecond) &&
        verticalSpeedOnMetersPerSecond <= verticalSpeedOffMetersPerSecond))
    return "need 0 < verticalSpeedOnMetersPerSecond <= verticalSpeedOffMetersPerSecond";
  if (!(heelLiftOnMeters > 0.0 && std::isfinite(heelLiftOffMeters) && heelLiftOnMeters <= heelLiftOffMeters))
    return "need 0 < heelLiftOnMeters <= heelLiftOffMeters";
  if (!(releaseSpeedMetersPerSecond > 0.0)) return "releaseSpeedMetersPerSecond must be > 0";
  if (!finiteNonNegative(speedWindowSeconds)) return "speedWindowSeconds must be >= 0";
  if (!finiteNonNegative(mergeGapSeconds)) return "mergeGapSeconds must be >= 0";
  if (!finiteNonNegative(minContactSeconds)) return "minContactSeconds must be >= 0";
  return {};
}

FootContacts detectFootContacts(const Clip& clip, const BodyPartMap& parts, const FootContactParams& params) {
  FootContacts out;
  if (std::string e = params.validate(); !e.empty()) {
    out.error = "foot contacts: " + e;
    return out;
  }
  const int F = clip.frameCount();
  if (F <= 0) {
    out.error = "foot contacts: the clip has no frames";
    return out;
  }
  if (!(clip.fps() > 0.0) || !std::isfinite(clip.fps())) {
    out.error = "foot contacts: the clip's frame rate is not positive";
    return out;
  }
  if (parts.jointCount() != clip.jointCount()) {
    out.error = "foot contacts: the body-part map does not match the skeleton";
    return out;
  }
  const auto feet = findFeet(clip.skeleton(), parts);
  if (!feet[0] && !feet[1]) {
    out.error = "foot contacts: no leg with a hip-knee-ankle chain found";
    return out;
  }

  const double upm = clip.unitsPerMeter();
  const double fps = clip.fps();
  Eigen::Vector3d up = Eigen::Vector3d::Zero();
  if (params.upAxis >= 0)
    up[params.upAxis] = 1.0;
  else
    up = detectUpAxis(clip, parts);

  out.frames = F;
  out.fps = fps;
  out.unitsPerMeter = upm;
  out.up = up;
  out.feet = feet;

  // Point tracks, by chunks so a long take needs no full pose buffer.
  out.positions.assign(static_cast<size_t>(F) * kFootCount * kFootPointCount, Eigen::Vector3d::Zero());
  GlobalPoses poses;
  constexpr int kChunk = 4096;
  for (int b = 0; b < F; b += kChunk) {
    const int e = std::min(F, b + kChunk);
    ForwardKinematicsJob{&clip, b, e, &poses}.run();
    for (FootSide side : {FootSide::Left, FootSide::Right}) {
      const auto& foot = feet[footIndex(side)];
      if (!foot) continue;
      const int toe = foot->toe >= 0 ? foot->toe : foot->chain.ankle;
      for (int f = b; f < e; ++f) {
        out.positions[FootContacts::pointIndex(f, side, FootPoint::Ankle)] = poses.position(f - b, foot->chain.ankle);
        out.positions[FootContacts::pointIndex(f, side, FootPoint::Toe)] = poses.position(f - b, toe);
      }
    }
  }

  // Levels: each point's low quantile; the floor is the lowest; clearances
  // per point type are the smaller of the two feet.
  const double huge = std::numeric_limits<double>::infinity();
  double q[kFootCount][kFootPointCount];
  double floorAuto = huge;
  std::vector<double> heights(static_cast<size_t>(F));
  for (int s = 0; s < kFootCount; ++s)
    for (int p = 0; p < kFootPointCount; ++p) {
      q[s][p] = huge;
      if (!feet[s] || (p == 1 && feet[s]->toe < 0)) continue;
      for (int f = 0; f < F; ++f)
        heights[f] = out.positions[FootContacts::pointIndex(f, FootSide(s), FootPoint(p))].dot(up) / upm;
      q[s][p] = quantile(heights, params.floorPercentile);
      floorAuto = std::min(floorAuto, q[s][p]);
    }
  out.estimatedFloorMeters = floorAuto;
  out.floorMeters = params.floorMeters ? *params.floorMeters : floorAuto;
  for (int p = 0; p < kFootPointCount; ++p) {
    double clearance = std::min(q[0][p], q[1][p]) - floorAuto;
    if (!std::isfinite(clearance)) clearance = 0.0;  // no foot has this point
    for (int s = 0; s < kFootCount; ++s) out.levelMeters[s][p] = out.floorMeters + clearance;
  }

  // Hysteresis per point, then feet.
  out.foot.assign(static_cast<size_t>(F) * kFootCount, 0);
  out.point.assign(out.positions.size(), 0);
  const int k = std::max(1, static_cast<int>(std::lround(0.5 * params.speedWindowSeconds * fps)));
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> speeds(static_cast<size_t>(F) * kFootPointCount);  // one side's, [f * points + p]
  for (int s = 0; s < kFootCount; ++s) {
    if (!feet[s]) continue;
    const FootSide side = FootSide(s);
    std::fill(speeds.begin(), speeds.end(), inf);
    for (int p = 0; p < kFootPointCount; ++p) {
      if (p == 1 && feet[s]->toe < 0) continue;
      const FootPoint pt = FootPoint(p);
      bool on = false;
      for (int f = 0; f < F; ++f) {
        const int f0 = std::max(0, f - k), f1 = std::min(F - 1, f + k);
        const Eigen::Vector3d velocity =
            f1 > f0
                ? Eigen::Vector3d((out.position(f1, side, pt) - out.position(f0, side, pt)) * (fps / (upm * (f1 - f0))))
                : Eigen::Vector3d::Zero();
        const double speed = velocity.norm();
        speeds[static_cast<size_t>(f) * kFootPointCount + p] = speed;
        const double vertical = std::abs(velocity.dot(up));
        const double height = out.position(f, side, pt).dot(up) / upm - out.levelMeters[s][p];
        // Heel lift: the ankle's rise above the toe beyond the planted difference.
        const double heelLift =
            p == 0 && feet[s]->toe >= 0
                ? height - (out.position(f, side, FootPoint::Toe).dot(up) / upm - out.levelMeters[s][1])
                : 0.0;
        if (!on)
          on = height < params.heightOnMeters && speed < params.speedOnMetersPerSecond &&
               vertical < params.verticalSpeedOnMetersPerSecond && heelLift < params.heelLiftOnMeters;
        else
          on = !(height > params.heightOffMeters || speed > params.speedOffMetersPerSecond ||
                 vertical > params.verticalSpeedOffMetersPerSecond || heelLift > params.heelLiftOffMeters);
        out.point[FootContacts::pointIndex(f, side, pt)] = on;
        if (on) out.foot[static_cast<size_t>(f) * kFootCount + s] = 1;
      }
    }
    const int mergeFrames = static_cast<int>(std::lround(params.mergeGapSeconds * fps));
    const int minFrames = std::max(1, static_cast<int>(std::lround(params.minContactSeconds * fps)));
    dropShortRuns(out.foot, kFootCount, s, F, 0, mergeFrames, true);
    dropShortRuns(out.foot, kFootCount, s, F, 1, minFrames, false);
    // Lift-off: a contact's last frames on which even its slowest point in
    // contact moves faster than releaseSpeed are already the step away.
    for (int f = 0; f < F;) {
      if (!out.inContact(f, side)) {
        ++f;
        continue;
      }
      int e = f;
      while (e < F && out.inContact(e, side)) ++e;
      const int end = e;
      auto slowest = [&](int g) {
        double v = inf;
        for (int p = 0; p < kFootPointCount; ++p)
          if (out.pointInContact(g, side, FootPoint(p)))
            v = std::min(v, speeds[static_cast<size_t>(g) * kFootPointCount + p]);
        return v;
      };
      while (e > f && slowest(e - 1) > params.releaseSpeedMetersPerSecond) --e;
      if (e - f < minFrames) e = f;
      for (int g = e; g < end; ++g) out.foot[static_cast<size_t>(g) * kFootCount + s] = 0;
      f = end;
    }
    for (int f = 0; f < F; ++f)
      if (!out.foot[static_cast<size_t>(f) * kFootCount + s])
        for (int p = 0; p < kFootPointCount; ++p) out.point[FootContacts::pointIndex(f, side, FootPoint(p))] = 0;
    for (int f = 0; f < F;) {
      if (!out.inContact(f, side)) {
        ++f;
        continue;
      }
      int e = f;
      while (e < F && out.inContact(e, side)) ++e;
      out.spans.push_back({side, f, e});
      f = e;
    }
  }
  return out;
}

}  // namespace mm
