#include "viewport/skeletonview.h"

#include "editor/document.h"
#include "editor/qualitycolors.h"
#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "viewport/bonepicker.h"
#include "viewport/cameraframing.h"
#include "viewport/groundgrid.h"
#include "viewport/skeletonentity.h"

#include <Qt3DCore/QEntity>
#include <Qt3DExtras/QForwardRenderer>
#include <Qt3DExtras/QOrbitCameraController>
#include <Qt3DExtras/Qt3DWindow>
#include <Qt3DRender/QCamera>
#include <Qt3DRender/QDirectionalLight>
#include <Qt3DRender/QRenderCapture>
#include <Qt3DRender/QRenderSettings>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace mm::viewport {

namespace {
constexpr float kFieldOfView = 40.0f;  // vertical, degrees
constexpr double kPickTolerance = 10.0;  // pixels from a bone's axis

void addLight(Qt3DCore::QEntity* root, const QVector3D& direction, float intensity) {
  auto* entity = new Qt3DCore::QEntity(root);
  auto* light = new Qt3DRender::QDirectionalLight(entity);
  light->setWorldDirection(direction);
  light->setColor(Qt::white);
  light->setIntensity(intensity);
  entity->addComponent(light);
}
}  // namespace

SkeletonView::SkeletonView(QWidget* parent) : QWidget(parent) {
  // Qt 6.4 defaults to the RHI renderer, whose render captures come back
  // upside down on OpenGL (screenshots and pixel tests would read the wrong
  // rows). The OpenGL renderer reads them back correctly; it is chosen when
  // the render aspect starts, so before the window is made. A renderer the
  // user picked through the environment wins.
  if (!qEnvironmentVariableIsSet("QT3D_RENDERER")) qputenv("QT3D_RENDERER", "opengl");
  mWindow = new Qt3DExtras::Qt3DWindow(nullptr, Qt3DRender::API::OpenGL);
  // Draw a frame only when something in the scene changed: Qt 3D's default
  // redraws at every vsync, and with software OpenGL that kept a core busy
  // and the GUI thread waiting ~20 ms per event while nothing moved.
  mWindow->renderSettings()->setRenderPolicy(Qt3DRender::QRenderSettings::OnDemand);
  mContainer = QWidget::createWindowContainer(mWindow, this);  // takes ownership
  mContainer->setMinimumSize(160, 120);
  mContainer->setFocusPolicy(Qt::StrongFocus);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mContainer);

  Qt3DExtras::QForwardRenderer* forward = mWindow->defaultFrameGraph();
  forward->setClearColor(mBackground);
  // No frustum culling: a few dozen small meshes cost nothing to draw, and
  // Qt 3D 6.4 kept culling ghost meshes that were hidden when their bounds
  // were first computed: a whole-body ghost (a generated sample) was never
  // drawn, and a proposal's ghost only now and then.
  forward->setFrustumCullingEnabled(false);
  // The capture node becomes the frame graph's root so that the one branch
  // (the forward renderer's leaf) it reads back is the finished frame.
  mCapture = new Qt3DRender::QRenderCapture();
  forward->setParent(mCapture);
  mWindow->setActiveFrameGraph(mCapture);

  mRoot = new Qt3DCore::QEntity();
  // Key light from above front-left, a weak fill from the back so the far
  // side of bones does not go flat.
  addLight(mRoot, QVector3D(0.35f, -1.0f, -0.55f), 0.85f);
  addLight(mRoot, QVector3D(-0.5f, -0.3f, 0.8f), 0.3f);
  mGrid = new GroundGrid(mRoot);

  Qt3DRender::QCamera* cam = mWindow->camera();
  cam->lens()->setPerspectiveProjection(kFieldOfView, 4.0f / 3.0f, 0.01f, 100.0f);
  mController = new Qt3DExtras::QOrbitCameraController(mRoot);
  mController->setCamera(cam);
  connect(cam, &Qt3DRender::QCamera::positionChanged, this, &SkeletonView::onCameraMoved);
  connect(cam, &Qt3DRender::QCamera::viewCenterChanged, this, &SkeletonView::onCameraMoved);

  mWindow->setRootEntity(mRoot);
  // Clicks and the wheel reach the 3D window, not the container; this
  // filter runs before Qt 3D's input (installed later, so called first).
  mWindow->installEventFilter(this);

  const auto makeToggle = [this](const QString& text, const QKeySequence& key, bool on, auto slot) {
    auto* action = new QAction(text, this);
    action->setCheckable(true);
    action->setChecked(on);
    if (!key.isEmpty()) action->setShortcut(key);
    connect(action, &QAction::toggled, this, slot);
    addAction(action);  // the shortcut works window wide
    return action;
  };
  mGhostAction = makeToggle(tr("Show Proposal &Ghost"), QKeySequence(Qt::Key_G), mGhostVisible,
                            &SkeletonView::setGhostVisible);
  mAfterAction = makeToggle(tr("Show Proposal &Applied (Before/After)"), QKeySequence(Qt::Key_B), mShowAfter,
                            &SkeletonView::setShowAfter);
  mFollowAction = makeToggle(tr("&Follow Character"), QKeySequence(), mFollow, &SkeletonView::setFollowCharacter);
  frameAll();
}

