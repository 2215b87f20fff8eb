#include "viewport/skeletonentity.h"

#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/units.h"

#include <Qt3DCore/QTransform>
#include <Qt3DExtras/QCylinderMesh>
#include <Qt3DExtras/QPhongAlphaMaterial>
#include <Qt3DExtras/QPhongMaterial>
#include <Qt3DExtras/QSphereMesh>
#include <QQuaternion>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm::viewport {

SkeletonEntity::SkeletonEntity(const Clip& clip, Qt3DCore::QNode* parent, Style style, const BodyPartMap* parts)
    : Qt3DCore::QEntity(parent), mStyle(style), mPoses(std::make_unique<GlobalPoses>()) {
  const double unitsPerMeter = clip.unitsPerMeter();
  mMetresPerUnit = unitsPerMeter > 0 ? static_cast<float>(1.0 / unitsPerMeter) : 1.0f;
  const Skeleton& skeleton = clip.skeleton();
  const int joints = skeleton.jointCount();
  mJointPositions.assign(static_cast<size_t>(joints), QVector3D());
  const BodyPartMap detected =
      parts && parts->jointCount() == joints ? *parts : BodyPartMap::detect(skeleton);

  findReferenceJoint(clip);
  for (int j = 1; j < joints; ++j) {
    if (skeleton.parent(j) != mReferenceJoint)
      mBones.push_back(Bone{skeleton.parent(j), j, QVector3D(), detected.part(j), nullptr});
  }
  for (int j = 0; j < joints; ++j) {
    if (j == mReferenceJoint) continue;
    if (const auto& site = skeleton.endSite(j)) {
      const Eigen::Vector3d m = *site * static_cast<double>(mMetresPerUnit);
      mBones.push_back(Bone{j, -1, QVector3D(float(m.x()), float(m.y()), float(m.z())), detected.part(j), nullptr});
    }
  }
  mBoneTips.assign(mBones.size(), QVector3D());

  const double height = detectUnits(skeleton).heightInUnits * mMetresPerUnit;
  if (height > 0.01 && height < 1e4) mHeight = static_cast<float>(height);
  mJointRadius = 0.018f * mHeight;

  if (mStyle == Style::Solid) computeExtent(clip);
  buildEntities(detected);
  showFrame(clip, 0);
}

SkeletonEntity::~SkeletonEntity() = default;

void SkeletonEntity::computeFrame(const Clip& clip, int frame) {
  ForwardKinematicsJob job;
  job.clip = &clip;
  job.begin = frame;
  job.end = frame + 1;
  job.output = mPoses.get();
  job.run();
}

void SkeletonEntity::findReferenceJoint(const Clip& c) {
  // A body root moves in any real take and has several children (spine,
  // legs); a world reference stays put and carries the body root alone.
  // Joint 0's world position is its own local translation and rotation.
  const Skeleton& skeleton = c.skeleton();
  if (c.jointCount() < 2 || c.frameCount() < 2 || skeleton.children(0).size() != 1) return;
  for (int f = 1; f < c.frameCount(); ++f) {
    if ((c.localTranslation(f, 0) - c.localTranslation(0, 0)).squaredNorm() > 1e-12) return;
  }
  mReferenceJoint = 0;
  mBodyRoot = skeleton.children(0).front();
}

