#pragma once
// How long the GUI thread's event loop keeps events waiting: a precise timer
// asks for a tick every few milliseconds, and each tick that comes late
// measures how long the loop was busy elsewhere (painting, applying a task's
// result, or blocked). Used by the latency GUI test and `bench gui latency`
// to show that the window answers while work runs in the task runner.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace mm::app {

class EventLatencyProbe : public QObject {
  Q_OBJECT
 public:
  explicit EventLatencyProbe(int intervalMs = 5, QObject* parent = nullptr);

  // Starts a new measurement (forgets the previous one).
  void start();
  void stop();
  bool isRunning() const { return mTimer.isActive(); }

  // Ticks seen, and the delay of each beyond the interval asked for (ms).
  int samples() const { return static_cast<int>(mLate.size()); }
  double worstMs() const;
  // p in [0, 1]; 0 without samples.
  double percentileMs(double p) const;

 private:
  void tick();

  int mIntervalMs;
  QTimer mTimer;
  QElapsedTimer mClock;
  qint64 mLastNs = 0;
  std::vector<double> mLate;
};

}  // namespace mm::app
