#pragma once
// The canonical rig: the fixed 21-joint human skeleton the models read and
// write, and the mapping of any source skeleton onto it and back.
//
// Canonical space: Y up, the character faces +Z, its left side is +X, lengths
// in metres. The canonical T-pose has the spine, neck and head along +Y, the
// left arm chain along +X, the right arm chain along -X, the legs along -Y
// and the feet (foot to toe) along +Z.
//
// Rotations are made independent of how a source rig orients its joint
// frames. Each mapped joint c gets a constant rest alignment C_c that turns
// the source rest bone (from the joint to its nearest mapped canonical child,
// or the parent's bone for chain ends) onto the canonical T-pose direction.
// The canonical global rotation is R_c(t) = G_s(t) * C_c^-1, where G_s is
// the global rotation of the source joint (a source skeleton's rest pose has
// identity local, hence identity global, rotations, so G_s is already the
// rest-relative rotation G_s(t) * G_s_rest^-1). The local canonical rotation
// is R_parent^-1 * R_c. A bone direction fixes C_c only up to a twist about
// the bone; the twist convention is:
//  * pelvis: a full frame from the rest geometry, the bone up the spine and
//    the left-minus-right vector of the upper legs;
//  * spine and chest: a full frame from their own bone up the spine and the
//    left-minus-right vector of the clavicles (else upper arms);
//  * neck and head: the chest's alignment carried along by the smallest
//    rotation that turns their bone onto +Y;
//  * the first mapped joint of a limb: the smallest rotation from its rest
//    bone onto the canonical direction; each further joint of the limb
//    carries its limb parent's alignment along by the smallest rotation, so
//    a hinge axis stays one axis from thigh to toe;
//  * rigs whose every mapped bone lies along X, left limbs +X and right limbs
//    -X (Bandai's rest pose, Maya/MotionBuilder joint orients), mirror their
//    right limbs ("behaviour" mirroring: equal channel values bend both knees
//    the same way), so their right limbs start with an extra half turn about
//    the canonical bone direction;
//  * directions (nearly) opposite turn by a half turn about +Z first (+X for
//    the feet), never about an axis picked by rounding noise.
// Under this convention Bandai's knees bend about +X, its elbows forward and
// its left and right rotations mirror each other, as on T-pose rigs, whose
// alignments are (near) identity. Two rigs whose joint frames differ only in
// ways the convention reads give the same canonical rotations for the same
// motion; a twist a rig hides in its rest frames beyond that cannot be seen
// from joint positions and is not undone.

#include "motion/bodyparts.h"

#include <Eigen/Geometry>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm {

class Clip;
class Skeleton;

enum class CanonicalJoint : unsigned char {
  Pelvis, Spine, Chest, Neck, Head,
  LeftShoulder, LeftUpperArm, LeftForearm, LeftHand,  // LeftShoulder is the clavicle
  RightShoulder, RightUpperArm, RightForearm, RightHand,
  LeftUpperLeg, LeftLowerLeg, LeftFoot, LeftToe,
  RightUpperLeg, RightLowerLeg, RightFoot, RightToe,
};
constexpr int kCanonicalJointCount = 21;
constexpr int canonicalIndex(CanonicalJoint c) { return static_cast<int>(c); }
// Parent index of each canonical joint (-1 for the pelvis); parents precede
// children, so the enum order is a valid forward-kinematics order.
constexpr std::array<int, kCanonicalJointCount> kCanonicalParents = {
    -1, 0, 1, 2, 3,    // pelvis, spine, chest, neck, head
    2,  5, 6, 7,       // left shoulder .. hand
    2,  9, 10, 11,     // right shoulder .. hand
    0,  13, 14, 15,    // left upper leg .. toe
    0,  17, 18, 19};   // right upper leg .. toe
// "pelvis", "spine", "chest", "neck", "head", "left_shoulder", "left_upper_arm",
// "left_forearm", "left_hand", "right_…", "left_upper_leg", "left_lower_leg",
// "left_foot", "left_toe", "right_…".
const char* canonicalJointName(CanonicalJoint c);
// Inverse of canonicalJointName (case-insensitive); nullopt otherwise.
std::optional<CanonicalJoint> parseCanonicalJoint(std::string_view name);
BodyPart canonicalBodyPart(CanonicalJoint c);
// Unit direction of the joint's bone in the canonical T-pose (towards its
// chain child; chain ends: the parent's bone): +Y torso, +X left arm, -X right
// arm, -Y upper and lower legs, +Z feet and toes.
Eigen::Vector3d canonicalBoneDirection(CanonicalJoint c);

// Motion on the canonical rig. Frame-major: joint c of frame f at
// [f * kCanonicalJointCount + c].
struct CanonicalMotion {
  int frames = 0;
  double fps = 30.0;
  // Global joint positions in metres (same world axes and origin as the
  // source clip, divided by its unitsPerMeter()). May be left empty for
  // fromCanonical, which then keeps the target's root translation.
  std::vector<Eigen::Vector3d> positions;
  // Canonical local rotations (unit quaternions, sign-continuous over time).
  std::vector<Eigen::Quaterniond> rotations;
  // Which canonical joints had a source joint. An unmapped joint follows its
  // parent: identity local rotation, the parent's position.
  std::array<bool, kCanonicalJointCount> mapped{};

