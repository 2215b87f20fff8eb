#include "motion/canonicalrig.h"

#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"
#include "motion/skeleton.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace mm {
namespace {

using CJ = CanonicalJoint;
constexpr int kN = kCanonicalJointCount;

constexpr const char* kNames[kN] = {
    "pelvis",         "spine",          "chest",        "neck",          "head",
    "left_shoulder",  "left_upper_arm", "left_forearm", "left_hand",     "right_shoulder",
    "right_upper_arm", "right_forearm", "right_hand",   "left_upper_leg", "left_lower_leg",
    "left_foot",      "left_toe",       "right_upper_leg", "right_lower_leg", "right_foot",
    "right_toe"};

// Next joint along the canonical chain that carries the bone direction
// (the pelvis and chest look up the spine, not into a limb); -1 at chain ends.
constexpr int kChainChild[kN] = {1, 2, 3, 4, -1, 6, 7, 8, -1, 10, 11, 12, -1, 14, 15, 16, -1, 18, 19, 20, -1};

int idx(CJ c) { return canonicalIndex(c); }

enum class Slot { None, Clavicle, Shoulder, UpperArm, Forearm, Hand, Hip, UpperLeg, PlainLeg, LowerLeg, Foot, Toe };

bool hasAny(const JointNameInfo& n, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (n.has(w)) return true;
  return false;
}
// End effectors ("LeftToe_End", "HeadTop_End", "Hand_L_Nub") carry no
// rotation of their own and must not win a slot over the real joint.
bool isEndJoint(const JointNameInfo& n) { return hasAny(n, {"end", "nub", "tip", "site"}); }

Slot classifyArm(const JointNameInfo& n) {
  if (isEndJoint(n)) return Slot::None;
  // Finger words first: "LeftHandThumb1" names the hand but is a finger.
  if (hasAny(n, {"finger", "fingers", "thumb", "index", "middle", "ring", "pinky", "pinkie", "little", "carpal",
                 "metacarpal", "meta", "palm"}))
    return Slot::None;
  if (hasAny(n, {"hand", "wrist"})) return Slot::Hand;
  if (hasAny(n, {"elbow", "radius", "ulna"}) || (n.has("arm") && hasAny(n, {"fore", "lower", "low"})))
    return Slot::Forearm;
  if (hasAny(n, {"arm", "humerus"})) return Slot::UpperArm;
  if (hasAny(n, {"clavicle", "collar", "clav"})) return Slot::Clavicle;
  if (n.has("shoulder")) return Slot::Shoulder;
  return Slot::None;
}

Slot classifyLeg(const JointNameInfo& n) {
  if (isEndJoint(n) || n.has("heel")) return Slot::None;
  if (hasAny(n, {"toe", "toes", "ball"})) return Slot::Toe;
  if (hasAny(n, {"foot", "ankle"})) return Slot::Foot;
  if (hasAny(n, {"knee", "shin", "calf", "tibia", "fibula"}) || (n.has("leg") && hasAny(n, {"lower", "low"})))
    return Slot::LowerLeg;
  if (hasAny(n, {"thigh", "femur"}) || (n.has("leg") && hasAny(n, {"up", "upper"}))) return Slot::UpperLeg;
  // CMU's lhipjoint runs from the pelvis centre to the hip: no leg rotation.
  if (n.has("hip")) return n.has("joint") ? Slot::None : Slot::Hip;
  if (n.has("leg")) return Slot::PlainLeg;
  return Slot::None;
}

// Smallest rotation taking direction `from` onto `to`. Near-opposite
// directions make that rotation's axis arbitrary (it comes from a tiny cross
// product, so Bandai's 1e-5 offsets would pick it), so there a half turn
// about a fixed axis perpendicular to `to` goes first: forward (+Z), which
// keeps the turn in the body's frontal plane, or left (+X) for the feet.
Eigen::Quaterniond swing(const Eigen::Vector3d& from, const Eigen::Vector3d& to) {
  const Eigen::Vector3d a = from.normalized(), b = to.normalized();
  if (a.dot(b) > -0.999) return Eigen::Quaterniond::FromTwoVectors(a, b).normalized();
  Eigen::Vector3d axis = std::abs(b.z()) < 0.5 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
  axis = (axis - b * b.dot(axis)).normalized();
  const Eigen::Quaterniond half(Eigen::AngleAxisd(kPi, axis));
  return (Eigen::Quaterniond::FromTwoVectors(half * a, b) * half).normalized();
}

// Rotation taking the source frame (up along `up`, left along the part of
// `left` perpendicular to it) onto canonical up +Y, left +X. False when the
// two are (nearly) parallel.
bool frameAlignment(const Eigen::Vector3d& up, const Eigen::Vector3d& left, Eigen::Quaterniond* out) {
  const Eigen::Vector3d y = up.normalized();
  const Eigen::Vector3d l = left - y * y.dot(left);
  if (!(l.norm() > 1e-3 * left.norm())) return false;
  const Eigen::Vector3d x = l.normalized();
  Eigen::Matrix3d m;
  m.col(0) = x;
  m.col(1) = y;
  m.col(2) = x.cross(y);
  *out = Eigen::Quaterniond(Eigen::Matrix3d(m.transpose())).normalized();
  return true;
}

// True for rigs whose joint frames follow their bones, every bone along
// +-X of its joint with the left limbs along +X and the right ones along -X
// (Bandai's rest pose, Maya/MotionBuilder joint orients): their right limbs
// are mirror copies of the left ("behaviour" mirroring), so a right joint's
// frame is the left one's turned half a turn about the bone, and the same
// channel values bend both knees the same way. A T-pose rig has its legs and
// spine along Y and is never taken for one.
bool hasMirroredLimbFrames(const std::array<int, kN>& src, const std::array<std::optional<Eigen::Vector3d>, kN>& bones) {
  for (int c = 0; c < kN; ++c) {
    if (src[c] < 0 || !bones[c]) continue;
    const Eigen::Vector3d d = bones[c]->normalized();
    if (std::abs(d.x()) < 0.98) return false;
    const BodyPart part = canonicalBodyPart(static_cast<CJ>(c));
    if ((part == BodyPart::LeftArm || part == BodyPart::LeftLeg) && d.x() < 0.0) return false;
    if ((part == BodyPart::RightArm || part == BodyPart::RightLeg) && d.x() > 0.0) return false;
  }
  // The spine and both legs must take part: arms along X alone are just a
  // T-pose.
  return bones[idx(CJ::Pelvis)] && bones[idx(CJ::LeftUpperLeg)] && bones[idx(CJ::RightUpperLeg)];
}

// One mapping run: the skeleton, what its names say, and the slots filled so far.
struct Mapper {
  const Skeleton& s;
  BodyPartMap parts;
  std::vector<JointNameInfo> info;
  std::vector<int> depth;
  std::vector<char> taken;
  std::array<int, kN> src;
  std::array<bool, kN> fixed{};
  std::array<bool, kN> cleared{};

