// Background work seen from the window: while a long take is analysed and
// while the model repairs a span, the event loop keeps answering (an
// EventLatencyProbe ticks every 5 ms on the GUI thread); and the status bar's
// Cancel button, clicked during a model task, frees the worker within 200 ms.
// The latency bound here is wide (this machine runs other tests beside this
// one); `motionmender-cli bench gui latency` measures the one-hour take
// against the 50 ms target. Runs under Xvfb.

#include "app/gui/eventlatencyprobe.h"
#include "app/gui/mainwindow.h"
#include "app/gui/reviewdock.h"
#include "app/gui/taskstatus.h"
#include "editor/artifact.h"
#include "editor/document.h"
#include "editor/reviewcontroller.h"
#include "editor/taskrunner.h"
#include "editor/testutil_editor.h"
#include "tasks/generatejobs.h"
#include "tasks/modelruntime.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProgressBar>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <atomic>

using mm::app::EventLatencyProbe;
using mm::app::MainWindow;
using namespace mm;

namespace {

const QString kSample = QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_broken.bvh");
constexpr int kTaskTimeoutMs = 180000;
// A generous bound for a loaded test machine; the product target (50 ms) is
// the benchmark's.
constexpr double kLatencyBoundMs = 250.0;

bool waitIdle(MainWindow& w) {
  return QTest::qWaitFor([&] { return !w.taskRunner()->isBusy(); }, kTaskTimeoutMs);
}

// Asked on the worker, where the window loads the model runtime too: loaded
// on the GUI thread, LibTorch's and OpenBLAS's thread pools would run at the
// GUI thread's priority instead of the worker's (see TaskRunner).
bool modelAvailable(MainWindow& w, QString* why) {
  std::string error;
  bool ok = false, done = false;
  QObject scope;  // disconnects when this returns
  QObject::connect(w.taskRunner(), &editor::TaskRunner::finished, &scope, [&] { done = true; });
  w.taskRunner()->submit(QStringLiteral("model runtime"), [&](editor::TaskControl&) {
    ok = tasks::modelRuntime(&error) != nullptr;
    return editor::TaskResult{};
  });
  if (!QTest::qWaitFor([&] { return done; }, kTaskTimeoutMs)) error = "the worker did not answer";
  *why = QString::fromStdString(error);
  return ok;
}

// Reviews the sample's frozen span (20 frames, every part) in the window.
int reviewFrozenSpan(MainWindow& w) {
  if (!w.openFile(kSample) || !waitIdle(w)) return 0;
  for (const editor::Artifact& a : w.document()->artifacts())
    if (a.type == ArtifactType::Frozen) {
      w.document()->setReviewedArtifact(a.id);
      return a.id;
    }
  return 0;
}

// Shows the window with the sample's frozen span under review, the model
// loaded: the span's id, or 0 (with *skip saying why when there is no model).
int showWithModelReviewing(MainWindow& w, QString* skip) {
  w.show();
  if (!QTest::qWaitForWindowExposed(&w)) return 0;
  return modelAvailable(w, skip) ? reviewFrozenSpan(w) : 0;
}

}  // namespace

