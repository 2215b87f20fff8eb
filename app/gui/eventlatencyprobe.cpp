#include "app/gui/eventlatencyprobe.h"

#include <algorithm>

namespace mm::app {

EventLatencyProbe::EventLatencyProbe(int intervalMs, QObject* parent)
    : QObject(parent), mIntervalMs(std::max(1, intervalMs)) {
  mTimer.setTimerType(Qt::PreciseTimer);
  mTimer.setInterval(mIntervalMs);
  connect(&mTimer, &QTimer::timeout, this, &EventLatencyProbe::tick);
}

void EventLatencyProbe::start() {
  mLate.clear();
  mClock.start();
  mLastNs = 0;
  mTimer.start();
}

void EventLatencyProbe::stop() {
  if (!mTimer.isActive()) return;
  tick();  // the wait up to now counts too
  mTimer.stop();
}

void EventLatencyProbe::tick() {
  const qint64 now = mClock.nsecsElapsed();
  mLate.push_back(std::max(0.0, (now - mLastNs) / 1e6 - mIntervalMs));
  mLastNs = now;
}

double EventLatencyProbe::worstMs() const { return mLate.empty() ? 0.0 : *std::max_element(mLate.begin(), mLate.end()); }

double EventLatencyProbe::percentileMs(double p) const {
  if (mLate.empty()) return 0.0;
  std::vector<double> v = mLate;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(std::clamp(p, 0.0, 1.0) * v.size()));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace mm::app
