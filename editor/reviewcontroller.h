#pragma once
// The review workflow on one document: runs the analysis and the repairs in
// the task runner, turns their patches into proposals, and turns the user's
// decisions into undoable commands. Windows call this; tests drive it
// headlessly. After every edit the analysis runs again (debounced), and
// decisions survive it (Document::setReport).

#include "editor/taskrunner.h"
#include "motion/quality/qualitypreset.h"
#include "motion/repair/filterclip.h"
#include "tasks/repairjobs.h"

#include <QObject>
#include <QTimer>

namespace mm::editor {

class Document;

class ReviewController : public QObject {
  Q_OBJECT
 public:
  ReviewController(Document* doc, TaskRunner* runner, QObject* parent = nullptr);

  void setPreset(const QualityPreset& preset) { mPreset = preset; }
  void setModelSettings(const tasks::ModelSettings& settings) { mModel = settings; }
  const tasks::ModelSettings& modelSettings() const { return mModel; }
  // Re-analyse automatically this long after the last edit (ms; < 0: never).
  void setReanalyseDelay(int ms) { mReanalyseDelay = ms; }
  // Propose a fix for every pending artifact after each analysis (default on).
  void setAutoPropose(bool on) { mAutoPropose = on; }

  // Background work; each returns the task id (0 when there is nothing to do).
  int analyse();
  int proposeFix(int artifactId, tasks::Method method = tasks::Method::Auto);
  int proposeAll(tasks::Method method = tasks::Method::Auto);
  enum class SelectionRepair { Inbetween, Complete, Filter, FootLock };
  // A proposal for the selection (artifact id 0), shown before it is applied.
  int repairSelection(SelectionRepair kind, tasks::Method method = tasks::Method::Auto,
                      const FilterSpec& filter = FilterSpec::butterworth(6.0));

  // Decisions, as undoable commands. False when there is nothing to do.
  bool accept(int artifactId);
  bool reject(int artifactId);
  int acceptAllOfType(ArtifactType type);  // artifacts accepted
  bool acceptSelectionRepair();
  bool revertSelection();
  // Moves the play head to the next / previous pending artifact and makes
  // its proposal the reviewed one; returns its id (0 when none is left).
  int step(bool forward);

  int runningAnalysis() const { return mAnalysisTask; }

 Q_SIGNALS:
  void analysisFinished();
  void proposalsReady(int count);
  void taskFailed(const QString& message);

 private:
  int submitProposals(const QString& name, std::vector<int> artifactIds, tasks::Method method);
  void onFinished(int id, std::shared_ptr<const TaskResult> result);
  void onFailed(int id, const QString& message);
  void scheduleReanalysis();

  Document* mDoc;
  TaskRunner* mRunner;
  QualityPreset mPreset;
  tasks::ModelSettings mModel;
  QTimer mReanalyse;
  int mReanalyseDelay = 500;
  bool mAutoPropose = true;
  int mAnalysisTask = 0;
  // Per task: the document revision it started from (stale results are dropped).
  std::map<int, quint64> mRevisionOf;
};

}  // namespace mm::editor
