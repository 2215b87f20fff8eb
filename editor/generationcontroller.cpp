#include "editor/generationcontroller.h"

#include "editor/commands/commands.h"
#include "editor/document.h"
#include "io/motionfile.h"
#include "motion/clip.h"
#include "tasks/generatejobs.h"
#include "tasks/repairjobs.h"
#include "text/promptparser.h"

#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <set>

namespace mm::editor {

namespace {

// Context the model sees on each side of what it generates (the generation
// job uses up to 4 s; a little more so it is never cut short).
constexpr double kContextSeconds = 4.5;

// The ghost of frames that do not exist yet: `frames` drawn over the take's
// frames from `at` on (as many as the take has).
Patch previewPatch(const Clip& take, int at, const Clip& frames) {
  const int n = std::min(frames.frameCount(), take.frameCount() - at);
  if (n <= 0 || frames.jointCount() != take.jointCount()) return {};
  return Patch::diff(take.subClip(at, at + n), frames.subClip(0, n), {FrameRange{0, n}}).shifted(at);
}

}  // namespace

GenerationController::GenerationController(Document* doc, TaskRunner* runner, QObject* parent)
    : QObject(parent), mDoc(doc), mRunner(runner), mParser(std::make_unique<text::PromptParser>()) {
  mModel.weights = tasks::defaultTextModelPath();
  connect(mRunner, &TaskRunner::finished, this, &GenerationController::onFinished);
  connect(mRunner, &TaskRunner::failed, this, [this](int id, const QString& message) {
    if (id != mTask) return;
    mTask = 0;
    Q_EMIT failed(message);
  });
  connect(mRunner, &TaskRunner::cancelled, this, [this](int id) {
    if (id == mTask) mTask = 0;
  });
  connect(mDoc, &Document::clipChanged, this, [this] {
    mTask = 0;
    mCandidates.clear();
    mChosen = -1;
  });
}

GenerationController::~GenerationController() = default;

text::PromptReading GenerationController::read(const QString& prompt) const {
  return mParser->parse(prompt.toStdString());
}

bool GenerationController::wordNetOn() const { return mParser->wordNetOn(); }

QStringList GenerationController::vocabularyWords() const {
  std::set<QString> words;
  const text::MotionVocabulary& v = text::MotionVocabulary::builtin();
  for (const auto* list : {&v.actions(), &v.styles()})
    for (const text::VocabularyEntry& e : *list) {
      words.insert(QString::fromStdString(e.name).replace(QLatin1Char('-'), QLatin1Char(' ')));
      for (const std::string& a : e.aliases) words.insert(QString::fromStdString(a));
    }
  return QStringList(words.begin(), words.end());
}

int GenerationController::generate(const QString& prompt, Placement placement, double seconds, int samples,
                                   QString* error) {
  auto refuse = [&](const QString& message) {
    if (error) *error = message;
    return 0;
  };
  if (!mDoc->hasClip() && placement != Placement::NewTake)
    return refuse(tr("Open a take first, or generate a new take."));
  const text::PromptReading reading = read(prompt);
  if (!reading.understood())
    return refuse(reading.unplaced.empty() ? tr("The prompt names no action or style.")
                                           : tr("Nothing to generate: %1").arg(QString::fromStdString(reading.unplacedMessage())));
  const Selection sel = mDoc->selection();
  if (placement == Placement::ReplaceSelection && sel.empty())
    return refuse(tr("Select the frames to replace first (drag on the timeline)."));
  cancel();

  tasks::GenerateRequest req;
  req.reading = reading;
  req.samples = std::clamp(samples, 1, 16);
  const double fps = mDoc->fps();
  int frames = seconds > 0 ? std::max(2, static_cast<int>(std::lround(seconds * fps))) : tasks::readingFrames(reading, fps);
  frames = std::max(frames, 2);
  std::shared_ptr<const Clip> clip = mDoc->hasClip() ? mDoc->snapshot() : nullptr;
  const int at = mDoc->currentFrame();
  tasks::ModelSettings model = mModel;
  QString name;
  switch (placement) {
    case Placement::InsertAtPlayHead:
      name = tr("Generating %n frame(s) at the play head", nullptr, frames);
      break;
    case Placement::ReplaceSelection:
      name = tr("Generating frames %1-%2").arg(sel.frames.start).arg(sel.frames.end - 1);
      break;
    case Placement::NewTake:
      name = tr("Generating a new take of %n frame(s)", nullptr, frames);
      break;
  }

  mTask = mRunner->submit(name, [=](TaskControl& control) mutable {
    TaskResult r;
    control.progress(0.0);
    std::string why;
    const tasks::ModelPtr net = tasks::loadModel(model, &why);
    if (!net) {
      r.error = QString::fromStdString(why);
      return r;
    }
    model.progress = [&](double f) { return control.progress(f); };
    std::vector<Clip> candidates;
    auto run = [&](const Clip* take) {
      std::vector<std::string> notes;
      if (tasks::generateMotion(*net, model, req, take, &candidates, &why, &notes)) {
        for (const std::string& n : notes) r.summary += (r.summary.isEmpty() ? "" : "\n") + QString::fromStdString(n);
        return true;
      }
      if (why != "cancelled") r.error = QString::fromStdString(why);
      return false;
    };
    const int ctx = static_cast<int>(std::ceil(kContextSeconds * fps));
    switch (placement) {
      case Placement::InsertAtPlayHead: {
        // The model in-betweens held copies of the pose before the play head
        // between the motion before and after it: transitions in and out.
        const int F = clip->frameCount();
        const int ws = std::max(0, at - ctx), we = std::min(F, at + ctx);
        Clip work = clip->subClip(ws, we);
        Clip held = clip->subClip(std::max(0, at - 1), std::max(0, at - 1) + 1);
        held.appendCopies(0, frames - 1);
        if (!work.insertFrames(at - ws, held, &why)) {
          r.error = QString::fromStdString(why);
          return r;
        }
        req.mode = tasks::GenerateRequest::Mode::Inbetween;
        req.start = at - ws;
        req.end = at - ws + frames;
        if (!run(&work)) return r;
        for (const Clip& c : candidates) {
          auto segment = std::make_shared<const Clip>(c.subClip(req.start, req.end));
          Proposal p;
          p.patch = previewPatch(*clip, at, *segment);
          r.clips.push_back(std::move(segment));
          r.proposals.push_back(std::move(p));
        }
        break;
      }
      case Placement::ReplaceSelection: {
        const tasks::ClipWindow window = tasks::windowAround(*clip, sel.frames, kContextSeconds);
        req.start = sel.frames.start - window.offset;
        req.end = sel.frames.end - window.offset;
        req.mode = sel.partMask == 0x1F ? tasks::GenerateRequest::Mode::Inbetween : tasks::GenerateRequest::Mode::Parts;
        for (BodyPart p : kAllBodyParts)
          if ((sel.partMask >> bodyPartIndex(p)) & 1u) req.parts.push_back(p);
        if (!run(&window.clip)) return r;
        for (const Clip& c : candidates) {
          Proposal p;
          p.patch = Patch::diff(window.clip, c, {FrameRange{req.start, req.end}}).shifted(window.offset);
          r.proposals.push_back(std::move(p));
          r.clips.push_back(nullptr);
        }
        break;
      }
      case Placement::NewTake: {
        req.mode = tasks::GenerateRequest::Mode::NewTake;
        req.frames = frames;
        req.start = clip ? at : 0;  // from the pose at the play head
        if (!run(clip.get())) return r;
        for (Clip& c : candidates) {
          auto take = std::make_shared<const Clip>(std::move(c));
          Proposal p;
          if (clip) p.patch = previewPatch(*clip, at, *take);
          r.proposals.push_back(std::move(p));
          r.clips.push_back(std::move(take));
        }
        break;
      }
    }
    return r;
  });
  mRunning = Target{placement, at, sel.frames, prompt};
  mRevision = mDoc->revision();
  return mTask;
}

void GenerationController::cancel() {
  if (mTask) mRunner->cancel(mTask);
  mTask = 0;
}

void GenerationController::onFinished(int id, std::shared_ptr<const TaskResult> result) {
  if (id != mTask) return;
  mTask = 0;
  if (!result->error.isEmpty()) {
    Q_EMIT failed(result->error);
    return;
  }
  if (result->proposals.empty()) return;  // cancelled as it finished
  if (mRevision != mDoc->revision()) {
    Q_EMIT failed(tr("The take changed while generating: generate again."));
    return;
  }
  discard();
  mShown = mRunning;
  mNotes = result->summary;
  for (size_t k = 0; k < result->proposals.size(); ++k)
    mCandidates.push_back(Candidate{k < result->clips.size() ? result->clips[k] : nullptr, result->proposals[k].patch});
  Q_EMIT candidatesReady(candidateCount());
  choose(0);
}

void GenerationController::choose(int k) {
  if (k < 0 || k >= candidateCount()) return;
  mChosen = k;
  showChosen();
  Q_EMIT chosenChanged(k);
}

void GenerationController::showChosen() {
  const Candidate& c = mCandidates[static_cast<size_t>(mChosen)];
  if (c.patch.empty()) return;
  Proposal p;
  p.method = kGeneratedSampleMethod;
  p.description = tr("Generated: %1 (sample %2 of %3)").arg(mShown.prompt).arg(mChosen + 1).arg(candidateCount());
  p.patch = c.patch;
  mDoc->setReviewedArtifact(0);
  mDoc->setProposal(std::move(p));
  const FrameRange b = c.patch.bounds();
  if (mDoc->currentFrame() < b.start || mDoc->currentFrame() >= b.end) mDoc->setCurrentFrame(b.start);
}

bool GenerationController::apply(QString* error) {
  auto refuse = [&](const QString& message) {
    if (error) *error = message;
    return false;
  };
  if (mChosen < 0) return refuse(tr("Nothing generated to apply."));
  if (mShown.placement == Placement::NewTake) return refuse(tr("A new take is written to a file, not applied."));
  if (mRevision != mDoc->revision()) return refuse(tr("The take changed since these samples were generated: generate again."));
  const Candidate c = mCandidates[static_cast<size_t>(mChosen)];
  const QString what = tr("Generate \u201c%1\u201d").arg(mShown.prompt);
  discard();
  if (mShown.placement == Placement::InsertAtPlayHead) {
    auto* command = new InsertFramesCommand(mDoc, mShown.at, *c.frames, what);
    if (!command->isValid()) {
      delete command;
      return refuse(tr("The generated frames do not fit the take's skeleton."));
    }
    mDoc->undoStack()->push(command);
  } else {
    mDoc->undoStack()->push(new ApplyPatchCommand(mDoc, c.patch, what));
  }
  Q_EMIT applied();
  return true;
}

bool GenerationController::writeNewTake(const QString& path, QString* error) const {
  if (mChosen < 0 || mShown.placement != Placement::NewTake || !mCandidates[static_cast<size_t>(mChosen)].frames) {
    if (error) *error = tr("No new take was generated.");
    return false;
  }
  const SaveResult saved = saveMotion(*mCandidates[static_cast<size_t>(mChosen)].frames, path.toStdString());
  if (!saved.ok && error) *error = QString::fromStdString(saved.error.toString());
  return saved.ok;
}

void GenerationController::discard() {
  const Proposal* p = mDoc->proposal(0);
  if (p && p->method == kGeneratedSampleMethod) mDoc->clearProposal(0);
  const bool had = !mCandidates.empty();
  mCandidates.clear();
  mNotes.clear();
  mChosen = -1;
  if (had) Q_EMIT chosenChanged(-1);
}

}  // namespace mm::editor
