#pragma once
// One clip's skeleton drawn as joints (spheres) and bones (cylinders from each
// joint to its parent, and to BVH end sites). Showing a frame runs forward
// kinematics of that frame only (microseconds for 60 joints) and moves the
// existing transforms: no world poses are cached for the whole take (an hour
// at 120 fps with 60 joints would be 1.45 GB), and an edit of the clip shows
// on the next showFrame.

#include <Qt3DCore/QEntity>
#include <QRectF>
#include <QVector3D>

#include <memory>
#include <vector>

namespace Qt3DCore {
class QTransform;
}

namespace mm {
class Clip;
class Skeleton;
struct GlobalPoses;
}  // namespace mm

namespace mm::viewport {

class SkeletonEntity : public Qt3DCore::QEntity {
  Q_OBJECT
 public:
  // `clip` must outlive the entity for showFrame (the view rebuilds the
  // entity when the document replaces its clip). The extent is measured on
  // up to kExtentSamples frames spread over the take. World units are metres
  // (file units / clip.unitsPerMeter()), Y up as in the file.
  explicit SkeletonEntity(const Clip& clip, Qt3DCore::QNode* parent = nullptr);
  static constexpr int kExtentSamples = 4096;
  ~SkeletonEntity() override;

  int frameCount() const { return mFrames; }
  int jointCount() const { return static_cast<int>(mJointPositions.size()); }

  // Moves joints and bones to `frame` (clamped to the clip), as the clip's
  // values are now.
  void showFrame(int frame);
  int shownFrame() const { return mShownFrame; }
  // World position (metres) of `joint` in the frame shown now.
  QVector3D jointPosition(int joint) const { return mJointPositions[static_cast<size_t>(joint)]; }

  // Box around every joint over every frame (metres); empty clip: both zero.
  const QVector3D& boundsMin() const { return mBoundsMin; }
  const QVector3D& boundsMax() const { return mBoundsMax; }
  // Where the root goes, as a rectangle in x (QRectF x) and z (QRectF y).
  const QRectF& rootArea() const { return mRootArea; }
  // Lowest height any joint reaches in the clip (metres).
  float lowestY() const { return mBoundsMin.y(); }
  // Joint 0 when it is a fixed world reference above the body (e.g. Bandai's
  // joint_Root at the origin, parent of Hips): not drawn, and not part of
  // the bounds; -1 otherwise.
  int referenceJoint() const { return mReferenceJoint; }
  // Estimated standing height of the skeleton (metres); sizes the markers.
  float skeletonHeight() const { return mHeight; }
  float jointRadius() const { return mJointRadius; }

 private:
  struct Bone {
    int from = 0;
    int to = -1;           // child joint, or -1 for the end site of `from`
    QVector3D endSite;     // metres, in `from`'s frame (to == -1 only)
    Qt3DCore::QTransform* transform = nullptr;
  };

  void findReferenceJoint(const Skeleton& skeleton);
  void computeExtent();
  void buildEntities();

  // Poses of `frame` into mPoses (one frame).
  void computeFrame(int frame);

  const Clip* mClip;
  std::unique_ptr<GlobalPoses> mPoses;  // one frame
  int mFrames = 0;
  int mShownFrame = -1;
  int mReferenceJoint = -1;
  int mBodyRoot = 0;  // the joint whose path is the motion's trajectory
  float mMetresPerUnit = 1.0f;
  float mHeight = 1.7f;
  float mJointRadius = 0.03f;
  std::vector<QVector3D> mJointPositions;  // frame shown, metres
  std::vector<Qt3DCore::QTransform*> mJointTransforms;  // null: not drawn
  std::vector<Bone> mBones;
  QVector3D mBoundsMin, mBoundsMax;
  QRectF mRootArea;
};

}  // namespace mm::viewport
