#include "app/gui/mainwindow.h"

#include "app/gui/promptdock.h"
#include "app/gui/recentfiles.h"
#include "app/gui/reviewdock.h"
#include "app/gui/takequeuedock.h"
#include "app/gui/taskstatus.h"
#include "editor/commands/commands.h"
#include "editor/displaynames.h"
#include "editor/document.h"
#include "editor/generationcontroller.h"
#include "editor/playback.h"
#include "editor/projectdatabase.h"
#include "editor/projectsession.h"
#include "editor/reviewcontroller.h"
#include "editor/takequeuemodel.h"
#include "editor/taskrunner.h"
#include "io/labelsio.h"
#include "io/motionfile.h"
#include "motion/clip.h"
#include "timeline/timelinewidget.h"
#include "viewport/skeletonview.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QInputDialog>
#include <QSettings>
#include <QTableView>
#include <QUndoStack>

#include <Qt3DExtras/Qt3DWindow>
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

#include <algorithm>

namespace mm::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  mDocument = new editor::Document(this);
  mPlayback = new editor::Playback(mDocument, this);
  mRunner = new editor::TaskRunner(this);
  mReview = new editor::ReviewController(mDocument, mRunner, this);
  mGeneration = new editor::GenerationController(mDocument, mRunner, this);
  mSession = new editor::ProjectSession(mDocument, this);
  mView = new viewport::SkeletonView(this);
  mView->setDocument(mDocument);
  setCentralWidget(mView);
  setDockNestingEnabled(true);

  createDocks();
  createActions();
  createTransportBar();
  mTaskStatus = new TaskStatus(mRunner, this);
  statusBar()->addPermanentWidget(mTaskStatus);

  setAcceptDrops(true);
  // Drops and key presses over the 3D view reach its native window, not
  // this widget tree: watch that window too.
  mView->renderWindow()->installEventFilter(this);

  connect(mDocument, &editor::Document::clipChanged, this, &MainWindow::updateForClip);
  connect(mDocument, &editor::Document::currentFrameChanged, this, &MainWindow::updateFrame);
  connect(mPlayback, &editor::Playback::playingChanged, this, &MainWindow::updatePlaying);
  connect(mReview, &editor::ReviewController::taskFailed, this,
          [this](const QString& m) { statusBar()->showMessage(m, 15000); });
  connect(mReview, &editor::ReviewController::analysisFinished, this, [this] {
    statusBar()->showMessage(tr("%n artifact(s) found", nullptr, static_cast<int>(mDocument->artifacts().size())), 8000);
  });
  connect(mSession, &editor::ProjectSession::saveFailed, this,
          [this](const QString& m) { showError(tr("Cannot save the project"), m); });
  updateForClip();
  resize(1500, 950);
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() {
  // The runner's worker must stop before the document it reports to goes.
  mRunner->cancelAll();
}

QAction* MainWindow::action(const QString& name) const { return findChild<QAction*>(name); }

