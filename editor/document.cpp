#include "editor/document.h"

#include "editor/qualityheat.h"

#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "tasks/loadtake.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace mm::editor {

Document::Document(QObject* parent) : QObject(parent), mUndoStack(new QUndoStack(this)) {}

Document::~Document() { Q_EMIT aboutToBeDestroyed(); }

bool Document::load(const QString& path, QString* error) {
  tasks::LoadedTake take;
  std::string message;
  // Readers take the path in the local 8-bit encoding, as fopen does.
  if (!tasks::loadTake(QFile::encodeName(path).toStdString(), &take, &message)) {
    if (error) *error = QString::fromStdString(message);
    return false;
  }
  QStringList warnings;
  for (const std::string& w : take.warnings) warnings << QString::fromStdString(w);
  Clip original = take.clip;
  replaceClip(std::move(take.clip), std::move(original), QFileInfo(path).absoluteFilePath(), std::move(warnings));
  return true;
}

void Document::setClip(Clip clip, const QString& path) {
  Clip original = clip;
  replaceClip(std::move(clip), std::move(original), path, {});
}

void Document::setClip(Clip clip, Clip original, const QString& path) {
  replaceClip(std::move(clip), std::move(original), path, {});
}

void Document::replaceClip(Clip clip, Clip original, const QString& path, QStringList warnings) {
  mClip = std::make_shared<Clip>(std::move(clip));
  mOriginal = std::make_shared<Clip>(std::move(original));
  mParts = BodyPartMap::detect(mClip->skeleton());
  mFilePath = path;
  // Set before clipChanged so that its receivers see the new file's warnings.
  mLoadWarnings = std::move(warnings);
  mReport.reset();
  mHeat.reset();
  mArtifacts.clear();
  artifactsMoved();
  mNextArtifactId = 1;
  mProposals.clear();
  mLabels = QualityLabels(mClip->frameCount());
  mSelection = Selection{};
  mReviewed = 0;
  ++mRevision;
  // Commands hold references into the old clip; they cannot apply to a new one.
  mUndoStack->clear();
  const bool frameMoved = mCurrentFrame != 0;
  mCurrentFrame = 0;
  Q_EMIT clipChanged();
  Q_EMIT artifactsReset();
  if (frameMoved) Q_EMIT currentFrameChanged(mCurrentFrame);
}

const Clip& Document::clip() const {
  static const Clip empty;
  return mClip ? *mClip : empty;
}

const Clip& Document::original() const { return mOriginal ? *mOriginal : clip(); }

int Document::frameCount() const { return mClip ? mClip->frameCount() : 0; }

double Document::fps() const { return mClip ? mClip->fps() : 30.0; }

void Document::setCurrentFrame(int frame) {
  const int last = std::max(0, frameCount() - 1);
  frame = std::clamp(frame, 0, last);
  if (frame == mCurrentFrame) return;
  mCurrentFrame = frame;
  Q_EMIT currentFrameChanged(mCurrentFrame);
}

void Document::setReport(std::shared_ptr<const QualityReport> report, std::shared_ptr<const QualityHeat> heat) {
  mReport = std::move(report);
  mHeat = !mReport ? nullptr : heat ? std::move(heat) : QualityHeat::build(*mReport);
  // Not `mReport ? *mReport : QualityReport()`: that conditional is a
  // prvalue and copied the whole report (0.1 s for an hour-long take).
  static const QualityReport kNoReport;
  mArtifacts = mergeArtifacts(mArtifacts, mReport ? *mReport : kNoReport, &mNextArtifactId);
  artifactsMoved();
  for (auto it = mProposals.begin(); it != mProposals.end();)
    it = (it->first != 0 && artifactIndex(it->first) < 0) ? mProposals.erase(it) : std::next(it);
  if (mReviewed && artifactIndex(mReviewed) < 0) mReviewed = 0;
  Q_EMIT reportChanged();
  Q_EMIT artifactsReset();
}

const Artifact* Document::artifact(int id) const {
  const int i = artifactIndex(id);
  return i < 0 ? nullptr : &mArtifacts[static_cast<size_t>(i)];
}

