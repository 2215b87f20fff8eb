#include "motion/repair/artifactrepair.h"

#include "motion/clip.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/kinematics.h"
#include "motion/repair/fillmask.h"
#include "motion/repair/footcontact.h"
#include "motion/rotations.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mm {
namespace {

int framesFor(double seconds, double fps) { return std::max(0, static_cast<int>(std::ceil(seconds * fps - 1e-9))); }

bool sameBits(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b) {
  return std::memcmp(a.coeffs().data(), b.coeffs().data(), 4 * sizeof(double)) == 0;
}
bool sameBits(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::memcmp(a.data(), b.data(), 3 * sizeof(double)) == 0;
}

std::vector<int> jointsOfMask(const BodyPartMap& parts, std::uint8_t mask) {
  std::vector<int> out;
  for (int j = 0; j < parts.jointCount(); ++j)
    if ((mask >> bodyPartIndex(parts.part(j))) & 1u) out.push_back(j);
  return out;
}

std::string partNames(std::uint8_t mask) {
  std::string s;
  for (BodyPart p : kAllBodyParts)
    if ((mask >> bodyPartIndex(p)) & 1u) s += std::string(s.empty() ? "" : ",") + bodyPartName(p);
  return s;
}

// A copy of frames [begin, end) of the clip: the repairs work on it and only
// what they change inside the edited range is written back.
struct Window {
  int begin = 0;
  int end = 0;
  Clip clip;
  FrameRange local(FrameRange r) const { return {r.start - begin, r.end - begin}; }
};

Window makeWindow(const Clip& clip, FrameRange edit, int margin) {
  Window w;
  w.begin = std::max(0, edit.start - margin);
  w.end = std::min(clip.frameCount(), edit.end + margin);
  w.clip = clip.subClip(w.begin, w.end);
  return w;
}

// Which channels a repair may write back, per joint.
struct ChannelSet {
  std::vector<char> rotation, translation;
  explicit ChannelSet(int joints) : rotation(joints, 0), translation(joints, 0) {}
  void addJoint(int j) { rotation[j] = translation[j] = 1; }
  void addJoints(const std::vector<int>& joints) {
    for (int j : joints) addJoint(j);
  }
  bool any() const {
    return std::find(rotation.begin(), rotation.end(), 1) != rotation.end() ||
           std::find(translation.begin(), translation.end(), 1) != translation.end();
  }
};

// Writes the allowed channels (and the validity of their joints) of frames
// `edit` from the window back into the clip where their bits differ.
// Returns the number of joints that changed.
int writeBack(Clip& clip, const Window& w, FrameRange edit, const ChannelSet& allowed) {
  const int J = clip.jointCount();
  std::vector<char> changed(J, 0);
  for (int f = edit.start; f < edit.end; ++f) {
    const int lf = f - w.begin;
    for (int j = 0; j < J; ++j) {
      if (allowed.rotation[j] && !sameBits(clip.rotation(f, j), w.clip.rotation(lf, j))) {
        clip.rotation(f, j) = w.clip.rotation(lf, j);
        changed[j] = 1;
      }
      if (allowed.translation[j] && clip.hasTrack(j) && !sameBits(clip.translation(f, j), w.clip.translation(lf, j))) {
        clip.translation(f, j) = w.clip.translation(lf, j);
        changed[j] = 1;
      }
      if ((allowed.rotation[j] || allowed.translation[j]) && clip.isValid(f, j) != w.clip.isValid(lf, j)) {
        clip.setValid(f, j, w.clip.isValid(lf, j));
        changed[j] = 1;
      }
    }
  }
  return static_cast<int>(std::count(changed.begin(), changed.end(), 1));
}

// Largest distance (metres) between the global joint positions of `before`
// and `after` (same frames, all joints).
double maxDisplacement(const GlobalPoses& before, const GlobalPoses& after, double unitsPerMeter) {
  double worst = 0.0;
  for (size_t i = 0; i < before.px.size(); ++i) {
    const double dx = before.px[i] - after.px[i], dy = before.py[i] - after.py[i], dz = before.pz[i] - after.pz[i];
    worst = std::max(worst, dx * dx + dy * dy + dz * dz);
  }
  return std::sqrt(worst) / unitsPerMeter;
}

class SpanRepairer {
 public:
  SpanRepairer(Clip& clip, const ArtifactSpan& span, const RepairOptions& options, const BodyPartMap& parts)
      : mClip(clip), mSpan(span), mOptions(options), mParts(parts), mFps(clip.fps()), mJ(clip.jointCount()) {
    mResult.type = span.type;
    mResult.start = span.start;
    mResult.end = span.end;
    mResult.partMask = span.partMask;
  }

