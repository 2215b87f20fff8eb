#include "editor/taskrunner.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <algorithm>
#include <exception>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace mm::editor {

namespace {
// Qt's thread priorities change nothing under Linux's default scheduler; a
// thread's nice value does, and the threads a task starts from the worker
// (LibTorch's and OpenBLAS's pools) inherit it. So the GUI thread wins a
// core whenever it has an event to handle: without this, the first model
// task (loading LibTorch and creating its threads) kept the window from
// answering for 40-320 ms on two cores.
void lowerCurrentThreadPriority() {
#ifdef __linux__
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  const int nice = getpriority(PRIO_PROCESS, tid);
  setpriority(PRIO_PROCESS, tid, std::min(19, nice + 5));
#endif
}
}  // namespace

TaskRunner::TaskRunner(QObject* parent) : QObject(parent) {
  qRegisterMetaType<std::shared_ptr<const TaskResult>>();
  mThread = new QThread(this);
  mThread->setObjectName(QStringLiteral("MotionMender tasks"));
  mWorker = new QObject;  // work is posted to it as queued calls
  mWorker->moveToThread(mThread);
  connect(mThread, &QThread::finished, mWorker, &QObject::deleteLater);
  // Runs on the new thread (a direct call from its start).
  connect(mThread, &QThread::started, mThread, &lowerCurrentThreadPriority, Qt::DirectConnection);
  mThread->start(QThread::LowPriority);
}

TaskRunner::~TaskRunner() {
  cancelAll();
  mThread->quit();
  mThread->wait();
}

QString TaskRunner::taskName(int id) const {
  auto it = mTasks.find(id);
  return it == mTasks.end() ? QString() : it->second.name;
}

int TaskRunner::submit(const QString& name, Work work) {
  const int id = mNextId++;
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  mTasks[id] = Task{name, cancel};
  QPointer<TaskRunner> self(this);
  QMetaObject::invokeMethod(
      mWorker,
      [self, id, name, cancel, work = std::move(work)]() mutable {
        if (cancel->load()) return;  // cancelled while queued
        if (self) QMetaObject::invokeMethod(self, [self, id, name] { if (self) Q_EMIT self->started(id, name); });
        QElapsedTimer sinceReport;
        sinceReport.start();
        TaskControl control(cancel.get(), [&](double fraction) {
          if (sinceReport.elapsed() < 50 && fraction < 1.0) return;
          sinceReport.restart();
          QMetaObject::invokeMethod(self, [self, id, fraction] {
            if (self && self->mTasks.count(id)) Q_EMIT self->progress(id, fraction);
          });
        });
        auto result = std::make_shared<TaskResult>();
        // The work (and the data it captured, e.g. a snapshot of the clip)
        // is released before the result is posted, so the document knows
        // it is the clip's only holder again when the result arrives.
        Work local = std::move(work);
        try {
          *result = local(control);
        } catch (const std::exception& e) {  // a task's bug must not take the editor down
          result->error = QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
          result->error = QStringLiteral("internal error");
        }
        local = nullptr;
        std::shared_ptr<const TaskResult> done = std::move(result);
        QMetaObject::invokeMethod(self, [self, id, done] {
          if (self) self->onDone(id, done);
        });
      },
      Qt::QueuedConnection);
  return id;
}

void TaskRunner::onDone(int id, std::shared_ptr<const TaskResult> result) {
  auto it = mTasks.find(id);
  if (it == mTasks.end()) return;  // cancelled: the result is dropped
  const bool wasCancelled = it->second.cancel->load();
  mTasks.erase(it);
  if (wasCancelled) return;
  if (!result->error.isEmpty())
    Q_EMIT failed(id, result->error);
  else
    Q_EMIT finished(id, result);
}

void TaskRunner::cancel(int id) {
  auto it = mTasks.find(id);
  if (it == mTasks.end()) return;
  it->second.cancel->store(true);
  mTasks.erase(it);
  Q_EMIT cancelled(id);
}

void TaskRunner::cancelAll() {
  while (!mTasks.empty()) cancel(mTasks.begin()->first);
}

}  // namespace mm::editor
