#pragma once
// The 3D view of the document: the skeleton at the current frame over a
// ground grid, with an orbit camera (right drag: orbit, left drag: pan,
// wheel: zoom). Hosts a Qt3DWindow through a window container.

#include <QColor>
#include <QVector3D>
#include <QWidget>

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
}

namespace mm::viewport {

class GroundGrid;
class SkeletonEntity;

class SkeletonView : public QWidget {
  Q_OBJECT
 public:
  explicit SkeletonView(QWidget* parent = nullptr);
  ~SkeletonView() override;

  // The document shown (not owned; may be null). The view follows its clip
  // and current frame until another document is set or it is destroyed.
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

  // Asks Qt 3D to read back the next frame it renders. The reply's
  // completed() signal fires from the event loop once the image is ready
  // (only while the view is shown). The caller owns the reply.
  Qt3DRender::QRenderCaptureReply* requestCapture();

 public Q_SLOTS:
  // Places the camera to fit every joint over the whole clip (or a default
  // view of the floor without a clip). Done on every new clip.
  void frameAll();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void rebuild();
  void showFrame(int frame);
  void onCameraMoved();

  editor::Document* mDocument = nullptr;
  Qt3DExtras::Qt3DWindow* mWindow = nullptr;          // owned by its container
  QWidget* mContainer = nullptr;
  Qt3DCore::QEntity* mRoot = nullptr;                  // owned by mWindow
  Qt3DRender::QRenderCapture* mCapture = nullptr;      // root of the frame graph
  Qt3DExtras::QOrbitCameraController* mController = nullptr;
  GroundGrid* mGrid = nullptr;
  SkeletonEntity* mSkeleton = nullptr;                 // null without a clip
  QColor mBackground{46, 50, 58};
  // True until the user moves the camera: a resize then re-fits the view.
  bool mAutoFramed = true;
  bool mFraming = false;  // frameAll() is moving the camera
};

}  // namespace mm::viewport
