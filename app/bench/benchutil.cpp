#include "benchutil.h"

#include "tasks/resourcepaths.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace mm::bench {

std::string benchInput(const std::vector<std::string>& positionals) {
  return positionals.empty() ? tasks::findDataFile("samples/bandai_walk_normal.bvh") : positionals[0];
}
namespace {
using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double processCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
}  // namespace

bool pinToOneCore(cpu_set_t* previous) {
  if (sched_getaffinity(0, sizeof(cpu_set_t), previous) != 0) return false;
  for (int c = 0; c < CPU_SETSIZE; ++c)
    if (CPU_ISSET(c, previous)) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(c, &one);
      return sched_setaffinity(0, sizeof one, &one) == 0;
    }
  return false;
}

double medianOf(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double medianTime(const std::function<bool()>& fn, int runs, double budget, bool* ok, double* cpu) {
  std::vector<double> times, cpuTimes;
  const auto start = Clock::now();
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    const double c0 = processCpuSeconds();
    if (!fn()) {
      *ok = false;
      return 0;
    }
    cpuTimes.push_back(processCpuSeconds() - c0);
    times.push_back(secondsSince(t0));
    if (secondsSince(start) > budget && times.size() >= 3) break;
  }
  if (cpu) *cpu = medianOf(cpuTimes);
  *ok = true;
  return medianOf(times);
}

Clip repeatClip(const Clip& source, int frames) {
  Clip out(source.skeleton(), frames, source.fps());
  const int n = source.frameCount();
  const int period = std::max(1, 2 * n - 2);
  for (int f = 0; f < frames; ++f) {
    const int k = f % period;
    const int src = k < n ? k : 2 * n - 2 - k;
    for (int j = 0; j < source.jointCount(); ++j) {
      out.rotation(f, j) = source.rotation(src, j);
      if (source.hasTrack(j)) out.translation(f, j) = source.translation(src, j);
    }
  }
  out.makeSignContinuous();
  return out;
}

}  // namespace mm::bench