void SkeletonEntity::computeExtent(const Clip& clip) {
  const int frames = clip.frameCount();
  if (frames == 0 || clip.jointCount() == 0) {
    mBoundsMin = mBoundsMax = QVector3D();
    mRootArea = QRectF();
    return;
  }
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double lo[3] = {kInf, kInf, kInf}, hi[3] = {-kInf, -kInf, -kInf};
  double x0 = kInf, x1 = -kInf, z0 = kInf, z1 = -kInf;
  // Sampled frames, evenly spread, the last one included: a box and a path
  // area for framing, not an exact hull.
  const int samples = std::min(frames, kExtentSamples);
  for (int k = 0; k < samples; ++k) {
    const int f = samples == 1 ? 0 : static_cast<int>((static_cast<long long>(k) * (frames - 1)) / (samples - 1));
    computeFrame(clip, f);
    const GlobalPoses& p = *mPoses;
    for (int j = 0; j < p.joints; ++j) {
      if (j == mReferenceJoint) continue;
      const size_t i = p.index(0, j);
      const double v[3] = {p.px[i], p.py[i], p.pz[i]};
      for (int a = 0; a < 3; ++a) {
        // Skip non-finite values from broken files rather than poison the box.
        if (!std::isfinite(v[a])) continue;
        lo[a] = std::min(lo[a], v[a]);
        hi[a] = std::max(hi[a], v[a]);
      }
    }
    const size_t r = p.index(0, mBodyRoot);
    if (std::isfinite(p.px[r]) && std::isfinite(p.pz[r])) {
      x0 = std::min(x0, p.px[r]), x1 = std::max(x1, p.px[r]);
      z0 = std::min(z0, p.pz[r]), z1 = std::max(z1, p.pz[r]);
    }
  }
  for (int a = 0; a < 3; ++a)
    if (lo[a] > hi[a]) lo[a] = hi[a] = 0.0;
  const float s = mMetresPerUnit;
  mBoundsMin = QVector3D(float(lo[0]) * s, float(lo[1]) * s, float(lo[2]) * s);
  mBoundsMax = QVector3D(float(hi[0]) * s, float(hi[1]) * s, float(hi[2]) * s);
  if (x0 > x1) x0 = x1 = z0 = z1 = 0.0;
  mRootArea = QRectF(x0 * s, z0 * s, (x1 - x0) * s, (z1 - z0) * s);
}

namespace {
QColor mixWithWhite(const QColor& c, float w) {
  return QColor::fromRgbF(c.redF() + (1.0f - c.redF()) * w, c.greenF() + (1.0f - c.greenF()) * w,
                          c.blueF() + (1.0f - c.blueF()) * w);
}
// The ramp's good end is a dark blue that a lit bone on the dark background
// would lose: bones draw the ramp colour lifted towards white (hue and
// order kept), joints lighter still, so they read as knots on the bones.
constexpr float kBoneLift = 0.4f;
constexpr float kJointLift = 0.6f;
const QColor kNeutralJoint(240, 150, 45);

void setPhongColor(Qt3DExtras::QPhongMaterial* m, const QColor& c, float ambient) {
  m->setDiffuse(c);
  m->setAmbient(QColor::fromRgbF(c.redF() * ambient, c.greenF() * ambient, c.blueF() * ambient));
}
}  // namespace

