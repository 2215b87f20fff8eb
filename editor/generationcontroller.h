#pragma once
// Text-to-motion in the editor: reads a prompt over the model's vocabulary
// (live, for the prompt dock), generates K candidates in the task runner
// (tasks::generateMotion, with progress and cancel), shows the chosen one as
// the ghost (the document's selection proposal, method "generate") and
// applies it as one undoable command: inserted at the play head with
// transitions in and out, replacing the selection (its parts only when not
// all are selected), or written as a new take. The generated frames are then
// analysed like any other edit (ReviewController re-analyses on change).

#include "editor/taskrunner.h"
#include "motion/repair/framerange.h"
#include "tasks/modeljobs.h"
#include "text/promptreading.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace mm {
class Clip;
}
namespace mm::text {
class PromptParser;
}

namespace mm::editor {

class Document;

class GenerationController : public QObject {
  Q_OBJECT
 public:
  enum class Placement { InsertAtPlayHead, ReplaceSelection, NewTake };

  GenerationController(Document* doc, TaskRunner* runner, QObject* parent = nullptr);
  ~GenerationController() override;

  // Device, steps and seed come from here; the weights default to the
  // text-conditioned file (tasks::defaultTextModelPath()).
  void setModelSettings(const tasks::ModelSettings& settings) { mModel = settings; }
  const tasks::ModelSettings& modelSettings() const { return mModel; }

  // How `prompt` is understood (a few ms: the dock calls it on every key).
  text::PromptReading read(const QString& prompt) const;
  // Whether prompts are read through WordNet (synonyms) or exact words only.
  bool wordNetOn() const;
  // The words and phrases the vocabulary knows (names and aliases), sorted,
  // for completion.
  QStringList vocabularyWords() const;

  // Starts generating `samples` candidates of `seconds` (0: the durations the
  // prompt gives) placed as asked. Returns the task id, or 0 with *error (a
  // prompt that names nothing, no selection to replace, no clip).
  int generate(const QString& prompt, Placement placement, double seconds, int samples, QString* error);
  int runningTask() const { return mTask; }
  void cancel();

  // Candidates of the last finished generation (none once applied or discarded).
  int candidateCount() const { return static_cast<int>(mCandidates.size()); }
  int chosen() const { return mChosen; }
  Placement placement() const { return mShown.placement; }
  // What the last finished generation wants the user to know ("dance-long:
  // ... dance-short stands in"), one note per line; empty when nothing.
  QString notes() const { return mNotes; }
  // Shows candidate k (0-based) as the ghost.
  void choose(int k);
  // Applies the chosen candidate (one undo step; NewTake: use writeNewTake).
  // False with *error when there is none, or the take changed since.
  bool apply(QString* error);
  // NewTake: writes the chosen candidate to `path` (any writable motion format).
  bool writeNewTake(const QString& path, QString* error) const;
  // Drops the candidates and the ghost.
  void discard();

 Q_SIGNALS:
  void candidatesReady(int count);
  void chosenChanged(int k);
  void applied();
  void failed(const QString& message);

 private:
  struct Candidate {
    std::shared_ptr<const Clip> frames;  // Insert: the new frames; NewTake: the take
    Patch patch;                         // Replace: the change; Insert / NewTake: the ghost's preview
  };
  void onFinished(int id, std::shared_ptr<const TaskResult> result);
  void showChosen();

  Document* mDoc;
  TaskRunner* mRunner;
  tasks::ModelSettings mModel;
  std::unique_ptr<text::PromptParser> mParser;
  int mTask = 0;
  quint64 mRevision = 0;  // the document revision the candidates were made from
  // Where a generation puts its motion: asked when it starts, kept with the
  // candidates once it finishes.
  struct Target {
    Placement placement = Placement::InsertAtPlayHead;
    int at = 0;          // Insert: frames go before this one
    FrameRange range;    // Replace: the frames replaced
    QString prompt;
  };
  Target mRunning, mShown;
  std::vector<Candidate> mCandidates;
  QString mNotes;
  int mChosen = -1;
};

}  // namespace mm::editor