SkeletonView::~SkeletonView() = default;

void SkeletonView::setDocument(editor::Document* document) {
  if (mDocument == document) return;
  if (mDocument) disconnect(mDocument, nullptr, this, nullptr);
  mDocument = document;
  if (mDocument) {
    using editor::Document;
    connect(mDocument, &Document::clipChanged, this, &SkeletonView::rebuild);
    connect(mDocument, &Document::currentFrameChanged, this, &SkeletonView::updateFrame);
    // An edit (or its undo) of the frame on screen shows at once.
    connect(mDocument, &Document::motionChanged, this, [this](int start, int end, const QVector<int>&) {
      const int f = mDocument->currentFrame();
      if (f >= start && f < end) updateFrame();
    });
    connect(mDocument, &Document::reportChanged, this, &SkeletonView::updateFrame);
    connect(mDocument, &Document::reviewedArtifactChanged, this, &SkeletonView::updateFrame);
    connect(mDocument, &Document::proposalChanged, this, [this](int id) {
      if (id == mDocument->reviewedArtifact() || id == 0) updateFrame();
    });
    connect(mDocument, &Document::proposalsAdded, this, [this](const QVector<int>& ids) {
      if (ids.contains(mDocument->reviewedArtifact()) || ids.contains(0)) updateFrame();
    });
    connect(mDocument, &QObject::destroyed, this, [this] {
      mDocument = nullptr;
      rebuild();
    });
  }
  rebuild();
}

Qt3DRender::QCamera* SkeletonView::camera() const { return mWindow->camera(); }

int SkeletonView::shownFrame() const { return mSkeleton ? mSkeleton->shownFrame() : -1; }

int SkeletonView::jointCount() const { return mSkeleton ? mSkeleton->jointCount() : 0; }

QVector3D SkeletonView::jointPosition(int joint) const {
  if (!mSkeleton || joint < 0 || joint >= mSkeleton->jointCount()) return QVector3D();
  return mSkeleton->jointPosition(joint);
}

Qt3DRender::QRenderCaptureReply* SkeletonView::requestCapture() { return mCapture->requestCapture(); }

void SkeletonView::rebuild() {
  // Deleting an entity removes its whole subtree from the scene.
  delete mSkeleton;
  delete mGhost;
  mSkeleton = mGhost = nullptr;
  mPose.reset();
  mGhostShown = false;
  if (mDocument && mDocument->hasClip() && mDocument->frameCount() > 0) {
    const Clip& clip = mDocument->clip();
    mSkeleton = new SkeletonEntity(clip, mRoot, SkeletonEntity::Style::Solid, &mDocument->parts());
    mGhost = new SkeletonEntity(clip, mRoot, SkeletonEntity::Style::Ghost, &mDocument->parts());
    mGhost->hideAll();
    // The floor is where the lowest joint goes, or y = 0 if the motion stays
    // above it (files put the floor at 0; joints sit a little above it).
    mGrid->cover(mSkeleton->rootArea(), std::min(0.0f, mSkeleton->lowestY()));
    mTarget = FollowTarget();
    updateFrame();
  } else {
    mGrid->cover(QRectF(-1, -1, 2, 2), 0.0f);
  }
  mAutoFramed = true;
  frameAll();
}

