#include "editor/reviewcontroller.h"

#include "editor/commands/commands.h"
#include "editor/document.h"
#include "editor/qualityheat.h"
#include "motion/clip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"

#include <QUndoStack>

#include <algorithm>

namespace mm::editor {
namespace {

// Context copied around a span for its repair (the operators read up to a
// second of motion around it; RepairOptions::windowSeconds).
constexpr double kWindowSeconds = 1.5;

double worstQuality(const QualityReport* report, const Artifact& a) {
  if (!report) return -1.0;
  double q = 1.0;
  for (int f = std::max(0, a.start); f < std::min(report->frameCount(), a.end); ++f)
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) q = std::min(q, static_cast<double>(report->partQuality(f, p)));
  return q;
}

Proposal toProposal(const tasks::JobOutcome& job, int artifactId, int offset) {
  Proposal p;
  p.artifactId = artifactId;
  p.method = QString::fromStdString(job.used);
  p.patch = job.patch.shifted(offset);
  if (!job.results.empty()) {
    const RepairResult& r = job.results.front();
    p.method = QString::fromLatin1(repairMethodName(r.method));
    p.description = QString::fromStdString(r.detail);
  }
  return p;
}

}  // namespace

ReviewController::ReviewController(Document* doc, TaskRunner* runner, QObject* parent)
    : QObject(parent), mDoc(doc), mRunner(runner) {
  mReanalyse.setSingleShot(true);
  connect(&mReanalyse, &QTimer::timeout, this, [this] { analyse(); });
  connect(mRunner, &TaskRunner::finished, this, &ReviewController::onFinished);
  connect(mRunner, &TaskRunner::failed, this, &ReviewController::onFailed);
  connect(mRunner, &TaskRunner::cancelled, this, [this](int id) {
    mRevisionOf.erase(id);
    if (id == mAnalysisTask) mAnalysisTask = 0;
  });
  connect(mDoc, &Document::motionChanged, this, &ReviewController::scheduleReanalysis);
  connect(mDoc, &Document::clipChanged, this, [this] {
    mRunner->cancelAll();
    mAnalysisTask = 0;
    mRevisionOf.clear();
  });
}

void ReviewController::scheduleReanalysis() {
  if (mReanalyseDelay >= 0 && mDoc->hasClip()) mReanalyse.start(mReanalyseDelay);
}

int ReviewController::analyse() {
  if (!mDoc->hasClip()) return 0;
  if (mAnalysisTask) mRunner->cancel(mAnalysisTask);
  std::shared_ptr<const Clip> clip = mDoc->snapshot();  // no copy on the GUI thread
  const BodyPartMap parts = mDoc->parts();
  const QualityPreset preset = mPreset;
  mAnalysisTask = mRunner->submit(tr("Analysing"), [clip, parts, preset](TaskControl& control) {
    TaskResult r;
    control.progress(0.0);
    QualityAnalyzer analyzer;
    auto report = std::make_shared<QualityReport>();
    // Progress every few ms of work; a cancel stops it within one step.
    if (!analyzer.analyze(*clip, parts, preset, report.get(), [&control](double f) { return control.progress(f); }))
      return r;  // cancelled: the runner drops the result
    r.heat = QualityHeat::build(*report);
    r.report = std::move(report);
    control.progress(1.0);
    return r;
  });
  mRevisionOf[mAnalysisTask] = mDoc->revision();
  return mAnalysisTask;
}