int Document::artifactIndex(int id) const {
  if (!mIndexValid) {
    mIndexOf.clear();
    mIndexOf.reserve(mArtifacts.size());
    for (size_t i = 0; i < mArtifacts.size(); ++i) mIndexOf.emplace(mArtifacts[i].id, static_cast<int>(i));
    mIndexValid = true;
  }
  auto it = mIndexOf.find(id);
  return it == mIndexOf.end() ? -1 : it->second;
}

int Document::nextPending(int frame, bool forward) const {
  const Artifact* best = nullptr;
  const Artifact* wrap = nullptr;
  for (const Artifact& a : mArtifacts) {
    if (a.decision != Decision::Pending) continue;
    if (forward) {
      if (a.start > frame && (!best || a.start < best->start)) best = &a;
      if (!wrap || a.start < wrap->start) wrap = &a;
    } else {
      if (a.start < frame && (!best || a.start > best->start)) best = &a;
      if (!wrap || a.start > wrap->start) wrap = &a;
    }
  }
  if (!best) best = wrap;
  return best ? best->id : 0;
}

const Proposal* Document::proposal(int artifactId) const {
  auto it = mProposals.find(artifactId);
  return it == mProposals.end() ? nullptr : &it->second;
}

void Document::setSelection(const Selection& selection) {
  Selection s = selection;
  s.frames.start = std::clamp(s.frames.start, 0, frameCount());
  s.frames.end = std::clamp(s.frames.end, s.frames.start, frameCount());
  s.partMask &= 0x1F;
  if (s == mSelection) return;
  mSelection = s;
  Q_EMIT selectionChanged();
}

void Document::setReviewedArtifact(int id) {
  if (id == mReviewed) return;
  mReviewed = id;
  Q_EMIT reviewedArtifactChanged(id);
}

void Document::detach() {
  if (mClip && mClip.use_count() > 1) mClip = std::make_shared<Clip>(*mClip);
}

void Document::applyPatch(const Patch& patch, bool revert) {
  if (!mClip || patch.empty()) return;
  detach();
  if (revert)
    patch.revert(*mClip);
  else
    patch.apply(*mClip);
  ++mRevision;
  const FrameRange changed = patch.bounds();
  std::vector<int> stale;
  for (const auto& [id, p] : mProposals) {
    const FrameRange r = p.patch.bounds();
    if (r.start < changed.end && changed.start < r.end) stale.push_back(id);
  }
  for (int id : stale) clearProposal(id);
  for (const PatchBlock& b : patch.blocks()) Q_EMIT motionChanged(b.start, b.end, QVector<int>(b.joints.begin(), b.joints.end()));
}

void Document::putArtifact(const Artifact& artifact, int index) {
  const int at = artifactIndex(artifact.id);
  if (at >= 0) {
    mArtifacts[static_cast<size_t>(at)] = artifact;
  } else {
    if (index < 0 || index > static_cast<int>(mArtifacts.size())) index = static_cast<int>(mArtifacts.size());
    mArtifacts.insert(mArtifacts.begin() + index, artifact);
    artifactsMoved();
    mNextArtifactId = std::max(mNextArtifactId, artifact.id + 1);
  }
  Q_EMIT artifactChanged(artifact.id);
}

void Document::removeArtifact(int id) {
  const int at = artifactIndex(id);
  if (at < 0) return;
  mArtifacts.erase(mArtifacts.begin() + at);
  artifactsMoved();
  if (mProposals.erase(id)) Q_EMIT proposalChanged(id);
  if (mReviewed == id) setReviewedArtifact(0);
  Q_EMIT artifactRemoved(id);
}

void Document::setArtifacts(std::vector<Artifact> artifacts, int nextId) {
  mArtifacts = std::move(artifacts);
  artifactsMoved();
  mNextArtifactId = nextId;
  for (const Artifact& a : mArtifacts) mNextArtifactId = std::max(mNextArtifactId, a.id + 1);
  mProposals.clear();
  mReviewed = 0;
  Q_EMIT artifactsReset();
}