  RepairResult run() {
    const FrameRange range{mSpan.start, mSpan.end};
    if (!range.isInside(mClip.frameCount())) {
      mResult.error = "artifact frames [" + std::to_string(range.start) + ", " + std::to_string(range.end) +
                      ") are empty or outside the clip's " + std::to_string(mClip.frameCount()) + " frames";
      return mResult;
    }
    if (mSpan.partMask == 0) {
      mResult.detail = "no body part flagged";
      return mResult;
    }
    switch (mSpan.type) {
      case ArtifactType::Pop: repairPop(); break;
      case ArtifactType::Flip: repairFlip(); break;
      case ArtifactType::Frozen: repairFrozen(); break;
      case ArtifactType::Jitter: repairJitter(); break;
      case ArtifactType::FootSkate: repairFeet(false); break;
      case ArtifactType::Penetration: repairFeet(true); break;
      case ArtifactType::Missing: repairMissing(); break;
      case ArtifactType::Stretch: repairStretch(); break;
      // A limb bent backwards: its joints in-betweened across the span, as a
      // pop's (the bend comes and goes within a second or so).
      case ArtifactType::Hyperextension: repairPop(); break;
      default: mResult.detail = "no classical repair for this artifact type"; break;
    }
    if (!mResult.ok()) {  // nothing was written back
      mResult.method = RepairMethod::None;
      mResult.edited = {};
    }
    return mResult;
  }

 private:
  int windowMargin(int extra = 0) const { return framesFor(mOptions.windowSeconds, mFps) + extra; }

  // Writes back and records the change.
  void commit(const Window& w, FrameRange edit, const ChannelSet& allowed, RepairMethod method) {
    GlobalPoses before, after;
    ForwardKinematicsJob{&mClip, edit.start, edit.end, &before}.run();
    mResult.jointsChanged = writeBack(mClip, w, edit, allowed);
    mResult.method = method;
    mResult.edited = edit;
    if (mResult.jointsChanged == 0) return;
    ForwardKinematicsJob{&mClip, edit.start, edit.end, &after}.run();
    mResult.maxChangeMeters = maxDisplacement(before, after, mClip.unitsPerMeter());
  }

  // In-betweens `joints` over `fill` (clip frames) in the window.
  bool inbetweenJoints(Window& w, FrameRange fill, const std::vector<int>& joints) {
    if (fill.start == 0 && fill.end == mClip.frameCount()) {
      mResult.error = "the artifact covers the whole clip: no frame to in-between from";
      return false;
    }
    FillMask mask(w.clip.frameCount(), mJ);
    mask.mark(w.local(fill), joints);
    GapFillOptions o;
    o.method = FillMethod::Cubic;
    o.contextSeconds = mOptions.contextSeconds;
    o.velocityDegree = mOptions.velocityDegree;
    o.velocityHorizonSeconds = mOptions.velocityHorizonSeconds;
    const GapFillResult r = fillGaps(w.clip, mask, o);
    mResult.error = r.error;
    return r.ok();
  }