void MainWindow::closeEvent(QCloseEvent* event) {
  QString error;
  if (mSession->isOpen() && !mSession->flush(&error)) {
    showError(tr("Cannot save the project"), error);
    event->ignore();
    return;
  }
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::showError(const QString& title, const QString& message) {
  // Tests and batch screenshots run with the platform "offscreen": no modal dialogs there.
  if (QApplication::platformName() == QLatin1String("offscreen")) {
    statusBar()->showMessage(title + QStringLiteral(": ") + message, 15000);
    return;
  }
  QMessageBox::warning(this, title, message);
}

QAction* MainWindow::addAction(QMenu* menu, const QString& name, const QString& text, const QKeySequence& key,
                               std::function<void()> run) {
  QAction* a = menu->addAction(text);
  a->setObjectName(name);
  if (!key.isEmpty()) a->setShortcut(key);
  // Window-wide: the keys work whichever dock has the focus.
  a->setShortcutContext(Qt::WindowShortcut);
  if (run) connect(a, &QAction::triggered, this, [run] { run(); });
  QMainWindow::addAction(a);
  return a;
}

void MainWindow::createDocks() {
  mTimeline = new timeline::TimelineWidget(mDocument, this);
  auto* timelineDock = new QDockWidget(tr("Timeline"), this);
  timelineDock->setObjectName(QStringLiteral("timelineDock"));
  timelineDock->setWidget(mTimeline);
  addDockWidget(Qt::BottomDockWidgetArea, timelineDock);

  mReviewDock = new ReviewDock(mDocument, this);
  addDockWidget(Qt::RightDockWidgetArea, mReviewDock);
  mQueueDock = new TakeQueueDock(mSession, this);
  addDockWidget(Qt::RightDockWidgetArea, mQueueDock);
  tabifyDockWidget(mReviewDock, mQueueDock);
  mReviewDock->raise();
  mPromptDock = new PromptDock(mDocument, mGeneration, this);
  addDockWidget(Qt::RightDockWidgetArea, mPromptDock);
  splitDockWidget(mReviewDock, mPromptDock, Qt::Vertical);
  connect(mPromptDock, &PromptDock::newTakeRequested, this, &MainWindow::saveGeneratedTake);
  connect(mQueueDock, &TakeQueueDock::takeActivated, this, &MainWindow::openTake);
}

void MainWindow::createActions() {
  createFileMenu();
  createReviewMenus();
  createLabelMenu();
  createModelMenu();
  createViewMenus();
}

void MainWindow::createFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  addAction(file, QStringLiteral("open"), tr("&Open..."), QKeySequence::Open, [this] { showOpenDialog(); });
  addAction(file, QStringLiteral("openProject"), tr("Open &Project..."), QKeySequence(tr("Ctrl+Shift+O")), [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("MotionMender projects (*.mmproj)"));
    if (!path.isEmpty()) openProject(path);
  });
  mRecentMenu = file->addMenu(tr("Open &Recent"));
  mRecent = new RecentFiles(mRecentMenu, this);
  connect(mRecent, &RecentFiles::openRequested, this, [this](const QString& path) {
    path.endsWith(QLatin1String(".mmproj"), Qt::CaseInsensitive) ? openProject(path) : openFile(path);
  });
  file->addSeparator();
  addAction(file, QStringLiteral("save"), tr("&Save"), QKeySequence::Save, [this] { saveProject(); });
  addAction(file, QStringLiteral("saveAs"), tr("Save Project &As..."), QKeySequence::SaveAs, [this] {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Project As"), QString(), tr("MotionMender projects (*.mmproj)"));
    if (!path.isEmpty()) saveProjectAs(path);
  });
  file->addSeparator();
  addAction(file, QStringLiteral("exportMotion"), tr("&Export Motion..."), QKeySequence(tr("Ctrl+E")),
            [this] { exportMotion(); });
  addAction(file, QStringLiteral("exportLabels"), tr("Export &Labels..."), QKeySequence(tr("Ctrl+Shift+E")),
            [this] { exportLabels(); });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  // "Undo Accept pop" / "Redo ...": the command's own name.
  QAction* undo = mDocument->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setObjectName(QStringLiteral("undo"));
  undo->setShortcuts({QKeySequence::Undo});
  QAction* redo = mDocument->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setObjectName(QStringLiteral("redo"));
  redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  addAction(edit, QStringLiteral("clearSelection"), tr("Clear &Selection"), QKeySequence(Qt::Key_Escape),
            [this] { mDocument->setSelection({}); });
  addAction(edit, QStringLiteral("preferences"), tr("&Preferences..."), QKeySequence::Preferences, [this] {
    bool ok = false;
    const int delay = QInputDialog::getInt(this, tr("Preferences"), tr("Re-analyse this long after an edit (ms):"),
                                           QSettings().value(QStringLiteral("review/reanalyseDelay"), 500).toInt(),
                                           0, 60000, 100, &ok);
    if (!ok) return;
    QSettings().setValue(QStringLiteral("review/reanalyseDelay"), delay);
    mReview->setReanalyseDelay(delay);
  });
  mReview->setReanalyseDelay(QSettings().value(QStringLiteral("review/reanalyseDelay"), 500).toInt());
}

