#pragma once
// The open project and the take being edited: opens a take of the project
// into the document (its edited clip, artifacts with decisions and labels, or
// the source file the first time), and writes every change back within
// `saveDelay` (1 s by default, so a kill loses at most the last 2 s): the
// document's typed signals say which frames, artifacts and labels changed,
// and only those chunks and tables are rewritten, each save in a transaction.

#include "editor/projectdatabase.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <utility>
#include <vector>

namespace mm::editor {

class Document;

class ProjectSession : public QObject {
  Q_OBJECT
 public:
  explicit ProjectSession(Document* doc, QObject* parent = nullptr);
  ~ProjectSession() override;  // flushes

  bool open(const QString& path, QString* error);
  bool create(const QString& path, QString* error);
  void close();  // flushes
  // Save As: a new project at `path` holding the document's take as it is
  // now (its edited clip, artifacts and labels), which becomes the current
  // take; the document (and its undo history) stays as it is. The document
  // must have been loaded from a file (the take's source).
  bool createFromDocument(const QString& path, QString* error);
  bool isOpen() const { return mDb != nullptr; }
  ProjectDatabase* database() const { return mDb.get(); }

  // Loads a take into the document (flushing the previous one first). A take
  // opened for the first time becomes "in progress".
  bool openTake(int takeId, QString* error);
  int currentTake() const { return mTake; }
  // The take after / before the current one in the queue (0 when none).
  int neighbourTake(bool next) const;
  bool setStatus(int takeId, QueueStatus status, QString* error);

  void setSaveDelay(int ms) { mSaveDelay = ms; }
  // Writes what changed now; false with the error (also emitted).
  bool flush(QString* error = nullptr);
  bool hasUnsavedChanges() const { return mClipDirty || mArtifactsDirty || mLabelsDirty; }

 Q_SIGNALS:
  void takesChanged();
  void currentTakeChanged(int takeId);
  void saved();
  void saveFailed(const QString& message);

 private:
  void markClip(int start, int end);
  void schedule();

  Document* mDoc;
  std::unique_ptr<ProjectDatabase> mDb;
  int mTake = 0;
  QTimer mTimer;
  int mSaveDelay = 1000;
  bool mClipDirty = false, mArtifactsDirty = false, mLabelsDirty = false;
  std::vector<std::pair<int, int>> mDirtyRanges;
  bool mLoading = false;  // signals while a take loads are not edits
};

}  // namespace mm::editor
