#pragma once
// The 3D view of the document: the skeleton at the current frame over a
// ground grid, with an orbit camera (right drag: orbit, left drag: pan,
// wheel: zoom by kZoomStep of the distance per notch). Hosts a Qt3DWindow
// through a window container.
//
// Review (issue 14): bones take their body part's quality at the current
// frame (editor::qualityColor of QualityReport::partQuality; neutral without
// a report). The proposal under review (Document::reviewedArtifact(), or the
// selection repair, proposal 0, when no artifact is reviewed) is drawn as a
// translucent ghost over the frames its patch covers; "show after" swaps the
// two, so the solid skeleton shows the proposal applied and the ghost the
// motion as it is. A left click (no drag) on a bone selects its part (see
// selectPart). The camera follows the character by default.
//
// The window puts ghostAction() (G), afterAction() (B) and followAction()
// in its View menu; the view already owns them with their shortcuts (window
// wide), and also answers G and B while its 3D window has the keyboard
// focus. Do not bind G or B elsewhere.

#include "motion/bodyparts.h"
#include "viewport/followtarget.h"
#include "viewport/proposalpose.h"

#include <QColor>
#include <QPoint>
#include <QVector3D>
#include <QWidget>

#include <optional>

class QAction;

namespace Qt3DCore {
class QEntity;
}
namespace Qt3DExtras {
class QOrbitCameraController;
class Qt3DWindow;
}  // namespace Qt3DExtras
namespace Qt3DRender {
class QCamera;
class QRenderCapture;
class QRenderCaptureReply;
}  // namespace Qt3DRender

namespace mm::editor {
class Document;
struct Proposal;
}  // namespace mm::editor

namespace mm::viewport {

class GroundGrid;
class SkeletonEntity;

class SkeletonView : public QWidget {
  Q_OBJECT
 public:
  explicit SkeletonView(QWidget* parent = nullptr);
  ~SkeletonView() override;

  // The document shown (not owned; may be null). The view follows its clip,
  // current frame, report and reviewed proposal until another document is
  // set or it is destroyed.
  void setDocument(editor::Document* document);
  editor::Document* document() const { return mDocument; }

  // Named renderWindow, not window(), so as not to hide QWidget::window().
  Qt3DExtras::Qt3DWindow* renderWindow() const { return mWindow; }
  Qt3DRender::QCamera* camera() const;
  QColor backgroundColor() const { return mBackground; }

  // Frame the skeleton shows now (-1 without a clip) and its joints' world
  // positions in metres (joint in [0, jointCount())).
  int shownFrame() const;
  int jointCount() const;
  QVector3D jointPosition(int joint) const;
  const GroundGrid* groundGrid() const { return mGrid; }
  // The solid skeleton and the ghost as drawn now (null without a clip);
  // read-only, for the window's status and for tests.
  const SkeletonEntity* skeleton() const { return mSkeleton; }
  const SkeletonEntity* ghost() const { return mGhost; }
  // True when the ghost is drawn at the current frame: ghostVisible(), a
  // proposal under review, and the frame inside its patch.
  bool ghostShown() const { return mGhostShown; }

  bool ghostVisible() const { return mGhostVisible; }
  bool showAfter() const { return mShowAfter; }
  bool followCharacter() const { return mFollow; }
  // Checkable actions bound to the toggles: G, B, and (no shortcut) follow.
  QAction* ghostAction() const { return mGhostAction; }
  QAction* afterAction() const { return mAfterAction; }
  QAction* followAction() const { return mFollowAction; }

  // The body part of the bone drawn nearest to `pos` (the view's widget
  // coordinates, which are the 3D window's), within a few pixels; nullopt
  // on empty space.
  std::optional<BodyPart> partAt(const QPoint& pos) const;

  // Asks Qt 3D to read back the next frame it renders. The reply's
  // completed() signal fires from the event loop once the image is ready
  // (only while the view is shown). The caller owns the reply.
  Qt3DRender::QRenderCaptureReply* requestCapture();

 public Q_SLOTS:
  // Follow camera: frames the character at its standing height around the
  // current frame. Fixed camera: fits every joint over the whole clip (a
  // default view of the floor without a clip). Done on every new clip.
  void frameAll();
  void setGhostVisible(bool visible);
  void setShowAfter(bool after);
  // On: the orbit target tracks the root (FollowTarget), keeping the user's
  // orbit angle, distance and pan; the view is framed on the character.
  // Off: the camera stays where it is put; the whole path is framed.
  void setFollowCharacter(bool follow);
  // What a click on a bone of `part` does: the selection becomes that part
  // over the selected frames (the current frame when no frames are
  // selected); with `toggle` (Ctrl or Shift held) the part is added to or
  // removed from the selected parts instead. Emits partClicked.
  void selectPart(mm::BodyPart part, bool toggle = false);

 Q_SIGNALS:
  void partClicked(mm::BodyPart part);
  void ghostVisibleChanged(bool visible);
  void showAfterChanged(bool after);
  void followCharacterChanged(bool follow);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void rebuild();
  // Shows the document's current frame: pose, ghost, colours, follow.
  void updateFrame();
  void updateColors(int frame, const editor::Proposal* shownAfter);
  void followRoot(int frame);
  const editor::Proposal* reviewedProposal() const;
  void frameCharacter();
  void frameWholeClip();
  void placeCamera(const QVector3D& lo, const QVector3D& hi, const QVector3D& direction, float radius, float height);
  void zoom(float notches);
  void onCameraMoved();

  editor::Document* mDocument = nullptr;
  Qt3DExtras::Qt3DWindow* mWindow = nullptr;          // owned by its container
  QWidget* mContainer = nullptr;
  Qt3DCore::QEntity* mRoot = nullptr;                  // owned by mWindow
  Qt3DRender::QRenderCapture* mCapture = nullptr;      // root of the frame graph
  Qt3DExtras::QOrbitCameraController* mController = nullptr;
  GroundGrid* mGrid = nullptr;
  SkeletonEntity* mSkeleton = nullptr;                 // null without a clip
  SkeletonEntity* mGhost = nullptr;                    // null without a clip
  ProposalPose mPose;                                  // the proposal at the shown frame
  FollowTarget mTarget;
  QVector3D mTargetShown;  // the follow target the camera looks at now
  QAction* mGhostAction = nullptr;
  QAction* mAfterAction = nullptr;
  QAction* mFollowAction = nullptr;
  QColor mBackground{46, 50, 58};
  bool mGhostVisible = true;
  bool mShowAfter = false;
  bool mFollow = true;
  bool mGhostShown = false;
  // True until the user moves the camera: a resize then re-fits the view.
  bool mAutoFramed = true;
  bool mFraming = false;  // the view itself is moving the camera
  QPoint mPressPos;       // left button pressed here (window coordinates)
  bool mPressed = false;
};

}  // namespace mm::viewport
