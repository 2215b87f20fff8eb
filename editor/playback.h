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
  static int frameAfter(int startFrame, qint64 elapsedNs, double fps, int frameCount, double rate = 1.0);

  // Playback speed and direction: 1 normal, 2 twice as fast, -1 backwards.
  double rate() const { return mRate; }
  void setRate(double rate);

 public Q_SLOTS:
  // Starts from the current frame; does nothing without at least two frames.
  void play();
  void pause();
  void toggle();
  // J / K / L as in video editors: J plays backwards (again: faster), K
  // pauses (and resets the speed), L plays forwards (again: faster); up to 4x.
  void shuttleBackward();
  void shuttleStop();
  void shuttleForward();

 Q_SIGNALS:
  void playingChanged(bool playing);
  void rateChanged(double rate);

 private:
  void tick();
  void restartClock();
  void onFrameChanged(int frame);

  Document* mDocument;
  QTimer mTimer;
  QElapsedTimer mClock;
  int mStartFrame = 0;   // frame shown when mClock started
  double mRate = 1.0;
  bool mAdvancing = false;  // true while tick() itself moves the frame
};

}  // namespace mm::editor
