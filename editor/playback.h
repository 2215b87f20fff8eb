#pragma once
// Plays the document's clip in real time: the frame shown follows the wall
// clock (QElapsedTimer), not the number of timer ticks, so a slow redraw
// drops frames instead of slowing the motion down.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace mm::editor {

class Document;

class Playback : public QObject {
  Q_OBJECT
 public:
  // `document` must outlive the playback (typically both belong to the window).
  explicit Playback(Document* document, QObject* parent = nullptr);

  bool isPlaying() const { return mTimer.isActive(); }

  // Frame reached `elapsedNs` nanoseconds after playing from `startFrame` at
  // `fps`, wrapping around a clip of `frameCount` frames. Pure, for tests.
  static int frameAfter(int startFrame, qint64 elapsedNs, double fps, int frameCount);

 public Q_SLOTS:
  // Starts from the current frame; does nothing without at least two frames.
  void play();
  void pause();
  void toggle();

 Q_SIGNALS:
  void playingChanged(bool playing);

 private:
  void tick();
  void restartClock();
  void onFrameChanged(int frame);

  Document* mDocument;
  QTimer mTimer;
  QElapsedTimer mClock;
  int mStartFrame = 0;   // frame shown when mClock started
  bool mAdvancing = false;  // true while tick() itself moves the frame
};

}  // namespace mm::editor
