#pragma once
// The open document: the clip being edited, where it came from, the current
// frame and the undo stack. Widgets read the clip from here and change it only
// through the document, so every view sees the same state.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QUndoStack;

namespace mm {
class Clip;
}

namespace mm::editor {

class Document : public QObject {
  Q_OBJECT
 public:
  explicit Document(QObject* parent = nullptr);
  ~Document() override;

  // Reads any supported motion file (see mm::readableExtensions()). On
  // success the clip replaces the current one, the frame goes back to 0 and
  // the undo history is cleared. On failure nothing changes and `error` (if
  // given) receives the reader's message ("file:line: what is wrong").
  bool load(const QString& path, QString* error);

  // Replaces the clip (e.g. a generated or programmatically built one).
  // `path` may be empty for a clip that has no file yet.
  void setClip(Clip clip, const QString& path = QString());

  bool hasClip() const { return mClip != nullptr; }
  // The loaded clip; an empty clip (no joints, no frames) when hasClip() is false.
  const Clip& clip() const;
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

  // Edits of the clip are pushed here as commands (one per user action).
  QUndoStack* undoStack() const { return mUndoStack; }

 Q_SIGNALS:
  // The whole clip was replaced: views rebuild everything they derived from it.
  void clipChanged();
  void currentFrameChanged(int frame);

 private:
  void replaceClip(Clip clip, const QString& path, QStringList warnings);

  std::unique_ptr<Clip> mClip;
  QString mFilePath;
  QStringList mLoadWarnings;
  int mCurrentFrame = 0;
  QUndoStack* mUndoStack = nullptr;  // child QObject
};

}  // namespace mm::editor