void MainWindow::createReviewMenus() {
  QMenu* analyse = menuBar()->addMenu(tr("&Analyse"));
  addAction(analyse, QStringLiteral("analyse"), tr("&Analyse Take"), QKeySequence(tr("Ctrl+R")),
            [this] { mReview->analyse(); });
  addAction(analyse, QStringLiteral("proposeClassic"), tr("Propose Fixes for All (&Classic)"), {},
            [this] { mReview->proposeAll(tasks::Method::Classic); });
  addAction(analyse, QStringLiteral("proposeModel"), tr("Propose Fixes for All (&Model)"), {},
            [this] { mReview->proposeAll(tasks::Method::Model); });
  analyse->addSeparator();
  QAction* next = addAction(analyse, QStringLiteral("nextArtifact"), tr("&Next Artifact"), QKeySequence(Qt::Key_N),
                            [this] {
                              if (const int id = mReview->step(true)) {
                                if (const editor::Artifact* a = mDocument->artifact(id)) mTimeline->showFrames(a->start, a->end);
                              }
                            });
  QAction* prev = addAction(analyse, QStringLiteral("previousArtifact"), tr("&Previous Artifact"),
                            QKeySequence(tr("Shift+N")), [this] {
                              if (const int id = mReview->step(false)) {
                                if (const editor::Artifact* a = mDocument->artifact(id)) mTimeline->showFrames(a->start, a->end);
                              }
                            });
  QAction* accept = addAction(analyse, QStringLiteral("accept"), tr("&Accept Fix"), QKeySequence(Qt::Key_A), [this] {
    if (!mReview->accept(mDocument->reviewedArtifact()))
      statusBar()->showMessage(tr("No proposal to accept: select an artifact with a proposed fix"), 5000);
  });
  QAction* reject = addAction(analyse, QStringLiteral("reject"), tr("&Reject (False Alarm)"), QKeySequence(Qt::Key_R),
                              [this] { mReview->reject(mDocument->reviewedArtifact()); });
  QAction* acceptType = addAction(analyse, QStringLiteral("acceptAllOfType"), tr("Accept All of This &Type"),
                                  QKeySequence(tr("Ctrl+Shift+A")), [this] {
                                    if (const editor::Artifact* a = mDocument->artifact(mDocument->reviewedArtifact()))
                                      mReview->acceptAllOfType(a->type);
                                  });
  QAction* classic = addAction(analyse, QStringLiteral("reproposeClassic"), tr("Re-propose (C&lassic)"), {},
                               [this] { mReview->proposeFix(mDocument->reviewedArtifact(), tasks::Method::Classic); });
  QAction* model = addAction(analyse, QStringLiteral("reproposeModel"), tr("Re-propose (Mo&del)"), {},
                             [this] { mReview->proposeFix(mDocument->reviewedArtifact(), tasks::Method::Model); });
  QAction* add = addAction(analyse, QStringLiteral("addArtifact"), tr("A&dd Artifact from Selection..."),
                           QKeySequence(tr("Ctrl+Shift+N")), [this] { addArtifactFromSelection(); });
  mReviewDock->addActions({prev, next, accept, reject, acceptType, add, classic, model});

  QMenu* repair = menuBar()->addMenu(tr("&Repair"));
  addAction(repair, QStringLiteral("cleanAll"), tr("&Clean All (Accept Every Proposal)"), {}, [this] {
    mDocument->undoStack()->beginMacro(tr("Clean all"));
    for (int t = 0; t < kArtifactTypeCount; ++t) mReview->acceptAllOfType(static_cast<ArtifactType>(t));
    mDocument->undoStack()->endMacro();
  });
  repair->addSeparator();
  addAction(repair, QStringLiteral("inbetween"), tr("&In-between Selection"), QKeySequence(tr("Ctrl+I")),
            [this] { repairSelection(0); });
  addAction(repair, QStringLiteral("complete"), tr("C&omplete Selection"), {}, [this] { repairSelection(1); });
  addAction(repair, QStringLiteral("filter"), tr("&Filter Selection..."), {}, [this] { repairSelection(2); });
  addAction(repair, QStringLiteral("footLock"), tr("Foot &Lock Selection"), {}, [this] { repairSelection(3); });
  repair->addSeparator();
  addAction(repair, QStringLiteral("applySelectionRepair"), tr("&Apply Selection Repair"),
            QKeySequence(tr("Ctrl+Return")), [this] {
              // The selection's repair, or else a generated sample shown as the ghost.
              QString error;
              if (!mReview->acceptSelectionRepair() && mGeneration->chosen() >= 0 && !mGeneration->apply(&error))
                statusBar()->showMessage(error, 8000);
            });
  addAction(repair, QStringLiteral("revertSelection"), tr("&Revert Selection to Original"), {},
            [this] { mReview->revertSelection(); });
}