const editor::Proposal* SkeletonView::reviewedProposal() const {
  if (!mDocument) return nullptr;
  // Without a reviewed artifact, the repair of the selection (proposal 0)
  // is the one under review.
  return mDocument->proposal(mDocument->reviewedArtifact());
}

void SkeletonView::updateFrame() {
  if (!mSkeleton || !mDocument || !mDocument->hasClip()) return;
  const Clip& clip = mDocument->clip();
  const int frame = std::clamp(mDocument->currentFrame(), 0, std::max(0, clip.frameCount() - 1));
  const editor::Proposal* proposal = reviewedProposal();
  const bool inPatch = proposal && mPose.build(clip, proposal->patch, frame);

  if (mShowAfter && inPatch)
    mSkeleton->showPose(mPose.pose(), 0, frame);
  else
    mSkeleton->showFrame(clip, frame);
  const bool wasShown = mGhostShown;
  mGhostShown = mGhostVisible && inPatch;
  if (mGhostShown) {
    if (mShowAfter)
      mGhost->showFrame(clip, frame);  // after on top, the motion as it is as the ghost
    else
      mGhost->showPose(mPose.pose(), 0, frame);
    mGhost->hideWhereMatching(mSkeleton, 0.25f * mSkeleton->jointRadius());
  }
  if (wasShown && !mGhostShown) mGhost->hideAll();  // hidden since it was built otherwise
  updateColors(frame, mShowAfter && inPatch ? proposal : nullptr);
  followRoot(frame);
}

void SkeletonView::updateColors(int frame, const editor::Proposal* shownAfter) {
  const QualityReport* report = mDocument->report();
  if (!report || frame >= report->frameCount()) {
    mSkeleton->setPartColors(nullptr);
    return;
  }
  std::array<QColor, kBodyPartCount> colors;
  for (BodyPart part : kAllBodyParts) colors[size_t(bodyPartIndex(part))] = editor::qualityColor(report->partQuality(frame, part));
  if (shownAfter) {
    // The report judges the motion as it is, not the proposal: the parts the
    // proposal changes take its estimated quality, or neutral when unknown.
    for (const PatchBlock& block : shownAfter->patch.blocks()) {
      if (frame < block.start || frame >= block.end) continue;
      for (int j : block.joints) {
        if (j >= mDocument->parts().jointCount()) continue;
        colors[size_t(bodyPartIndex(mDocument->parts().part(j)))] =
            shownAfter->qualityAfter >= 0 ? editor::qualityColor(float(shownAfter->qualityAfter))
                                          : SkeletonEntity::neutralBoneColor();
      }
    }
  }
  mSkeleton->setPartColors(&colors);
}

void SkeletonView::followRoot(int frame) {
  if (!mFollow || !mSkeleton) return;
  const QVector3D root = mSkeleton->jointPosition(mSkeleton->bodyRoot());
  if (!mTarget.isValid()) {
    mTarget.reset(root, frame);
    mTargetShown = mTarget.value();
    return;
  }
  const QVector3D target = mTarget.update(root, frame, mDocument ? mDocument->fps() : 30.0);
  const QVector3D delta = target - mTargetShown;
  mTargetShown = target;
  if (delta.isNull()) return;
  // Moving eye and centre together keeps the orbit angle, distance and pan.
  Qt3DRender::QCamera* cam = camera();
  const bool framing = mFraming;
  mFraming = true;
  cam->setViewCenter(cam->viewCenter() + delta);
  cam->setPosition(cam->position() + delta);
  mFraming = framing;
}

void SkeletonView::frameAll() {
  if (mFollow && mSkeleton)
    frameCharacter();
  else
    frameWholeClip();
}

