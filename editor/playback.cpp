#include "editor/playback.h"

#include "editor/document.h"

#include <algorithm>
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

int Playback::frameAfter(int startFrame, qint64 elapsedNs, double fps, int frameCount, double rate) {
  if (frameCount <= 0) return 0;
  if (fps <= 0 || elapsedNs <= 0 || rate == 0.0) return startFrame;
  // Whole frames only: frame k is shown during [k, k+1) / fps (backwards:
  // (k - 1, k]), wrapping around the clip either way.
  const double frames = elapsedNs * 1e-9 * fps * std::abs(rate);
  const auto advanced = static_cast<long long>(std::floor(frames));
  const long long f = (startFrame + (rate > 0 ? advanced : -advanced)) % frameCount;
  return static_cast<int>(f < 0 ? f + frameCount : f);
}

void Playback::setRate(double rate) {
  if (rate == mRate || rate == 0.0) return;
  if (isPlaying()) restartClock();
  mRate = rate;
  Q_EMIT rateChanged(rate);
}

void Playback::shuttleBackward() {
  setRate(isPlaying() && mRate < 0 ? std::max(-4.0, mRate * 2) : -1.0);
  play();
}

void Playback::shuttleStop() {
  pause();
  setRate(1.0);
}

void Playback::shuttleForward() {
  setRate(isPlaying() && mRate > 0 ? std::min(4.0, mRate * 2) : 1.0);
  play();
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
  const int frame =
      frameAfter(mStartFrame, mClock.nsecsElapsed(), mDocument->fps(), mDocument->frameCount(), mRate);
  mAdvancing = true;
  mDocument->setCurrentFrame(frame);
  mAdvancing = false;
}

void Playback::onFrameChanged(int) {
  // Someone else moved the frame (slider, step keys): keep playing from there.
  if (isPlaying() && !mAdvancing) restartClock();
}

}  // namespace mm::editor