  explicit Mapper(const Skeleton& skeleton) : s(skeleton) {
    const int n = s.jointCount();
    src.fill(-1);
    taken.assign(static_cast<size_t>(n), 0);
    depth.assign(static_cast<size_t>(n), 0);
    info.reserve(static_cast<size_t>(n));
    for (int j = 0; j < n; ++j) {
      info.push_back(analyzeJointName(s.name(j)));
      if (s.parent(j) >= 0) depth[j] = depth[s.parent(j)] + 1;
    }
  }

  int& at(CJ c) { return src[idx(c)]; }
  bool open(CJ c) const { return src[idx(c)] < 0 && !cleared[idx(c)]; }
  void assign(CJ c, int joint) {
    if (joint < 0 || !open(c) || taken[joint]) return;
    src[idx(c)] = joint;
    taken[joint] = 1;
  }
  // The candidate closest to the root (ties: lower index).
  int closest(const std::vector<int>& candidates) const {
    int best = -1;
    for (int j : candidates)
      if (best < 0 || depth[j] < depth[best]) best = j;
    return best;
  }
  int lowestCommonAncestor(int a, int b) const {
    while (a != b) {
      if (depth[a] >= depth[b]) a = s.parent(a);
      else b = s.parent(b);
      if (a < 0 || b < 0) return -1;
    }
    return a;
  }
  bool strictlyBelow(int joint, int ancestor) const { return joint != ancestor && s.isAncestor(ancestor, joint); }