int ReviewController::submitProposals(const QString& name, std::vector<int> ids, tasks::Method method) {
  if (ids.empty()) return 0;
  struct Job {
    int id;
    ArtifactSpan span;  // in take frames
  };
  // The spans only: the windows around them are cut in the worker from a
  // snapshot of the take (hundreds of windows of an hour-long take copied
  // here kept the GUI thread busy for seconds).
  auto jobs = std::make_shared<std::vector<Job>>();
  for (int id : ids)
    if (const Artifact* a = mDoc->artifact(id)) jobs->push_back(Job{id, a->span()});
  if (jobs->empty()) return 0;
  std::shared_ptr<const Clip> clip = mDoc->snapshot();
  const BodyPartMap parts = mDoc->parts();
  tasks::ModelSettings model = mModel;
  const int id = mRunner->submit(name, [jobs, clip, parts, method, model](TaskControl& control) mutable {
    TaskResult r;
    const double n = static_cast<double>(jobs->size());
    for (size_t i = 0; i < jobs->size(); ++i) {
      const Job& j = (*jobs)[i];
      model.progress = [&](double f) { return control.progress((static_cast<double>(i) + f) / n); };
      if (!control.progress(static_cast<double>(i) / n)) return r;
      const tasks::ClipWindow window = tasks::windowAround(*clip, FrameRange{j.span.start, j.span.end}, kWindowSeconds);
      ArtifactSpan span = j.span;
      span.start -= window.offset;
      span.end -= window.offset;
      const tasks::JobOutcome job = tasks::repairArtifactJob(window.clip, span, parts, method, model);
      if (job.cancelled) return r;
      if (!job.ok()) {
        if (jobs->size() == 1) r.error = QString::fromStdString(job.error);
        continue;  // one span that cannot be repaired does not stop the others
      }
      if (job.patch.empty()) continue;
      r.proposals.push_back(toProposal(job, j.id, window.offset));
    }
    control.progress(1.0);
    return r;
  });
  mRevisionOf[id] = mDoc->revision();
  return id;
}

int ReviewController::proposeFix(int artifactId, tasks::Method method) {
  return submitProposals(tr("Proposing a fix"), {artifactId}, method);
}

int ReviewController::proposeAll(tasks::Method method) {
  std::vector<int> ids;
  for (const Artifact& a : mDoc->artifacts())
    if (a.decision == Decision::Pending || a.decision == Decision::Edited)
      if (!mDoc->proposal(a.id)) ids.push_back(a.id);
  return submitProposals(tr("Proposing fixes"), std::move(ids), method);
}

int ReviewController::repairSelection(SelectionRepair kind, tasks::Method method, const FilterSpec& filter) {
  const Selection sel = mDoc->selection();
  if (sel.empty() || !mDoc->hasClip()) return 0;
  // The window is cut in the worker: a long selection is a large copy.
  std::shared_ptr<const Clip> clip = mDoc->snapshot();
  const BodyPartMap parts = mDoc->parts();
  tasks::ModelSettings model = mModel;
  const std::uint8_t mask = sel.partMask;
  const int id = mRunner->submit(tr("Repairing the selection"), [=](TaskControl& control) mutable {
    TaskResult r;
    const tasks::ClipWindow window = tasks::windowAround(*clip, sel.frames, kWindowSeconds);
    const FrameRange local{sel.frames.start - window.offset, sel.frames.end - window.offset};
    model.progress = [&](double f) { return control.progress(f); };
    tasks::JobOutcome job;
    QString what;
    switch (kind) {
      case SelectionRepair::Inbetween:
        job = tasks::inbetweenJob(window.clip, local, method, model);
        what = QObject::tr("in-betweened");
        break;
      case SelectionRepair::Complete: {
        FillMask fill(window.clip.frameCount(), window.clip.jointCount());
        for (int f = local.start; f < local.end; ++f)
          for (int j = 0; j < parts.jointCount(); ++j)
            if ((mask >> bodyPartIndex(parts.part(j))) & 1u) fill.set(f, j);
        job = tasks::completeJob(window.clip, fill, parts, method, model);
        what = QObject::tr("completed");
        break;
      }
      case SelectionRepair::Filter:
        job = tasks::filterJob(window.clip, local, mask, parts, filter);
        what = QObject::tr("filtered");
        break;
      case SelectionRepair::FootLock:
        job = tasks::footLockJob(window.clip, local, mask, parts);
        what = QObject::tr("feet locked");
        break;
    }
    if (job.cancelled) return r;
    if (!job.ok()) {
      r.error = QString::fromStdString(job.error);
      return r;
    }
    Proposal p = toProposal(job, 0, window.offset);
    p.method = QString::fromStdString(job.used);
    p.description = QObject::tr("Frames %1-%2 %3").arg(local.start + window.offset).arg(local.end + window.offset - 1).arg(what);
    r.proposals.push_back(std::move(p));
    return r;
  });
  mRevisionOf[id] = mDoc->revision();
  return id;
}

