#include "motion/repair/footlock.h"

#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>

namespace mm {
namespace {

constexpr int kChunk = 4096;  // frames of global poses held at once

double smoothstep(double u) {
  u = std::clamp(u, 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
}

// Per-axis median (upper median for an even count).
Eigen::Vector3d medianOf(std::vector<Eigen::Vector3d> points) {
  Eigen::Vector3d m = Eigen::Vector3d::Zero();
  if (points.empty()) return m;
  const auto mid = points.begin() + static_cast<std::ptrdiff_t>(points.size() / 2);
  for (int axis = 0; axis < 3; ++axis) {
    std::nth_element(points.begin(), mid, points.end(),
                     [axis](const Eigen::Vector3d& a, const Eigen::Vector3d& b) { return a[axis] < b[axis]; });
    m[axis] = (*mid)[axis];
  }
  return m;
}

void store(Clip& clip, int frame, int joint, Eigen::Quaterniond q) {
  q.normalize();
  clip.rotation(frame, joint) = alignSign(q, clip.rotation(frame > 0 ? frame - 1 : frame, joint));
}

// Moves the ankle of `foot` at clip frame `frame` (pose index `i` of `poses`,
// every position shifted by `shift`) toward `target` with two-bone IK. A
// target that would stretch the leg beyond both its own extension and
// params.maxLegExtension of its length is pulled in softly (by
// params.extensionSoftness of the length at most): a leg driven to full
// stretch snaps its knee straight, which looks worse than a foot that gives
// way a little. Returns the ankle position reached.
Eigen::Vector3d solveLeg(Clip& clip, const GlobalPoses& poses, int i, int frame, const FootJoints& foot,
                         const Eigen::Vector3d& shift, Eigen::Vector3d target, const FootLockParams& params) {
  const LegChain& c = foot.chain;
  const int hipParent = clip.skeleton().parent(c.hip);
  TwoBoneIkInput in;
  in.hipPos = poses.position(i, c.hip) + shift;
  in.kneePos = poses.position(i, c.knee) + shift;
  in.anklePos = poses.position(i, c.ankle) + shift;
  const double length = (in.kneePos - in.hipPos).norm() + (in.anklePos - in.kneePos).norm();
  const double limit = std::max((in.anklePos - in.hipPos).norm(), params.maxLegExtension * length);
  const double soft = params.extensionSoftness * length;
  const Eigen::Vector3d toTarget = target - in.hipPos;
  const double d = toTarget.norm();
  if (d > limit && soft > 0.0)
    target = in.hipPos + toTarget * ((limit + soft * (1.0 - std::exp(-(d - limit) / soft))) / d);
  in.target = target;
  in.hipParentRot = hipParent >= 0 ? poses.rotation(i, hipParent) : Eigen::Quaterniond::Identity();
  in.hipRot = poses.rotation(i, c.hip);
  in.kneeRot = poses.rotation(i, c.knee);
  in.ankleRot = poses.rotation(i, c.ankle);
  const TwoBoneIkOutput out = solveTwoBoneIk(in);
  store(clip, frame, c.hip, out.hipLocal);
  store(clip, frame, c.knee, out.kneeLocal);
  store(clip, frame, c.ankle, out.ankleLocal);
  return out.reached;
}

// The lock of one leg over the range: per range frame the ankle correction
// (target minus original ankle, file units).
struct LegCorrections {
  std::vector<Eigen::Vector3d> c;
  std::vector<std::uint8_t> contact;             // frame belongs to a locked contact
  std::vector<std::uint8_t> keepStart, keepEnd;  // exempt from the fade toward the range's start / end
};

enum Phase : signed char { kUnknown = -1, kAnklePhase = 0, kToePhase = 1 };

LegCorrections lockCorrections(const FootContacts& C, FootSide side, FrameRange range, int blendFrames,
                               const FootLockParams& params, std::vector<LockedContact>& locked) {
  const int n = range.length();
  LegCorrections L;
  L.c.assign(static_cast<size_t>(n), Eigen::Vector3d::Zero());
  L.contact.assign(static_cast<size_t>(n), 0);
  L.keepStart.assign(static_cast<size_t>(n), 0);
  L.keepEnd.assign(static_cast<size_t>(n), 0);
  const int s = footIndex(side);
  const bool hasToe = C.feet[s] && C.feet[s]->toe >= 0;
  const Eigen::Vector3d& up = C.up;
  const double levelAnkle = C.levelMeters[s][0] * C.unitsPerMeter;
  const double levelToe = C.levelMeters[s][1] * C.unitsPerMeter;
  auto ankle = [&](int f) -> const Eigen::Vector3d& { return C.position(f, side, FootPoint::Ankle); };
  auto toe = [&](int f) -> const Eigen::Vector3d& { return C.position(f, side, FootPoint::Toe); };

  struct Boundary {
    int frame;  // first frame after (blend out) or last before (blend in) the contact
    int step;   // +1 blend out, -1 blend in
    Eigen::Vector3d c;
  };
  std::vector<Boundary> boundaries;

  for (const FootContactSpan& span : C.spans) {
    if (span.side != side || span.end <= range.start || span.start >= range.end) continue;
    const int cs = span.start, ce = span.end, len = ce - cs;
    // Which point holds still on each frame: the ankle when it is in contact,
    // else the toe; frames of a closed gap take their neighbour's.
    std::vector<signed char> phase(static_cast<size_t>(len), kUnknown);
    for (int f = cs; f < ce; ++f) {
      if (C.pointInContact(f, side, FootPoint::Ankle))
        phase[f - cs] = kAnklePhase;
      else if (hasToe && C.pointInContact(f, side, FootPoint::Toe))
        phase[f - cs] = kToePhase;
    }
    auto fill = [](auto begin, auto end) {
      signed char last = kUnknown;
      for (auto it = begin; it != end; ++it) {
        if (*it == kUnknown)
          *it = last;
        else
          last = *it;
      }
    };
    fill(phase.begin(), phase.end());
    fill(phase.rbegin(), phase.rend());
    for (auto& p : phase)
      if (p == kUnknown) p = kAnklePhase;
    auto ph = [&](int f) { return phase[f - cs]; };
    auto held = [&](int f) -> const Eigen::Vector3d& { return ph(f) == kAnklePhase ? ankle(f) : toe(f); };

    // Runs of one held point. Each run's pin is the previous run's carried
    // across the switch by the foot's pose there, so the point taking over
    // is exactly where the locked foot put it: from ankle to toe (heel off)
    // with the pose of the last ankle frame, from toe to ankle (heel down,
    // or the end of a pivot on the ball) with the pose of the first ankle
    // frame. That fixes every pin up to one shared offset `base` (the first
    // run's pin), chosen below.
    struct Run {
      int start, end;
      signed char phase;
      Eigen::Vector3d rel;  // pin minus base
    };
    std::vector<Run> runs;
    for (int f = cs; f < ce; ++f) {
      if (runs.empty() || runs.back().phase != ph(f)) {
        Eigen::Vector3d rel = Eigen::Vector3d::Zero();
        if (!runs.empty()) {
          const int k = ph(f) == kToePhase ? f - 1 : f;
          rel = runs.back().rel +
                (ph(f) == kToePhase ? Eigen::Vector3d(toe(k) - ankle(k)) : Eigen::Vector3d(ankle(k) - toe(k)));
        }
        runs.push_back({f, f + 1, ph(f), rel});
      } else {
        runs.back().end = f + 1;
      }
    }
    std::vector<int> runOf(static_cast<size_t>(len));
    for (int r = 0; r < static_cast<int>(runs.size()); ++r)
      for (int f = runs[r].start; f < runs[r].end; ++f) runOf[f - cs] = r;
    // The base each frame's own held point implies.
    auto impliedBase = [&](int f) { return Eigen::Vector3d(held(f) - runs[runOf[f - cs]].rel); };

    // The contact crosses an edge of the range: pin it where the foot is on
    // the untouched frame just outside, so the edit joins it.
    const int anchor = cs < range.start ? range.start - 1 : (ce > range.end ? range.end : -1);
    Eigen::Vector3d base;
    if (anchor >= 0) {
      base = impliedBase(anchor);
    } else {
      std::vector<Eigen::Vector3d> pts;
      const int pinFrames = std::max(1, static_cast<int>(std::lround(params.pinWindowSeconds * C.fps)));
      const int last = params.pinAt == FootPinAt::Landing ? std::min(ce, cs + pinFrames) : ce;
      for (int f = cs; f < last; ++f) pts.push_back(impliedBase(f));
      base = medianOf(std::move(pts));
      // No pin below its point's planted level.
      double raise = 0.0;
      for (const Run& r : runs)
        raise = std::max(raise, (r.phase == kAnklePhase ? levelAnkle : levelToe) - (base + r.rel).dot(up));
      base += up * raise;
    }

    const int from = std::max(cs, range.start), to = std::min(ce, range.end);
    for (int f = from; f < to; ++f) {
      // The held point stays on its pin; the other follows the foot's own
      // orientation (the ankle keeps its global rotation).
      Eigen::Vector3d target = ankle(f) + (base + runs[runOf[f - cs]].rel - held(f));
      // A foot that pitches while pinned (heel rising before the ankle's
      // contact ends) rolls up about the toe instead of pushing it into the floor.
      if (hasToe) {
        const double toeHeight = (target + (toe(f) - ankle(f))).dot(up);
        if (toeHeight < levelToe) target += up * (levelToe - toeHeight);
      }
      const int i = f - range.start;
      L.c[i] = target - ankle(f);
      L.contact[i] = 1;
      L.keepStart[i] = anchor >= 0 && anchor == range.start - 1;
      L.keepEnd[i] = anchor >= 0 && anchor == range.end;
    }
    if (cs >= range.start) boundaries.push_back({cs - 1, -1, L.c[cs - range.start]});
    if (ce <= range.end) boundaries.push_back({ce, +1, L.c[ce - 1 - range.start]});

    LockedContact lc;
    lc.side = side;
    lc.start = from;
    lc.end = to;
    lc.anchoredAtEdge = anchor >= 0;
    for (const Run& r : runs)
      if (r.end > from && r.start < to)
        lc.pins.push_back({r.phase == kAnklePhase ? FootPoint::Ankle : FootPoint::Toe, std::max(r.start, from),
                           std::min(r.end, to), base + r.rel});
    locked.push_back(lc);
  }

  // Fades before and after the contacts; where fades overlap, their
  // weighted mean (a plain weighted sum while the weights add up to <= 1).
  std::vector<double> weight(static_cast<size_t>(n), 0.0);
  std::vector<Eigen::Vector3d> sum(static_cast<size_t>(n), Eigen::Vector3d::Zero());
  for (const Boundary& b : boundaries)
    for (int j = 0; j < blendFrames; ++j) {
      const int f = b.frame + b.step * j;
      if (f < range.start || f >= range.end) break;
      const int i = f - range.start;
      if (L.contact[i]) break;
      const double w = smoothstep(1.0 - static_cast<double>(j + 1) / (blendFrames + 1));
      weight[i] += w;
      sum[i] += w * b.c;
    }
  for (int i = 0; i < n; ++i)
    if (!L.contact[i] && weight[i] > 0.0) L.c[i] = sum[i] / std::max(1.0, weight[i]);
  return L;
}

}  // namespace

std::string FootLockParams::validate() const {
  if (std::string e = contact.validate(); !e.empty()) return e;
  if (!(std::isfinite(blendSeconds) && blendSeconds >= 0.0)) return "blendSeconds must be >= 0";
  if (!(std::isfinite(pinWindowSeconds) && pinWindowSeconds > 0.0)) return "pinWindowSeconds must be > 0";
  if (pinAt != FootPinAt::Landing && pinAt != FootPinAt::Median) return "unknown pinAt";
  if (!(maxLegExtension > 0.0 && maxLegExtension <= 1.0)) return "maxLegExtension must be in (0, 1]";
  if (!(std::isfinite(extensionSoftness) && extensionSoftness >= 0.0)) return "extensionSoftness must be >= 0";
  return {};
}

FootLockReport lockFeet(Clip& clip, const BodyPartMap& parts, FrameRange range, const FootLockParams& params,
                        FootSelection legs, const FootContacts* contacts) {
  FootLockReport report;
  if (std::string e = params.validate(); !e.empty()) {
    report.error = "foot lock: " + e;
    return report;
  }
  const int F = clip.frameCount();
  if (!range.isInside(F)) {
    report.error = "foot lock: frame range [" + std::to_string(range.start) + ", " + std::to_string(range.end) +
                   ") is empty or outside the clip's " + std::to_string(F) + " frames";
    return report;
  }
  FootContacts detected;
  if (!contacts) {
    detected = detectFootContacts(clip, parts, params.contact);
    contacts = &detected;
  }
  const FootContacts& C = *contacts;
  if (!C.ok()) {
    report.error = C.error;
    return report;
  }
  if (C.frames != F || C.positions.size() != static_cast<size_t>(F) * kFootCount * kFootPointCount) {
    report.error = "foot lock: the contacts were not detected on this clip";
    return report;
  }
  if (parts.jointCount() != clip.jointCount()) {
    report.error = "foot lock: the body-part map does not match the skeleton";
    return report;
  }
  bool active[kFootCount];
  for (int s = 0; s < kFootCount; ++s) active[s] = legs[s] && C.feet[s].has_value();
  if (!active[0] && !active[1]) {
    report.error = "foot lock: none of the selected legs has a hip-knee-ankle chain";
    return report;
  }

  const double upm = C.unitsPerMeter;
  const Eigen::Vector3d up = C.up;
  const int n = range.length();
  const int blendFrames = static_cast<int>(std::lround(params.blendSeconds * clip.fps()));
  report.floorMeters = C.floorMeters;
  for (const FootContactSpan& span : C.spans)
    if (active[footIndex(span.side)] && span.end > range.start && span.start < range.end) ++report.contactsFound;

  std::vector<std::uint8_t> changed(static_cast<size_t>(n), 0);
  GlobalPoses poses;

  if (params.lock) {
    LegCorrections corr[kFootCount];
    for (int s = 0; s < kFootCount; ++s) {
      if (!active[s]) continue;
      corr[s] = lockCorrections(C, FootSide(s), range, blendFrames, params, report.contacts);
      // Toward an edge of the range that is not the clip's end, corrections
      // not pinned at that edge fade out so the edit joins the untouched frames.
      for (int i = 0; i < n && blendFrames > 0; ++i) {
        double r = 1.0;
        if (range.start > 0 && i < blendFrames && !corr[s].keepStart[i])
          r = std::min(r, smoothstep(static_cast<double>(i + 1) / (blendFrames + 1)));
        const int back = n - 1 - i;
        if (range.end < F && back < blendFrames && !corr[s].keepEnd[i])
          r = std::min(r, smoothstep(static_cast<double>(back + 1) / (blendFrames + 1)));
        corr[s].c[i] *= r;
      }
    }
    for (int b = range.start; b < range.end; b += kChunk) {
      const int e = std::min(range.end, b + kChunk);
      ForwardKinematicsJob{&clip, b, e, &poses}.run();
      for (int f = b; f < e; ++f)
        for (int s = 0; s < kFootCount; ++s) {
          if (!active[s]) continue;
          const Eigen::Vector3d& c = corr[s].c[f - range.start];
          if (c.isZero(0.0)) continue;  // exactly zero: the frame stays bit-identical
          const Eigen::Vector3d ankle = poses.position(f - b, C.feet[s]->chain.ankle);
          solveLeg(clip, poses, f - b, f, *C.feet[s], Eigen::Vector3d::Zero(), ankle + c, params);
          changed[f - range.start] = 1;
        }
    }
  }

  if (params.ground) {
    const bool canLiftRoot = params.liftRoot && active[0] && active[1] && clip.hasTrack(0);
    // Deficits below a tenth of a micrometre are rounding (a locked toe set
    // exactly on its level), not penetration.
    const double eps = 1e-7 * upm;
    for (int b = range.start; b < range.end; b += kChunk) {
      const int e = std::min(range.end, b + kChunk);
      ForwardKinematicsJob{&clip, b, e, &poses}.run();
      for (int f = b; f < e; ++f) {
        const int i = f - b;
        double need[kFootCount] = {0.0, 0.0};  // file units along up
        for (int s = 0; s < kFootCount; ++s) {
          if (!active[s]) continue;
          for (int p = 0; p < kFootPointCount; ++p) {
            const int joint = C.feet[s]->joint(FootPoint(p));
            if (joint < 0) continue;
            need[s] = std::max(need[s], C.levelMeters[s][p] * upm - poses.position(i, joint).dot(up));
          }
        }
        double lift = 0.0;
        if (canLiftRoot && need[0] > eps && need[1] > eps) {
          lift = std::min(need[0], need[1]);
          clip.translation(f, 0) += up * lift;
          need[0] -= lift;
          need[1] -= lift;
        }
        const Eigen::Vector3d shift = up * lift;
        bool grounded = lift > 0.0;
        for (int s = 0; s < kFootCount; ++s) {
          if (!active[s] || !(need[s] > eps)) continue;
          const Eigen::Vector3d ankle = poses.position(i, C.feet[s]->chain.ankle) + shift;
          solveLeg(clip, poses, i, f, *C.feet[s], shift, ankle + up * need[s], params);
          grounded = true;
        }
        if (grounded) {
          ++report.framesGrounded;
          changed[f - range.start] = 1;
        }
      }
    }
  }

  report.framesChanged = static_cast<int>(std::count(changed.begin(), changed.end(), 1));
  if (report.framesChanged > 0)
    for (int b = range.start; b < range.end; b += kChunk) {
      const int e = std::min(range.end, b + kChunk);
      ForwardKinematicsJob{&clip, b, e, &poses}.run();
      for (int f = b; f < e; ++f) {
        if (!changed[f - range.start]) continue;
        for (int s = 0; s < kFootCount; ++s)
          if (active[s]) {
            const Eigen::Vector3d d =
                poses.position(f - b, C.feet[s]->chain.ankle) - C.position(f, FootSide(s), FootPoint::Ankle);
            report.maxCorrectionMeters = std::max(report.maxCorrectionMeters, d.norm() / upm);
          }
      }
    }
  return report;
}

FootLockReport lockFeet(Clip& clip, const BodyPartMap& parts, const FootLockParams& params, FootSelection legs) {
  return lockFeet(clip, parts, FrameRange{0, clip.frameCount()}, params, legs);
}

FootLockReport groundFeet(Clip& clip, const BodyPartMap& parts, FrameRange range, const FootLockParams& params,
                          FootSelection legs) {
  FootLockParams p = params;
  p.lock = false;
  p.ground = true;
  return lockFeet(clip, parts, range, p, legs);
}

}  // namespace mm
