#pragma once
// The open document: the clip being edited and the clip as loaded, the
// latest quality report, the artifacts under review with their decisions,
// the proposed fixes, the quality labels, the selection, the current frame
// and the undo stack. Widgets read state from here and change it only
// through commands (editor/commands/), which call the mutators below; every
// change is announced with a typed signal naming what changed, so views and
// caches update only that.

#include "editor/artifact.h"
#include "editor/proposal.h"
#include "motion/bodyparts.h"
#include "motion/labels/qualitylabels.h"
#include "motion/repair/framerange.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

class QUndoStack;

namespace mm {
class Clip;
class QualityReport;
}  // namespace mm

namespace mm::editor {

class QualityHeat;

// Frames x body parts the user selected (empty range: nothing selected).
struct Selection {
  FrameRange frames;
  std::uint8_t partMask = 0x1F;  // all five parts
  bool empty() const { return frames.empty() || partMask == 0; }
  bool operator==(const Selection& o) const {
    return frames.start == o.frames.start && frames.end == o.frames.end && partMask == o.partMask;
  }
};

class Document : public QObject {
  Q_OBJECT
 public:
  explicit Document(QObject* parent = nullptr);
  ~Document() override;

  // Reads any supported motion file (see mm::readableExtensions()) the way
  // the CLI does (tasks::loadTake). On success the clip replaces the current
  // one with no review state, the frame goes back to 0 and the undo history
  // is cleared. On failure nothing changes and `error` (if given) receives
  // the reader's message ("file:line: what is wrong").
  bool load(const QString& path, QString* error);

  // Replaces the clip (e.g. a generated or programmatically built one, or a
  // take reopened from a project with its edits). `original` is the clip as
  // first loaded (the reference of "revert"); defaults to `clip`.
  void setClip(Clip clip, const QString& path = QString());
  void setClip(Clip clip, Clip original, const QString& path);

  bool hasClip() const { return mClip != nullptr; }
  // The current clip; an empty clip (no joints, no frames) when hasClip() is false.
  const Clip& clip() const;
  // The clip as loaded, before any edit.
  const Clip& original() const;
  // The current clip shared with a task, without a copy: the document copies
  // it (copy on write) only if it is edited while the task still holds it.
  std::shared_ptr<const Clip> snapshot() const { return mClip; }
  const BodyPartMap& parts() const { return mParts; }
  // Absolute path of the file the clip came from; empty if none.
  const QString& filePath() const { return mFilePath; }
  // Recoverable oddities reported by the reader of the last loaded file.
  const QStringList& loadWarnings() const { return mLoadWarnings; }

  // 0 when there is no clip or it has no frames.
  int frameCount() const;
  // Frames per second of the clip (30 when there is no clip).
  double fps() const;

  // Zero-based; always in [0, frameCount() - 1] (0 for an empty document).
  int currentFrame() const { return mCurrentFrame; }
  // Clamps to the clip's frames; emits currentFrameChanged only on a change.
  void setCurrentFrame(int frame);

  // --- review state ---
  // The latest analysis of the current clip (nullptr before the first).
  const QualityReport* report() const { return mReport.get(); }
  // Takes a new analysis of the current clip: the artifact list is rebuilt
  // from it; an artifact matching one already decided (same type,
  // overlapping frames and parts) keeps that decision (and its id); artifacts
  // the user added are kept; pending detections that the analysis no longer
  // reports are dropped, with their proposals.
  // `heat` is the report's heatmap when the caller built it already (the
  // analysis task does, off the GUI thread); otherwise it is built here.
  void setReport(std::shared_ptr<const QualityReport> report, std::shared_ptr<const QualityHeat> heat = nullptr);
  // The latest report's heatmap (nullptr with no report).
  const std::shared_ptr<const QualityHeat>& heat() const { return mHeat; }

  const std::vector<Artifact>& artifacts() const { return mArtifacts; }
  // nullptr if no artifact has this id.
  const Artifact* artifact(int id) const;
  int artifactIndex(int id) const;  // -1 if absent
  // The next pending artifact after / before `frame` (wrapping), or 0.
  int nextPending(int frame, bool forward) const;

  const Proposal* proposal(int artifactId) const;
  const QualityLabels& labels() const { return mLabels; }
  const Selection& selection() const { return mSelection; }
  void setSelection(const Selection& selection);
  // The proposal being reviewed (shown as the ghost), 0 when none.
  int reviewedArtifact() const { return mReviewed; }
  void setReviewedArtifact(int id);