void MainWindow::createLabelMenu() {
  QMenu* label = menuBar()->addMenu(tr("&Label"));
  QAction* mode = addAction(label, QStringLiteral("labelMode"), tr("&Labelling Mode"), QKeySequence(tr("Ctrl+L")), {});
  mode->setCheckable(true);
  connect(mode, &QAction::toggled, mTimeline, &timeline::TimelineWidget::setLabelMode);
  auto* brushes = new QActionGroup(this);
  const std::pair<QualityLabel, Qt::Key> keys[] = {{QualityLabel::Good, Qt::Key_1},
                                                   {QualityLabel::Bad, Qt::Key_2},
                                                   {QualityLabel::Unsure, Qt::Key_3},
                                                   {QualityLabel::Unlabelled, Qt::Key_0}};
  for (const auto& [value, key] : keys) {
    const QualityLabel v = value;
    QAction* a = addAction(label, QStringLiteral("brush%1").arg(int(v)), tr("Brush: %1").arg(editor::qualityLabelTitle(v)),
                           QKeySequence(key), [this, v, mode] {
                             mTimeline->setBrush(v);
                             mode->setChecked(true);
                           });
    a->setCheckable(true);
    a->setChecked(v == QualityLabel::Bad);
    brushes->addAction(a);
  }
  mTimeline->setBrush(QualityLabel::Bad);
  label->addSeparator();
  addAction(label, QStringLiteral("fillSelection"), tr("&Fill Selection with Brush"), QKeySequence(tr("Shift+F")),
            [this] { fillSelection(); });
  label->addSeparator();
  QAction* prevTake = addAction(label, QStringLiteral("previousTake"), tr("&Previous Take"), QKeySequence(tr("Ctrl+PgUp")),
                                [this] { openTake(mSession->neighbourTake(false)); });
  QAction* nextTake = addAction(label, QStringLiteral("nextTake"), tr("&Next Take"), QKeySequence(tr("Ctrl+PgDown")),
                                [this] { openTake(mSession->neighbourTake(true)); });
  QAction* done = addAction(label, QStringLiteral("markDone"), tr("Mark Take &Done"), QKeySequence(tr("Ctrl+D")), [this] {
    QString error;
    if (mSession->currentTake() && !mSession->setStatus(mSession->currentTake(), editor::QueueStatus::Done, &error))
      showError(tr("Cannot update the queue"), error);
    mQueueDock->model()->reload();
  });
  mQueueDock->addActions({prevTake, nextTake, done});
}

void MainWindow::createModelMenu() {
  QMenu* model = menuBar()->addMenu(tr("&Model"));
  QSettings settings;
  tasks::ModelSettings ms = mReview->modelSettings();
  ms.device = settings.value(QStringLiteral("model/device"), QStringLiteral("auto")).toString().toStdString();
  ms.steps = settings.value(QStringLiteral("model/steps"), ms.steps).toInt();
  const QString weights = settings.value(QStringLiteral("model/weights")).toString();
  if (!weights.isEmpty() && QFileInfo::exists(weights)) ms.weights = QFile::encodeName(weights).toStdString();
  mReview->setModelSettings(ms);
  syncGenerationSettings();
  QMenu* device = model->addMenu(tr("&Device"));
  auto* devices = new QActionGroup(this);
  for (const QString& d : {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")}) {
    QAction* a = device->addAction(d == QLatin1String("auto") ? tr("Automatic (GPU when present)")
                                   : d == QLatin1String("cpu") ? tr("CPU") : tr("GPU (CUDA)"));
    a->setObjectName(QStringLiteral("device_") + d);
    a->setCheckable(true);
    a->setChecked(QString::fromStdString(ms.device) == d);
    devices->addAction(a);
    connect(a, &QAction::triggered, this, [this, d] {
      tasks::ModelSettings s = mReview->modelSettings();
      s.device = d.toStdString();
      mReview->setModelSettings(s);
      syncGenerationSettings();
      QSettings().setValue(QStringLiteral("model/device"), d);
    });
  }
  addAction(model, QStringLiteral("weights"), tr("&Weights..."), {}, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Model Weights"),
                                                      QString::fromStdString(mReview->modelSettings().weights),
                                                      tr("MotionMender models (*.mmmodel)"));
    if (path.isEmpty()) return;
    tasks::ModelSettings s = mReview->modelSettings();
    s.weights = QFile::encodeName(path).toStdString();
    mReview->setModelSettings(s);
    QSettings().setValue(QStringLiteral("model/weights"), path);
  });
  addAction(model, QStringLiteral("steps"), tr("Sampling &Steps..."), {}, [this] {
    bool ok = false;
    const int steps = QInputDialog::getInt(this, tr("Sampling Steps"), tr("Diffusion steps (more: slower, smoother):"),
                                           mReview->modelSettings().steps, 1, 200, 1, &ok);
    if (!ok) return;
    tasks::ModelSettings s = mReview->modelSettings();
    s.steps = steps;
    mReview->setModelSettings(s);
    syncGenerationSettings();
    QSettings().setValue(QStringLiteral("model/steps"), steps);
  });
}