  void mapArm(BodyPart part, CJ clavicle, CJ upper, CJ fore, CJ hand) {
    std::vector<std::pair<int, Slot>> joints;
    for (int j : parts.jointsOf(part))
      if (!taken[j]) joints.emplace_back(j, classifyArm(info[j]));
    auto any = [&](Slot slot) {
      return std::any_of(joints.begin(), joints.end(), [&](const auto& js) { return js.second == slot; });
    };
    const Slot shoulderIs = any(Slot::Clavicle) || !any(Slot::UpperArm) ? Slot::UpperArm : Slot::Clavicle;
    for (auto& js : joints)
      if (js.second == Slot::Shoulder) js.second = shoulderIs;
    for (auto [slot, c] : {std::pair{Slot::Clavicle, clavicle}, std::pair{Slot::UpperArm, upper},
                           std::pair{Slot::Forearm, fore}, std::pair{Slot::Hand, hand}}) {
      std::vector<int> candidates;
      for (const auto& js : joints)
        if (js.second == slot && !taken[js.first]) candidates.push_back(js.first);
      assign(c, closest(candidates));
    }
  }

  void mapLeg(BodyPart part, CJ upper, CJ lower, CJ foot, CJ toe) {
    std::vector<std::pair<int, Slot>> joints;
    for (int j : parts.jointsOf(part))
      if (!taken[j]) joints.emplace_back(j, classifyLeg(info[j]));
    auto any = [&](Slot slot) {
      return std::any_of(joints.begin(), joints.end(), [&](const auto& js) { return js.second == slot; });
    };
    const Slot hipIs = any(Slot::UpperLeg) ? Slot::None : Slot::UpperLeg;
    for (auto& js : joints)
      if (js.second == Slot::Hip) js.second = hipIs;
    const Slot plainLegIs = any(Slot::UpperLeg) ? Slot::LowerLeg : Slot::UpperLeg;
    for (auto& js : joints)
      if (js.second == Slot::PlainLeg) js.second = plainLegIs;
    auto candidates = [&](Slot slot) {
      std::vector<int> out;
      for (const auto& js : joints)
        if (js.second == slot && !taken[js.first]) out.push_back(js.first);
      return out;
    };
    assign(upper, closest(candidates(Slot::UpperLeg)));
    assign(lower, closest(candidates(Slot::LowerLeg)));
    assign(foot, closest(candidates(Slot::Foot)));
    // SMPL names the ankle joint "ankle" and the ball of the foot "foot".
    if (candidates(Slot::Toe).empty() && src[idx(foot)] >= 0) {
      std::vector<int> below;
      for (int j : candidates(Slot::Foot))
        if (strictlyBelow(j, src[idx(foot)])) below.push_back(j);
      assign(toe, closest(below));
    } else {
      assign(toe, closest(candidates(Slot::Toe)));
    }
  }

  std::vector<int> torsoWith(std::initializer_list<std::string_view> words, int below) const {
    std::vector<int> out;
    for (int j = 0; j < s.jointCount(); ++j)
      if (!taken[j] && parts.part(j) == BodyPart::Torso && hasAny(info[j], words) && !isEndJoint(info[j]) &&
          (below < 0 || strictlyBelow(j, below)))
        out.push_back(j);
    return out;
  }