  // Pops and flips: in-betweens the candidate joints, then keeps only the
  // channels whose data leave the in-betweened curve (the popped ones).
  void inbetweenSelected(FrameRange fill, const std::vector<int>& candidates) {
    if (candidates.empty()) return;
    Window w = makeWindow(mClip, fill, windowMargin());
    if (!inbetweenJoints(w, fill, candidates)) return;
    const double minRad = degToRad(mOptions.selectMinDegrees);
    const double minUnits = mOptions.selectMinMeters * mClip.unitsPerMeter();
    ChannelSet selected(mJ);
    double best = -1.0;
    int bestJoint = -1;
    bool bestIsTrack = false;
    for (int j : candidates) {
      double rot = 0.0, trans = 0.0;
      for (int f = fill.start; f < fill.end; ++f) {
        rot = std::max(rot, angleBetween(mClip.rotation(f, j), w.clip.rotation(f - w.begin, j)));
        if (mClip.hasTrack(j))
          trans = std::max(trans, (mClip.translation(f, j) - w.clip.translation(f - w.begin, j)).norm());
      }
      if (rot >= minRad) selected.rotation[j] = 1;
      if (mClip.hasTrack(j) && trans >= minUnits) selected.translation[j] = 1;
      // Relative to the thresholds, for the fallback.
      const double r = rot / std::max(minRad, 1e-12), t = trans / std::max(minUnits, 1e-12);
      if (r > best) best = r, bestJoint = j, bestIsTrack = false;
      if (mClip.hasTrack(j) && t > best) best = t, bestJoint = j, bestIsTrack = true;
    }
    if (!selected.any() && bestJoint >= 0) (bestIsTrack ? selected.translation : selected.rotation)[bestJoint] = 1;
    std::string channels;
    int n = 0;
    for (int j = 0; j < mJ; ++j) {
      for (int k = 0; k < 2; ++k) {
        if (!(k == 0 ? selected.rotation[j] : selected.translation[j])) continue;
        if (n++ < 6)
          channels += (channels.empty() ? "" : ", ") + mClip.skeleton().name(j) + (k == 0 ? " rotation" : " translation");
      }
    }
    if (n > 6) channels += ", ...";
    mResult.detail = std::to_string(n) + (n == 1 ? " channel: " : " channels: ") + channels;
    commit(w, fill, selected, RepairMethod::Inbetween);
  }

  // Pins the flagged legs' feet over their contacts in the window after a
  // fill or filter of `edit`; appends to the detail.
  void lockLegs(Window& w, FrameRange edit) {
    const FootSelection legs = {mSpan.hasPart(BodyPart::LeftLeg), mSpan.hasPart(BodyPart::RightLeg)};
    if (!legs[0] && !legs[1]) return;
    FootLockParams params = mOptions.footLock;
    params.lock = true;
    params.ground = false;
    // Contacts are read from the repaired motion; a failure (no leg chain)
    // leaves it as it is.
    const FootLockReport r = lockFeet(w.clip, mParts, w.local(edit), params, legs);
    if (r.ok() && !r.contacts.empty()) mResult.detail += ", " + std::to_string(r.contacts.size()) + " foot contacts locked";
  }

  void repairPop() {
    const int d = std::max(0, mOptions.popDilateFrames);
    const FrameRange fill{std::max(0, mSpan.start - d), std::min(mClip.frameCount(), mSpan.end + d)};
    inbetweenSelected(fill, jointsOfMask(mParts, mSpan.partMask));
  }

  // A stretched bone: its joint's translation track is in-betweened across
  // the span from the lengths around it; rotations (the motion) are kept.
  // Tracks that place the body (the root chain) are motion, never bones.
  void repairStretch() {
    const FrameRange fill{mSpan.start, mSpan.end};
    const std::vector<char> placement = placementJoints(mClip.skeleton());
    std::vector<int> bones;
    for (int j : jointsOfMask(mParts, mSpan.partMask))
      if (mClip.hasTrack(j) && !placement[j]) bones.push_back(j);
    if (bones.empty()) {
      mResult.detail = "no bone track in the flagged parts";
      return;
    }
    Window w = makeWindow(mClip, fill, windowMargin());
    if (!inbetweenJoints(w, fill, bones)) return;
    const double minUnits = mOptions.selectMinMeters * mClip.unitsPerMeter();
    ChannelSet tracks(mJ);
    std::string names;
    for (int j : bones) {
      double moved = 0.0;
      for (int f = fill.start; f < fill.end; ++f)
        moved = std::max(moved, (mClip.translation(f, j) - w.clip.translation(f - w.begin, j)).norm());
      if (moved < minUnits) continue;
      tracks.translation[j] = 1;
      names += (names.empty() ? "" : ", ") + mClip.skeleton().name(j);
    }
    if (!tracks.any()) {
      mResult.detail = "the bone tracks already match the lengths around the span";
      return;
    }
    mResult.detail = "bone length restored: " + names;
    commit(w, fill, tracks, RepairMethod::Inbetween);
  }

