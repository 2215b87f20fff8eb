#include "editor/projectsession.h"

#include "editor/document.h"
#include "motion/clip.h"
#include "motion/labels/qualitylabels.h"
#include "tasks/loadtake.h"

#include <QFile>

#include <algorithm>

namespace mm::editor {

ProjectSession::ProjectSession(Document* doc, QObject* parent) : QObject(parent), mDoc(doc) {
  mTimer.setSingleShot(true);
  connect(&mTimer, &QTimer::timeout, this, [this] { flush(); });
  // A window destroys its document before its session (children die in
  // creation order): save what is pending while the document is whole, and
  // never read it afterwards.
  connect(mDoc, &Document::aboutToBeDestroyed, this, [this] {
    flush();
    mDoc = nullptr;
  });
  connect(mDoc, &Document::motionChanged, this, [this](int start, int end, const QVector<int>&) { markClip(start, end); });
  auto artifacts = [this] {
    if (mLoading || !mTake) return;
    mArtifactsDirty = true;
    schedule();
  };
  connect(mDoc, &Document::artifactChanged, this, artifacts);
  connect(mDoc, &Document::artifactRemoved, this, artifacts);
  connect(mDoc, &Document::artifactsReset, this, artifacts);
  connect(mDoc, &Document::labelsChanged, this, [this](int, int) {
    if (mLoading || !mTake) return;
    mLabelsDirty = true;
    schedule();
  });
  // A clip replaced from outside (a plain file opened) is no longer the take.
  connect(mDoc, &Document::clipChanged, this, [this] {
    if (mLoading || !mTake) return;
    flush();
    mTake = 0;
    Q_EMIT currentTakeChanged(0);
  });
}

ProjectSession::~ProjectSession() { flush(); }

bool ProjectSession::open(const QString& path, QString* error) {
  close();
  mDb = ProjectDatabase::open(path, error);
  Q_EMIT takesChanged();
  return mDb != nullptr;
}

bool ProjectSession::create(const QString& path, QString* error) {
  close();
  mDb = ProjectDatabase::create(path, error);
  Q_EMIT takesChanged();
  return mDb != nullptr;
}

bool ProjectSession::createFromDocument(const QString& path, QString* error) {
  if (!mDoc->hasClip() || mDoc->filePath().isEmpty()) {
    if (error) *error = tr("%1: only a take opened from a file can be saved in a project").arg(path);
    return false;
  }
  if (!create(path, error)) return false;
  QString e;
  const int id = mDb->addTake(mDoc->filePath(), &e);
  const bool ok = id > 0 && mDb->saveClip(id, mDoc->clip(), {}, &e, nullptr, &mDoc->original()) &&
                  mDb->saveArtifacts(id, mDoc->artifacts(), &e) && mDb->saveLabels(id, mDoc->labels(), &e) &&
                  mDb->setStatus(id, QueueStatus::InProgress, &e);
  if (!ok) {
    if (error) *error = e;
    mDb.reset();
    // A half-written new project is no project: remove it (and SQLite's side files).
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(path + QLatin1String(suffix));
    return false;
  }
  mTake = id;
  mClipDirty = mArtifactsDirty = mLabelsDirty = false;
  mDirtyRanges.clear();
  Q_EMIT takesChanged();
  Q_EMIT currentTakeChanged(id);
  return true;
}

void ProjectSession::close() {
  flush();
  mDb.reset();
  if (mTake) {
    mTake = 0;
    Q_EMIT currentTakeChanged(0);
  }
}

void ProjectSession::markClip(int start, int end) {
  if (mLoading || !mTake) return;
  mClipDirty = true;
  mDirtyRanges.emplace_back(start, end);
  schedule();
}

void ProjectSession::schedule() {
  if (!mTimer.isActive()) mTimer.start(mSaveDelay);  // not restarted: a long burst still saves every delay
}

bool ProjectSession::flush(QString* error) {
  mTimer.stop();
  if (!mDoc || !mDb || !mTake || !hasUnsavedChanges()) return true;
  QString e;
  bool ok = true;
  if (ok && mClipDirty) {
    ok = mDb->saveClip(mTake, mDoc->clip(), mDirtyRanges, &e, nullptr, &mDoc->original());
    if (ok) {
      mClipDirty = false;
      mDirtyRanges.clear();
    }
  }
  if (ok && mArtifactsDirty) {
    ok = mDb->saveArtifacts(mTake, mDoc->artifacts(), &e);
    if (ok) mArtifactsDirty = false;
  }
  if (ok && mLabelsDirty) {
    ok = mDb->saveLabels(mTake, mDoc->labels(), &e);
    if (ok) mLabelsDirty = false;
  }
  if (!ok) {
    if (error) *error = e;
    Q_EMIT saveFailed(e);
    return false;
  }
  Q_EMIT saved();
  return true;
}

bool ProjectSession::openTake(int takeId, QString* error) {
  if (!mDb) {
    if (error) *error = tr("no project is open");
    return false;
  }
  const std::optional<ProjectTake> take = mDb->take(takeId);
  if (!take) {
    if (error) *error = tr("%1: the project has no take %2").arg(mDb->path()).arg(takeId);
    return false;
  }
  if (!flush(error)) return false;
  // The source as loaded is the original; the stored clip, if any, the edit.
  tasks::LoadedTake source;
  std::string loadError;
  if (!tasks::loadTake(QFile::encodeName(take->sourcePath).toStdString(), &source, &loadError)) {
    if (error) *error = QString::fromStdString(loadError);
    return false;
  }
  Clip original = std::move(source.clip);
  QString e;
  Clip edited;
  e.clear();
  if (!mDb->loadClip(takeId, &edited, &e, &original)) {
    if (!e.isEmpty()) {
      if (error) *error = e;
      return false;
    }
    edited = original;
  }
  std::vector<Artifact> artifacts = mDb->loadArtifacts(takeId, &e);
  std::stable_sort(artifacts.begin(), artifacts.end(), [](const Artifact& a, const Artifact& b) { return a.start < b.start; });
  QualityLabels labels(edited.frameCount());
  if (!mDb->loadLabels(takeId, &labels, &e) && !e.isEmpty()) {
    if (error) *error = e;
    return false;
  }
  mLoading = true;
  mDoc->setClip(std::move(edited), std::move(original), take->sourcePath);
  mDoc->setArtifacts(std::move(artifacts), mDb->nextArtifactId(takeId));
  mDoc->setLabels(std::move(labels));
  mLoading = false;
  mTake = takeId;
  mClipDirty = mArtifactsDirty = mLabelsDirty = false;
  mDirtyRanges.clear();
  if (take->status == QueueStatus::NotStarted) setStatus(takeId, QueueStatus::InProgress, nullptr);
  Q_EMIT currentTakeChanged(takeId);
  return true;
}

int ProjectSession::neighbourTake(bool next) const {
  if (!mDb) return 0;
  const std::vector<ProjectTake> takes = mDb->takes();
  for (size_t i = 0; i < takes.size(); ++i) {
    if (takes[i].id != mTake) continue;
    if (next) return i + 1 < takes.size() ? takes[i + 1].id : 0;
    return i > 0 ? takes[i - 1].id : 0;
  }
  return takes.empty() ? 0 : takes.front().id;
}

bool ProjectSession::setStatus(int takeId, QueueStatus status, QString* error) {
  if (!mDb) return false;
  QString e;
  const bool ok = mDb->setStatus(takeId, status, &e);
  if (!ok && error) *error = e;
  if (ok) Q_EMIT takesChanged();
  return ok;
}

}  // namespace mm::editor
