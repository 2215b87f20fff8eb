#pragma once
// The editor's main window: the 3D view of the document, a transport bar
// (play/pause, frame slider, frame label) and the File menu.

#include <QMainWindow>

class QAction;
class QLabel;
class QMimeData;
class QSlider;
class QToolButton;

namespace mm::editor {
class Document;
class Playback;
}  // namespace mm::editor
namespace mm::viewport {
class SkeletonView;
}

namespace mm::app {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  editor::Document* document() const { return mDocument; }
  editor::Playback* playback() const { return mPlayback; }
  viewport::SkeletonView* skeletonView() const { return mView; }

  // Loads `path` into the document; on failure shows the reader's message in
  // a dialog and keeps the current document.
  bool openFile(const QString& path);

 public Q_SLOTS:
  void showOpenDialog();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void createActions();
  void createTransportBar();
  void updateForClip();
  void updateFrame(int frame);
  void updatePlaying(bool playing);
  // The first local file in a drag that has a readable extension, or empty.
  static QString droppableFile(const QMimeData* mime);

  editor::Document* mDocument = nullptr;
  editor::Playback* mPlayback = nullptr;
  viewport::SkeletonView* mView = nullptr;
  QAction* mPlayAction = nullptr;
  QToolButton* mPlayButton = nullptr;
  QSlider* mSlider = nullptr;
  QLabel* mFrameLabel = nullptr;
  bool mResumeAfterScrub = false;  // playing when the slider was grabbed
};

}  // namespace mm::app
