#include "editor/commands/commands.h"

#include "editor/document.h"
#include "motion/clip.h"

#include <QCoreApplication>

#include <algorithm>

namespace mm::editor {
namespace {

// The undo texts name their context ("Commands") literally in every
// QCoreApplication::translate call: these classes are not QObjects, and
// lupdate files a bare tr() under the enclosing class, not the context used
// at run time.

QString typeName(ArtifactType type) { return QString::fromLatin1(artifactTypeName(type)); }

}  // namespace

// --- accept ---

AcceptProposalCommand::AcceptProposalCommand(Document* doc, int artifactId, QUndoCommand* parent)
    : QUndoCommand(parent), mDoc(doc) {
  const Artifact* a = doc->artifact(artifactId);
  if (!a) return;
  mBefore = mAfter = *a;
  mAfter.decision = Decision::Accepted;
  if (const Proposal* p = doc->proposal(artifactId)) mProposal = *p;
  mLabels.set(*doc, a->start, a->end, a->partMask, QualityLabel::Bad, static_cast<std::uint8_t>(a->type));
  mValid = true;
  setText(QCoreApplication::translate("Commands", "Accept %1 at frames %2-%3")
              .arg(typeName(a->type))
              .arg(a->start)
              .arg(a->end - 1));
}

void AcceptProposalCommand::redo() {
  if (!mValid) return;
  if (mProposal) {
    mDoc->applyPatch(mProposal->patch, false);
    mDoc->clearProposal(mBefore.id);
  }
  mDoc->putArtifact(mAfter);
  mLabels.redo(*mDoc);
}

void AcceptProposalCommand::undo() {
  if (!mValid) return;
  mLabels.undo(*mDoc);
  mDoc->putArtifact(mBefore);
  if (mProposal) {
    mDoc->applyPatch(mProposal->patch, true);
    mDoc->setProposal(*mProposal);
  }
}

// --- reject ---

RejectArtifactCommand::RejectArtifactCommand(Document* doc, int artifactId, QUndoCommand* parent)
    : QUndoCommand(parent), mDoc(doc) {
  if (const Artifact* a = doc->artifact(artifactId)) {
    mBefore = mAfter = *a;
    mAfter.decision = Decision::Rejected;
    mLabels.set(*doc, a->start, a->end, a->partMask, QualityLabel::Good);
    setText(QCoreApplication::translate("Commands", "Reject %1 at frames %2-%3")
                .arg(typeName(a->type))
                .arg(a->start)
                .arg(a->end - 1));
  } else {
    setObsolete(true);
  }
}

void RejectArtifactCommand::redo() {
  if (mBefore.id == 0) return;
  mDoc->putArtifact(mAfter);
  mLabels.redo(*mDoc);
}

void RejectArtifactCommand::undo() {
  if (mBefore.id == 0) return;
  mLabels.undo(*mDoc);
  mDoc->putArtifact(mBefore);
}

// --- edit ---

EditArtifactCommand::EditArtifactCommand(Document* doc, const Artifact& edited, int dragId, QUndoCommand* parent)
    : QUndoCommand(parent), mDoc(doc), mDragId(dragId) {
  if (const Artifact* a = doc->artifact(edited.id)) {
    mBefore = *a;
    mAfter = edited;
    mAfter.start = std::max(0, std::min(mAfter.start, doc->frameCount() - 1));
    mAfter.end = std::max(mAfter.start + 1, std::min(mAfter.end, doc->frameCount()));
    if (mAfter.origin == ArtifactOrigin::Detected) mAfter.decision = Decision::Edited;
    if (const Proposal* p = doc->proposal(edited.id)) mDroppedProposal = *p;
    setText(QCoreApplication::translate("Commands", "Edit %1 span").arg(typeName(mAfter.type)));
  } else {
    setObsolete(true);
  }
}

void EditArtifactCommand::redo() {
  if (mBefore.id == 0) return;
  if (mDroppedProposal) mDoc->clearProposal(mBefore.id);
  mDoc->putArtifact(mAfter);
}

void EditArtifactCommand::undo() {
  if (mBefore.id == 0) return;
  mDoc->putArtifact(mBefore);
  if (mDroppedProposal) mDoc->setProposal(*mDroppedProposal);
}

bool EditArtifactCommand::mergeWith(const QUndoCommand* other) {
  const auto* o = static_cast<const EditArtifactCommand*>(other);
  if (mDragId == 0 || o->mDragId != mDragId || o->mBefore.id != mBefore.id) return false;
  mAfter = o->mAfter;  // keep the first "before": one drag, one undo step
  return true;
}

// --- add ---

AddArtifactCommand::AddArtifactCommand(Document* doc, ArtifactType type, int start, int end, std::uint8_t partMask,
                                       QUndoCommand* parent)
    : QUndoCommand(parent), mDoc(doc) {
  mArtifact.id = doc->takeArtifactId();
  mArtifact.type = type;
  mArtifact.start = std::max(0, start);
  mArtifact.end = std::min(doc->frameCount(), std::max(end, start + 1));
  mArtifact.partMask = partMask & 0x1F;
  mArtifact.severity = 1.0;
  mArtifact.origin = ArtifactOrigin::User;
  mArtifact.decision = Decision::Pending;
  mLabels.set(*doc, mArtifact.start, mArtifact.end, mArtifact.partMask, QualityLabel::Bad,
              static_cast<std::uint8_t>(type));
  setText(QCoreApplication::translate("Commands", "Add %1 at frames %2-%3")
              .arg(typeName(type))
              .arg(mArtifact.start)
              .arg(mArtifact.end - 1));
}

void AddArtifactCommand::redo() {
  int index = 0;  // keep the list in frame order
  while (index < static_cast<int>(mDoc->artifacts().size()) &&
         mDoc->artifacts()[static_cast<size_t>(index)].start <= mArtifact.start)
    ++index;
  mDoc->putArtifact(mArtifact, index);
  mLabels.redo(*mDoc);
}

void AddArtifactCommand::undo() {
  mLabels.undo(*mDoc);
  mDoc->removeArtifact(mArtifact.id);
}

// --- paint ---

PaintLabelsCommand::PaintLabelsCommand(Document* doc, int start, int end, std::uint8_t partMask, QualityLabel label,
                                       std::optional<ArtifactType> type, int strokeId, QUndoCommand* parent)
    : QUndoCommand(parent), mDoc(doc), mStrokeId(strokeId) {
  mEdit.set(*doc, start, end, partMask, label,
            type ? static_cast<std::uint8_t>(*type) : QualityLabels::kNoType);
  setText(label == QualityLabel::Unlabelled ? QCoreApplication::translate("Commands", "Erase labels")
                                            : QCoreApplication::translate("Commands", "Paint %1 labels")
                                                  .arg(QString::fromLatin1(qualityLabelName(label))));
}

void PaintLabelsCommand::redo() { mEdit.redo(*mDoc); }
void PaintLabelsCommand::undo() { mEdit.undo(*mDoc); }

bool PaintLabelsCommand::mergeWith(const QUndoCommand* other) {
  const auto* o = static_cast<const PaintLabelsCommand*>(other);
  if (mStrokeId == 0 || o->mStrokeId != mStrokeId) return false;
  mEdit.merge(o->mEdit);
  return true;
}

// --- patch ---

ApplyPatchCommand::ApplyPatchCommand(Document* doc, Patch patch, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), mDoc(doc), mPatch(std::move(patch)) {}

void ApplyPatchCommand::redo() { mDoc->applyPatch(mPatch, false); }
void ApplyPatchCommand::undo() { mDoc->applyPatch(mPatch, true); }

// --- insert / remove frames ---

InsertFramesCommand::InsertFramesCommand(Document* doc, int at, Clip frames, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), mDoc(doc), mAt(std::clamp(at, 0, doc->frameCount())) {
  mValid = frames.jointCount() == doc->clip().jointCount() && frames.trackCount() == doc->clip().trackCount() &&
           frames.frameCount() > 0;
  mFrames = std::make_shared<const Clip>(std::move(frames));
  mArtifactsBefore = doc->artifacts();
  mNextIdBefore = doc->nextArtifactId();
}

void InsertFramesCommand::redo() {
  if (mValid) mDoc->insertFrames(mAt, *mFrames, *mFrames, nullptr, nullptr);
}

void InsertFramesCommand::undo() {
  if (!mValid) return;
  mDoc->removeFrames(mAt, mFrames->frameCount());
  mDoc->setArtifacts(mArtifactsBefore, mNextIdBefore);
}

RemoveFramesCommand::RemoveFramesCommand(Document* doc, int at, int count, QUndoCommand* parent)
    : QUndoCommand(parent), mDoc(doc) {
  mAt = std::clamp(at, 0, doc->frameCount());
  mCount = std::clamp(count, 0, doc->frameCount() - mAt);
  mFrames = std::make_shared<const Clip>(doc->clip().subClip(mAt, mAt + mCount));
  mOriginalFrames = std::make_shared<const Clip>(doc->original().subClip(mAt, mAt + mCount));
  mLabels = doc->labels().slice(mAt, mAt + mCount);
  mArtifactsBefore = doc->artifacts();
  mNextIdBefore = doc->nextArtifactId();
  setText(QCoreApplication::translate("Commands", "Delete frames %1-%2").arg(mAt).arg(mAt + mCount - 1));
}

void RemoveFramesCommand::redo() { mDoc->removeFrames(mAt, mCount); }

void RemoveFramesCommand::undo() {
  if (mCount == 0) return;
  mDoc->insertFrames(mAt, *mFrames, *mOriginalFrames, &mLabels, nullptr);
  mDoc->setArtifacts(mArtifactsBefore, mNextIdBefore);
}

Patch revertPatch(const Document& doc, FrameRange range, std::uint8_t partMask) {
  const Clip& clip = doc.clip();
  const Clip& original = doc.original();
  range.start = std::max(0, range.start);
  range.end = std::min({range.end, clip.frameCount(), original.frameCount()});
  if (range.empty()) return {};
  const Clip now = clip.subClip(range.start, range.end);
  Clip target = now;
  for (int f = range.start; f < range.end; ++f)
    for (int j = 0; j < clip.jointCount(); ++j) {
      if (!((partMask >> bodyPartIndex(doc.parts().part(j))) & 1u)) continue;
      const int g = f - range.start;
      target.rotation(g, j) = original.rotation(f, j);
      if (target.hasTrack(j)) target.translation(g, j) = original.translation(f, j);
      target.setValid(g, j, original.isValid(f, j));
    }
  return Patch::diffAll(now, target).shifted(range.start);
}

}  // namespace mm::editor