void ReviewController::onFinished(int id, std::shared_ptr<const TaskResult> result) {
  auto it = mRevisionOf.find(id);
  if (it == mRevisionOf.end()) return;  // not ours
  const bool stale = it->second != mDoc->revision();
  mRevisionOf.erase(it);
  if (id == mAnalysisTask) {
    mAnalysisTask = 0;
    if (stale) {  // the clip changed while it ran: analyse what is there now
      analyse();
      return;
    }
    mDoc->setReport(result->report, result->heat);
    Q_EMIT analysisFinished();
    if (mAutoPropose) proposeAll();
    return;
  }
  if (stale) return;  // proposals for values that are no longer there
  // Copies share the patches' samples (Patch is immutable and shared), and
  // one signal announces them all: a thousand-artifact take stays responsive.
  std::vector<Proposal> fresh;
  fresh.reserve(result->proposals.size());
  for (const Proposal& p : result->proposals) {
    const Artifact* a = mDoc->artifact(p.artifactId);
    if (p.artifactId != 0 && !a) continue;
    fresh.push_back(p);
    if (a) fresh.back().qualityBefore = worstQuality(mDoc->report(), *a);
  }
  if (fresh.size() == 1)
    mDoc->setProposal(std::move(fresh.front()));
  else
    mDoc->addProposals(std::move(fresh));
  Q_EMIT proposalsReady(static_cast<int>(result->proposals.size()));
}

void ReviewController::onFailed(int id, const QString& message) {
  if (!mRevisionOf.erase(id)) return;
  if (id == mAnalysisTask) mAnalysisTask = 0;
  Q_EMIT taskFailed(message);
}

bool ReviewController::accept(int artifactId) {
  auto* cmd = new AcceptProposalCommand(mDoc, artifactId);
  if (!cmd->isValid()) {
    delete cmd;
    return false;
  }
  mDoc->undoStack()->push(cmd);
  return true;
}

bool ReviewController::reject(int artifactId) {
  if (!mDoc->artifact(artifactId)) return false;
  mDoc->undoStack()->push(new RejectArtifactCommand(mDoc, artifactId));
  return true;
}

int ReviewController::acceptAllOfType(ArtifactType type) {
  std::vector<int> ids;
  for (const Artifact& a : mDoc->artifacts())
    if (a.type == type && a.decision == Decision::Pending) ids.push_back(a.id);
  if (ids.empty()) return 0;
  mDoc->undoStack()->beginMacro(tr("Accept all %1").arg(QString::fromLatin1(artifactTypeName(type))));
  for (int id : ids) accept(id);
  mDoc->undoStack()->endMacro();
  return static_cast<int>(ids.size());
}

bool ReviewController::acceptSelectionRepair() {
  const Proposal* p = mDoc->proposal(0);
  if (!p || p->patch.empty() || p->method == kGeneratedSampleMethod) return false;
  Patch patch = p->patch;
  const QString text = p->description;
  mDoc->clearProposal(0);
  mDoc->undoStack()->push(new ApplyPatchCommand(mDoc, std::move(patch), text));
  return true;
}

bool ReviewController::revertSelection() {
  const Selection sel = mDoc->selection();
  Patch patch = revertPatch(*mDoc, sel.frames, sel.partMask);
  if (patch.empty()) return false;
  mDoc->undoStack()->push(new ApplyPatchCommand(
      mDoc, std::move(patch), tr("Revert frames %1-%2 to the original").arg(sel.frames.start).arg(sel.frames.end - 1)));
  return true;
}

int ReviewController::step(bool forward) {
  const int id = mDoc->nextPending(mDoc->currentFrame(), forward);
  if (const Artifact* a = mDoc->artifact(id)) {
    mDoc->setCurrentFrame(a->start);
    mDoc->setReviewedArtifact(id);
  }
  return id;
}

}  // namespace mm::editor