  void mapTorso() {
    const int lul = at(CJ::LeftUpperLeg), rul = at(CJ::RightUpperLeg);
    if (open(CJ::Pelvis)) {
      const int lca = lul >= 0 && rul >= 0 ? lowestCommonAncestor(lul, rul) : -1;
      if (lca >= 0 && lca != lul && lca != rul) assign(CJ::Pelvis, lca);
      if (open(CJ::Pelvis)) {
        std::vector<int> c = torsoWith({"pelvis", "hips"}, -1);
        for (int j : torsoWith({"hip"}, -1))
          if (info[j].side == BodySide::None) c.push_back(j);
        assign(CJ::Pelvis, closest(c));
      }
    }
    const int pelvis = at(CJ::Pelvis);
    if (open(CJ::Chest)) {
      const int a = at(CJ::LeftShoulder) >= 0 && at(CJ::RightShoulder) >= 0 ? at(CJ::LeftShoulder) : at(CJ::LeftUpperArm);
      const int b = at(CJ::LeftShoulder) >= 0 && at(CJ::RightShoulder) >= 0 ? at(CJ::RightShoulder) : at(CJ::RightUpperArm);
      const int lca = a >= 0 && b >= 0 ? lowestCommonAncestor(a, b) : -1;
      if (lca >= 0 && lca != a && lca != b && parts.part(lca) == BodyPart::Torso &&
          (pelvis < 0 || strictlyBelow(lca, pelvis)))
        assign(CJ::Chest, lca);
      if (open(CJ::Chest)) assign(CJ::Chest, closest(torsoWith({"chest", "thorax"}, pelvis)));
    }
    const int chest = at(CJ::Chest);
    if (open(CJ::Spine)) {
      if (pelvis >= 0 && chest >= 0 && strictlyBelow(chest, pelvis)) {
        int j = chest;
        while (s.parent(j) != pelvis) j = s.parent(j);
        if (j != chest) assign(CJ::Spine, j);
      } else if (chest < 0) {
        assign(CJ::Spine, closest(torsoWith({"spine"}, pelvis)));
      }
    }
    const int above = chest >= 0 ? chest : pelvis;
    if (open(CJ::Head)) assign(CJ::Head, closest(torsoWith({"head"}, above)));
    const int head = at(CJ::Head);
    if (open(CJ::Neck)) {
      std::vector<int> c;
      for (int j : torsoWith({"neck"}, above))
        if (head < 0 || strictlyBelow(head, j)) c.push_back(j);
      assign(CJ::Neck, closest(c));
      if (open(CJ::Neck) && head >= 0 && chest >= 0 && strictlyBelow(head, chest)) {
        int j = head;
        while (s.parent(j) != chest) j = s.parent(j);
        if (j != head) assign(CJ::Neck, j);
      }
    }
  }

  // Each mapped joint must hang below its nearest mapped canonical
  // ancestor's joint, or the canonical local rotations mean nothing.
  // Automatic choices that break this are dropped (the child, unless only the
  // ancestor is automatic); two overrides that break it are an error.
  bool enforceHierarchy(std::string* why) {
    for (bool changed = true; changed;) {
      changed = false;
      for (int c = 1; c < kN && !changed; ++c) {
        if (src[c] < 0) continue;
        int a = kCanonicalParents[c];
        while (a >= 0 && src[a] < 0) a = kCanonicalParents[a];
        if (a < 0 || strictlyBelow(src[c], src[a])) continue;
        const int drop = !fixed[c] ? c : !fixed[a] ? a : -1;
        if (drop < 0) {
          *why = "joint \"" + s.name(src[c]) + "\" (" + kNames[c] + ") is not below joint \"" + s.name(src[a]) +
                 "\" (" + kNames[a] + ")";
          return false;
        }
        taken[src[drop]] = 0;
        src[drop] = -1;
        changed = true;
      }
    }
    return true;
  }
};

}  // namespace

const char* canonicalJointName(CanonicalJoint c) { return kNames[idx(c)]; }

std::optional<CanonicalJoint> parseCanonicalJoint(std::string_view name) {
  std::string lower;
  for (char ch : name) lower.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  for (int c = 0; c < kN; ++c)
    if (lower == kNames[c]) return static_cast<CanonicalJoint>(c);
  return std::nullopt;
}

BodyPart canonicalBodyPart(CanonicalJoint c) {
  const int i = idx(c);
  if (i <= idx(CJ::Head)) return BodyPart::Torso;
  if (i <= idx(CJ::LeftHand)) return BodyPart::LeftArm;
  if (i <= idx(CJ::RightHand)) return BodyPart::RightArm;
  if (i <= idx(CJ::LeftToe)) return BodyPart::LeftLeg;
  return BodyPart::RightLeg;
}