void Document::setProposal(Proposal proposal) {
  const int id = proposal.artifactId;
  mProposals[id] = std::move(proposal);
  Q_EMIT proposalChanged(id);
}

void Document::addProposals(std::vector<Proposal> proposals) {
  if (proposals.empty()) return;
  QVector<int> ids;
  ids.reserve(static_cast<int>(proposals.size()));
  for (Proposal& p : proposals) {
    ids.push_back(p.artifactId);
    mProposals[p.artifactId] = std::move(p);
  }
  Q_EMIT proposalsAdded(ids);
}

void Document::clearProposal(int artifactId) {
  if (mProposals.erase(artifactId)) Q_EMIT proposalChanged(artifactId);
}

void Document::writeLabels(const std::vector<LabelCell>& cells) {
  if (cells.empty()) return;
  int lo = frameCount(), hi = 0;
  for (const LabelCell& c : cells) {
    if (c.frame < 0 || c.frame >= mLabels.frameCount()) continue;
    mLabels.set(c.frame, c.part, c.label,
                c.type == QualityLabels::kNoType ? std::nullopt : std::optional<ArtifactType>(static_cast<ArtifactType>(c.type)));
    lo = std::min(lo, c.frame);
    hi = std::max(hi, c.frame + 1);
  }
  if (lo < hi) Q_EMIT labelsChanged(lo, hi);
}

bool Document::insertFrames(int at, const Clip& frames, const Clip& originalFrames, const QualityLabels* labels,
                            QString* error) {
  if (!mClip || frames.frameCount() == 0) return frames.frameCount() == 0;
  std::string why;
  if (frames.frameCount() != originalFrames.frameCount()) why = "the original frames do not match the inserted ones";
  detach();
  // Into both or neither: the original is checked the same way, and undone
  // from the clip if it refuses.
  if (why.empty() && mClip->insertFrames(at, frames, &why) && !mOriginal->insertFrames(at, originalFrames, &why))
    mClip->removeFrames(at, frames.frameCount());
  if (!why.empty()) {
    if (error) *error = QString::fromStdString(why);
    return false;
  }
  const int n = frames.frameCount();
  mLabels.insertFrames(at, n, labels);
  for (Artifact& a : mArtifacts) {
    if (a.start >= at) {
      a.start += n;
      a.end += n;
    } else if (a.end > at) {
      a.end += n;  // the inserted frames land inside it
    }
  }
  mProposals.clear();
  ++mRevision;
  Q_EMIT framesInserted(at, n);
  Q_EMIT artifactsReset();
  Q_EMIT labelsChanged(at, frameCount());
  Q_EMIT motionChanged(at, frameCount(), {});
  return true;
}

void Document::removeFrames(int at, int count) {
  if (!mClip) return;
  at = std::clamp(at, 0, frameCount());
  count = std::clamp(count, 0, frameCount() - at);
  if (count == 0) return;
  detach();
  mClip->removeFrames(at, count);
  mOriginal->removeFrames(at, count);
  mLabels.removeFrames(at, count);
  const int end = at + count;
  std::vector<Artifact> kept;
  for (Artifact a : mArtifacts) {
    auto map = [&](int f) { return f <= at ? f : (f >= end ? f - count : at); };
    a.start = map(a.start);
    a.end = map(a.end);
    if (a.end > a.start) kept.push_back(a);
  }
  mArtifacts = std::move(kept);
  artifactsMoved();
  mProposals.clear();
  mCurrentFrame = std::min(mCurrentFrame, std::max(0, frameCount() - 1));
  mSelection = Selection{};
  ++mRevision;
  Q_EMIT framesRemoved(at, count);
  Q_EMIT artifactsReset();
  Q_EMIT labelsChanged(at, frameCount());
  Q_EMIT motionChanged(at, frameCount(), {});
  Q_EMIT selectionChanged();
  Q_EMIT currentFrameChanged(mCurrentFrame);
}

void Document::setLabels(QualityLabels labels) {
  mLabels = std::move(labels);
  Q_EMIT labelsChanged(0, mLabels.frameCount());
}

}  // namespace mm::editor