void MainWindow::syncGenerationSettings() {
  tasks::ModelSettings s = mGeneration->modelSettings();
  s.device = mReview->modelSettings().device;
  s.steps = mReview->modelSettings().steps;
  mGeneration->setModelSettings(s);
}

void MainWindow::saveGeneratedTake() {
  const QString dir = mDocument->filePath().isEmpty() ? QString() : QFileInfo(mDocument->filePath()).absolutePath();
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the Generated Take"),
                                                    QDir(dir).filePath(QStringLiteral("generated.bvh")),
                                                    tr("Motion files (*.bvh *.amc *.fbx *.glb *.gltf)"));
  if (path.isEmpty()) return;
  QString error;
  if (!mGeneration->writeNewTake(path, &error)) {
    showError(tr("Cannot save %1").arg(QFileInfo(path).fileName()), error);
    return;
  }
  mGeneration->discard();
  if (mSession->isOpen()) {
    const int id = mSession->database()->addTake(path, &error);
    if (!id) {
      showError(tr("Cannot add %1 to the project").arg(QFileInfo(path).fileName()), error);
      return;
    }
    mQueueDock->model()->reload();
    openTake(id);
    return;
  }
  openFile(path);
}

void MainWindow::createViewMenus() {
  mViewMenu = menuBar()->addMenu(tr("&View"));
  QAction* frameAll = addAction(mViewMenu, QStringLiteral("frameAll"), tr("&Frame Character"), QKeySequence(Qt::Key_F),
                                [this] { mView->frameAll(); });
  (void)frameAll;
  mViewMenu->addAction(mView->ghostAction());
  mViewMenu->addAction(mView->afterAction());
  mViewMenu->addAction(mView->followAction());
  mViewMenu->addSeparator();
  addAction(mViewMenu, QStringLiteral("fitTimeline"), tr("Fit &Timeline to Take"), QKeySequence(tr("Ctrl+0")),
            [this] { mTimeline->fitAll(); });
  addAction(mViewMenu, QStringLiteral("zoomIn"), tr("Zoom Timeline &In"), QKeySequence(tr("Ctrl+=")),
            [this] { mTimeline->zoomIn(); });
  addAction(mViewMenu, QStringLiteral("zoomOut"), tr("Zoom Timeline &Out"), QKeySequence(tr("Ctrl+-")),
            [this] { mTimeline->zoomOut(); });
  QAction* timecode = addAction(mViewMenu, QStringLiteral("timecode"), tr("Ruler in Time&code"), {}, {});
  timecode->setCheckable(true);
  connect(timecode, &QAction::toggled, mTimeline, &timeline::TimelineWidget::setTimecode);
  mViewMenu->addSeparator();
  for (QDockWidget* d : findChildren<QDockWidget*>()) mViewMenu->addAction(d->toggleViewAction());

  QMenu* play = menuBar()->addMenu(tr("&Playback"));
  mPlayAction = addAction(play, QStringLiteral("play"), tr("&Play"), QKeySequence(Qt::Key_Space),
                          [this] { mPlayback->toggle(); });
  addAction(play, QStringLiteral("shuttleBack"), tr("Play &Backwards (J)"), QKeySequence(Qt::Key_J),
            [this] { mPlayback->shuttleBackward(); });
  addAction(play, QStringLiteral("shuttleStop"), tr("&Stop (K)"), QKeySequence(Qt::Key_K),
            [this] { mPlayback->shuttleStop(); });
  addAction(play, QStringLiteral("shuttleForward"), tr("Play &Forwards (L)"), QKeySequence(Qt::Key_L),
            [this] { mPlayback->shuttleForward(); });
  addAction(play, QStringLiteral("nextFrame"), tr("&Next Frame"), QKeySequence(Qt::Key_Right),
            [this] { mDocument->setCurrentFrame(mDocument->currentFrame() + 1); });
  addAction(play, QStringLiteral("previousFrame"), tr("P&revious Frame"), QKeySequence(Qt::Key_Left),
            [this] { mDocument->setCurrentFrame(mDocument->currentFrame() - 1); });
  addAction(play, QStringLiteral("firstFrame"), tr("F&irst Frame"), QKeySequence(Qt::Key_Home),
            [this] { mDocument->setCurrentFrame(0); });
  addAction(play, QStringLiteral("lastFrame"), tr("&Last Frame"), QKeySequence(Qt::Key_End),
            [this] { mDocument->setCurrentFrame(mDocument->frameCount() - 1); });

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  addAction(help, QStringLiteral("shortcuts"), tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, [this] {
    QStringList lines;
    for (QAction* a : actions())
      if (!a->shortcut().isEmpty())
        lines << QStringLiteral("%1\t%2").arg(a->shortcut().toString(QKeySequence::NativeText), a->text().remove(QLatin1Char('&')));
    QMessageBox::information(this, tr("Keyboard Shortcuts"), lines.join(QLatin1Char('\n')));
  });
  addAction(help, QStringLiteral("about"), tr("&About MotionMender"), {}, [this] {
    QMessageBox::about(this, tr("About MotionMender"),
                       tr("MotionMender %1: motion-capture cleanup.\nThe shipped model was trained on the Bandai Namco "
                          "Research Motion Dataset (CC BY-NC 4.0).")
                           .arg(QApplication::applicationVersion()));
  });
}

