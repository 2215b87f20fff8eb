#pragma once
// Small pieces of body geometry the corruption lab needs: which way is up,
// which joints form a leg's hip-knee-ankle chain, how the left and right
// limbs pair up, and an analytic two-bone IK to move an ankle.

#include "motion/bodyparts.h"
#include "motion/clip.h"

#include <Eigen/Geometry>
#include <optional>
#include <utility>
#include <vector>

namespace mm {

// The world's up direction as a signed unit coordinate axis (e.g. (0,1,0)),
// read from the animation rather than the rest pose, because rigs such as
// Bandai's have a rest pose lying along X: the axis along which the head
// (deepest torso joint) is on average furthest from the feet (deepest leg
// joints, else the root) over up to 32 evenly spaced frames. (0,1,0) when the
// clip has no frames or the head and feet coincide.
Eigen::Vector3d detectUpAxis(const Clip& clip, const BodyPartMap& parts);

// A leg's two-bone chain: hip (upper-leg joint, its rotation swings the thigh),
// knee (lower-leg joint) and ankle (foot joint), with knee = parent(ankle)
// and hip = parent(knee), all three in the leg's part.
struct LegChain {
  int hip = -1;
  int knee = -1;
  int ankle = -1;
};
// The ankle is the leg joint whose own bone plus its parent's bone is the
// longest (thigh + shin outweigh hip-joint, foot and toe bones, for Bandai,
// CMU and Mixamo alike) among the joints with less of the leg below them
// than their own bone (the foot is shorter than the shin), when any has.
// nullopt if the part has no such three-joint chain.
std::optional<LegChain> findLegChain(const Skeleton& skeleton, const BodyPartMap& parts, BodyPart leg);

// An arm's two-bone chain: shoulder (upper-arm joint, its rotation swings
// the upper arm), elbow and wrist, with elbow = parent(wrist) and shoulder =
// parent(elbow), all three in the arm's part. Found as findLegChain finds a
// leg's (upper arm + forearm outweigh hand and finger bones; the wrist test
// keeps a clavicle longer than the forearm, as CMU's, out).
struct ArmChain {
  int shoulder = -1;
  int elbow = -1;
  int wrist = -1;
};
std::optional<ArmChain> findArmChain(const Skeleton& skeleton, const BodyPartMap& parts, BodyPart arm);

// The hinge of an elbow or knee: the limb's three-joint chain (findArmChain,
// findLegChain) and, for a leg, the toe (first child of the ankle in the leg,
// -1 if none), whose direction tells which way the knee bends.
struct HingeChain {
  BodyPart part = BodyPart::LeftArm;
  int upper = -1;   // shoulder or hip
  int middle = -1;  // elbow or knee
  int lower = -1;   // wrist or ankle
  int tip = -1;     // toe (legs only), or -1
};
// nullopt if the limb has no three-joint chain; `limb` is an arm or a leg.
std::optional<HingeChain> findHingeChain(const Skeleton& skeleton, const BodyPartMap& parts, BodyPart limb);

// Bend of the middle joint in one frame, from its local rotation and the two
// bones' local translations (no forward kinematics): with u the upper bone
// and v the lower bone as unit vectors in the upper joint's frame, returns
// u x v (its length is the sine of the bend, its direction the bend's axis)
// and sets *cosine to u . v. A zero-length bone gives a zero vector and 1.
Eigen::Vector3d hingeBend(const Clip& clip, const HingeChain& chain, int frame, double* cosine);

// The axis (unit, in the upper joint's frame) about which the middle joint
// bends naturally, learnt from the clip, since elbows and knees bend one way
// only: the principal axis of the bends (hingeBend over the frames bent by
// more than 5 degrees), pointed the way the median bend of all frames goes
// (a limb hanging nearly straight still leans a degree or two the natural
// way), so that a span bent backwards over less than half the clip does not
// turn it round; when that median is within a degree of straight, the way
// at least 65 % of the clearly bent frames go. Legs with a toe take the
// direction from the foot instead, which points away from the side the
// shin folds to (toe x shin), and fall back on that direction alone when
// the knee never bends. Takes longer than 8192 frames are sampled evenly
// at that many frames. nullopt when the clip says nothing reliable: an arm
// bent in fewer than 3 frames, or straight half the time and bent both ways
// about as often.
std::optional<Eigen::Vector3d> naturalHingeAxis(const Clip& clip, const HingeChain& chain);
// The same from bends already computed: bends[f] = hingeBend(clip, chain, f)
// for every sampled frame (every frame will do).
std::optional<Eigen::Vector3d> naturalHingeAxis(const Clip& clip, const HingeChain& chain,
                                                const std::vector<Eigen::Vector3d>& bends);

// Signed bend (radians, -pi..pi) of the middle joint about `axis`: positive
// bent the natural way, negative bent backwards.
double signedHingeBend(const Clip& clip, const HingeChain& chain, const Eigen::Vector3d& axis, int frame);

// The joints that place the body in the world rather than join two bones:
// the root and the chain of only children below it, down to and including the
// first joint with several children (Bandai's joint_Root and Hips; the Hips
// of a rig rooted at the pelvis). Their translation tracks carry the motion
// through space, so their length is no bone length. True per joint.
std::vector<char> placementJoints(const Skeleton& skeleton);

// Joint-by-joint pairing of two limbs (LeftArm/RightArm or LeftLeg/RightLeg).
struct LimbPairing {
  // (left joint, right joint), both in increasing index order.
  std::vector<std::pair<int, int>> joints;
  // Coordinate axis (0 = X, 1 = Y, 2 = Z) whose reflection maps every left
  // rest offset onto its right partner (within 5 % of the bone length), or -1
  // when no single reflection does (rigs whose rest pose is not mirror
  // symmetric, e.g. Bandai's arms).
  int mirrorAxis = -1;
};
// Pairs the joints of both limbs in index order. nullopt unless both limbs
// have the same number of joints (>= 1) and the same parent structure.
std::optional<LimbPairing> pairLimbs(const Skeleton& skeleton, const BodyPartMap& parts, BodyPart left,
                                     BodyPart right);

// Reflection of a rotation through the coordinate plane normal to `axis`:
// M R M with M = diag(-1 on axis); as a quaternion (w, -M v).
Eigen::Quaterniond mirrorRotation(const Eigen::Quaterniond& q, int axis);

// Analytic two-bone IK for one frame. Positions in file units, rotations
// global (world) and unit. The hip position stays put; the hip and knee turn
// so the ankle reaches `target` (if the target is out of reach the leg
// straightens to 99.9 % of its length along the line to it, or folds to the
// shortest reach); the ankle keeps its global rotation, so a planted foot
// stays flat. The knee bends in the plane it already bends in; a straight
// leg bends in the plane of thigh and target (an arbitrary plane if the
// target is on the thigh's line).
struct TwoBoneIkInput {
  Eigen::Vector3d hipPos, kneePos, anklePos, target;
  Eigen::Quaterniond hipParentRot, hipRot, kneeRot, ankleRot;  // global
};
struct TwoBoneIkOutput {
  Eigen::Quaterniond hipLocal, kneeLocal, ankleLocal;  // new local rotations
  Eigen::Vector3d reached;                              // ankle position after the solve
};
TwoBoneIkOutput solveTwoBoneIk(const TwoBoneIkInput& in);

}  // namespace mm