void SkeletonEntity::buildEntities(const BodyPartMap& parts) {
  // Meshes and materials are shared by all joints / bones: one GPU buffer each.
  auto* sphere = new Qt3DExtras::QSphereMesh(this);
  sphere->setRadius(mJointRadius);
  sphere->setRings(12);
  sphere->setSlices(16);
  auto* cylinder = new Qt3DExtras::QCylinderMesh(this);
  cylinder->setRadius(0.55f * mJointRadius);
  cylinder->setLength(1.0f);  // along +Y, centred; scaled to each bone's length
  cylinder->setRings(2);
  cylinder->setSlices(10);

  Qt3DRender::QMaterial* ghost = nullptr;
  if (mStyle == Style::Ghost) {
    // Slightly fatter than the solid bones so that where the poses agree the
    // ghost shows as a thin halo, not as nothing.
    sphere->setRadius(1.15f * mJointRadius);
    cylinder->setRadius(0.75f * mJointRadius);
    auto* m = new Qt3DExtras::QPhongAlphaMaterial(this);
    const QColor c = ghostColor();
    m->setDiffuse(c);
    m->setAmbient(QColor::fromRgbF(c.redF() * 0.7f, c.greenF() * 0.7f, c.blueF() * 0.7f));
    m->setSpecular(QColor(0, 0, 0));
    m->setAlpha(kGhostAlpha);
    ghost = m;
  } else {
    for (int p = 0; p < kBodyPartCount; ++p) {
      auto* bone = new Qt3DExtras::QPhongMaterial(this);
      bone->setSpecular(QColor(40, 40, 40));
      bone->setShininess(20.0f);
      auto* joint = new Qt3DExtras::QPhongMaterial(this);
      joint->setSpecular(QColor(60, 60, 60));
      joint->setShininess(30.0f);
      mBoneMaterials[size_t(p)] = bone;
      mJointMaterials[size_t(p)] = joint;
    }
    mColored = true;  // so that the call below sets the neutral colours
    setPartColors(nullptr);
  }

  const auto addPart = [this](Qt3DCore::QComponent* mesh, Qt3DCore::QComponent* material) {
    auto* entity = new Qt3DCore::QEntity(this);
    auto* transform = new Qt3DCore::QTransform(entity);
    entity->addComponent(mesh);
    entity->addComponent(material);
    entity->addComponent(transform);
    return transform;
  };
  const auto material = [&](const auto& perPart, BodyPart part) -> Qt3DCore::QComponent* {
    return ghost ? static_cast<Qt3DCore::QComponent*>(ghost) : perPart[size_t(bodyPartIndex(part))];
  };
  mJointTransforms.reserve(mJointPositions.size());
  for (size_t j = 0; j < mJointPositions.size(); ++j) {
    const bool drawn = static_cast<int>(j) != mReferenceJoint;
    mJointTransforms.push_back(drawn ? addPart(sphere, material(mJointMaterials, parts.part(int(j)))) : nullptr);
  }
  for (Bone& bone : mBones) bone.transform = addPart(cylinder, material(mBoneMaterials, bone.part));
}

void SkeletonEntity::setPartColors(const std::array<QColor, kBodyPartCount>* colors) {
  if (mStyle != Style::Solid || (!colors && !mColored)) return;
  for (int p = 0; p < kBodyPartCount; ++p) {
    if (colors) {
      const QColor& c = (*colors)[size_t(p)];
      if (mColored && mPartColors[size_t(p)] == c) continue;
      mPartColors[size_t(p)] = c;
      setPhongColor(mBoneMaterials[size_t(p)], mixWithWhite(c, kBoneLift), 1.0f);
      setPhongColor(mJointMaterials[size_t(p)], mixWithWhite(c, kJointLift), 0.7f);
    } else {
      mPartColors[size_t(p)] = neutralBoneColor();
      setPhongColor(mBoneMaterials[size_t(p)], neutralBoneColor(), 0.47f);
      mJointMaterials[size_t(p)]->setDiffuse(kNeutralJoint);
      mJointMaterials[size_t(p)]->setAmbient(QColor(110, 62, 16));
    }
  }
  mColored = colors != nullptr;
}

QColor SkeletonEntity::partColor(BodyPart part) const {
  if (mStyle == Style::Ghost) return ghostColor();
  return mPartColors[size_t(bodyPartIndex(part))];
}

std::pair<QVector3D, QVector3D> SkeletonEntity::boneEnds(int bone) const {
  const Bone& b = mBones[static_cast<size_t>(bone)];
  return {mJointPositions[static_cast<size_t>(b.from)], mBoneTips[static_cast<size_t>(bone)]};
}

int SkeletonEntity::boneJoint(int bone) const {
  const Bone& b = mBones[static_cast<size_t>(bone)];
  return b.to >= 0 ? b.to : b.from;
}

