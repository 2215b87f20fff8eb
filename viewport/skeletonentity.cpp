#include "viewport/skeletonentity.h"

#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/units.h"

#include <Qt3DCore/QTransform>
#include <Qt3DExtras/QCylinderMesh>
#include <Qt3DExtras/QPhongMaterial>
#include <Qt3DExtras/QSphereMesh>
#include <QQuaternion>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm::viewport {

SkeletonEntity::SkeletonEntity(const Clip& clip, Qt3DCore::QNode* parent)
    : Qt3DCore::QEntity(parent), mClip(&clip), mPoses(std::make_unique<GlobalPoses>()) {
  mFrames = clip.frameCount();
  const double unitsPerMeter = clip.unitsPerMeter();
  mMetresPerUnit = unitsPerMeter > 0 ? static_cast<float>(1.0 / unitsPerMeter) : 1.0f;
  const Skeleton& skeleton = clip.skeleton();
  const int joints = skeleton.jointCount();
  mJointPositions.assign(static_cast<size_t>(joints), QVector3D());

  findReferenceJoint(skeleton);
  for (int j = 1; j < joints; ++j) {
    if (skeleton.parent(j) != mReferenceJoint) mBones.push_back(Bone{skeleton.parent(j), j, QVector3D(), nullptr});
  }
  for (int j = 0; j < joints; ++j) {
    if (j == mReferenceJoint) continue;
    if (const auto& site = skeleton.endSite(j)) {
      const Eigen::Vector3d m = *site * static_cast<double>(mMetresPerUnit);
      mBones.push_back(Bone{j, -1, QVector3D(float(m.x()), float(m.y()), float(m.z())), nullptr});
    }
  }

  const double height = detectUnits(skeleton).heightInUnits * mMetresPerUnit;
  if (height > 0.01 && height < 1e4) mHeight = static_cast<float>(height);
  mJointRadius = 0.018f * mHeight;

  computeExtent();
  buildEntities();
  showFrame(0);
}

SkeletonEntity::~SkeletonEntity() = default;

void SkeletonEntity::computeFrame(int frame) {
  ForwardKinematicsJob job;
  job.clip = mClip;
  job.begin = frame;
  job.end = frame + 1;
  job.output = mPoses.get();
  job.run();
}

void SkeletonEntity::findReferenceJoint(const Skeleton& skeleton) {
  // A body root moves in any real take and has several children (spine,
  // legs); a world reference stays put and carries the body root alone.
  // Joint 0's world position is its own local translation and rotation.
  const Clip& c = *mClip;
  if (c.jointCount() < 2 || c.frameCount() < 2 || skeleton.children(0).size() != 1) return;
  for (int f = 1; f < c.frameCount(); ++f) {
    if ((c.localTranslation(f, 0) - c.localTranslation(0, 0)).squaredNorm() > 1e-12) return;
  }
  mReferenceJoint = 0;
  mBodyRoot = skeleton.children(0).front();
}

void SkeletonEntity::computeExtent() {
  if (mFrames == 0 || mClip->jointCount() == 0) {
    mBoundsMin = mBoundsMax = QVector3D();
    mRootArea = QRectF();
    return;
  }
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double lo[3] = {kInf, kInf, kInf}, hi[3] = {-kInf, -kInf, -kInf};
  double x0 = kInf, x1 = -kInf, z0 = kInf, z1 = -kInf;
  // Sampled frames, evenly spread, the last one included: a box and a path
  // area for framing, not an exact hull.
  const int samples = std::min(mFrames, kExtentSamples);
  for (int k = 0; k < samples; ++k) {
    const int f = samples == 1 ? 0 : static_cast<int>((static_cast<long long>(k) * (mFrames - 1)) / (samples - 1));
    computeFrame(f);
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

void SkeletonEntity::buildEntities() {
  // Meshes and materials are shared by all joints / bones: one GPU buffer each.
  auto* sphere = new Qt3DExtras::QSphereMesh(this);
  sphere->setRadius(mJointRadius);
  sphere->setRings(12);
  sphere->setSlices(16);
  auto* cylinder = new Qt3DExtras::QCylinderMesh(this);
  cylinder->setRadius(0.4f * mJointRadius);
  cylinder->setLength(1.0f);  // along +Y, centred; scaled to each bone's length
  cylinder->setRings(2);
  cylinder->setSlices(10);

  auto* jointMaterial = new Qt3DExtras::QPhongMaterial(this);
  jointMaterial->setAmbient(QColor(110, 62, 16));
  jointMaterial->setDiffuse(QColor(240, 150, 45));
  jointMaterial->setSpecular(QColor(60, 60, 60));
  jointMaterial->setShininess(30.0f);
  auto* boneMaterial = new Qt3DExtras::QPhongMaterial(this);
  boneMaterial->setAmbient(QColor(95, 100, 110));
  boneMaterial->setDiffuse(QColor(200, 206, 216));
  boneMaterial->setSpecular(QColor(40, 40, 40));
  boneMaterial->setShininess(20.0f);

  const auto addPart = [this](Qt3DCore::QComponent* mesh, Qt3DCore::QComponent* material) {
    auto* entity = new Qt3DCore::QEntity(this);
    auto* transform = new Qt3DCore::QTransform(entity);
    entity->addComponent(mesh);
    entity->addComponent(material);
    entity->addComponent(transform);
    return transform;
  };
  mJointTransforms.reserve(mJointPositions.size());
  for (size_t j = 0; j < mJointPositions.size(); ++j) {
    const bool drawn = static_cast<int>(j) != mReferenceJoint;
    mJointTransforms.push_back(drawn ? addPart(sphere, jointMaterial) : nullptr);
  }
  for (Bone& bone : mBones) bone.transform = addPart(cylinder, boneMaterial);
}

void SkeletonEntity::showFrame(int frame) {
  if (mFrames == 0) return;
  frame = std::clamp(frame, 0, mFrames - 1);
  computeFrame(frame);
  const GlobalPoses& p = *mPoses;
  const float s = mMetresPerUnit;
  for (size_t j = 0; j < mJointPositions.size(); ++j) {
    const size_t i = p.index(0, static_cast<int>(j));
    mJointPositions[j] = QVector3D(float(p.px[i]) * s, float(p.py[i]) * s, float(p.pz[i]) * s);
    if (mJointTransforms[j]) mJointTransforms[j]->setTranslation(mJointPositions[j]);
  }

  const QVector3D up(0.0f, 1.0f, 0.0f);
  for (const Bone& bone : mBones) {
    const QVector3D& a = mJointPositions[static_cast<size_t>(bone.from)];
    QVector3D b;
    if (bone.to >= 0) {
      b = mJointPositions[static_cast<size_t>(bone.to)];
    } else {
      const size_t i = p.index(0, bone.from);
      const QQuaternion r(float(p.qw[i]), float(p.qx[i]), float(p.qy[i]), float(p.qz[i]));
      b = a + r.rotatedVector(bone.endSite);
    }
    const QVector3D d = b - a;
    const float length = d.length();
    bone.transform->setTranslation((a + b) * 0.5f);
    // A zero-length bone (joint on top of its parent) collapses to nothing.
    bone.transform->setRotation(length > 1e-6f ? QQuaternion::rotationTo(up, d / length) : QQuaternion());
    bone.transform->setScale3D(QVector3D(1.0f, length, 1.0f));
  }
  mShownFrame = frame;
}

}  // namespace mm::viewport