Eigen::Vector3d canonicalBoneDirection(CanonicalJoint c) {
  switch (canonicalBodyPart(c)) {
    case BodyPart::Torso: return Eigen::Vector3d::UnitY();
    case BodyPart::LeftArm: return Eigen::Vector3d::UnitX();
    case BodyPart::RightArm: return -Eigen::Vector3d::UnitX();
    case BodyPart::LeftLeg:
    case BodyPart::RightLeg:
      if (c == CJ::LeftFoot || c == CJ::LeftToe || c == CJ::RightFoot || c == CJ::RightToe)
        return Eigen::Vector3d::UnitZ();
      return -Eigen::Vector3d::UnitY();
  }
  return Eigen::Vector3d::UnitY();
}

CanonicalRig::CanonicalRig() {
  mSource.fill(-1);
  mAlign.fill(Eigen::Quaterniond::Identity());
}

CanonicalRig CanonicalRig::map(const Skeleton& skeleton, std::string* error) {
  return map(skeleton, CanonicalRigOverrides{}, error);
}

CanonicalRig CanonicalRig::map(const Skeleton& skeleton, const CanonicalRigOverrides& overrides, std::string* error) {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return CanonicalRig();
  };
  if (std::string e = skeleton.validate(); !e.empty()) return fail("invalid skeleton: " + e);

  Mapper m(skeleton);
  m.parts = BodyPartMap::detect(skeleton);
  if (!overrides.parts.empty()) {
    const std::vector<std::string> unknown = m.parts.applyOverrides(skeleton, overrides.parts);
    if (!unknown.empty()) return fail("body part override: the skeleton has no joint \"" + unknown.front() + "\"");
  }
  for (CJ c : overrides.cleared) m.cleared[idx(c)] = true;
  for (const auto& [name, c] : overrides.joints) {
    const int j = skeleton.findJoint(name);
    if (j < 0) return fail("canonical joint override: the skeleton has no joint \"" + name + "\"");
    if (m.fixed[idx(c)])
      return fail(std::string("canonical joint override: ") + kNames[idx(c)] + " is assigned twice");
    m.src[idx(c)] = j;
    m.fixed[idx(c)] = true;
    m.taken[j] = 1;
  }

  m.mapArm(BodyPart::LeftArm, CJ::LeftShoulder, CJ::LeftUpperArm, CJ::LeftForearm, CJ::LeftHand);
  m.mapArm(BodyPart::RightArm, CJ::RightShoulder, CJ::RightUpperArm, CJ::RightForearm, CJ::RightHand);
  m.mapLeg(BodyPart::LeftLeg, CJ::LeftUpperLeg, CJ::LeftLowerLeg, CJ::LeftFoot, CJ::LeftToe);
  m.mapLeg(BodyPart::RightLeg, CJ::RightUpperLeg, CJ::RightLowerLeg, CJ::RightFoot, CJ::RightToe);
  m.mapTorso();
  std::string why;
  if (!m.enforceHierarchy(&why)) return fail("canonical joint override: " + why);

  CanonicalRig rig;
  rig.mSourceNames = skeleton.names();
  rig.mSourceParents = skeleton.parents();
  rig.mSource = m.src;
  rig.mParts = std::move(m.parts);
  rig.mCanonicalOf.assign(static_cast<size_t>(skeleton.jointCount()), -1);
  for (int c = 0; c < kN; ++c)
    if (rig.mSource[c] >= 0) rig.mCanonicalOf[rig.mSource[c]] = c;

  // Rest alignments (see the header for the twist convention).
  const std::vector<Eigen::Vector3d> rest = skeleton.restPositions();
  double scale = 0.0;
  for (int j = 1; j < skeleton.jointCount(); ++j) scale = std::max(scale, skeleton.offset(j).norm());
  const double eps = scale > 0.0 ? 1e-6 * scale : 1e-12;
  std::array<std::optional<Eigen::Vector3d>, kN> bones;
  for (int c = 0; c < kN; ++c) {
    const int j = rig.mSource[c];
    if (j < 0) continue;
    // A zero-length first bone (CMU root -> lowerback) says nothing; look
    // further along the chain.
    for (int n = kChainChild[c]; n >= 0 && !bones[c]; n = kChainChild[n]) {
      if (rig.mSource[n] < 0) continue;
      const Eigen::Vector3d v = rest[rig.mSource[n]] - rest[j];
      if (v.norm() > eps) bones[c] = v;
    }
  }
  auto lateral = [&](CJ left, CJ right) -> std::optional<Eigen::Vector3d> {
    const int l = rig.mSource[idx(left)], r = rig.mSource[idx(right)];
    if (l < 0 || r < 0) return std::nullopt;
    const Eigen::Vector3d v = rest[l] - rest[r];
    if (!(v.norm() > eps)) return std::nullopt;
    return v;
  };
  const bool mirrored = hasMirroredLimbFrames(rig.mSource, bones);
  // Alignment each joint hands down: its own, or (unmapped) its parent's.
  std::array<Eigen::Quaterniond, kN> carried;
  for (int c = 0; c < kN; ++c) {
    const int p = kCanonicalParents[c];
    const Eigen::Quaterniond inherited = p >= 0 ? carried[p] : Eigen::Quaterniond::Identity();
    if (rig.mSource[c] < 0) {
      carried[c] = inherited;
      continue;
    }
    const CJ cj = static_cast<CJ>(c);
    const std::optional<Eigen::Vector3d>& bone = bones[c];
    const Eigen::Vector3d target = canonicalBoneDirection(cj);
    Eigen::Quaterniond align = inherited;
    if (cj == CJ::Pelvis) {
      const std::optional<Eigen::Vector3d> side = lateral(CJ::LeftUpperLeg, CJ::RightUpperLeg);
      if (!(bone && side && frameAlignment(*bone, *side, &align)))
        align = bone ? swing(*bone, target) : side ? swing(*side, Eigen::Vector3d::UnitX()) : inherited;
    } else if (cj == CJ::Spine || cj == CJ::Chest) {
      // Spine joints between pelvis and chest have no left-right of their
      // own; rigs that orient them by the chest's (Bandai) are served by
      // using the shoulders for them too.
      std::optional<Eigen::Vector3d> side = lateral(CJ::LeftShoulder, CJ::RightShoulder);
      if (!(bone && side && frameAlignment(*bone, *side, &align))) {
        side = lateral(CJ::LeftUpperArm, CJ::RightUpperArm);
        if (!(bone && side && frameAlignment(*bone, *side, &align)))
          align = bone ? Eigen::Quaterniond(swing(inherited * *bone, target) * inherited) : inherited;
      }
    } else if (cj == CJ::Neck || cj == CJ::Head) {
      if (bone) align = swing(inherited * *bone, target) * inherited;
    } else if (bone) {
      const BodyPart part = canonicalBodyPart(cj);
      int up = p;
      while (up >= 0 && rig.mSource[up] < 0 && canonicalBodyPart(static_cast<CJ>(up)) == part) up = kCanonicalParents[up];
      if (up >= 0 && rig.mSource[up] >= 0 && canonicalBodyPart(static_cast<CJ>(up)) == part) {
        // Within a limb the twist follows the chain, so a hinge axis stays
        // the same axis from thigh to foot.
        align = swing(inherited * *bone, target) * inherited;
      } else {
        // A limb's first joint: torso frames (Bandai's chest) may be turned
        // against the limbs, so the limb starts from its own rest frame.
        align = swing(*bone, target);
        if (mirrored && (part == BodyPart::RightArm || part == BodyPart::RightLeg))
          align = Eigen::Quaterniond(Eigen::AngleAxisd(kPi, target)) * align;
      }
    }
    rig.mAlign[c] = align.normalized();
    carried[c] = rig.mAlign[c];
  }

  if (error) {
    error->clear();
    if (!rig.isUsable()) {
      std::string list;
      for (CJ c : rig.missingCanonical()) {
        if (!list.empty()) list += ", ";
        list += kNames[idx(c)];
      }
      *error = "the skeleton does not map onto the canonical rig: no joint found for " + list;
    }
  }
  return rig;
}