  // Sum of the rotation steps of `joints` into and out of `range` (radians).
  static double edgeSteps(const Clip& c, FrameRange range, const std::vector<int>& joints) {
    double s = 0.0;
    const int a = range.start, b = range.end;
    for (int j : joints) {
      if (a > 0) s += angleBetween(c.rotation(a - 1, j), c.rotation(a, j));
      if (b < c.frameCount()) s += angleBetween(c.rotation(b - 1, j), c.rotation(b, j));
    }
    return s;
  }

  void repairFlip() {
    const FrameRange range{mSpan.start, mSpan.end};
    std::uint8_t remaining = mSpan.partMask;
    if (mOptions.unswap) {
      Window w = makeWindow(mClip, range, 1);
      ChannelSet swapped(mJ);
      std::string pairs;
      for (const auto& [l, r] : {std::pair{BodyPart::LeftArm, BodyPart::RightArm},
                                 std::pair{BodyPart::LeftLeg, BodyPart::RightLeg}}) {
        const std::uint8_t bits = static_cast<std::uint8_t>((1u << bodyPartIndex(l)) | (1u << bodyPartIndex(r)));
        if ((mSpan.partMask & bits) != bits) continue;
        const std::optional<LimbPairing> pairing = pairLimbs(mClip.skeleton(), mParts, l, r);
        if (!pairing) continue;
        std::vector<int> joints;
        for (const auto& [a, b] : pairing->joints) joints.insert(joints.end(), {a, b});
        const double before = edgeSteps(w.clip, w.local(range), joints);
        // Try the swap back (a swap, mirrored or not, is its own inverse).
        Clip trial = w.clip;
        const int axis = pairing->mirrorAxis;
        auto reflect = [axis](const Eigen::Quaterniond& q) { return axis >= 0 ? mirrorRotation(q, axis) : q; };
        const FrameRange lr = w.local(range);
        for (int f = lr.start; f < lr.end; ++f)
          for (const auto& [a, b] : pairing->joints) {
            const Eigen::Quaterniond qa = trial.rotation(f, a), qb = trial.rotation(f, b);
            trial.rotation(f, a) = f > 0 ? alignSign(reflect(qb), trial.rotation(f - 1, a)) : reflect(qb);
            trial.rotation(f, b) = f > 0 ? alignSign(reflect(qa), trial.rotation(f - 1, b)) : reflect(qa);
          }
        const double after = edgeSteps(trial, lr, joints);
        // A true swap's edges join the motion once swapped back; a flip
        // that is no swap does not get better.
        if (!(after < 0.5 * before)) continue;
        w.clip = std::move(trial);
        for (const auto& [a, b] : pairing->joints) swapped.rotation[a] = swapped.rotation[b] = 1;
        remaining = static_cast<std::uint8_t>(remaining & ~bits);
        pairs += std::string(pairs.empty() ? "" : ", ") + bodyPartName(l) + "/" + bodyPartName(r);
      }
      if (swapped.any()) {
        mResult.detail = "swapped back " + pairs;
        if (remaining) mResult.detail += " (" + partNames(remaining) + " not repaired)";
        commit(w, range, swapped, RepairMethod::Unswap);
        return;
      }
    }
    inbetweenSelected(range, jointsOfMask(mParts, remaining));
  }

  void repairFrozen() {
    const FrameRange range{mSpan.start, mSpan.end};
    const std::vector<int> joints = jointsOfMask(mParts, mSpan.partMask);
    Window w = makeWindow(mClip, range, windowMargin());
    if (!inbetweenJoints(w, range, joints)) return;
    ChannelSet allowed(mJ);
    allowed.addJoints(joints);
    mResult.detail = std::to_string(joints.size()) + " joints of " + partNames(mSpan.partMask);
    if (mOptions.lockFeetAfter) lockLegs(w, range);
    commit(w, range, allowed, RepairMethod::Inbetween);
  }

