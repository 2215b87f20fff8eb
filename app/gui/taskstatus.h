#pragma once
// The status bar's view of background work: the running task's name, a
// progress bar and a Cancel button (Esc), shown only while the task runner
// is busy, so every analysis, repair and model run is visible and stoppable.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace mm::editor {
class TaskRunner;
}

namespace mm::app {

class TaskStatus : public QWidget {
  Q_OBJECT
 public:
  explicit TaskStatus(editor::TaskRunner* runner, QWidget* parent = nullptr);

  QProgressBar* progressBar() const { return mBar; }
  QToolButton* cancelButton() const { return mCancel; }
  int currentTask() const { return mTask; }

 public Q_SLOTS:
  // Cancels the task shown (and everything queued behind it).
  void cancel();

 private:
  void onStarted(int id, const QString& name);
  void onProgress(int id, double fraction);
  void onEnded(int id);

  editor::TaskRunner* mRunner;
  QLabel* mLabel = nullptr;
  QProgressBar* mBar = nullptr;
  QToolButton* mCancel = nullptr;
  int mTask = 0;
};

}  // namespace mm::app