void SkeletonView::frameWholeClip() {
  QVector3D lo(-1.0f, 0.0f, -1.0f), hi(1.0f, 1.8f, 1.0f);
  float height = 1.7f;
  if (mSkeleton) {
    lo = mSkeleton->boundsMin();
    hi = mSkeleton->boundsMax();
    height = mSkeleton->skeletonHeight();
  }
  placeCamera(lo, hi, viewDirectionFor(hi - lo), std::max((hi - lo).length() * 0.5f, 0.3f * height), height);
}

void SkeletonView::frameCharacter() {
  // The joints of the frame shown, grown to a standing figure around the
  // root: a crouch or a fall is framed as tall as a stand, so the scale does
  // not jump from take to take.
  const float h = mSkeleton->skeletonHeight();
  const QVector3D root = mSkeleton->jointPosition(mSkeleton->bodyRoot());
  QVector3D lo = root, hi = root;
  for (int j = 0; j < mSkeleton->jointCount(); ++j) {
    if (j == mSkeleton->referenceJoint()) continue;
    const QVector3D p = mSkeleton->jointPosition(j);
    if (!std::isfinite(p.x() + p.y() + p.z())) continue;
    lo = QVector3D(std::min(lo.x(), p.x()), std::min(lo.y(), p.y()), std::min(lo.z(), p.z()));
    hi = QVector3D(std::max(hi.x(), p.x()), std::max(hi.y(), p.y()), std::max(hi.z(), p.z()));
  }
  lo = QVector3D(std::min(lo.x(), root.x() - 0.3f * h), lo.y(), std::min(lo.z(), root.z() - 0.3f * h));
  hi = QVector3D(std::max(hi.x(), root.x() + 0.3f * h), std::max(hi.y(), lo.y() + h), std::max(hi.z(), root.z() + 0.3f * h));
  const QVector3D path = mSkeleton->boundsMax() - mSkeleton->boundsMin();
  placeCamera(lo, hi, viewDirectionFor(path), 0.6f * h, h);
  mTarget.reset(root, mSkeleton->shownFrame());
  mTargetShown = mTarget.value();
}

void SkeletonView::placeCamera(const QVector3D& lo, const QVector3D& hi, const QVector3D& direction, float radius,
                               float height) {
  const QSize size = mContainer->size();
  const float aspect = size.height() > 0 ? float(size.width()) / float(size.height()) : 4.0f / 3.0f;
  const CameraFraming f = frameBox(lo, hi, kFieldOfView, aspect, direction);
  // Far enough for the whole floor of the take while the camera follows.
  float far = f.farPlane;
  if (mSkeleton) far += (mSkeleton->boundsMax() - mSkeleton->boundsMin()).length();

  mFraming = true;
  Qt3DRender::QCamera* cam = camera();
  cam->setAspectRatio(aspect);
  cam->setUpVector(f.upVector);
  cam->setPosition(f.position);
  cam->setViewCenter(f.viewCenter);
  cam->setNearPlane(f.nearPlane);
  cam->setFarPlane(far);
  mFraming = false;
  mAutoFramed = true;

  // Speeds in metres per second: one framed radius per second feels the same
  // for a hand clip and a 30 m run.
  mController->setLinearSpeed(2.0f * radius);
  mController->setZoomInLimit(0.1f * height);
}

void SkeletonView::zoom(float notches) {
  Qt3DRender::QCamera* cam = camera();
  const QVector3D centre = cam->viewCenter();
  const QVector3D offset = cam->position() - centre;
  const float distance = offset.length();
  if (distance <= 0.0f) return;
  const float height = mSkeleton ? mSkeleton->skeletonHeight() : 1.7f;
  const float next = zoomedDistance(distance, notches, mController->zoomInLimit(), 0.8f * cam->farPlane());
  cam->setPosition(centre + offset * (next / distance));
  // Depth precision follows the distance; keep the floor behind in view.
  cam->setNearPlane(std::max(0.005f, std::min(next * 0.01f, 0.05f * height)));
}

