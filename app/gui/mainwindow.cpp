#include "app/gui/mainwindow.h"

#include "editor/document.h"
#include "editor/playback.h"
#include "io/motionfile.h"
#include "motion/clip.h"
#include "viewport/skeletonview.h"

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
  mView = new viewport::SkeletonView(this);
  mView->setDocument(mDocument);
  setCentralWidget(mView);

  createActions();
  createTransportBar();

  setAcceptDrops(true);
  // Drops and key presses over the 3D view reach its native window, not
  // this widget tree: watch that window too.
  mView->renderWindow()->installEventFilter(this);

  connect(mDocument, &editor::Document::clipChanged, this, &MainWindow::updateForClip);
  connect(mDocument, &editor::Document::currentFrameChanged, this, &MainWindow::updateFrame);
  connect(mPlayback, &editor::Playback::playingChanged, this, &MainWindow::updatePlaying);
  updateForClip();
  resize(1200, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::showOpenDialog);
  open->setShortcut(QKeySequence::Open);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* frameAll = view->addAction(tr("&Frame All"), mView, &viewport::SkeletonView::frameAll);
  frameAll->setShortcut(Qt::Key_F);

  QMenu* play = menuBar()->addMenu(tr("&Playback"));
  mPlayAction = play->addAction(tr("&Play"), mPlayback, &editor::Playback::toggle);
  mPlayAction->setShortcut(Qt::Key_Space);
  QAction* next = play->addAction(tr("&Next Frame"), this,
                                  [this] { mDocument->setCurrentFrame(mDocument->currentFrame() + 1); });
  next->setShortcut(Qt::Key_Period);
  QAction* previous = play->addAction(tr("P&revious Frame"), this,
                                      [this] { mDocument->setCurrentFrame(mDocument->currentFrame() - 1); });
  previous->setShortcut(Qt::Key_Comma);
  QAction* first = play->addAction(tr("&First Frame"), this, [this] { mDocument->setCurrentFrame(0); });
  first->setShortcut(Qt::Key_Home);
  QAction* last = play->addAction(tr("&Last Frame"), this,
                                  [this] { mDocument->setCurrentFrame(mDocument->frameCount() - 1); });
  last->setShortcut(Qt::Key_End);
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
  if (mDocument->load(path, &error)) {
    // Recoverable oddities (e.g. a frame count that disagrees with the data)
    // are worth a glance, not a dialog.
    if (!mDocument->loadWarnings().isEmpty())
      statusBar()->showMessage(mDocument->loadWarnings().join(QStringLiteral("; ")), 15000);
    return true;
  }
  QMessageBox::warning(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
  return false;
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
