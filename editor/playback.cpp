#include "editor/playback.h"

#include "editor/document.h"

#include <cmath>

namespace mm::editor {

Playback::Playback(Document* document, QObject* parent) : QObject(parent), mDocument(document) {
  // Ticks come more often than frames so that each frame is shown within a
  // few milliseconds of its time; the frame itself comes from the clock.
  mTimer.setTimerType(Qt::PreciseTimer);
  mTimer.setInterval(8);
  connect(&mTimer, &QTimer::timeout, this, &Playback::tick);
  connect(mDocument, &Document::currentFrameChanged, this, &Playback::onFrameChanged);
  // A new clip starts paused on its first frame.
  connect(mDocument, &Document::clipChanged, this, &Playback::pause);
}

int Playback::frameAfter(int startFrame, qint64 elapsedNs, double fps, int frameCount) {
  if (frameCount <= 0) return 0;
  if (fps <= 0 || elapsedNs <= 0) return startFrame;
  // Whole frames only: frame k is shown during [k, k+1) / fps.
  const auto advanced = static_cast<long long>(std::floor(elapsedNs * 1e-9 * fps));
  return static_cast<int>((startFrame + advanced) % frameCount);
}

void Playback::play() {
  if (isPlaying() || mDocument->frameCount() < 2) return;
  restartClock();
  mTimer.start();
  Q_EMIT playingChanged(true);
}

void Playback::pause() {
  if (!isPlaying()) return;
  mTimer.stop();
  Q_EMIT playingChanged(false);
}

void Playback::toggle() { isPlaying() ? pause() : play(); }

void Playback::restartClock() {
  mStartFrame = mDocument->currentFrame();
  mClock.start();
}

void Playback::tick() {
  const int frame = frameAfter(mStartFrame, mClock.nsecsElapsed(), mDocument->fps(), mDocument->frameCount());
  mAdvancing = true;
  mDocument->setCurrentFrame(frame);
  mAdvancing = false;
}

void Playback::onFrameChanged(int) {
  // Someone else moved the frame (slider, step keys): keep playing from there.
  if (isPlaying() && !mAdvancing) restartClock();
}

}  // namespace mm::editor