void SkeletonView::setGhostVisible(bool visible) {
  if (mGhostVisible == visible) return;
  mGhostVisible = visible;
  mGhostAction->setChecked(visible);
  updateFrame();
  Q_EMIT ghostVisibleChanged(visible);
}

void SkeletonView::setShowAfter(bool after) {
  if (mShowAfter == after) return;
  mShowAfter = after;
  mAfterAction->setChecked(after);
  updateFrame();
  Q_EMIT showAfterChanged(after);
}

void SkeletonView::setFollowCharacter(bool follow) {
  if (mFollow == follow) return;
  mFollow = follow;
  mFollowAction->setChecked(follow);
  frameAll();
  Q_EMIT followCharacterChanged(follow);
}

std::optional<BodyPart> SkeletonView::partAt(const QPoint& pos) const {
  if (!mSkeleton) return std::nullopt;
  std::vector<WorldSegment> bones;
  bones.reserve(size_t(mSkeleton->boneCount()));
  for (int b = 0; b < mSkeleton->boneCount(); ++b) {
    const auto ends = mSkeleton->boneEnds(b);
    bones.push_back({ends.first, ends.second});
  }
  Qt3DRender::QCamera* cam = camera();
  const QMatrix4x4 viewProjection = cam->projectionMatrix() * cam->viewMatrix();
  const int bone = nearestSegment(bones, viewProjection, mWindow->size(), QPointF(pos), kPickTolerance);
  if (bone < 0) return std::nullopt;
  return mSkeleton->bonePart(bone);
}

void SkeletonView::selectPart(BodyPart part, bool toggle) {
  if (mDocument && mDocument->frameCount() > 0) {
    editor::Selection selection = mDocument->selection();
    const auto bit = static_cast<std::uint8_t>(1u << bodyPartIndex(part));
    if (selection.frames.empty()) {
      selection.frames = FrameRange{mDocument->currentFrame(), mDocument->currentFrame() + 1};
      selection.partMask = bit;
    } else {
      selection.partMask = toggle ? static_cast<std::uint8_t>(selection.partMask ^ bit) : bit;
    }
    mDocument->setSelection(selection);
  }
  Q_EMIT partClicked(part);
}

bool SkeletonView::eventFilter(QObject* watched, QEvent* event) {
  if (watched != mWindow) return QWidget::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::Wheel: {
      // Our steps instead of the controller's, which are a few millimetres.
      const auto* wheel = static_cast<QWheelEvent*>(event);
      const float notches = float(wheel->angleDelta().y()) / 120.0f;
      if (notches != 0.0f) zoom(notches);
      return true;
    }
    case QEvent::MouseButtonPress: {
      const auto* mouse = static_cast<QMouseEvent*>(event);
      if (mouse->button() == Qt::LeftButton) {
        mPressed = true;
        mPressPos = mouse->position().toPoint();
      }
      break;
    }
    case QEvent::MouseButtonRelease: {
      const auto* mouse = static_cast<QMouseEvent*>(event);
      if (mouse->button() != Qt::LeftButton || !mPressed) break;
      mPressed = false;
      // A drag pans; only a click picks.
      if ((mouse->position().toPoint() - mPressPos).manhattanLength() > QApplication::startDragDistance()) break;
      if (const auto part = partAt(mPressPos))
        selectPart(*part, mouse->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier));
      break;
    }
    case QEvent::KeyPress: {
      // Shortcuts do not always reach a native child window's keys (no
      // active widget window under some window managers): answer G and B
      // here when they come through as plain key presses.
      const auto* key = static_cast<QKeyEvent*>(event);
      if (key->modifiers() & ~Qt::KeypadModifier) break;
      if (key->key() == Qt::Key_G) {
        mGhostAction->toggle();
        return true;
      }
      if (key->key() == Qt::Key_B) {
        mAfterAction->toggle();
        return true;
      }
      break;
    }
    default:
      break;
  }
  return QWidget::eventFilter(watched, event);
}

void SkeletonView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (mAutoFramed) frameAll();
}

void SkeletonView::onCameraMoved() {
  if (!mFraming) mAutoFramed = false;
}

}  // namespace mm::viewport
