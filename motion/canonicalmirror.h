#pragma once
// The mirror image of canonical motion: the same performance with left and
// right exchanged (a left turn becomes a right turn, a wave of the left hand
// one of the right hand). Used to double training data and to teach the
// model that a straight walk has no preferred side.
//
// Canonical space has the character's left along +X and a T-pose that is its
// own mirror image (canonicalrig.h), so mirroring is the reflection
// M = diag(-1, 1, 1) of the world plus the exchange of each left joint with
// its right twin: positions p -> M p, rotations R -> M R M (local or global
// alike, since M M = I), which for a quaternion (w, x, y, z) is (w, x, -y, -z).

#include "motion/canonicalrig.h"

namespace mm {

// The joint's twin on the other side (itself for the spine, neck and head).
CanonicalJoint mirrorJoint(CanonicalJoint joint);

// The body part whose values a part's become in the mirror image (the arms
// and the legs exchanged; the torso stays).
BodyPart mirrorBodyPart(BodyPart part);

// `motion` reflected across the world's X = 0 plane, left and right joints
// exchanged (rotations, positions and which joints are mapped).
// mirrorMotion(mirrorMotion(m)) == m.
CanonicalMotion mirrorMotion(const CanonicalMotion& motion);

}  // namespace mm
