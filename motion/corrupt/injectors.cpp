#include "motion/corrupt/injectors.h"

#include "motion/corrupt/bodygeometry.h"
#include "motion/corrupt/portablerandom.h"
#include "motion/kinematics.h"
#include "motion/quality/floorestimate.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {
namespace {

double draw(std::mt19937_64& rng, const ValueRange& r) { return portable::uniform(rng, r.min, r.max); }

struct LengthRange {
  int min = 1;
  int max = 1;
};

// Whole frames for a duration range, at least one frame.
LengthRange framesFor(const ValueRange& seconds, double fps) {
  const int lo = std::max(1, static_cast<int>(std::lround(seconds.min * fps)));
  const int hi = std::max(lo, static_cast<int>(std::lround(seconds.max * fps)));
  return {lo, hi};
}

// Both inputs sorted and disjoint.
std::vector<FrameSpan> intersect(const std::vector<FrameSpan>& a, const std::vector<FrameSpan>& b) {
  std::vector<FrameSpan> out;
  size_t i = 0, k = 0;
  while (i < a.size() && k < b.size()) {
    const int s = std::max(a[i].start, b[k].start), e = std::min(a[i].end, b[k].end);
    if (s < e) out.push_back({s, e});
    (a[i].end < b[k].end) ? ++i : ++k;
  }
  return out;
}

// The placement's ranges inside [from, frames), sorted and merged.
std::vector<FrameSpan> allowedRanges(const Placement& placement, int frames, int from = 0) {
  std::vector<FrameSpan> base;
  if (from < frames) base.push_back({from, frames});
  if (!placement.allowed) return base;
  std::vector<FrameSpan> given;
  for (FrameSpan r : *placement.allowed) {
    r.start = std::max(r.start, 0);
    r.end = std::min(r.end, frames);
    if (r.start < r.end) given.push_back(r);
  }
  std::sort(given.begin(), given.end(), [](const FrameSpan& x, const FrameSpan& y) { return x.start < y.start; });
  std::vector<FrameSpan> merged;
  for (const FrameSpan& r : given) {
    if (!merged.empty() && r.start <= merged.back().end)
      merged.back().end = std::max(merged.back().end, r.end);
    else
      merged.push_back(r);
  }
  return intersect(base, merged);
}

// The maximal runs of frames in [0, frames) where keep(f) holds.
template <typename Keep>
std::vector<FrameSpan> runsWhere(int frames, Keep&& keep) {
  std::vector<FrameSpan> runs;
  for (int f = 0; f < frames; ++f) {
    if (!keep(f)) continue;
    if (!runs.empty() && runs.back().end == f)
      runs.back().end = f + 1;
    else
      runs.push_back({f, f + 1});
  }
  return runs;
}

int longest(const std::vector<FrameSpan>& ranges) {
  int n = 0;
  for (const FrameSpan& r : ranges) n = std::max(n, r.length());
  return n;
}

// A span of a drawn length (shortened to the longest range if it does not
// fit anywhere), placed uniformly over every position where it fits.
std::optional<FrameSpan> pickSpan(std::mt19937_64& rng, const std::vector<FrameSpan>& ranges, LengthRange len) {
  const int room = longest(ranges);
  if (room < len.min) return std::nullopt;
  const int L = std::min(portable::uniformInt(rng, len.min, len.max), room);
  int count = 0;
  for (const FrameSpan& r : ranges) count += std::max(0, r.length() - L + 1);
  int k = portable::uniformInt(rng, 0, count - 1);
  for (const FrameSpan& r : ranges) {
    const int n = std::max(0, r.length() - L + 1);
    if (k < n) return FrameSpan{r.start + k, r.start + k + L};
    k -= n;
  }
  return std::nullopt;  // unreachable: count covers every position
}

bool labelsFit(const CorruptionLabels& labels, int frames) {
  if (labels.frames == 0 && labels.bits.empty()) return true;
  return labels.frames == frames && labels.bits.size() == static_cast<size_t>(frames) * kBodyPartCount;
}

void markLabels(CorruptionLabels& labels, int frames, const InjectedArtifact& a) {
  if (labels.frames == 0 && labels.bits.empty()) labels = CorruptionLabels(frames);
  labels.mark(a.start, a.end, a.partMask, a.type);
}

// Writes a rotation normalised and on the previous frame's side of the
// quaternion double cover, so sign continuity survives the edit.
void store(Clip& clip, int frame, int joint, Eigen::Quaterniond q) {
  q.normalize();
  clip.rotation(frame, joint) = alignSign(q, clip.rotation(frame > 0 ? frame - 1 : frame, joint));
}

Eigen::Quaterniond fromRotationVector(const Eigen::Vector3d& v) {
  const double angle = v.norm();
  if (!(angle > 0.0)) return Eigen::Quaterniond::Identity();
  return Eigen::Quaterniond(Eigen::AngleAxisd(angle, v / angle));
}

Eigen::Vector3d horizontalDirection(std::mt19937_64& rng, const Eigen::Vector3d& up) {
  const Eigen::Vector3d e1 = up.unitOrthogonal();
  const Eigen::Vector3d e2 = up.cross(e1);
  const double phi = portable::uniform(rng, 0.0, 2.0 * kPi);
  return std::cos(phi) * e1 + std::sin(phi) * e2;
}

std::vector<int> trackJoints(const Clip& clip) {
  std::vector<int> out;
  for (int j = 0; j < clip.jointCount(); ++j)
    if (clip.hasTrack(j)) out.push_back(j);
  return out;
}

std::vector<BodyPart> partsWithJoints(const BodyPartMap& parts) {
  std::vector<BodyPart> out;
  for (BodyPart p : kAllBodyParts)
    if (!parts.jointsOf(p).empty()) out.push_back(p);
  return out;
}

// Resolves Placement::body, detecting into `owned` when it is not given.
const BodyContext& bodyOf(const Clip& clip, const CorruptionParams& params, const Placement& placement,
                          std::optional<BodyContext>& owned) {
  if (placement.body) return *placement.body;
  owned = BodyContext::detect(clip, params);
  return *owned;
}

// Weight of frame i of an L-frame span that ramps in and out over `ramp`
// frames with a raised cosine (shortened so that the middle frame reaches
// 1) and holds 1 between.
double taper(int i, int L, int ramp) {
  ramp = std::min(ramp, (L - 1) / 2);  // the middle frame holds 1
  const int fromEdge = std::min(i, L - 1 - i);
  if (fromEdge >= ramp) return 1.0;
  return 0.5 * (1.0 - std::cos(kPi * (fromEdge + 1) / (ramp + 1)));
}

int rampFrames(std::mt19937_64& rng, const CorruptionParams& params, double fps) {
  return std::max(1, static_cast<int>(std::lround(draw(rng, params.taperSeconds) * fps)));
}

}  // namespace

