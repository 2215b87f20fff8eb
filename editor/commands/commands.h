#pragma once
// One QUndoCommand per user action. Each stores only what it changes (a
// patch of the frames it edits, the label cells it paints, the artifact it
// decides), so undo and redo on an hour-long take are instant, and undo
// restores the exact previous values, bit for bit.

#include "editor/artifact.h"
#include "editor/commands/labeledit.h"
#include "editor/proposal.h"
#include "motion/clip.h"
#include "motion/labels/qualitylabels.h"

#include <QUndoCommand>

#include <memory>
#include <optional>
#include <vector>

namespace mm::editor {

class Document;

// Ids for QUndoCommand::mergeWith.
enum CommandId { kEditArtifactId = 1001, kPaintLabelsId = 1002 };

// Accept the proposal of an artifact: applies its patch, marks the artifact
// accepted and labels its frames x parts bad with its type.
class AcceptProposalCommand : public QUndoCommand {
 public:
  AcceptProposalCommand(Document* doc, int artifactId, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;
  bool isValid() const { return mValid; }

 private:
  Document* mDoc;
  Artifact mBefore, mAfter;
  std::optional<Proposal> mProposal;
  LabelEdit mLabels;
  bool mValid = false;
};

// Reject an artifact (a false alarm): no motion change, labels good.
class RejectArtifactCommand : public QUndoCommand {
 public:
  RejectArtifactCommand(Document* doc, int artifactId, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  Document* mDoc;
  Artifact mBefore, mAfter;
  LabelEdit mLabels;
};

// Change an artifact's span, parts or type. Successive edits of the same
// artifact in one drag (same `dragId`, non-zero) merge into one command.
class EditArtifactCommand : public QUndoCommand {
 public:
  EditArtifactCommand(Document* doc, const Artifact& edited, int dragId = 0, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;
  int id() const override { return kEditArtifactId; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  Document* mDoc;
  Artifact mBefore, mAfter;
  std::optional<Proposal> mDroppedProposal;  // a proposal for the old span no longer fits
  int mDragId;
};

// Mark an artifact the analysis missed (origin user, labelled bad).
class AddArtifactCommand : public QUndoCommand {
 public:
  AddArtifactCommand(Document* doc, ArtifactType type, int start, int end, std::uint8_t partMask,
                     QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;
  int artifactId() const { return mArtifact.id; }

 private:
  Document* mDoc;
  Artifact mArtifact;
  LabelEdit mLabels;
};

// Paint (or erase: Unlabelled) labels over frames x parts; one brush stroke
// (same non-zero `strokeId`) is one command.
class PaintLabelsCommand : public QUndoCommand {
 public:
  PaintLabelsCommand(Document* doc, int start, int end, std::uint8_t partMask, QualityLabel label,
                     std::optional<ArtifactType> type = std::nullopt, int strokeId = 0,
                     QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;
  int id() const override { return kPaintLabelsId; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  Document* mDoc;
  LabelEdit mEdit;
  int mStrokeId;
};

// Apply a patch computed for the document's clip: a repair of the selection
// (in-between, complete, filter, foot lock), frames replaced by generated
// motion, or a revert to the original. `text` names the action for Edit > Undo.
class ApplyPatchCommand : public QUndoCommand {
 public:
  ApplyPatchCommand(Document* doc, Patch patch, const QString& text, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  Document* mDoc;
  Patch mPatch;
};

// Insert frames (generated motion, a copied range) before frame `at`; undo
// removes them and restores the artifact list exactly.
class InsertFramesCommand : public QUndoCommand {
 public:
  InsertFramesCommand(Document* doc, int at, Clip frames, const QString& text, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;
  bool isValid() const { return mValid; }

 private:
  Document* mDoc;
  int mAt;
  std::shared_ptr<const Clip> mFrames;
  std::vector<Artifact> mArtifactsBefore;
  int mNextIdBefore = 1;
  bool mValid = false;
};

// Remove frames [at, at + count): the frames (current and original), their
// labels and the artifact list are kept for undo.
class RemoveFramesCommand : public QUndoCommand {
 public:
  RemoveFramesCommand(Document* doc, int at, int count, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  Document* mDoc;
  int mAt, mCount;
  std::shared_ptr<const Clip> mFrames, mOriginalFrames;
  QualityLabels mLabels;
  std::vector<Artifact> mArtifactsBefore;
  int mNextIdBefore = 1;
};

// The patch that puts frames [range) x the joints of `partMask` back to the
// clip as loaded (empty when nothing there was edited).
Patch revertPatch(const Document& doc, FrameRange range, std::uint8_t partMask);

}  // namespace mm::editor
