#include "viewport/skeletonview.h"

#include "editor/document.h"
#include "motion/clip.h"
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
#include <QVBoxLayout>

#include <algorithm>

namespace mm::viewport {

namespace {
constexpr float kFieldOfView = 40.0f;  // vertical, degrees

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
  mContainer = QWidget::createWindowContainer(mWindow, this);  // takes ownership
  mContainer->setMinimumSize(160, 120);
  mContainer->setFocusPolicy(Qt::StrongFocus);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mContainer);

  Qt3DExtras::QForwardRenderer* forward = mWindow->defaultFrameGraph();
  forward->setClearColor(mBackground);
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
  frameAll();
}

SkeletonView::~SkeletonView() = default;

void SkeletonView::setDocument(editor::Document* document) {
  if (mDocument == document) return;
  if (mDocument) disconnect(mDocument, nullptr, this, nullptr);
  mDocument = document;
  if (mDocument) {
    connect(mDocument, &editor::Document::clipChanged, this, &SkeletonView::rebuild);
    connect(mDocument, &editor::Document::currentFrameChanged, this, &SkeletonView::showFrame);
    // An edit (or its undo) of the frame on screen shows at once.
    connect(mDocument, &editor::Document::motionChanged, this, [this](int start, int end, const QVector<int>&) {
      const int f = mDocument->currentFrame();
      if (f >= start && f < end) showFrame(f);
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
  // Deleting the entity removes its whole subtree from the scene.
  delete mSkeleton;
  mSkeleton = nullptr;
  if (mDocument && mDocument->hasClip() && mDocument->frameCount() > 0) {
    mSkeleton = new SkeletonEntity(mDocument->clip(), mRoot);
    mSkeleton->showFrame(mDocument->currentFrame());
    // The floor is where the lowest joint goes, or y = 0 if the motion stays
    // above it (files put the floor at 0; joints sit a little above it).
    mGrid->cover(mSkeleton->rootArea(), std::min(0.0f, mSkeleton->lowestY()));
  } else {
    mGrid->cover(QRectF(-1, -1, 2, 2), 0.0f);
  }
  mAutoFramed = true;
  frameAll();
}

void SkeletonView::showFrame(int frame) {
  if (mSkeleton) mSkeleton->showFrame(frame);
}

void SkeletonView::frameAll() {
  QVector3D lo(-1.0f, 0.0f, -1.0f), hi(1.0f, 1.8f, 1.0f);
  float height = 1.7f;
  if (mSkeleton) {
    lo = mSkeleton->boundsMin();
    hi = mSkeleton->boundsMax();
    height = mSkeleton->skeletonHeight();
  }
  const QSize size = mContainer->size();
  const float aspect = size.height() > 0 ? float(size.width()) / float(size.height()) : 4.0f / 3.0f;
  const CameraFraming f = frameBox(lo, hi, kFieldOfView, aspect, viewDirectionFor(hi - lo));
  const float radius = std::max((hi - lo).length() * 0.5f, 0.3f * height);

  mFraming = true;
  Qt3DRender::QCamera* cam = camera();
  cam->setAspectRatio(aspect);
  cam->setUpVector(f.upVector);
  cam->setPosition(f.position);
  cam->setViewCenter(f.viewCenter);
  cam->setNearPlane(f.nearPlane);
  cam->setFarPlane(f.farPlane);
  mFraming = false;
  mAutoFramed = true;

  // Speeds in metres per second: one framed radius per second feels the same
  // for a hand clip and a 30 m run.
  mController->setLinearSpeed(2.0f * radius);
  mController->setZoomInLimit(0.1f * height);
}

void SkeletonView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (mAutoFramed) frameAll();
}

void SkeletonView::onCameraMoved() {
  if (!mFraming) mAutoFramed = false;
}

}  // namespace mm::viewport