void SkeletonEntity::hideWhereMatching(const SkeletonEntity* other, float tolerance) {
  const bool compare = other && other->jointCount() == jointCount();
  const auto differs = [&](int j) {
    return !compare || (mJointPositions[size_t(j)] - other->mJointPositions[size_t(j)]).length() > tolerance;
  };
  for (size_t j = 0; j < mJointTransforms.size(); ++j) {
    if (!mJointTransforms[j]) continue;
    auto* entity = static_cast<Qt3DCore::QEntity*>(mJointTransforms[j]->parent());
    const bool on = differs(int(j));
    if (entity->isEnabled() != on) entity->setEnabled(on);
  }
  for (size_t k = 0; k < mBones.size(); ++k) {
    const Bone& b = mBones[k];
    const bool on = differs(b.from) || (b.to >= 0 ? differs(b.to) : !compare || (mBoneTips[k] - other->mBoneTips[k]).length() > tolerance);
    auto* entity = static_cast<Qt3DCore::QEntity*>(b.transform->parent());
    if (entity->isEnabled() != on) entity->setEnabled(on);
  }
}

void SkeletonEntity::hideAll() {
  for (auto* t : mJointTransforms)
    if (t && static_cast<Qt3DCore::QEntity*>(t->parent())->isEnabled())
      static_cast<Qt3DCore::QEntity*>(t->parent())->setEnabled(false);
  for (const Bone& b : mBones) {
    auto* entity = static_cast<Qt3DCore::QEntity*>(b.transform->parent());
    if (entity->isEnabled()) entity->setEnabled(false);
  }
}

bool SkeletonEntity::isJointDrawn(int joint) const {
  const Qt3DCore::QTransform* t = mJointTransforms[size_t(joint)];
  return t && static_cast<const Qt3DCore::QEntity*>(t->parent())->isEnabled();
}

void SkeletonEntity::showFrame(const Clip& clip, int frame) {
  if (clip.frameCount() == 0 || clip.jointCount() != jointCount()) return;
  frame = std::clamp(frame, 0, clip.frameCount() - 1);
  showPose(clip, frame, frame);
}

void SkeletonEntity::showPose(const Clip& source, int sourceFrame, int frame) {
  if (sourceFrame < 0 || sourceFrame >= source.frameCount() || source.jointCount() != jointCount()) return;
  computeFrame(source, sourceFrame);
  placeFromPoses();
  mShownFrame = frame;
}

void SkeletonEntity::placeFromPoses() {
  const GlobalPoses& p = *mPoses;
  const float s = mMetresPerUnit;
  for (size_t j = 0; j < mJointPositions.size(); ++j) {
    const size_t i = p.index(0, static_cast<int>(j));
    mJointPositions[j] = QVector3D(float(p.px[i]) * s, float(p.py[i]) * s, float(p.pz[i]) * s);
    if (mJointTransforms[j]) mJointTransforms[j]->setTranslation(mJointPositions[j]);
  }

  const QVector3D up(0.0f, 1.0f, 0.0f);
  for (size_t k = 0; k < mBones.size(); ++k) {
    const Bone& bone = mBones[k];
    const QVector3D& a = mJointPositions[static_cast<size_t>(bone.from)];
    QVector3D b;
    if (bone.to >= 0) {
      b = mJointPositions[static_cast<size_t>(bone.to)];
    } else {
      const size_t i = p.index(0, bone.from);
      const QQuaternion r(float(p.qw[i]), float(p.qx[i]), float(p.qy[i]), float(p.qz[i]));
      b = a + r.rotatedVector(bone.endSite);
    }
    mBoneTips[k] = b;
    const QVector3D d = b - a;
    const float length = d.length();
    bone.transform->setTranslation((a + b) * 0.5f);
    // A zero-length bone (joint on top of its parent) collapses to nothing.
    bone.transform->setRotation(length > 1e-6f ? QQuaternion::rotationTo(up, d / length) : QQuaternion());
    bone.transform->setScale3D(QVector3D(1.0f, length, 1.0f));
  }
}

}  // namespace mm::viewport