void MainWindow::createTransportBar() {
  auto* bar = new QToolBar(tr("Transport"), this);
  bar->setObjectName(QStringLiteral("transport"));
  bar->setMovable(false);
  addToolBar(Qt::BottomToolBarArea, bar);

  mPlayButton = new QToolButton(bar);
  mPlayButton->setDefaultAction(mPlayAction);
  mPlayButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
  bar->addWidget(mPlayButton);

  mSlider = new QSlider(Qt::Horizontal, bar);
  mSlider->setFocusPolicy(Qt::NoFocus);  // Space and arrows belong to the window
  bar->addWidget(mSlider);
  connect(mSlider, &QSlider::valueChanged, mDocument, &editor::Document::setCurrentFrame);
  // Scrubbing pauses playback and resumes it on release, as in video players.
  connect(mSlider, &QSlider::sliderPressed, this, [this] {
    mResumeAfterScrub = mPlayback->isPlaying();
    mPlayback->pause();
  });
  connect(mSlider, &QSlider::sliderReleased, this, [this] {
    if (mResumeAfterScrub) mPlayback->play();
    mResumeAfterScrub = false;
  });

  mFrameLabel = new QLabel(bar);
  mFrameLabel->setMinimumWidth(mFrameLabel->fontMetrics().horizontalAdvance(QStringLiteral("frame 000000 / 000000  (000.00 fps)")));
  mFrameLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  bar->addWidget(mFrameLabel);
  updatePlaying(false);
}

void MainWindow::showOpenDialog() {
  QStringList patterns;
  for (const std::string& ext : readableExtensions()) patterns << QStringLiteral("*.") + QString::fromStdString(ext);
  const QString filters = tr("Motion files (%1)").arg(patterns.join(QLatin1Char(' '))) + QStringLiteral(";;") +
                          tr("All files (*)");
  const QString start = mDocument->filePath().isEmpty() ? QString() : QFileInfo(mDocument->filePath()).absolutePath();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Motion"), start, filters);
  if (!path.isEmpty()) openFile(path);
}

bool MainWindow::openFile(const QString& path) {
  QString error;
  // A plain file leaves the project (its take is saved first).
  if (mSession->isOpen()) mSession->close();
  if (mDocument->load(path, &error)) {
    // Recoverable oddities (e.g. a frame count that disagrees with the data)
    // are worth a glance, not a dialog.
    if (!mDocument->loadWarnings().isEmpty())
      statusBar()->showMessage(mDocument->loadWarnings().join(QStringLiteral("; ")), 15000);
    mRecent->add(path);
    mTimeline->fitAll();
    mReview->analyse();
    return true;
  }
  showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
  return false;
}