std::optional<CanonicalJoint> CanonicalRig::canonicalOf(int sourceJoint) const {
  if (sourceJoint < 0 || sourceJoint >= static_cast<int>(mCanonicalOf.size()) || mCanonicalOf[sourceJoint] < 0)
    return std::nullopt;
  return static_cast<CanonicalJoint>(mCanonicalOf[sourceJoint]);
}

std::vector<int> CanonicalRig::unmappedJoints() const {
  std::vector<int> out;
  for (int j = 0; j < static_cast<int>(mCanonicalOf.size()); ++j)
    if (mCanonicalOf[j] < 0) out.push_back(j);
  return out;
}

std::vector<CanonicalJoint> CanonicalRig::missingCanonical() const {
  std::vector<CanonicalJoint> out;
  for (int c = 0; c < kN; ++c)
    if (mSource[c] < 0) out.push_back(static_cast<CanonicalJoint>(c));
  return out;
}

bool CanonicalRig::isUsable() const {
  for (CJ c : {CJ::Pelvis, CJ::Head, CJ::LeftUpperLeg, CJ::LeftLowerLeg, CJ::LeftFoot, CJ::RightUpperLeg,
               CJ::RightLowerLeg, CJ::RightFoot, CJ::LeftUpperArm, CJ::LeftForearm, CJ::LeftHand, CJ::RightUpperArm,
               CJ::RightForearm, CJ::RightHand})
    if (mSource[idx(c)] < 0) return false;
  return true;
}

