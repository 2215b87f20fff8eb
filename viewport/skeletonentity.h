#pragma once
// One clip's skeleton drawn as joints (spheres) and bones (cylinders from each
// joint to its parent, and to BVH end sites). Showing a frame runs forward
// kinematics of that frame only (microseconds for 60 joints) and moves the
// existing transforms: no world poses are cached for the whole take (an hour
// at 120 fps with 60 joints would be 1.45 GB), and an edit of the clip shows
// on the next showFrame.
//
// Two styles: Solid (lit; bones and joints coloured per body part, neutral
// until setPartColors gives colours) and Ghost (one translucent colour, for
// the proposal drawn over the current motion).

#include "motion/bodyparts.h"

#include <Qt3DCore/QEntity>
#include <QColor>
#include <QRectF>
#include <QVector3D>

#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace Qt3DCore {
class QTransform;
}
namespace Qt3DExtras {
class QPhongMaterial;
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
  enum class Style { Solid, Ghost };

  // Built for `clip`'s skeleton; the clip is read only during construction
  // (bounds) and by the show calls, never kept: a document may replace its
  // clip object (copy on write) at any edit. The extent is measured on up to
  // kExtentSamples frames spread over the take (not for a ghost, which needs
  // none). `parts` maps joints to body parts (null: detected from names).
  // World units are metres (file units / clip.unitsPerMeter()), Y up.
  explicit SkeletonEntity(const Clip& clip, Qt3DCore::QNode* parent = nullptr, Style style = Style::Solid,
                          const BodyPartMap* parts = nullptr);
  static constexpr int kExtentSamples = 4096;
  ~SkeletonEntity() override;

  Style style() const { return mStyle; }
  int jointCount() const { return static_cast<int>(mJointPositions.size()); }

  // Moves joints and bones to `frame` of `clip` (same skeleton as built
  // for; frame clamped to the clip), as the clip's values are now.
  void showFrame(const Clip& clip, int frame);
  // Shows frame `sourceFrame` of `source` (a clip of the same skeleton, such
  // as a one-frame clip holding a proposal's pose) and reports it as `frame`.
  void showPose(const Clip& source, int sourceFrame, int frame);
  int shownFrame() const { return mShownFrame; }
  // World position (metres) of `joint` in the frame shown now.
  QVector3D jointPosition(int joint) const { return mJointPositions[static_cast<size_t>(joint)]; }

  // Bones as drawn: world end points in the frame shown now, and the body
  // part each belongs to (the child joint's; an end site's, its joint's).
  int boneCount() const { return static_cast<int>(mBones.size()); }
  std::pair<QVector3D, QVector3D> boneEnds(int bone) const;
  BodyPart bonePart(int bone) const { return mBones[static_cast<size_t>(bone)].part; }
  // Index of the child joint of a bone (its own joint for an end site).
  int boneJoint(int bone) const;

  // Solid style: colours of the bones of each part (index bodyPartIndex);
  // the joints take a lighter shade. Null: the neutral colours.
  void setPartColors(const std::array<QColor, kBodyPartCount>* colors);
  // The colour given for a part now (the neutral bone colour without one).
  // Drawn lifted towards white, so the ramp's dark end stays visible on the
  // dark background.
  QColor partColor(BodyPart part) const;

  // Draws only the joints (and the bones touching them) that are more than
  // `tolerance` metres from where `other` (same skeleton) has them; null:
  // draws everything. For the ghost: where it agrees with the skeleton
  // under it, it would only wash out that skeleton's colours.
  void hideWhereMatching(const SkeletonEntity* other, float tolerance);
  // Hides every joint and bone (shown again by hideWhereMatching): how the
  // ghost is hidden, so it has one on/off switch per joint and bone.
  void hideAll();
  bool isJointDrawn(int joint) const;
  static QColor neutralBoneColor() { return QColor(200, 206, 216); }
  // Ghost style: its colour (light magenta, outside the quality ramp) and
  // opacity.
  static QColor ghostColor() { return QColor(245, 150, 235); }
  static constexpr float kGhostAlpha = 0.5f;

  // Box around every joint over every frame (metres); empty clip or ghost:
  // both zero.
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
  // The joint whose path is the motion's trajectory (the hips).
  int bodyRoot() const { return mBodyRoot; }
  // Estimated standing height of the skeleton (metres); sizes the markers.
  float skeletonHeight() const { return mHeight; }
  float jointRadius() const { return mJointRadius; }

 private:
  struct Bone {
    int from = 0;
    int to = -1;           // child joint, or -1 for the end site of `from`
    QVector3D endSite;     // metres, in `from`'s frame (to == -1 only)
    BodyPart part = BodyPart::Torso;
    Qt3DCore::QTransform* transform = nullptr;
  };

  void findReferenceJoint(const Clip& clip);
  void computeExtent(const Clip& clip);
  void buildEntities(const BodyPartMap& parts);

  // Poses of `frame` of `clip` into mPoses (one frame).
  void computeFrame(const Clip& clip, int frame);
  // Moves the transforms to the poses in mPoses.
  void placeFromPoses();

  Style mStyle;
  std::unique_ptr<GlobalPoses> mPoses;  // one frame
  int mShownFrame = -1;
  int mReferenceJoint = -1;
  int mBodyRoot = 0;
  float mMetresPerUnit = 1.0f;
  float mHeight = 1.7f;
  float mJointRadius = 0.03f;
  std::vector<QVector3D> mJointPositions;  // frame shown, metres
  std::vector<Qt3DCore::QTransform*> mJointTransforms;  // null: not drawn
  std::vector<Bone> mBones;
  std::vector<QVector3D> mBoneTips;  // frame shown, metres (end of each bone)
  // Solid style: one material per part for bones and one for joints.
  std::array<Qt3DExtras::QPhongMaterial*, kBodyPartCount> mBoneMaterials{};
  std::array<Qt3DExtras::QPhongMaterial*, kBodyPartCount> mJointMaterials{};
  std::array<QColor, kBodyPartCount> mPartColors;
  bool mColored = false;
  QVector3D mBoundsMin, mBoundsMax;
  QRectF mRootArea;
};

}  // namespace mm::viewport