  // Edits of the clip are pushed here as commands (one per user action).
  QUndoStack* undoStack() const { return mUndoStack; }
  // Grows with every change of the clip's values (tasks started on an older
  // revision have their results dropped or recomputed).
  quint64 revision() const { return mRevision; }

  // --- mutators for commands and the task runner's results ---
  // Writes a patch's "after" (or "before" when `revert`) into the clip.
  // Proposals whose frames overlap the change no longer fit and are dropped.
  void applyPatch(const Patch& patch, bool revert);
  // Inserts (at `index`, clamped) or replaces (same id) an artifact.
  void putArtifact(const Artifact& artifact, int index = -1);
  void removeArtifact(int id);
  int takeArtifactId() { return mNextArtifactId++; }
  int nextArtifactId() const { return mNextArtifactId; }
  void setArtifacts(std::vector<Artifact> artifacts, int nextId);
  void setProposal(Proposal proposal);
  // Many at once (a "propose all" result): one proposalsAdded signal instead
  // of one proposalChanged per proposal.
  void addProposals(std::vector<Proposal> proposals);
  void clearProposal(int artifactId);
  // Sets labels cell by cell; `cells` are (frame, part, label, type) values.
  struct LabelCell {
    int frame = 0;
    BodyPart part = BodyPart::Torso;
    QualityLabel label = QualityLabel::Unlabelled;
    std::uint8_t type = QualityLabels::kNoType;
  };
  void writeLabels(const std::vector<LabelCell>& cells);
  void setLabels(QualityLabels labels);
  // Inserts frames before `at` into the clip and, the same frames, into the
  // original (so "revert" keeps meaning the same frames), with their labels
  // (unlabelled when `labels` is null); artifacts after `at` move with their
  // frames, proposals are dropped. False with *error when the frames do not
  // fit the skeleton. removeFrames is the inverse.
  bool insertFrames(int at, const Clip& frames, const Clip& originalFrames, const QualityLabels* labels,
                    QString* error);
  void removeFrames(int at, int count);

 Q_SIGNALS:
  // The whole clip was replaced: views rebuild everything they derived from it.
  // Emitted first thing in the destructor, while the document is whole: the
  // last chance for whoever keeps it (the project session) to read it.
  void aboutToBeDestroyed();
  void clipChanged();
  // Values of frames [start, end) of these joints changed (an edit or its undo).
  void motionChanged(int start, int end, const QVector<int>& joints);
  void currentFrameChanged(int frame);
  void reportChanged();
  // The artifact list was rebuilt (re-analysis, reopened project).
  void artifactsReset();
  // One artifact was added, changed (span, decision) or removed.
  void artifactChanged(int id);
  void artifactRemoved(int id);
  void proposalChanged(int artifactId);
  // addProposals stored these artifacts' proposals.
  void proposalsAdded(const QVector<int>& artifactIds);
  void reviewedArtifactChanged(int artifactId);
  // Labels of frames [start, end) changed (on some parts).
  void labelsChanged(int start, int end);
  void selectionChanged();
  // Frames were inserted or removed: frame numbers from `at` on changed.
  void framesInserted(int at, int count);
  void framesRemoved(int at, int count);

 private:
  void replaceClip(Clip clip, Clip original, const QString& path, QStringList warnings);

  // Copy on write: tasks may hold the clip (snapshot()); an edit copies it first.
  void detach();
  std::shared_ptr<Clip> mClip;
  std::shared_ptr<Clip> mOriginal;
  BodyPartMap mParts;
  QString mFilePath;
  QStringList mLoadWarnings;
  int mCurrentFrame = 0;
  std::shared_ptr<const QualityReport> mReport;
  std::shared_ptr<const QualityHeat> mHeat;
  std::vector<Artifact> mArtifacts;
  // id -> index in mArtifacts, rebuilt on demand after the list changed
  // (a linear search per lookup made applying thousands of proposals quadratic).
  void artifactsMoved() { mIndexValid = false; }
  mutable std::unordered_map<int, int> mIndexOf;
  mutable bool mIndexValid = false;
  int mNextArtifactId = 1;
  std::map<int, Proposal> mProposals;
  QualityLabels mLabels;
  Selection mSelection;
  int mReviewed = 0;
  quint64 mRevision = 0;
  QUndoStack* mUndoStack = nullptr;  // child QObject
};

}  // namespace mm::editor