class TestWindowTasks : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void analysisKeepsTheWindowAnswering() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // 64,000 frames (35 minutes at 30 fps) of the real kick played forth and back.
    w.document()->setClip(testing::kickTake(1600));
    QTest::qWait(200);
    EventLatencyProbe probe;
    QElapsedTimer clock;
    probe.start();
    clock.start();
    QVERIFY(w.review()->analyse() > 0);
    QVERIFY(QTest::qWaitFor([&] { return w.document()->report() && !w.taskRunner()->isBusy(); }, kTaskTimeoutMs));
    probe.stop();
    qInfo("analysis of %d frames and its proposals: %.1f s, worst event-loop latency %.1f ms, p99 %.1f ms, %d ticks",
          w.document()->frameCount(), clock.elapsed() / 1e3, probe.worstMs(), probe.percentileMs(0.99),
          probe.samples());
    // On an idle machine the analysis takes ~0.1 s (about 10 ticks): the
    // count only shows that the probe ran; a blocked GUI thread fails on the
    // latency, as one late tick.
    QVERIFY(probe.samples() >= 3);
    QVERIFY2(probe.worstMs() < kLatencyBoundMs, qPrintable(QString::number(probe.worstMs())));
  }

  void modelRepairKeepsTheWindowAnswering() {
    MainWindow w;
    QString skip;
    const int id = showWithModelReviewing(w, &skip);
    if (!skip.isEmpty()) QSKIP(qPrintable(skip));
    QVERIFY(id > 0);
    EventLatencyProbe probe;
    probe.start();
    w.action(QStringLiteral("reproposeModel"))->trigger();
    QVERIFY(w.taskRunner()->isBusy());
    QVERIFY(waitIdle(w));
    probe.stop();
    const editor::Proposal* p = w.document()->proposal(id);
    QVERIFY(p);
    QVERIFY2(p->method.contains(QLatin1String("model")), qPrintable(p->method));
    qInfo("model repair: worst event-loop latency %.1f ms, p99 %.1f ms, %d ticks", probe.worstMs(),
          probe.percentileMs(0.99), probe.samples());
    QVERIFY2(probe.worstMs() < kLatencyBoundMs, qPrintable(QString::number(probe.worstMs())));
  }

  void cancelFreesTheWorkerWithin200ms() {
    MainWindow w;
    QString skip;
    const int id = showWithModelReviewing(w, &skip);
    if (!skip.isEmpty()) QSKIP(qPrintable(skip));
    QVERIFY(id > 0);
    // Many sampling steps: the task runs for seconds unless it is stopped.
    // The shipped repair weights give their correction to the classical
    // answer in one network evaluation, whatever the steps; the text weights
    // (no prior) sample from noise and run all 200.
    tasks::ModelSettings settings = w.review()->modelSettings();
    settings.weights = tasks::defaultTextModelPath();
    if (!QFileInfo::exists(QString::fromStdString(settings.weights))) QSKIP("the text weights are not in this checkout");
    settings.steps = 200;
    w.review()->setModelSettings(settings);
    w.document()->clearProposal(id);

    QElapsedTimer sinceStart;
    sinceStart.start();
    std::vector<std::pair<qint64, double>> reports;
    QObject reportScope;
    connect(w.taskRunner(), &editor::TaskRunner::progress, &reportScope,
            [&](int, double f) { reports.emplace_back(sinceStart.elapsed(), f); });
    w.action(QStringLiteral("reproposeModel"))->trigger();
    app::TaskStatus* status = w.taskStatus();
    // Running, well inside the sampling loop (past its one-time set-up): 3 %
    // of 200 steps done.
    QVERIFY(QTest::qWaitFor([&] { return status->currentTask() != 0; }, kTaskTimeoutMs));
    QProgressBar* bar = status->progressBar();
    QVERIFY(QTest::qWaitFor([&] { return bar->value() >= bar->minimum() + (bar->maximum() - bar->minimum()) * 3 / 100; },
                            kTaskTimeoutMs));
    qInfo("cancelling at %d of %d", bar->value(), bar->maximum());
    QVERIFY(status->cancelButton()->isVisible());

    // Then a second task behind it: it starts once the worker is free.
    QElapsedTimer clock;
    std::atomic<qint64> startedMs{-1};
    QTest::mouseClick(status->cancelButton(), Qt::LeftButton);
    clock.start();
    bool probeDone = false;
    QObject scope;
    connect(w.taskRunner(), &editor::TaskRunner::finished, &scope, [&] { probeDone = true; });
    w.taskRunner()->submit(QStringLiteral("probe"), [&](editor::TaskControl&) {
      startedMs = clock.elapsed();
      return editor::TaskResult{};
    });
    QVERIFY(QTest::qWaitFor([&] { return probeDone; }, 10000));
    qInfo("worker free %lld ms after Cancel", static_cast<long long>(startedMs.load()));
    QVERIFY(startedMs >= 0);
    if (startedMs >= 200) {  // the progress reports say where the time went
      for (const auto& [t, f] : reports) qInfo("  progress %.3f at %lld ms", f, static_cast<long long>(t));
      QFAIL(qPrintable(QStringLiteral("the worker was free only %1 ms after Cancel").arg(startedMs.load())));
    }
    QVERIFY(!w.document()->proposal(id));  // the cancelled task's result never arrives
    QVERIFY(!status->cancelButton()->isVisible() || w.taskRunner()->isBusy());
  }
};

QTEST_MAIN(TestWindowTasks)
#include "tst_windowtasks.moc"
