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
// CMU and Mixamo alike). nullopt if the part has no such three-joint chain.
std::optional<LegChain> findLegChain(const Skeleton& skeleton, const BodyPartMap& parts, BodyPart leg);

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