  void repairJitter() {
    const FilterSpec& spec = mOptions.jitterFilter;
    const int margin = framesFor(mOptions.jitterMarginSeconds, mFps);
    const FrameRange edit{std::max(0, mSpan.start - margin), std::min(mClip.frameCount(), mSpan.end + margin)};
    // The window covers everything the filter reads, so the result is the
    // one the filter gives on the whole clip.
    Window w = makeWindow(mClip, edit, windowMargin(filterReach(spec, mFps)));
    const std::vector<int> joints = jointsOfMask(mParts, mSpan.partMask);
    const std::string e = filterClip(w.clip, spec, w.local(edit), joints);
    if (!e.empty()) {
      mResult.error = e;
      return;
    }
    mResult.detail = std::string(filterKindName(spec.kind)) + " over " + partNames(mSpan.partMask);
    if (mOptions.lockFeetAfter) lockLegs(w, edit);
    ChannelSet allowed(mJ);
    allowed.addJoints(joints);
    commit(w, edit, allowed, RepairMethod::Filter);
  }

  void repairFeet(bool groundOnly) {
    FootSelection legs = {mSpan.hasPart(BodyPart::LeftLeg), mSpan.hasPart(BodyPart::RightLeg)};
    if (!legs[0] && !legs[1]) {
      mResult.detail = "no leg flagged";
      return;
    }
    FootLockParams params = mOptions.footLock;
    if (groundOnly) {
      params.lock = false;
      params.ground = true;
    }
    // The root belongs to the torso: it may be lifted only when the torso is flagged.
    if (!mSpan.hasPart(BodyPart::Torso)) params.liftRoot = false;
    const int blend = params.lock ? framesFor(params.blendSeconds, mFps) + 1 : 0;
    const FrameRange edit{std::max(0, mSpan.start - blend), std::min(mClip.frameCount(), mSpan.end + blend)};
    Window w = makeWindow(mClip, edit, windowMargin());
    const FootLockReport r = lockFeet(w.clip, mParts, w.local(edit), params, legs);
    if (!r.ok()) {
      mResult.error = r.error;
      return;
    }
    ChannelSet allowed(mJ);
    if (legs[0]) allowed.addJoints(mParts.jointsOf(BodyPart::LeftLeg));
    if (legs[1]) allowed.addJoints(mParts.jointsOf(BodyPart::RightLeg));
    if (params.liftRoot && params.ground) allowed.addJoint(0);
    mResult.detail = groundOnly ? std::to_string(r.framesGrounded) + " frames grounded"
                                : std::to_string(r.contacts.size()) + " contacts locked";
    commit(w, edit, allowed, groundOnly ? RepairMethod::Ground : RepairMethod::FootLock);
  }

  void repairMissing() {
    const FrameRange range{mSpan.start, mSpan.end};
    const std::vector<int> joints = jointsOfMask(mParts, mSpan.partMask);
    Window w = makeWindow(mClip, range, windowMargin());
    // Every missing sample of the window is marked, so none is read as
    // context (or used as a donor); only the span's are written back.
    const FillMask mask = FillMask::fromMissing(w.clip);
    bool any = false;
    for (int f = range.start; f < range.end && !any; ++f)
      for (int j : joints) any = any || !mClip.isValid(f, j);
    if (!any) {
      mResult.detail = "no missing samples";
      return;
    }
    GapFillOptions o;
    o.method = mOptions.missingFill;
    o.contextSeconds = mOptions.contextSeconds;
    o.velocityDegree = mOptions.velocityDegree;
    o.velocityHorizonSeconds = mOptions.velocityHorizonSeconds;
    if (o.method == FillMethod::Pattern) {
      o.donors = mirroredLimbDonors(mClip.skeleton(), mParts);
      if (o.donors.empty()) o.method = FillMethod::Cubic;
    }
    const GapFillResult r = fillGaps(w.clip, mask, o);
    if (!r.ok()) {
      mResult.error = r.error;
      return;
    }
    ChannelSet allowed(mJ);
    allowed.addJoints(joints);
    mResult.detail = std::string(fillMethodName(o.method)) + " fill of " + partNames(mSpan.partMask);
    if (r.fallbackGaps) mResult.detail += " (" + std::to_string(r.fallbackGaps) + " gaps as cubic)";
    if (mOptions.lockFeetAfter) lockLegs(w, range);
    commit(w, range, allowed, RepairMethod::GapFill);
  }

