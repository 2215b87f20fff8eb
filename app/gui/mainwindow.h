#pragma once
// The editor's main window: the 3D view of the document, the timeline with
// its quality heatmaps (bottom dock), the artifact review and take queue
// docks, a transport bar, the status bar's task progress with Cancel, and
// the menus (File, Edit, Analyse, Repair, Label, Model, View, Playback, Help).
// Widgets change the document only through editor/ (commands, the review
// controller, the project session).

#include <QKeySequence>
#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QSlider;
class QToolButton;

namespace mm::editor {
class Document;
class GenerationController;
class Playback;
class ProjectSession;
class ReviewController;
class TaskRunner;
}  // namespace mm::editor
namespace mm::timeline {
class TimelineWidget;
}
namespace mm::viewport {
class SkeletonView;
}

namespace mm::app {

class PromptDock;
class RecentFiles;
class ReviewDock;
class TakeQueueDock;
class TaskStatus;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  editor::Document* document() const { return mDocument; }
  editor::Playback* playback() const { return mPlayback; }
  viewport::SkeletonView* skeletonView() const { return mView; }
  timeline::TimelineWidget* timeline() const { return mTimeline; }
  editor::TaskRunner* taskRunner() const { return mRunner; }
  editor::ReviewController* review() const { return mReview; }
  editor::ProjectSession* session() const { return mSession; }
  ReviewDock* reviewDock() const { return mReviewDock; }
  PromptDock* promptDock() const { return mPromptDock; }
  editor::GenerationController* generation() const { return mGeneration; }
  TaskStatus* taskStatus() const { return mTaskStatus; }
  // Menu actions by object name (e.g. "accept", "labelMode"), for tests.
  QAction* action(const QString& name) const;

  // Opens a project (.mmproj) and its first take.
  bool openProject(const QString& path);
  // Saves the take into a new project at `path` (Save As).
  bool saveProjectAs(const QString& path);

  // Loads `path` into the document; on failure shows the reader's message in
  // a dialog and keeps the current document.
  bool openFile(const QString& path);

 public Q_SLOTS:
  void showOpenDialog();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createFileMenu();
  void createReviewMenus();
  void createLabelMenu();
  void createModelMenu();
  void createViewMenus();
  void createDocks();
  QAction* addAction(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                     std::function<void()> run);
  void saveProject();
  void exportMotion();
  void exportLabels();
  void openTake(int takeId);
  void fillSelection();
  void addArtifactFromSelection();
  void repairSelection(int kind);
  // The generation dock's New take: asks where to write it, then opens it
  // (added to the project's queue when a project is open).
  void saveGeneratedTake();
  // Device and steps of the Model menu, for generation too (its weights stay
  // the text-conditioned ones).
  void syncGenerationSettings();
  void showError(const QString& title, const QString& message);
  void createTransportBar();
  void updateForClip();
  void updateFrame(int frame);
  void updatePlaying(bool playing);
  // The first local file in a drag that has a readable extension, or empty.
  static QString droppableFile(const QMimeData* mime);

  editor::Document* mDocument = nullptr;
  editor::Playback* mPlayback = nullptr;
  editor::TaskRunner* mRunner = nullptr;
  editor::ReviewController* mReview = nullptr;
  editor::GenerationController* mGeneration = nullptr;
  editor::ProjectSession* mSession = nullptr;
  viewport::SkeletonView* mView = nullptr;
  timeline::TimelineWidget* mTimeline = nullptr;
  ReviewDock* mReviewDock = nullptr;
  PromptDock* mPromptDock = nullptr;
  TakeQueueDock* mQueueDock = nullptr;
  TaskStatus* mTaskStatus = nullptr;
  RecentFiles* mRecent = nullptr;
  QMenu* mViewMenu = nullptr;
  QMenu* mRecentMenu = nullptr;
  QAction* mPlayAction = nullptr;
  QToolButton* mPlayButton = nullptr;
  QSlider* mSlider = nullptr;
  QLabel* mFrameLabel = nullptr;
  bool mResumeAfterScrub = false;  // playing when the slider was grabbed
};

}  // namespace mm::app