bool MainWindow::openProject(const QString& path) {
  QString error;
  if (!mSession->open(path, &error)) {
    showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
    return false;
  }
  mRecent->add(path);
  const std::vector<editor::ProjectTake> takes = mSession->database()->takes();
  int first = takes.empty() ? 0 : takes.front().id;
  for (const editor::ProjectTake& t : takes)  // the first take not done yet
    if (t.status != editor::QueueStatus::Done) {
      first = t.id;
      break;
    }
  if (first) openTake(first);
  mQueueDock->raise();
  return true;
}

void MainWindow::openTake(int takeId) {
  if (!takeId) return;
  QString error;
  if (!mSession->openTake(takeId, &error)) {
    showError(tr("Cannot open the take"), error);
    return;
  }
  mQueueDock->model()->reload();
  updateForClip();
  mTimeline->fitAll();
  mReview->analyse();  // decisions stored in the project survive it
}

bool MainWindow::saveProjectAs(const QString& path) {
  QString error;
  if (!mSession->createFromDocument(path, &error)) {
    showError(tr("Cannot save %1").arg(QFileInfo(path).fileName()), error);
    return false;
  }
  mRecent->add(path);
  statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
  return true;
}

void MainWindow::saveProject() {
  if (!mSession->isOpen()) {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Project As"), QString(), tr("MotionMender projects (*.mmproj)"));
    if (!path.isEmpty()) saveProjectAs(path);
    return;
  }
  QString error;
  if (mSession->flush(&error))
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(mSession->database()->path()).fileName()), 5000);
}

void MainWindow::exportMotion() {
  if (!mDocument->hasClip()) return;
  const QString base = mDocument->filePath().isEmpty() ? tr("untitled") : QFileInfo(mDocument->filePath()).completeBaseName();
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export Motion"), base + QStringLiteral("_clean.bvh"),
      tr("BVH (*.bvh);;FBX (*.fbx);;glTF binary (*.glb);;glTF (*.gltf)"));
  if (path.isEmpty()) return;
  // saveMotion writes to a temporary file and renames it: never a partial file.
  const SaveResult r = saveMotion(mDocument->clip(), QFile::encodeName(path).toStdString());
  if (!r.ok) showError(tr("Cannot export %1").arg(QFileInfo(path).fileName()), QString::fromStdString(r.error.toString()));
  else statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::exportLabels() {
  std::vector<TakeLabels> takes;
  QString error;
  if (mSession->isOpen()) {
    mSession->flush(&error);
    for (const editor::ProjectTake& t : mSession->database()->takes()) {
      TakeLabels tl;
      tl.path = QFile::encodeName(t.sourcePath).toStdString();
      tl.fps = t.fps;
      if (!mSession->database()->loadLabels(t.id, &tl.labels, &error)) {
        showError(tr("Cannot export labels"), error);
        return;
      }
      takes.push_back(std::move(tl));
    }
  } else if (mDocument->hasClip()) {
    TakeLabels tl;
    tl.path = QFile::encodeName(mDocument->filePath()).toStdString();
    tl.fps = mDocument->fps();
    tl.labels = mDocument->labels();
    takes.push_back(std::move(tl));
  }
  if (takes.empty()) return;
  QString filter = tr("JSON (*.json);;CSV (*.csv)");
  if (labelsNpzAvailable()) filter += tr(";;NumPy (*.npz)");
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Labels"), tr("labels.json"), filter);
  if (path.isEmpty()) return;
  const std::optional<LabelsFormat> format = parseLabelsFormat(QFileInfo(path).suffix().toStdString());
  if (!format) {
    showError(tr("Cannot export labels"), tr("%1: use .json, .csv or .npz").arg(path));
    return;
  }
  const SaveResult r = writeLabels(QFile::encodeName(path).toStdString(), *format, takes);
  if (!r.ok) showError(tr("Cannot export labels"), QString::fromStdString(r.error.toString()));
  else statusBar()->showMessage(tr("Exported the labels of %n take(s)", nullptr, int(takes.size())), 5000);
}

void MainWindow::fillSelection() {
  const editor::Selection sel = mDocument->selection();
  if (sel.empty()) {
    statusBar()->showMessage(tr("Select frames first (Shift+drag on the timeline)"), 5000);
    return;
  }
  mDocument->undoStack()->push(new editor::PaintLabelsCommand(mDocument, sel.frames.start, sel.frames.end,
                                                              sel.partMask, mTimeline->brush()));
}

