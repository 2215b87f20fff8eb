// bench gui latency: how long the editor window keeps its events waiting
// while work runs in the task runner, on a one-hour 120 fps take of a 60-joint
// skeleton (benchtakes.h): first the analysis of the whole take (with the
// fixes it proposes afterwards), then a model in-betweening of a 60-frame
// selection in the middle of it. An EventLatencyProbe ticks every 5 ms on the
// GUI thread; a tick that comes late says how long the loop was busy (target:
// under 50 ms at worst). The window is the real MainWindow; with a display
// (xvfb-run) its 3D view renders too.
#include "app/benchgui/benchgui.h"
#include "app/benchgui/benchtakes.h"

#include "app/gui/eventlatencyprobe.h"
#include "app/gui/mainwindow.h"
#include "editor/document.h"
#include "editor/reviewcontroller.h"
#include "editor/taskrunner.h"
#include "timeline/timelinewidget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace mm::benchgui {

namespace {

// Runs the event loop until `done` or `timeoutMs`; false on timeout.
bool runUntil(const std::function<bool()>& done, int timeoutMs) {
  QEventLoop loop;
  QTimer poll;
  QElapsedTimer clock;
  clock.start();
  bool ok = false;
  QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
    if (done()) {
      ok = true;
      loop.quit();
    } else if (clock.elapsed() > timeoutMs) {
      loop.quit();
    }
  });
  poll.start(10);
  loop.exec();
  return ok;
}

void printProbe(const char* what, const app::EventLatencyProbe& probe, double seconds) {
  std::printf("%s: worst event-loop latency %.1f ms, p99 %.1f ms, median %.2f ms (%d ticks over %.1f s; target worst < 50 ms)\n",
              what, probe.worstMs(), probe.percentileMs(0.99), probe.percentileMs(0.5), probe.samples(), seconds);
}

}  // namespace

int benchLatency(const QStringList& args) {
  double minutes = 60.0;
  bool model = true;
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--minutes") && i + 1 < args.size()) {
      minutes = args[++i].toDouble();
    } else if (args[i] == QLatin1String("--no-model")) {
      model = false;
    } else {
      std::fprintf(stderr, "usage: latency [--minutes M] [--no-model]\n");
      return 2;
    }
  }
  const int frames = static_cast<int>(minutes * 60.0 * kLongTakeFps);
  if (frames < 1000) {
    std::fprintf(stderr, "latency: at least 1000 frames (--minutes)\n");
    return 2;
  }

  app::MainWindow window;
  window.show();
  editor::Document* doc = window.document();
  QElapsedTimer build;
  build.start();
  doc->setClip(longTake(frames));
  window.timeline()->fitAll();
  std::printf("take: %d frames at %.0f fps, %d joints (built in %.1f s)\n", frames, kLongTakeFps, kLongTakeJoints,
              build.elapsed() / 1e3);
  runUntil([] { return false; }, 500);  // the window settles (first paint, Qt 3D's first frames)

  app::EventLatencyProbe probe;
  QElapsedTimer clock;
  probe.start();
  clock.start();
  window.review()->analyse();
  if (!runUntil([&] { return doc->report() && !window.taskRunner()->isBusy(); }, 30 * 60 * 1000)) {
    std::fprintf(stderr, "latency: the analysis did not finish within 30 minutes\n");
    return 1;
  }
  probe.stop();
  printProbe("analysis (and proposals)", probe, clock.elapsed() / 1e3);
  std::printf("  %zu artifact(s) found\n", doc->artifacts().size());

  if (model) {
    // Twice: the first run also loads the model runtime (LibTorch and the
    // weights) in the worker; the second is a repair as the user repeats it.
    const int mid = frames / 2;
    editor::Selection sel;
    sel.frames = FrameRange{mid, mid + 60};
    sel.partMask = (1u << kBodyPartCount) - 1;
    doc->setSelection(sel);
    QString failure;
    QObject::connect(window.taskRunner(), &editor::TaskRunner::failed, &window,
                     [&failure](int, const QString& m) { failure = m; });
    for (const char* what : {"model in-betweening of 60 frames (first, loads the model)",
                             "model in-betweening of 60 frames (again)"}) {
      doc->clearProposal(0);
      probe.start();
      clock.start();
      if (!window.review()->repairSelection(editor::ReviewController::SelectionRepair::Inbetween, tasks::Method::Model)) {
        std::fprintf(stderr, "latency: the model repair did not start\n");
        return 1;
      }
      if (!runUntil([&] { return !window.taskRunner()->isBusy(); }, 10 * 60 * 1000)) {
        std::fprintf(stderr, "latency: the model repair did not finish within 10 minutes\n");
        return 1;
      }
      probe.stop();
      if (!failure.isEmpty() || !doc->proposal(0)) {
        std::fprintf(stderr, "latency: the model repair failed: %s\n", qPrintable(failure));
        return 1;
      }
      printProbe(what, probe, clock.elapsed() / 1e3);
    }
  }
  return 0;
}

}  // namespace mm::benchgui
