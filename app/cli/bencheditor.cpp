// motionmender-cli bench editor: the editor core on a one-hour 120 fps
// 60-joint take, measured in one run: open, background analysis (and how
// late a GUI-thread timer fires meanwhile), accept / undo of a proposal,
// saving an edit into the project, and exporting the labels of a 250-take
// project. Numbers are wall times of this run on this machine.
#include "app/bench/benchutil.h"
#include "cli.h"

#ifdef MM_HAVE_EDITOR
#include "editor/commands/commands.h"
#include "editor/document.h"
#include "editor/projectdatabase.h"
#include "editor/projectsession.h"
#include "editor/reviewcontroller.h"
#include "editor/taskrunner.h"
#include "io/labelsio.h"
#include "io/motionfile.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/qualityreport.h"
#include "tasks/repairjobs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <unistd.h>
#endif

namespace mm::cli {

#ifndef MM_HAVE_EDITOR
int runBenchEditor(Args) { return fail(kError, "bench editor needs Qt 6 (Core, Gui, Sql): this build has no Qt"); }
#else

namespace {

using bench::benchInput;
using bench::repeatClip;

double msSince(const QElapsedTimer& t) { return t.nsecsElapsed() / 1e6; }

// The bench sample on a 60-joint skeleton (38 extra finger-like joints),
// repeated to `frames` at `fps`, with the corruption lab's mixed artifacts.
Clip hourTake(const Clip& sample, int frames, double fps) {
  Skeleton big = sample.skeleton();
  const int hand = std::max(0, big.findJoint("Hand_L"));
  for (int k = 0; big.jointCount() < 60; ++k) {
    const int parent = k % 4 == 0 ? hand : big.jointCount() - 1;
    big.setEndSite(parent, std::nullopt);  // a BVH joint has children or an end site
    big.addJoint("Finger" + std::to_string(k), parent, Eigen::Vector3d(1, 0, 0));
  }
  const Clip base = repeatClip(sample, frames);
  Clip clip(big, frames, fps);
  for (int f = 0; f < frames; ++f)
    for (int j = 0; j < big.jointCount(); ++j) {
      clip.rotation(f, j) = j < base.jointCount() ? base.rotation(f, j) : Eigen::Quaterniond::Identity();
      if (clip.hasTrack(j) && j < base.jointCount()) clip.translation(f, j) = base.translation(f, j);
    }
  return corruptClip(clip, CorruptionConfig::mixed(), 1).clip;
}

}  // namespace

int runBenchEditor(Args args) {
  namespace fs = std::filesystem;
  std::string minutesText = "60";
  args.takeOption("--minutes", &minutesText);
  const bool quick = args.takeFlag("--quick");
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  int argc = 1;
  char name[] = "motionmender-cli";
  char* argv[] = {name, nullptr};
  QCoreApplication app(argc, argv);
  const double minutes = quick ? 2.0 : std::max(0.1, std::atof(minutesText.c_str()));
  const fs::path dir = fs::temp_directory_path() / ("mm-bench-editor-" + std::to_string(getpid()));
  fs::create_directories(dir);

  LoadResult in = loadMotion(benchInput(pos));
  if (!in.ok()) return fail(kError, in.error.toString());
  in.clip->makeSignContinuous();
  const int frames = static_cast<int>(minutes * 60 * 120);
  const std::string takePath = (dir / "take_120fps_60joints.bvh").string();
  {
    const Clip take = hourTake(*in.clip, frames, 120.0);
    std::printf("take: %d frames at 120 fps (%.0f min), 60 joints, lab artifacts; writing %s\n", frames, minutes,
                takePath.c_str());
    const SaveResult s = saveMotion(take, takePath);
    if (!s.ok) return fail(kError, s.error.toString());
  }

  // 1. Open, then analyse in the task runner while the GUI thread's timer
  // records how late it fires (the editor's responsiveness).
  editor::Document doc;
  QElapsedTimer t;
  t.start();
  QString qerror;
  if (!doc.load(QString::fromStdString(takePath), &qerror)) return fail(kError, qerror.toStdString());
  const double openMs = msSince(t);
  editor::TaskRunner runner;
  editor::ReviewController review(&doc, &runner);
  review.setAutoPropose(false);
  review.setReanalyseDelay(-1);
  QEventLoop loop;
  QObject::connect(&review, &editor::ReviewController::analysisFinished, &loop, &QEventLoop::quit);
  QTimer tick;
  QElapsedTimer sinceTick;
  double worstLate = 0.0;
  tick.setInterval(10);
  QObject::connect(&tick, &QTimer::timeout, [&] {
    worstLate = std::max(worstLate, msSince(sinceTick) - 10.0);
    sinceTick.restart();
  });
  // The longest wait for a progress report, as the status bar sees it.
  QElapsedTimer sinceProgress;
  double worstProgressGap = 0.0;
  auto progressConn = QObject::connect(&runner, &editor::TaskRunner::progress, [&](int, double) {
    worstProgressGap = std::max(worstProgressGap, msSince(sinceProgress));
    sinceProgress.restart();
  });
  t.restart();
  sinceTick.start();
  sinceProgress.start();
  tick.start();
  review.analyse();
  loop.exec();
  tick.stop();
  QObject::disconnect(progressConn);
  const double analyseMs = msSince(t);
  std::printf("open %.0f ms (first frame shown after the load), analysis in the background %.0f ms: %zu artifacts; "
              "worst GUI-thread timer lateness meanwhile %.1f ms (target < 50 ms); longest wait for a progress "
              "report %.0f ms (target < 100 ms)\n",
              openMs, analyseMs, doc.artifacts().size(), worstLate, worstProgressGap);

  // Cancel an analysis part-way: how long until the worker is free again
  // (a no-op task queued behind it finishes).
  {
    const int running = review.analyse();
    QEventLoop wait;
    QTimer::singleShot(static_cast<int>(analyseMs * 0.4), &wait, &QEventLoop::quit);
    wait.exec();
    QElapsedTimer c;
    c.start();
    runner.cancel(running);
    const int probe = runner.submit(QStringLiteral("probe"), [](editor::TaskControl&) { return editor::TaskResult{}; });
    QObject::connect(&runner, &editor::TaskRunner::finished, &wait, [&](int id) {
      if (id == probe) wait.quit();
    });
    wait.exec();
    std::printf("cancel of the analysis part-way: worker free after %.0f ms (target < 200 ms)\n", msSince(c));
  }

  // 2. Accept one proposal and undo it.
  const editor::Artifact* target = nullptr;
  for (const editor::Artifact& a : doc.artifacts())
    if (a.type == ArtifactType::Pop || a.type == ArtifactType::Frozen) {
      target = &a;
      break;
    }
  if (!target) return fail(kError, "the analysis found no pop or frozen span to repair");
  const int id = target->id;
  const tasks::ClipWindow window = tasks::windowAround(doc.clip(), FrameRange{target->start, target->end}, 1.5);
  ArtifactSpan span = target->span();
  span.start -= window.offset;
  span.end -= window.offset;
  t.restart();
  const tasks::JobOutcome job = tasks::repairArtifactJob(window.clip, span, doc.parts(), tasks::Method::Classic, {});
  const double proposeMs = msSince(t);
  if (!job.ok() || job.patch.empty()) return fail(kError, "no proposal for the artifact: " + job.error);
  editor::Proposal proposal;
  proposal.artifactId = id;
  proposal.patch = job.patch.shifted(window.offset);
  doc.setProposal(proposal);
  t.restart();
  doc.undoStack()->push(new editor::AcceptProposalCommand(&doc, id));
  const double acceptMs = msSince(t);
  t.restart();
  doc.undoStack()->undo();
  const double undoMs = msSince(t);
  std::printf("proposal for a %s span (%lld samples) %.1f ms; accept %.2f ms, undo %.2f ms (targets < 10 ms each)\n",
              artifactTypeName(target->type), proposal.patch.sampleCount(), proposeMs, acceptMs, undoMs);

  // 3. The take in a project: its first save (every chunk), then one edit.
  const QString projectPath = QString::fromStdString((dir / "bench.mmproj").string());
  editor::ProjectSession session(&doc);
  if (!session.create(projectPath, &qerror)) return fail(kError, qerror.toStdString());
  const int takeId = session.database()->addTake(QString::fromStdString(takePath), &qerror);
  if (!takeId) return fail(kError, qerror.toStdString());
  const std::shared_ptr<const QualityReport> kept = std::make_shared<const QualityReport>(*doc.report());
  if (!session.openTake(takeId, &qerror)) return fail(kError, qerror.toStdString());
  doc.setReport(kept);  // the take's artifacts, as after its analysis
  int again = 0;
  for (const editor::Artifact& a : doc.artifacts())
    if (a.type == ArtifactType::Pop || a.type == ArtifactType::Frozen) {
      again = a.id;
      break;
    }
  proposal.artifactId = again;
  doc.setProposal(proposal);
  doc.undoStack()->push(new editor::AcceptProposalCommand(&doc, again));
  t.restart();
  if (!session.flush(&qerror)) return fail(kError, qerror.toStdString());
  const double firstSaveMs = msSince(t);
  doc.undoStack()->undo();
  t.restart();
  if (!session.flush(&qerror)) return fail(kError, qerror.toStdString());
  const double editSaveMs = msSince(t);
  doc.undoStack()->push(new editor::PaintLabelsCommand(&doc, 1000, 1400, 0x1F, QualityLabel::Good));
  t.restart();
  if (!session.flush(&qerror)) return fail(kError, qerror.toStdString());
  const double labelSaveMs = msSince(t);
  std::printf("project: first save of the edited take %.0f ms (sparse: its dirty chunks over the source), then an undo %.1f ms and a label stroke "
              "%.1f ms (target < 50 ms for a typical edit)\n",
              firstSaveMs, editSaveMs, labelSaveMs);
  session.close();

  // 4. Label export of a 250-take project (20 s takes at 30 fps, labelled).
  const std::string smallTake = (dir / "small.bvh").string();
  {
    const Clip small = repeatClip(*in.clip, 600);
    if (!saveMotion(small, smallTake).ok) return fail(kError, smallTake + ": cannot write");
  }
  const QString bigProject = QString::fromStdString((dir / "labels.mmproj").string());
  auto db = editor::ProjectDatabase::create(bigProject, &qerror);
  if (!db) return fail(kError, qerror.toStdString());
  std::mt19937 rng(1);
  for (int k = 0; k < 250; ++k) {
    const std::string link = (dir / ("take" + std::to_string(k) + ".bvh")).string();
    fs::create_symlink(smallTake, link);
    const int tid = db->addTake(QString::fromStdString(link), &qerror);
    if (!tid) return fail(kError, qerror.toStdString());
    QualityLabels labels(600);
    for (int s = 0; s < 20; ++s) {
      const int a = static_cast<int>(rng() % 590);
      labels.fill(a, a + 10 + static_cast<int>(rng() % 60), static_cast<std::uint8_t>(1 + rng() % 31),
                  static_cast<QualityLabel>(1 + rng() % 3), ArtifactType::Pop);
    }
    if (!db->saveLabels(tid, labels, &qerror)) return fail(kError, qerror.toStdString());
  }
  for (const char* format : {"json", "csv", "npz"}) {
    t.restart();
    std::vector<TakeLabels> takes;
    for (const editor::ProjectTake& pt : db->takes()) {
      TakeLabels tl;
      tl.path = pt.sourcePath.toStdString();
      tl.fps = pt.fps;
      tl.labels = QualityLabels(pt.frames);
      if (!db->loadLabels(pt.id, &tl.labels, &qerror)) return fail(kError, qerror.toStdString());
      takes.push_back(std::move(tl));
    }
    const std::string out = (dir / (std::string("labels.") + format)).string();
    const SaveResult r = writeLabels(out, *parseLabelsFormat(format), takes);
    if (!r.ok) {
      std::printf("labels export %s: %s\n", format, r.error.toString().c_str());
      continue;
    }
    std::printf("labels export of 250 takes (150,000 frames) as %s: %.0f ms, %.1f MB\n", format, msSince(t),
                fs::file_size(out) / 1e6);
  }
  db.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
  return kOk;
}

#endif

}  // namespace mm::cli
