#include "editor/document.h"

#include "io/motionfile.h"
#include "motion/clip.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace mm::editor {

Document::Document(QObject* parent) : QObject(parent), mUndoStack(new QUndoStack(this)) {}

Document::~Document() = default;

bool Document::load(const QString& path, QString* error) {
  // Readers take the path in the local 8-bit encoding, as fopen does.
  LoadResult result = loadMotion(QFile::encodeName(path).toStdString());
  if (!result.ok()) {
    if (error) *error = QString::fromStdString(result.error.toString());
    return false;
  }
  QStringList warnings;
  for (const std::string& w : result.warnings) warnings << QString::fromStdString(w);
  replaceClip(std::move(*result.clip), QFileInfo(path).absoluteFilePath(), std::move(warnings));
  return true;
}

void Document::setClip(Clip clip, const QString& path) { replaceClip(std::move(clip), path, {}); }

void Document::replaceClip(Clip clip, const QString& path, QStringList warnings) {
  mClip = std::make_unique<Clip>(std::move(clip));
  mFilePath = path;
  // Set before clipChanged so that its receivers see the new file's warnings.
  mLoadWarnings = std::move(warnings);
  // Commands hold references into the old clip; they cannot apply to a new one.
  mUndoStack->clear();
  const bool frameMoved = mCurrentFrame != 0;
  mCurrentFrame = 0;
  Q_EMIT clipChanged();
  if (frameMoved) Q_EMIT currentFrameChanged(mCurrentFrame);
}

const Clip& Document::clip() const {
  static const Clip empty;
  return mClip ? *mClip : empty;
}

int Document::frameCount() const { return mClip ? mClip->frameCount() : 0; }

double Document::fps() const { return mClip ? mClip->fps() : 30.0; }

void Document::setCurrentFrame(int frame) {
  const int last = std::max(0, frameCount() - 1);
  frame = std::clamp(frame, 0, last);
  if (frame == mCurrentFrame) return;
  mCurrentFrame = frame;
  Q_EMIT currentFrameChanged(mCurrentFrame);
}

}  // namespace mm::editor