void MainWindow::addArtifactFromSelection() {
  const editor::Selection sel = mDocument->selection();
  if (sel.empty()) {
    statusBar()->showMessage(tr("Select frames first (Shift+drag on the timeline)"), 5000);
    return;
  }
  QStringList types;
  for (int t = 0; t < kArtifactTypeCount; ++t) types << editor::artifactTypeTitle(static_cast<ArtifactType>(t));
  bool ok = true;
  int index = 0;
  if (QApplication::platformName() != QLatin1String("offscreen")) {
    const QString chosen = QInputDialog::getItem(this, tr("Add Artifact"), tr("Type:"), types, 0, false, &ok);
    index = static_cast<int>(types.indexOf(chosen));
  }
  if (!ok || index < 0) return;
  mDocument->undoStack()->push(new editor::AddArtifactCommand(mDocument, static_cast<ArtifactType>(index),
                                                              sel.frames.start, sel.frames.end, sel.partMask));
}

void MainWindow::repairSelection(int kind) {
  if (mDocument->selection().empty()) {
    statusBar()->showMessage(tr("Select frames first (Shift+drag on the timeline)"), 5000);
    return;
  }
  using K = editor::ReviewController::SelectionRepair;
  FilterSpec filter = FilterSpec::butterworth(6.0);
  if (kind == 2 && QApplication::platformName() != QLatin1String("offscreen")) {
    bool ok = false;
    const double hz = QInputDialog::getDouble(this, tr("Filter Selection"), tr("Low-pass cut-off (Hz):"), 6.0, 0.5,
                                              30.0, 1, &ok);
    if (!ok) return;
    filter = FilterSpec::butterworth(hz);
  }
  const K kinds[] = {K::Inbetween, K::Complete, K::Filter, K::FootLock};
  if (mReview->repairSelection(kinds[kind], tasks::Method::Auto, filter))
    statusBar()->showMessage(tr("Proposal shown as the ghost: Ctrl+Return applies it"), 8000);
}

void MainWindow::updateForClip() {
  const int frames = mDocument->frameCount();
  {
    const QSignalBlocker block(mSlider);
    mSlider->setRange(0, std::max(0, frames - 1));
    mSlider->setValue(mDocument->currentFrame());
  }
  mSlider->setEnabled(frames > 1);
  mPlayAction->setEnabled(frames > 1);
  const QString name = mDocument->filePath().isEmpty() ? tr("Untitled") : QFileInfo(mDocument->filePath()).fileName();
  setWindowTitle(mDocument->hasClip() ? tr("%1 - MotionMender").arg(name) : tr("MotionMender"));
  updateFrame(mDocument->currentFrame());
}

void MainWindow::updateFrame(int frame) {
  {
    const QSignalBlocker block(mSlider);
    mSlider->setValue(frame);
  }
  if (!mDocument->hasClip()) {
    mFrameLabel->setText(tr("no clip"));
    return;
  }
  // Frames are zero-based everywhere (CLI, reports), so the label is too.
  mFrameLabel->setText(tr("frame %1 / %2  (%3 fps)")
                           .arg(frame)
                           .arg(mDocument->frameCount())
                           .arg(QString::number(mDocument->fps(), 'g', 5)));
}

void MainWindow::updatePlaying(bool playing) {
  mPlayAction->setText(playing ? tr("&Pause") : tr("&Play"));
  mPlayAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  mPlayAction->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

QString MainWindow::droppableFile(const QMimeData* mime) {
  if (!mime || !mime->hasUrls()) return {};
  for (const QUrl& url : mime->urls()) {
    if (!url.isLocalFile()) continue;
    const QString path = url.toLocalFile();
    if (canRead(formatFromPath(QFile::encodeName(path).toStdString()))) return path;
  }
  return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppableFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString path = droppableFile(event->mimeData());
  if (path.isEmpty()) return;
  event->acceptProposedAction();
  openFile(path);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (watched == mView->renderWindow()) {
    switch (event->type()) {
      case QEvent::DragEnter:
      case QEvent::DragMove: {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!droppableFile(drag->mimeData()).isEmpty()) drag->acceptProposedAction();
        return true;
      }
      case QEvent::Drop:
        dropEvent(static_cast<QDropEvent*>(event));
        return true;
      default:
        break;
    }
  }
  return QMainWindow::eventFilter(watched, event);
}

}  // namespace mm::app