  static size_t index(int frame, CanonicalJoint c) {
    return static_cast<size_t>(frame) * kCanonicalJointCount + canonicalIndex(c);
  }
  const Eigen::Vector3d& position(int frame, CanonicalJoint c) const { return positions[index(frame, c)]; }
  const Eigen::Quaterniond& rotation(int frame, CanonicalJoint c) const { return rotations[index(frame, c)]; }
  Eigen::Quaterniond& rotation(int frame, CanonicalJoint c) { return rotations[index(frame, c)]; }
};

// User corrections for CanonicalRig::map, all by exact source joint name.
struct CanonicalRigOverrides {
  // Applied to the detected body parts before mapping (joint only).
  std::map<std::string, BodyPart> parts;
  // Source joint -> canonical joint; beats the automatic choice. Each
  // canonical joint may be named once.
  std::map<std::string, CanonicalJoint> joints;
  // Canonical joints to leave without a source joint.
  std::vector<CanonicalJoint> cleared;
};

// Mapping of one source skeleton onto the canonical rig, with the constant
// rest alignments. Immutable after map(); toCanonical and fromCanonical are
// const and keep no state, so one rig may serve many threads at once.
class CanonicalRig {
 public:
  // An empty rig: nothing mapped, not usable.
  CanonicalRig();

  // Maps `skeleton` by joint names and structure:
  //  * limb joints by keyword within their body part (BodyPartMap::detect);
  //    when several joints fit one slot the one closest to the root wins
  //    (CMU lwrist before lhand); "shoulder" is the clavicle unless the limb
  //    also has a clavicle/collar joint or no other upper-arm joint (SMPL
  //    L_Collar + L_Shoulder); a sided "hip" is the upper leg unless the limb
  //    has a thigh/upleg/femur joint; a plain "leg" is the lower leg below an
  //    upper leg (Mixamo LeftUpLeg + LeftLeg); a second foot joint below the
  //    foot is the toe (SMPL left_ankle + left_foot); CMU lhipjoint, fingers,
  //    heels and end joints stay unmapped;
  //  * pelvis = lowest common ancestor of the two upper legs, chest = lowest
  //    common ancestor of the two clavicles (else upper arms), spine = the
  //    first joint strictly between pelvis and chest, neck and head by
  //    keyword below the chest (neck falls back to the first joint between
  //    chest and head).
  // Every mapped joint lies below its nearest mapped canonical ancestor's
  // source joint; automatic choices that break this are dropped.
  // `error` (optional) receives an empty string when the rig isUsable(),
  // otherwise why not: an invalid skeleton, an override naming an unknown
  // joint, two overrides for one canonical joint, an override breaking the
  // hierarchy (these return an empty rig), or the required joints missing
  // (this returns the partial rig).
  static CanonicalRig map(const Skeleton& skeleton, std::string* error = nullptr);
  static CanonicalRig map(const Skeleton& skeleton, const CanonicalRigOverrides& overrides,
                          std::string* error = nullptr);

  // Joints of the source skeleton the rig was made for (0 for an empty rig).
  int sourceJointCount() const { return static_cast<int>(mSourceNames.size()); }
  // Source joint index of `c`, or -1 when unmapped.
  int sourceJoint(CanonicalJoint c) const { return mSource[canonicalIndex(c)]; }
  // Canonical joint a source joint is mapped to, or nullopt.
  std::optional<CanonicalJoint> canonicalOf(int sourceJoint) const;
  // Body parts used for the mapping (overrides included).
  const BodyPartMap& bodyParts() const { return mParts; }
  // Source joints no canonical joint maps to (fingers, CMU lhipjoint, a root
  // above the pelvis, extra spine joints, end joints), in index order.
  std::vector<int> unmappedJoints() const;
  // Canonical joints with no source joint, in enum order.
  std::vector<CanonicalJoint> missingCanonical() const;
  // True when pelvis, head and both upper/lower legs, feet, upper arms,
  // forearms and hands are mapped: enough for the models.
  bool isUsable() const;
  // C_c of the header comment (identity for unmapped joints).
  const Eigen::Quaterniond& restAlignment(CanonicalJoint c) const { return mAlign[canonicalIndex(c)]; }

  // Canonical motion of every frame of `clip`, whose skeleton must have the
  // joint names and parents the rig was made for. Positions are divided by
  // clip.unitsPerMeter(). Missing-data flags of the clip are not carried.
  // On a mismatch returns frames == 0 and sets `error` (optional).
  CanonicalMotion toCanonical(const Clip& clip, std::string* error = nullptr) const;

  // Writes canonical rotations back onto `target` (same skeleton as for
  // toCanonical, motion.frames == target.frameCount()): every mapped source
  // joint gets the global rotation R_c * C_c, its local rotation is taken
  // relative to its source parent's global rotation (computed from the
  // target's own local rotations where the parent is unmapped), and unmapped
  // joints keep their local rotations untouched. When motion.positions is
  // filled, the nearest translation track at or above the pelvis joint is
  // shifted so that the pelvis lands on the canonical pelvis position
  // (metres -> target.unitsPerMeter()); this works with a root above the
  // pelvis (Bandai's joint_Root). Other translations are untouched.
  // On a mismatch returns false, sets `error` and leaves `target` unchanged.
  bool fromCanonical(const CanonicalMotion& motion, Clip& target, std::string* error = nullptr) const;

 private:
  bool matches(const Skeleton& skeleton, std::string* error) const;

  std::vector<std::string> mSourceNames;
  std::vector<int> mSourceParents;
  std::array<int, kCanonicalJointCount> mSource{};
  std::array<Eigen::Quaterniond, kCanonicalJointCount> mAlign;
  std::vector<int> mCanonicalOf;  // per source joint: canonical index or -1
  BodyPartMap mParts;
};

}  // namespace mm