bool CanonicalRig::matches(const Skeleton& skeleton, std::string* error) const {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  if (mSourceNames.empty()) return fail("the canonical rig is empty");
  if (skeleton.jointCount() != sourceJointCount())
    return fail("the clip has " + std::to_string(skeleton.jointCount()) + " joints, the canonical rig was made for " +
                std::to_string(sourceJointCount()));
  if (skeleton.names() != mSourceNames || skeleton.parents() != mSourceParents)
    return fail("the clip's skeleton is not the one the canonical rig was made for");
  return true;
}

CanonicalMotion CanonicalRig::toCanonical(const Clip& clip, std::string* error) const {
  if (!matches(clip.skeleton(), error)) return {};
  const GlobalPoses g = computeGlobalPoses(clip);
  const double toMetres = 1.0 / clip.unitsPerMeter();
  CanonicalMotion out;
  out.frames = clip.frameCount();
  out.fps = clip.fps();
  out.positions.resize(static_cast<size_t>(out.frames) * kN);
  out.rotations.resize(static_cast<size_t>(out.frames) * kN);
  for (int c = 0; c < kN; ++c) out.mapped[c] = mSource[c] >= 0;
  std::array<Eigen::Quaterniond, kN> inverseAlign;
  for (int c = 0; c < kN; ++c) inverseAlign[c] = mAlign[c].conjugate();

  std::array<Eigen::Quaterniond, kN> global;
  for (int f = 0; f < out.frames; ++f) {
    const size_t row = static_cast<size_t>(f) * kN;
    for (int c = 0; c < kN; ++c) {
      const int p = kCanonicalParents[c];
      const int j = mSource[c];
      if (j >= 0) {
        global[c] = (g.rotation(f, j) * inverseAlign[c]).normalized();
        out.positions[row + c] = g.position(f, j) * toMetres;
      } else {
        global[c] = p >= 0 ? global[p] : Eigen::Quaterniond::Identity();
        out.positions[row + c] = p >= 0 ? out.positions[row + p] : Eigen::Vector3d(g.position(f, 0) * toMetres);
      }
      Eigen::Quaterniond local = p >= 0 ? (global[p].conjugate() * global[c]).normalized() : global[c];
      if (f > 0) local = alignSign(local, out.rotations[row - kN + c]);
      else if (local.w() < 0.0) local.coeffs() = -local.coeffs();
      out.rotations[row + c] = local;
    }
  }
  if (error) error->clear();
  return out;
}