  Clip& mClip;
  const ArtifactSpan& mSpan;
  const RepairOptions& mOptions;
  const BodyPartMap& mParts;
  double mFps;
  int mJ;
  RepairResult mResult;
};

// Order of repairAll: data first, then what is read from it.
int priority(ArtifactType t) {
  switch (t) {
    case ArtifactType::Missing: return 0;
    case ArtifactType::Flip: return 1;
    case ArtifactType::Frozen: return 2;
    case ArtifactType::Pop: return 3;
    case ArtifactType::Jitter: return 4;
    case ArtifactType::FootSkate: return 5;
    case ArtifactType::Penetration: return 6;
    case ArtifactType::Stretch: return 7;
    case ArtifactType::Hyperextension: return 8;
    default: return 9;  // no classical repair (hasClassicalRepair)
  }
}

}  // namespace

bool hasClassicalRepair(ArtifactType type) { return priority(type) < 9; }

const char* repairMethodName(RepairMethod method) {
  switch (method) {
    case RepairMethod::None: return "none";
    case RepairMethod::Inbetween: return "inbetween";
    case RepairMethod::Unswap: return "unswap";
    case RepairMethod::Filter: return "filter";
    case RepairMethod::FootLock: return "foot_lock";
    case RepairMethod::Ground: return "ground";
    case RepairMethod::GapFill: return "gap_fill";
    case RepairMethod::Model: return "model";
  }
  return "unknown";
}

std::array<bool, kArtifactTypeCount> RepairOptions::allTypes() {
  std::array<bool, kArtifactTypeCount> t;
  t.fill(true);
  return t;
}

FilterSpec RepairOptions::defaultJitterFilter() {
  FilterSpec s = FilterSpec::butterworth(4.0, 4);
  s.fadeSeconds = 0.1;
  return s;
}

FootLockParams RepairOptions::defaultFootLock() {
  FootLockParams p;
  p.lock = true;
  p.ground = false;  // penetration is its own artifact
  return p;
}

std::string RepairOptions::validate(double fps) const {
  if (!(contextSeconds > 0) || !std::isfinite(contextSeconds)) return "in-betweening context must be a positive number of seconds";
  if (!(velocityHorizonSeconds >= 0) || !std::isfinite(velocityHorizonSeconds))
    return "velocity horizon must be zero or more seconds";
  if (velocityDegree < 1 || velocityDegree > 3) return "velocity fit degree must be 1, 2 or 3";
  if (!(selectMinDegrees >= 0) || !(selectMinMeters >= 0)) return "channel selection thresholds must be zero or more";
  if (popDilateFrames < 0) return "pop dilation must be zero or more frames";
  if (!(jitterMarginSeconds >= 0) || !std::isfinite(jitterMarginSeconds)) return "jitter margin must be zero or more seconds";
  if (!(windowSeconds > 0) || !std::isfinite(windowSeconds)) return "window must be a positive number of seconds";
  if (std::string e = jitterFilter.validate(fps); !e.empty()) return "jitter filter: " + e;
  if (std::string e = footLock.validate(); !e.empty()) return "foot lock: " + e;
  return {};
}

