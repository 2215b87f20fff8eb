#pragma once
// Runs long work (analysis, repairs, completion, in-betweening, generation)
// on one worker thread, so the GUI thread only paints and dispatches. A task
// is a function that receives copies of what it needs (a clip or a window
// of one, never the Document) and returns a TaskResult by value; results,
// progress and errors come back as queued signals on the runner's thread.
// Cancelling is immediate for the caller: `cancelled` is emitted at once,
// the task's result is dropped whenever it arrives (the document never sees
// it), and the work stops at its next progress check.

#include "editor/proposal.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QThread;

namespace mm {
class QualityReport;
}

namespace mm::editor {

class QualityHeat;

// What a task hands back (the fields its kind fills).
struct TaskResult {
  QString error;  // non-empty: the task failed, with a message for the user
  std::shared_ptr<const QualityReport> report;
  std::shared_ptr<const QualityHeat> heat;  // the report's heatmap, built with it
  std::vector<Proposal> proposals;
  std::vector<std::shared_ptr<const Clip>> clips;  // generated frames or takes
  QString summary;
};

// Given to a running task: report progress, ask whether to stop.
class TaskControl {
 public:
  TaskControl(std::atomic<bool>* cancel, std::function<void(double)> report)
      : mCancel(cancel), mReport(std::move(report)) {}
  bool cancelled() const { return mCancel->load(std::memory_order_relaxed); }
  // Reports the fraction done (0..1); returns false when the task should stop.
  bool progress(double fraction) {
    mReport(fraction);
    return !cancelled();
  }

 private:
  std::atomic<bool>* mCancel;
  std::function<void(double)> mReport;
};

class TaskRunner : public QObject {
  Q_OBJECT
 public:
  using Work = std::function<TaskResult(TaskControl&)>;

  explicit TaskRunner(QObject* parent = nullptr);
  // Cancels everything and waits for the running task's next check.
  ~TaskRunner() override;

  // Queues `work`; returns its id (> 0). Tasks run one at a time, in order.
  int submit(const QString& name, Work work);
  // Stops a queued or running task: `cancelled(id)` is emitted before this
  // returns; no `finished` or `failed` will follow for it.
  void cancel(int id);
  void cancelAll();
  // Tasks submitted and neither finished, failed nor cancelled.
  int pendingCount() const { return static_cast<int>(mTasks.size()); }
  bool isBusy() const { return !mTasks.empty(); }
  QString taskName(int id) const;

 Q_SIGNALS:
  void started(int id, const QString& name);
  // At most every 50 ms per task, fraction 0..1.
  void progress(int id, double fraction);
  void finished(int id, std::shared_ptr<const mm::editor::TaskResult> result);
  void failed(int id, const QString& message);
  void cancelled(int id);

 private:
  struct Task {
    QString name;
    std::shared_ptr<std::atomic<bool>> cancel;
  };
  void onDone(int id, std::shared_ptr<const TaskResult> result);

  QThread* mThread = nullptr;
  QObject* mWorker = nullptr;  // lives on mThread
  std::map<int, Task> mTasks;
  int mNextId = 1;
};

}  // namespace mm::editor

Q_DECLARE_METATYPE(std::shared_ptr<const mm::editor::TaskResult>)
