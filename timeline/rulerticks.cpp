#include "timeline/rulerticks.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace mm::timeline {

namespace {
int framesPerSecond(double fps) { return std::max(1, static_cast<int>(std::ceil(fps - 1e-6))); }

// Each candidate major step with the minor step drawn inside it.
std::vector<TickStep> frameSteps() {
  std::vector<TickStep> s;
  for (long long decade = 1; decade <= 100000000LL; decade *= 10) {
    s.push_back({int(decade), int(std::max(1LL, decade / 5))});
    s.push_back({int(2 * decade), int(std::max(1LL, decade / 2))});
    s.push_back({int(5 * decade), int(decade)});
  }
  return s;
}

std::vector<TickStep> timecodeSteps(int fps) {
  std::vector<TickStep> s;
  for (int f : {1, 2, 5, 10})
    if (f < fps) s.push_back({f, 1});
  const int second = fps, minute = 60 * fps, hour = 3600 * fps;
  s.push_back({second, std::max(1, fps / 10)});
  s.push_back({2 * second, second});
  s.push_back({5 * second, second});
  s.push_back({10 * second, 5 * second});
  s.push_back({15 * second, 5 * second});
  s.push_back({30 * second, 10 * second});
  s.push_back({minute, 15 * second});
  s.push_back({2 * minute, minute});
  s.push_back({5 * minute, minute});
  s.push_back({10 * minute, 5 * minute});
  s.push_back({15 * minute, 5 * minute});
  s.push_back({30 * minute, 10 * minute});
  for (int h = 1; h <= 1000; h *= 2) s.push_back({h * hour, std::max(1, h * hour / 4)});
  return s;
}
}  // namespace

TickStep rulerStep(double framesPerPixel, double fps, bool timecode, double minLabelPixels) {
  const double minFrames = minLabelPixels * framesPerPixel;
  const std::vector<TickStep> steps = timecode ? timecodeSteps(framesPerSecond(fps)) : frameSteps();
  for (const TickStep& s : steps)
    if (s.major >= minFrames) return s;
  return steps.back();
}

QString formatTimecode(int frame, double fps) {
  const int perSecond = framesPerSecond(fps);
  const int digits = static_cast<int>(QString::number(perSecond - 1).size());
  const bool negative = frame < 0;
  long long f = std::llabs(static_cast<long long>(frame));
  const long long ff = f % perSecond;
  long long s = f / perSecond;
  const long long hh = s / 3600, mm = (s / 60) % 60, ss = s % 60;
  return QStringLiteral("%1%2:%3:%4:%5")
      .arg(negative ? QStringLiteral("-") : QString())
      .arg(hh, 2, 10, QLatin1Char('0'))
      .arg(mm, 2, 10, QLatin1Char('0'))
      .arg(ss, 2, 10, QLatin1Char('0'))
      .arg(ff, std::max(2, digits), 10, QLatin1Char('0'));
}

}  // namespace mm::timeline