RepairResult repairArtifact(Clip& clip, const ArtifactSpan& span, const RepairOptions& options) {
  std::optional<BodyPartMap> detected;
  if (!options.parts) detected = BodyPartMap::detect(clip.skeleton());
  const BodyPartMap& parts = options.parts ? *options.parts : *detected;
  if (parts.jointCount() != clip.jointCount()) {
    RepairResult r;
    r.type = span.type;
    r.start = span.start;
    r.end = span.end;
    r.partMask = span.partMask;
    r.error = "body parts were not made for this skeleton";
    return r;
  }
  if (std::string e = options.validate(clip.fps()); !e.empty()) {
    RepairResult r;
    r.type = span.type;
    r.start = span.start;
    r.end = span.end;
    r.partMask = span.partMask;
    r.error = e;
    return r;
  }
  return SpanRepairer(clip, span, options, parts).run();
}

std::vector<RepairResult> repairAll(Clip& clip, const QualityReport& report, const RepairOptions& options) {
  const std::vector<ArtifactSpan>& spans = report.artifacts();
  std::vector<RepairResult> results(spans.size());
  RepairOptions o = options;
  std::optional<BodyPartMap> detected;
  if (!o.parts) {
    detected = BodyPartMap::detect(clip.skeleton());
    o.parts = &*detected;
  }
  // The floor and up axis of the whole clip, for repairs that see a window.
  bool feet = false;
  for (const ArtifactSpan& s : spans)
    feet = feet || (o.types[static_cast<int>(s.type)] &&
                    (s.type == ArtifactType::FootSkate || s.type == ArtifactType::Penetration ||
                     (o.lockFeetAfter && (s.type == ArtifactType::Jitter || s.type == ArtifactType::Frozen ||
                                          s.type == ArtifactType::Missing) &&
                      (s.hasPart(BodyPart::LeftLeg) || s.hasPart(BodyPart::RightLeg)))));
  if (feet && !o.footLock.contact.floorMeters) {
    const FootContacts c = detectFootContacts(clip, *o.parts, o.footLock.contact);
    if (c.ok()) {
      for (int a = 0; a < 3; ++a)
        if (c.up[a] == 1.0 && o.footLock.contact.upAxis < 0) o.footLock.contact.upAxis = a;
      if (o.footLock.contact.upAxis >= 0) o.footLock.contact.floorMeters = c.floorMeters;
    }
  }
  std::vector<size_t> order(spans.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return priority(spans[a].type) < priority(spans[b].type); });
  // Which repair (index into spans, -1: none) last changed each frame x part.
  const int F = clip.frameCount();
  std::vector<int> repairedBy(static_cast<size_t>(std::max(0, F)) * kBodyPartCount, -1);
  for (size_t i : order) {
    const ArtifactSpan& span = spans[i];
    RepairResult& r = results[i];
    r.type = span.type;
    r.start = span.start;
    r.end = span.end;
    r.partMask = span.partMask;
    if (!o.types[static_cast<int>(span.type)]) {
      r.detail = "type not selected";
      continue;
    }
    // The detectors may report one fault as several artifacts (missing data
    // held still is also frozen; a swap's edges are also pops). A span
    // mostly repaired already by another type's repair is left alone, so a
    // repair does not undo a better one.
    if (span.start >= 0 && span.end <= F && span.start < span.end) {
      int cells = 0, covered = 0, by = -1;
      for (int f = span.start; f < span.end; ++f)
        for (int p = 0; p < kBodyPartCount; ++p) {
          if (!((span.partMask >> p) & 1u)) continue;
          ++cells;
          const int k = repairedBy[static_cast<size_t>(f) * kBodyPartCount + p];
          if (k >= 0 && spans[k].type != span.type) ++covered, by = k;
        }
      if (cells > 0 && 2 * covered >= cells) {
        r.detail = std::string("already repaired with the ") + artifactTypeName(spans[by].type) + " at frames " +
                   std::to_string(spans[by].start) + "-" + std::to_string(spans[by].end);
        continue;
      }
    }
    r = repairArtifact(clip, span, o);
    if (!r.changed()) continue;
    for (int f = std::max(0, r.edited.start); f < std::min(F, r.edited.end); ++f)
      for (int p = 0; p < kBodyPartCount; ++p)
        if ((span.partMask >> p) & 1u) repairedBy[static_cast<size_t>(f) * kBodyPartCount + p] = static_cast<int>(i);
  }
  return results;
}

}  // namespace mm