bool CanonicalRig::fromCanonical(const CanonicalMotion& motion, Clip& target, std::string* error) const {
  if (!matches(target.skeleton(), error)) return false;
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  const int F = motion.frames;
  if (F != target.frameCount())
    return fail("the canonical motion has " + std::to_string(F) + " frames, the clip " +
                std::to_string(target.frameCount()));
  const size_t count = static_cast<size_t>(F) * kN;
  if (motion.rotations.size() != count) return fail("the canonical motion's rotations do not match its frame count");
  if (!motion.positions.empty() && motion.positions.size() != count)
    return fail("the canonical motion's positions do not match its frame count");
  for (const Eigen::Quaterniond& q : motion.rotations)
    if (!q.coeffs().allFinite() || !(q.squaredNorm() > 1e-12))
      return fail("the canonical motion holds an invalid rotation");
  const int pelvis = mSource[idx(CJ::Pelvis)];
  const bool placePelvis = !motion.positions.empty() && pelvis >= 0;
  if (placePelvis)
    for (const Eigen::Vector3d& p : motion.positions)
      if (!p.allFinite()) return fail("the canonical motion holds an invalid position");

  const Skeleton& s = target.skeleton();
  const int J = s.jointCount();
  // Moving the nearest translation track at or above the pelvis moves the
  // pelvis by the same amount (in that track's parent frame), whatever lies
  // between them.
  int track = pelvis;
  while (track >= 0 && !target.hasTrack(track)) track = s.parent(track);
  std::vector<int> pathToPelvis;
  for (int j = pelvis; j >= 0; j = s.parent(j)) pathToPelvis.push_back(j);
  std::reverse(pathToPelvis.begin(), pathToPelvis.end());
  const double toUnits = target.unitsPerMeter();

  std::vector<Eigen::Quaterniond> sourceGlobal(static_cast<size_t>(J));
  std::vector<Eigen::Vector3d> sourcePos(static_cast<size_t>(J));
  std::array<Eigen::Quaterniond, kN> canonicalGlobal;
  for (int f = 0; f < F; ++f) {
    for (int c = 0; c < kN; ++c) {
      const int p = kCanonicalParents[c];
      const Eigen::Quaterniond local = motion.rotations[CanonicalMotion::index(f, static_cast<CJ>(c))].normalized();
      canonicalGlobal[c] = p >= 0 ? (canonicalGlobal[p] * local).normalized() : local;
    }
    for (int j = 0; j < J; ++j) {
      const int p = s.parent(j);
      const Eigen::Quaterniond parentGlobal = p >= 0 ? sourceGlobal[p] : Eigen::Quaterniond::Identity();
      const int c = mCanonicalOf[j];
      if (c < 0) {
        sourceGlobal[j] = parentGlobal * target.rotation(f, j);
        continue;
      }
      const Eigen::Quaterniond global = canonicalGlobal[c] * mAlign[c];
      // Keep the hemisphere of the value being replaced, so a round trip
      // changes nothing and written clips stay sign-continuous.
      target.rotation(f, j) = alignSign((parentGlobal.conjugate() * global).normalized(), target.rotation(f, j));
      sourceGlobal[j] = parentGlobal * target.rotation(f, j);
    }
    if (!placePelvis || track < 0) continue;
    for (int j : pathToPelvis) {
      const int p = s.parent(j);
      const Eigen::Vector3d& t = target.localTranslation(f, j);
      sourcePos[j] = p >= 0 ? Eigen::Vector3d(sourcePos[p] + sourceGlobal[p] * t) : t;
    }
    const Eigen::Vector3d wanted = motion.positions[CanonicalMotion::index(f, CJ::Pelvis)] * toUnits;
    const int tp = s.parent(track);
    const Eigen::Quaterniond trackParent = tp >= 0 ? sourceGlobal[tp] : Eigen::Quaterniond::Identity();
    target.translation(f, track) += trackParent.conjugate() * (wanted - sourcePos[pelvis]);
  }
  if (error) error->clear();
  return true;
}

}  // namespace mm