BodyContext BodyContext::detect(const Clip& clip, const CorruptionParams& params) {
  BodyContext c;
  c.parts = BodyPartMap::detect(clip.skeleton());
  if (params.upAxis >= 0 && params.upAxis < 3) {
    c.up = Eigen::Vector3d::Zero();
    c.up[params.upAxis] = 1.0;
  } else {
    c.up = detectUpAxis(clip, c.parts);
  }
  c.unitsPerMeter = clip.unitsPerMeter();
  return c;
}

std::optional<InjectedArtifact> injectPop(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                          const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  // A joint with no children moves nothing but its own frame: a pop there
  // would be invisible in positions, so only joints with children pop.
  const Skeleton& s = clip.skeleton();
  std::vector<int> eligible;
  std::vector<char> hasChild(static_cast<size_t>(clip.jointCount()), 0);
  for (int j = 1; j < clip.jointCount(); ++j) hasChild[s.parent(j)] = 1;
  for (int j = 1; j < clip.jointCount(); ++j)
    if (hasChild[j]) eligible.push_back(j);

  const bool root = portable::uniform01(rng) < params.rootPopProbability || eligible.empty();
  const std::optional<FrameSpan> span = pickSpan(rng, allowedRanges(placement, F), framesFor(params.popSeconds, clip.fps()));
  if (!span) return std::nullopt;

  InjectedArtifact a;
  a.type = ArtifactType::Pop;
  a.start = span->start;
  a.end = span->end;
  if (root) {
    a.joint = 0;
    a.partMask = kAllPartsMask;
    a.magnitude = draw(rng, params.rootPopMeters);
    const Eigen::Vector3d offset = portable::unitVector(rng) * (a.magnitude * body.unitsPerMeter);
    for (int f = a.start; f < a.end; ++f) clip.translation(f, 0) += offset;
  } else {
    a.joint = eligible[portable::uniformInt(rng, 0, static_cast<int>(eligible.size()) - 1)];
    a.partMask = partBit(body.parts.part(a.joint));
    a.magnitude = draw(rng, params.popDegrees);
    const Eigen::Quaterniond delta(Eigen::AngleAxisd(degToRad(a.magnitude), portable::unitVector(rng)));
    for (int f = a.start; f < a.end; ++f) store(clip, f, a.joint, clip.rotation(f, a.joint) * delta);
  }
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectFrozen(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                             const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F, 1), framesFor(params.frozenSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const int J = clip.jointCount();
  const std::vector<int> tracks = trackJoints(clip);
  const int held = span->start - 1;
  for (int f = span->start; f < span->end; ++f) {
    for (int j = 0; j < J; ++j) clip.rotation(f, j) = clip.rotation(held, j);
    for (int j : tracks) clip.translation(f, j) = clip.translation(held, j);
  }
  InjectedArtifact a;
  a.type = ArtifactType::Frozen;
  a.start = span->start;
  a.end = span->end;
  a.partMask = kAllPartsMask;
  a.magnitude = span->length() / clip.fps();
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectJitter(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                             const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  const std::vector<BodyPart> candidates = partsWithJoints(body.parts);
  if (candidates.empty()) return std::nullopt;
  const BodyPart part = candidates[portable::uniformInt(rng, 0, static_cast<int>(candidates.size()) - 1)];
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.jitterSeconds, clip.fps()));
  if (!span) return std::nullopt;

  InjectedArtifact a;
  a.type = ArtifactType::Jitter;
  a.start = span->start;
  a.end = span->end;
  a.partMask = partBit(part);
  a.magnitude = draw(rng, params.jitterDegrees);
  const double sigma = degToRad(a.magnitude);
  const bool rootNoise = part == BodyPart::Torso && body.parts.part(0) == BodyPart::Torso && params.jitterRootMeters.max > 0;
  const double rootSigma = rootNoise ? draw(rng, params.jitterRootMeters) * body.unitsPerMeter : 0.0;
  const std::vector<int> joints = body.parts.jointsOf(part);
  for (int f = a.start; f < a.end; ++f) {
    for (int j : joints) {
      const Eigen::Vector3d v(portable::normal(rng), portable::normal(rng), portable::normal(rng));
      store(clip, f, j, clip.rotation(f, j) * fromRotationVector(v * sigma));
    }
    if (rootNoise) {
      const Eigen::Vector3d v(portable::normal(rng), portable::normal(rng), portable::normal(rng));
      clip.translation(f, 0) += v * rootSigma;
    }
  }
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectFootSkate(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F) || F == 0) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  struct Leg {
    BodyPart part;
    LegChain chain;
    std::vector<Eigen::Vector3d> ankle;  // per frame, file units
    std::vector<FrameSpan> planted;
  };
  std::vector<Leg> legs;
  for (BodyPart p : {BodyPart::LeftLeg, BodyPart::RightLeg})
    if (const auto chain = findLegChain(clip.skeleton(), body.parts, p)) legs.push_back({p, *chain, {}, {}});
  if (legs.empty()) return std::nullopt;

  // Ankle tracks, by chunks so an hour-long take needs no full pose buffer.
  for (Leg& leg : legs) leg.ankle.resize(static_cast<size_t>(F));
  GlobalPoses poses;
  constexpr int kChunk = 4096;
  for (int b = 0; b < F; b += kChunk) {
    const int e = std::min(F, b + kChunk);
    ForwardKinematicsJob{&clip, b, e, &poses}.run();
    for (Leg& leg : legs)
      for (int f = b; f < e; ++f) leg.ankle[f] = poses.position(f - b, leg.chain.ankle);
  }
  double ground = std::numeric_limits<double>::infinity();
  for (const Leg& leg : legs)
    for (const Eigen::Vector3d& p : leg.ankle) ground = std::min(ground, p.dot(body.up));
  const double maxHeight = params.plantHeightMeters * body.unitsPerMeter;
  const double maxSpeed = params.plantSpeed * body.unitsPerMeter;
  const LengthRange len = framesFor(params.skateSeconds, clip.fps());
  const std::vector<FrameSpan> allowed = allowedRanges(placement, F);
  std::vector<int> candidates;
  for (size_t i = 0; i < legs.size(); ++i) {
    Leg& leg = legs[i];
    const std::vector<FrameSpan> runs = runsWhere(F, [&](int f) {
      const int f0 = std::max(0, f - 1), f1 = std::min(F - 1, f + 1);
      const double speed = f1 > f0 ? (leg.ankle[f1] - leg.ankle[f0]).norm() * clip.fps() / (f1 - f0) : 0.0;
      return leg.ankle[f].dot(body.up) - ground < maxHeight && speed < maxSpeed;
    });
    leg.planted = intersect(runs, allowed);
    if (longest(leg.planted) >= len.min) candidates.push_back(static_cast<int>(i));
  }
  if (candidates.empty()) return std::nullopt;
  const Leg& leg = legs[candidates[portable::uniformInt(rng, 0, static_cast<int>(candidates.size()) - 1)]];
  const std::optional<FrameSpan> span = pickSpan(rng, leg.planted, len);
  if (!span) return std::nullopt;
  const double slide = draw(rng, params.skateMeters);
  const Eigen::Vector3d dir = horizontalDirection(rng, body.up);

  ForwardKinematicsJob{&clip, span->start, span->end, &poses}.run();
  const LegChain& c = leg.chain;
  const int hipParent = clip.skeleton().parent(c.hip);
  const int L = span->length();
  double reached = 0.0;
  for (int f = span->start; f < span->end; ++f) {
    const int i = f - span->start;
    const double u = static_cast<double>(i + 1) / (L + 1);
    TwoBoneIkInput in;
    in.hipPos = poses.position(i, c.hip);
    in.kneePos = poses.position(i, c.knee);
    in.anklePos = poses.position(i, c.ankle);
    in.target = in.anklePos + dir * (slide * std::sin(kPi * u) * body.unitsPerMeter);
    in.hipParentRot = hipParent >= 0 ? poses.rotation(i, hipParent) : Eigen::Quaterniond::Identity();
    in.hipRot = poses.rotation(i, c.hip);
    in.kneeRot = poses.rotation(i, c.knee);
    in.ankleRot = poses.rotation(i, c.ankle);
    const TwoBoneIkOutput out = solveTwoBoneIk(in);
    store(clip, f, c.hip, out.hipLocal);
    store(clip, f, c.knee, out.kneeLocal);
    store(clip, f, c.ankle, out.ankleLocal);
    Eigen::Vector3d moved = out.reached - in.anklePos;
    moved -= body.up * moved.dot(body.up);
    reached = std::max(reached, moved.norm() / body.unitsPerMeter);
  }
  InjectedArtifact a;
  a.type = ArtifactType::FootSkate;
  a.start = span->start;
  a.end = span->end;
  a.partMask = partBit(leg.part);
  a.joint = c.ankle;
  a.magnitude = reached;
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectDrift(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                            const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  const LengthRange grow = framesFor(params.driftGrowSeconds, clip.fps());
  const std::optional<FrameSpan> span = pickSpan(rng, allowedRanges(placement, F), {2 * grow.min, 2 * grow.max});
  if (!span) return std::nullopt;
  const double peak = draw(rng, params.driftMeters);
  const Eigen::Vector3d dir = horizontalDirection(rng, body.up);
  const int L = span->length();
  double reached = 0.0;
  for (int f = span->start; f < span->end; ++f) {
    // Raised cosine: zero slope at both ends, so the drift creeps in and out.
    const double u = static_cast<double>(f - span->start + 1) / (L + 1);
    const double w = 0.5 * (1.0 - std::cos(2.0 * kPi * u));
    clip.translation(f, 0) += dir * (peak * w * body.unitsPerMeter);
    reached = std::max(reached, peak * w);
  }
  InjectedArtifact a;
  a.type = ArtifactType::Drift;
  a.start = span->start;
  a.end = span->end;
  a.partMask = kAllPartsMask;
  a.joint = 0;
  a.magnitude = reached;
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectOverSmoothing(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                    const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.smoothSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const double sigmaSeconds = draw(rng, params.smoothSigmaSeconds);
  const double sigma = std::max(sigmaSeconds * clip.fps(), 1e-6);
  const int radius = static_cast<int>(std::ceil(3.0 * sigma));
  std::vector<double> weight(static_cast<size_t>(2 * radius + 1));
  for (int k = -radius; k <= radius; ++k) weight[k + radius] = std::exp(-0.5 * k * k / (sigma * sigma));

  // The kernel reads the original values, including frames outside the span
  // (clamped at the clip's ends), so work from a copy of the window.
  const int lo = std::max(0, span->start - radius), hi = std::min(F, span->end + radius);
  const int J = clip.jointCount();
  const std::vector<int> tracks = trackJoints(clip);
  const int T = static_cast<int>(tracks.size());
  std::vector<Eigen::Quaterniond> rot(static_cast<size_t>(hi - lo) * J);
  std::vector<Eigen::Vector3d> trans(static_cast<size_t>(hi - lo) * T);
  for (int f = lo; f < hi; ++f) {
    for (int j = 0; j < J; ++j) rot[static_cast<size_t>(f - lo) * J + j] = clip.rotation(f, j);
    for (int t = 0; t < T; ++t) trans[static_cast<size_t>(f - lo) * T + t] = clip.translation(f, tracks[t]);
  }
  // The filtered motion fades in and out over `ramp` frames at the span's
  // ends (smoothstep), as a filter applied to a range in an editor blends:
  // no step where the span meets the untouched frames.
  const int ramp = std::max(1, std::min(radius, span->length() / 4));
  for (int f = span->start; f < span->end; ++f) {
    const double u = std::min({1.0, (f - span->start + 1.0) / (ramp + 1.0), (span->end - f) / (ramp + 1.0)});
    const double blend = u * u * (3.0 - 2.0 * u);
    for (int j = 0; j < J; ++j) {
      const Eigen::Quaterniond& centre = rot[static_cast<size_t>(f - lo) * J + j];
      Eigen::Vector4d sum = Eigen::Vector4d::Zero();
      for (int k = -radius; k <= radius; ++k) {
        const int g = std::clamp(f + k, lo, hi - 1);
        const Eigen::Quaterniond& q = rot[static_cast<size_t>(g - lo) * J + j];
        // Average on the centre's hemisphere: q and -q must not cancel.
        sum += weight[k + radius] * (q.coeffs().dot(centre.coeffs()) < 0 ? -q.coeffs() : q.coeffs());
      }
      Eigen::Quaterniond q;
      q.coeffs() = sum;
      store(clip, f, j, centre.slerp(blend, q.normalized()));
    }
    for (int t = 0; t < T; ++t) {
      Eigen::Vector3d sum = Eigen::Vector3d::Zero();
      double total = 0.0;
      for (int k = -radius; k <= radius; ++k) {
        const int g = std::clamp(f + k, lo, hi - 1);
        sum += weight[k + radius] * trans[static_cast<size_t>(g - lo) * T + t];
        total += weight[k + radius];
      }
      const Eigen::Vector3d& original = trans[static_cast<size_t>(f - lo) * T + t];
      clip.translation(f, tracks[t]) = original + blend * (sum / total - original);
    }
  }
  InjectedArtifact a;
  a.type = ArtifactType::OverSmoothed;
  a.start = span->start;
  a.end = span->end;
  a.partMask = kAllPartsMask;
  a.magnitude = sigmaSeconds;
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectMissing(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                              const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  const std::vector<BodyPart> candidates = partsWithJoints(body.parts);
  if (candidates.empty()) return std::nullopt;
  const BodyPart part = candidates[portable::uniformInt(rng, 0, static_cast<int>(candidates.size()) - 1)];
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.missingSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const std::vector<int> joints = body.parts.jointsOf(part);
  const int source = span->start > 0 ? span->start - 1 : (span->end < F ? span->end : -1);
  for (int f = span->start; f < span->end; ++f)
    for (int j : joints) {
      clip.setValid(f, j, false);
      if (params.missingFill == MissingFill::RestPose) {
        clip.rotation(f, j).setIdentity();
        if (clip.hasTrack(j)) clip.translation(f, j) = clip.skeleton().offset(j);
      } else if (source >= 0) {
        clip.rotation(f, j) = clip.rotation(source, j);
        if (clip.hasTrack(j)) clip.translation(f, j) = clip.translation(source, j);
      }
      // Identity may sit on the far side of the double cover from the frame before.
      if (f > 0 && clip.rotation(f, j).coeffs().dot(clip.rotation(f - 1, j).coeffs()) < 0)
        clip.rotation(f, j).coeffs() = -clip.rotation(f, j).coeffs();
    }
  InjectedArtifact a;
  a.type = ArtifactType::Missing;
  a.start = span->start;
  a.end = span->end;
  a.partMask = partBit(part);
  a.magnitude = span->length() / clip.fps();
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectLimbSwap(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                               const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  struct Pair {
    BodyPart left, right;
    LimbPairing pairing;
  };
  std::vector<Pair> candidates;
  for (const auto& [l, r] : {std::pair{BodyPart::LeftArm, BodyPart::RightArm}, std::pair{BodyPart::LeftLeg, BodyPart::RightLeg}})
    if (auto p = pairLimbs(clip.skeleton(), body.parts, l, r)) candidates.push_back({l, r, std::move(*p)});
  if (candidates.empty()) return std::nullopt;
  const Pair& pick = candidates[portable::uniformInt(rng, 0, static_cast<int>(candidates.size()) - 1)];
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.swapSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const int axis = params.swapMirror ? pick.pairing.mirrorAxis : -1;
  auto reflect = [axis](const Eigen::Quaterniond& q) { return axis >= 0 ? mirrorRotation(q, axis) : q; };
  double largest = 0.0;
  for (int f = span->start; f < span->end; ++f)
    for (const auto& [l, r] : pick.pairing.joints) {
      const Eigen::Quaterniond ql = clip.rotation(f, l), qr = clip.rotation(f, r);
      store(clip, f, l, reflect(qr));
      store(clip, f, r, reflect(ql));
      largest = std::max({largest, angleBetween(ql, clip.rotation(f, l)), angleBetween(qr, clip.rotation(f, r))});
    }
  InjectedArtifact a;
  a.type = ArtifactType::Flip;
  a.start = span->start;
  a.end = span->end;
  a.partMask = partBit(pick.left) | partBit(pick.right);
  a.magnitude = radToDeg(largest);
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectPenetration(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                  const CorruptionParams& params, const Placement& placement) {
  constexpr double kPlantedMeters = 0.02;  // lowest foot point above its contact level
  constexpr double kLabelMeters = 0.01;    // a leg this far below its contact level is labelled
  const int F = clip.frameCount();
  if (!labelsFit(labels, F) || F < 3) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  const double fps = clip.fps(), toMeters = 1.0 / body.unitsPerMeter;
  struct Leg {
    BodyPart part;
    HingeChain chain;
    int points[2];                          // ankle, toe (-1 if none)
    std::vector<Eigen::Vector3d> pos[2];    // per point and frame, metres
    std::vector<float> height[2];           // per point and frame, metres along up
    std::vector<float> hip;            // hip height, metres
    std::vector<float> clearance;      // lowest point above its contact level, metres
    std::vector<FrameSpan> planted;
  };
  std::vector<Leg> legs;
  for (BodyPart p : {BodyPart::LeftLeg, BodyPart::RightLeg})
    if (const auto chain = findHingeChain(clip.skeleton(), body.parts, p))
      legs.push_back({p, *chain, {chain->lower, chain->tip}, {}, {}, {}, {}, {}});
  if (legs.empty()) return std::nullopt;
  for (Leg& leg : legs) {
    for (int k = 0; k < 2; ++k) {
      leg.pos[k].resize(static_cast<size_t>(F));
      leg.height[k].resize(static_cast<size_t>(F));
    }
    leg.hip.resize(static_cast<size_t>(F));
  }
  GlobalPoses poses;
  constexpr int kChunk = 4096;
  for (int b = 0; b < F; b += kChunk) {
    const int e = std::min(F, b + kChunk);
    ForwardKinematicsJob{&clip, b, e, &poses}.run();
    for (Leg& leg : legs)
      for (int f = b; f < e; ++f) {
        for (int k = 0; k < 2; ++k)
          if (leg.points[k] >= 0) {
            leg.pos[k][f] = poses.position(f - b, leg.points[k]) * toMeters;
            leg.height[k][f] = static_cast<float>(leg.pos[k][f].dot(body.up));
          }
        leg.hip[f] = static_cast<float>(poses.position(f - b, leg.chain.upper).dot(body.up) * toMeters);
      }
  }
  auto speed = [&](const std::vector<Eigen::Vector3d>& p, int f) {
    const int f0 = std::max(0, f - 1), f1 = std::min(F - 1, f + 1);
    return (p[f1] - p[f0]).norm() * fps / (f1 - f0);
  };
  // Contact levels as the analysis finds them (floorestimate.h): still
  // frames well below the hip, pooled over both feet per kind of point.
  double level[2] = {NAN, NAN};
  const int minRest = std::max(3, static_cast<int>(std::lround(0.1 * fps)));
  for (int k = 0; k < 2; ++k) {
    std::vector<float> heights, speeds;
    for (const Leg& leg : legs) {
      if (leg.points[k] < 0) continue;
      const Skeleton& s = clip.skeleton();
      const double reach = 0.33 * (s.offset(leg.chain.middle).norm() + s.offset(leg.chain.lower).norm()) * toMeters;
      const std::vector<float>& h = leg.height[k];
      for (int f = 0; f < F; ++f) {
        heights.push_back(h[f]);
        speeds.push_back(leg.hip[f] - h[f] > reach ? static_cast<float>(speed(leg.pos[k], f)) : INFINITY);
      }
    }
    level[k] = contactLevel(heights, speeds, minRest);
  }
  const LengthRange len = framesFor(params.penetrationSeconds, fps);
  const std::vector<FrameSpan> allowed = allowedRanges(placement, F);
  std::vector<int> candidates;
  for (size_t i = 0; i < legs.size(); ++i) {
    Leg& leg = legs[i];
    leg.clearance.assign(static_cast<size_t>(F), INFINITY);
    for (int k = 0; k < 2; ++k)
      if (leg.points[k] >= 0 && !std::isnan(level[k]))
        for (int f = 0; f < F; ++f) leg.clearance[f] = std::min(leg.clearance[f], static_cast<float>(leg.height[k][f] - level[k]));
    const std::vector<FrameSpan> runs =
        runsWhere(F, [&](int f) { return leg.clearance[f] < kPlantedMeters && speed(leg.pos[0], f) < params.plantSpeed; });
    leg.planted = intersect(runs, allowed);
    if (longest(leg.planted) >= len.min) candidates.push_back(static_cast<int>(i));
  }
  if (candidates.empty()) return std::nullopt;
  const Leg& pick = legs[candidates[portable::uniformInt(rng, 0, static_cast<int>(candidates.size()) - 1)]];
  const std::optional<FrameSpan> span = pickSpan(rng, pick.planted, len);
  if (!span) return std::nullopt;
  const double depth = draw(rng, params.penetrationMeters);
  const int ramp = rampFrames(rng, params, fps);
  InjectedArtifact a;
  a.type = ArtifactType::Penetration;
  a.start = span->start;
  a.end = span->end;
  a.joint = 0;
  for (int f = a.start; f < a.end; ++f) {
    const double sink = depth * taper(f - a.start, span->length(), ramp);
    clip.translation(f, 0) -= body.up * (sink * body.unitsPerMeter);
    a.magnitude = std::max(a.magnitude, sink);
    for (const Leg& leg : legs)
      if (leg.clearance[f] - sink < -kLabelMeters) a.partMask |= partBit(leg.part);
  }
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectFloating(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                               const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.floatSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const double rise = draw(rng, params.floatMeters);
  const int ramp = rampFrames(rng, params, clip.fps());
  InjectedArtifact a;
  a.type = ArtifactType::Floating;
  a.start = span->start;
  a.end = span->end;
  a.partMask = kAllPartsMask;
  a.joint = 0;
  for (int f = a.start; f < a.end; ++f) {
    const double up = rise * taper(f - a.start, span->length(), ramp);
    clip.translation(f, 0) += body.up * (up * body.unitsPerMeter);
    a.magnitude = std::max(a.magnitude, up);
  }
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectStretch(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                              const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  const std::vector<char> placed = placementJoints(clip.skeleton());
  std::vector<int> bones;
  for (int j : trackJoints(clip))
    if (!placed[j] && clip.skeleton().offset(j).norm() >= 0.01 * body.unitsPerMeter) bones.push_back(j);
  if (bones.empty()) return std::nullopt;
  const int joint = bones[portable::uniformInt(rng, 0, static_cast<int>(bones.size()) - 1)];
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.stretchSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const double stretch = draw(rng, params.stretchFraction);
  const int ramp = rampFrames(rng, params, clip.fps());
  InjectedArtifact a;
  a.type = ArtifactType::Stretch;
  a.start = span->start;
  a.end = span->end;
  a.partMask = partBit(body.parts.part(joint));
  a.joint = joint;
  for (int f = a.start; f < a.end; ++f) {
    const double s = stretch * taper(f - a.start, span->length(), ramp);
    clip.translation(f, joint) *= 1.0 + s;
    a.magnitude = std::max(a.magnitude, s);
  }
  markLabels(labels, F, a);
  return a;
}

std::optional<InjectedArtifact> injectHyperextension(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                     const CorruptionParams& params, const Placement& placement) {
  const int F = clip.frameCount();
  if (!labelsFit(labels, F)) return std::nullopt;
  std::optional<BodyContext> owned;
  const BodyContext& body = bodyOf(clip, params, placement, owned);
  struct Hinge {
    HingeChain chain;
    Eigen::Vector3d axis;
  };
  std::vector<Hinge> candidates;
  for (BodyPart p : {BodyPart::LeftArm, BodyPart::RightArm, BodyPart::LeftLeg, BodyPart::RightLeg})
    if (const auto chain = findHingeChain(clip.skeleton(), body.parts, p))
      if (const auto axis = naturalHingeAxis(clip, *chain)) candidates.push_back({*chain, *axis});
  if (candidates.empty()) return std::nullopt;
  const Hinge& pick = candidates[portable::uniformInt(rng, 0, static_cast<int>(candidates.size()) - 1)];
  const std::optional<FrameSpan> span =
      pickSpan(rng, allowedRanges(placement, F), framesFor(params.hyperextensionSeconds, clip.fps()));
  if (!span) return std::nullopt;
  const double target = degToRad(draw(rng, params.hyperextensionDegrees));
  const int ramp = rampFrames(rng, params, clip.fps());
  const int middle = pick.chain.middle;
  double reached = 0.0;
  for (int f = span->start; f < span->end; ++f) {
    // Turn the lower bone about the hinge axis (upper joint's frame, so a
    // left factor on the middle joint's local rotation) from its bend to
    // `target` past straight, the other way.
    const double bend = signedHingeBend(clip, pick.chain, pick.axis, f);
    const double turn = taper(f - span->start, span->length(), ramp) * (bend + target);
    store(clip, f, middle, Eigen::Quaterniond(Eigen::AngleAxisd(-turn, pick.axis)) * clip.rotation(f, middle));
    reached = std::max(reached, -signedHingeBend(clip, pick.chain, pick.axis, f));
  }
  InjectedArtifact a;
  a.type = ArtifactType::Hyperextension;
  a.start = span->start;
  a.end = span->end;
  a.partMask = partBit(pick.chain.part);
  a.joint = middle;
  a.magnitude = radToDeg(reached);
  markLabels(labels, F, a);
  return a;
}

bool hasInjector(ArtifactType type) {
  switch (type) {
    case ArtifactType::Pop:
    case ArtifactType::Frozen:
    case ArtifactType::Jitter:
    case ArtifactType::FootSkate:
    case ArtifactType::Drift:
    case ArtifactType::OverSmoothed:
    case ArtifactType::Missing:
    case ArtifactType::Flip:
    case ArtifactType::Penetration:
    case ArtifactType::Floating:
    case ArtifactType::Stretch:
    case ArtifactType::Hyperextension:
      return true;
    default:
      return false;
  }
}

std::optional<InjectedArtifact> injectArtifact(ArtifactType type, Clip& clip, CorruptionLabels& labels,
                                               std::mt19937_64& rng, const CorruptionParams& params,
                                               const Placement& placement) {
  switch (type) {
    case ArtifactType::Pop: return injectPop(clip, labels, rng, params, placement);
    case ArtifactType::Frozen: return injectFrozen(clip, labels, rng, params, placement);
    case ArtifactType::Jitter: return injectJitter(clip, labels, rng, params, placement);
    case ArtifactType::FootSkate: return injectFootSkate(clip, labels, rng, params, placement);
    case ArtifactType::Drift: return injectDrift(clip, labels, rng, params, placement);
    case ArtifactType::OverSmoothed: return injectOverSmoothing(clip, labels, rng, params, placement);
    case ArtifactType::Missing: return injectMissing(clip, labels, rng, params, placement);
    case ArtifactType::Flip: return injectLimbSwap(clip, labels, rng, params, placement);
    case ArtifactType::Penetration: return injectPenetration(clip, labels, rng, params, placement);
    case ArtifactType::Floating: return injectFloating(clip, labels, rng, params, placement);
    case ArtifactType::Stretch: return injectStretch(clip, labels, rng, params, placement);
    case ArtifactType::Hyperextension: return injectHyperextension(clip, labels, rng, params, placement);
    default: return std::nullopt;
  }
}

}  // namespace mm
