#include "motion/canonicalmirror.h"

namespace mm {

CanonicalJoint mirrorJoint(CanonicalJoint joint) {
  using C = CanonicalJoint;
  switch (joint) {
    case C::LeftShoulder: return C::RightShoulder;
    case C::LeftUpperArm: return C::RightUpperArm;
    case C::LeftForearm: return C::RightForearm;
    case C::LeftHand: return C::RightHand;
    case C::RightShoulder: return C::LeftShoulder;
    case C::RightUpperArm: return C::LeftUpperArm;
    case C::RightForearm: return C::LeftForearm;
    case C::RightHand: return C::LeftHand;
    case C::LeftUpperLeg: return C::RightUpperLeg;
    case C::LeftLowerLeg: return C::RightLowerLeg;
    case C::LeftFoot: return C::RightFoot;
    case C::LeftToe: return C::RightToe;
    case C::RightUpperLeg: return C::LeftUpperLeg;
    case C::RightLowerLeg: return C::LeftLowerLeg;
    case C::RightFoot: return C::LeftFoot;
    case C::RightToe: return C::LeftToe;
    default: return joint;
  }
}

BodyPart mirrorBodyPart(BodyPart part) {
  switch (part) {
    case BodyPart::LeftArm: return BodyPart::RightArm;
    case BodyPart::RightArm: return BodyPart::LeftArm;
    case BodyPart::LeftLeg: return BodyPart::RightLeg;
    case BodyPart::RightLeg: return BodyPart::LeftLeg;
    default: return part;
  }
}

CanonicalMotion mirrorMotion(const CanonicalMotion& motion) {
  CanonicalMotion out = motion;
  const bool hasPositions = motion.positions.size() == motion.rotations.size();
  for (int j = 0; j < kCanonicalJointCount; ++j) {
    const CanonicalJoint c = static_cast<CanonicalJoint>(j);
    const CanonicalJoint twin = mirrorJoint(c);
    out.mapped[static_cast<size_t>(canonicalIndex(twin))] = motion.mapped[static_cast<size_t>(j)];
    for (int f = 0; f < motion.frames; ++f) {
      const Eigen::Quaterniond& q = motion.rotation(f, c);
      out.rotations[CanonicalMotion::index(f, twin)] = Eigen::Quaterniond(q.w(), q.x(), -q.y(), -q.z());
      if (hasPositions) {
        const Eigen::Vector3d& p = motion.position(f, c);
        out.positions[CanonicalMotion::index(f, twin)] = Eigen::Vector3d(-p.x(), p.y(), p.z());
      }
    }
  }
  return out;
}

}  // namespace mm
