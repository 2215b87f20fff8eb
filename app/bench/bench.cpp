// motionmender-cli bench io: our BVH reader against Assimp's BVH importer on
// the same file in the same run, and the load time and peak memory of a
// generated one-hour 120 fps 60-joint take (loaded in a child process so its
// peak RSS is its own).
#include "benchcommands.h"

#include "app/cli/cli.h"
#include "benchutil.h"

#include "io/bvh.h"
#include "io/motionfile.h"
#include "motion/largebufferallocator.h"
#include "motion/bodyparts.h"
#include "motion/quality/qualityanalyzer.h"
#ifdef MM_HAVE_ASSIMP
#include "io/assimp/assimpio.h"
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <atomic>
#include <thread>

namespace mm::bench {

using namespace cli;
namespace fs = std::filesystem;

namespace {
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Writes a BVH whose hierarchy and frames come from `source`, repeating its
// frames (forward then backward, so the motion stays continuous) until
// `targetFrames` frames are written. Real data, realistic file.
bool repeatBvh(const std::string& source, const std::string& out, long long targetFrames, std::string* error) {
  std::ifstream in(source, std::ios::binary);
  if (!in) {
    *error = source + ": cannot open";
    return false;
  }
  std::string line, header;
  std::vector<std::string> frames;
  bool motion = false;
  int afterMotion = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!motion) {
      header += line + "\n";
      if (line.find("MOTION") != std::string::npos) motion = true;
      continue;
    }
    if (afterMotion < 2) {
      if (afterMotion == 1) header += "FRAMETIME\n";
      if (afterMotion == 1) header.replace(header.find("FRAMETIME"), 9, line);
      ++afterMotion;
      continue;
    }
    if (line.find_first_not_of(" \t") != std::string::npos) frames.push_back(line);
  }
  if (frames.size() < 2) {
    *error = source + ": needs a BVH with at least two frames";
    return false;
  }
  std::ofstream o(out, std::ios::binary);
  const size_t framesAt = header.rfind("MOTION\n") + 7;
  o << header.substr(0, framesAt) << "Frames: " << targetFrames << "\n" << header.substr(framesAt);
  const long long n = static_cast<long long>(frames.size());
  for (long long f = 0; f < targetFrames; ++f) {
    const long long k = f % (2 * n - 2);
    o << frames[k < n ? k : 2 * n - 2 - k] << '\n';
  }
  return static_cast<bool>(o);
}

// A synthetic 60-joint skeleton (root with 6 channels, 59 joints with 3
// rotations), smooth sinusoidal motion written with 4 decimals.
bool generateLargeBvh(const std::string& out, int joints, double fps, long long frames) {
  std::FILE* f = std::fopen(out.c_str(), "wb");
  if (!f) return false;
  std::fputs("HIERARCHY\nROOT Root\n{\n\tOFFSET 0 0 0\n\tCHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n", f);
  // Five chains hanging off the root, like a body with limbs and a spine.
  const int chains = 5;
  const int perChain = (joints - 1) / chains;
  int written = 1;
  for (int c = 0; c < chains; ++c) {
    const int len = c == chains - 1 ? joints - written : perChain;
    for (int k = 0; k < len; ++k) {
      std::fprintf(f, "%*sJOINT J%d_%d\n%*s{\n%*sOFFSET %d 10 0\n%*sCHANNELS 3 Zrotation Xrotation Yrotation\n", k + 1, "",
                   c, k, k + 1, "", k + 2, "", c - 2, k + 2, "");
    }
    std::fprintf(f, "%*sEnd Site\n%*s{\n%*sOFFSET 0 5 0\n%*s}\n", len + 1, "", len + 1, "", len + 2, "", len + 1, "");
    for (int k = len - 1; k >= 0; --k) std::fprintf(f, "%*s}\n", k + 1, "");
    written += len;
  }
  std::fprintf(f, "}\nMOTION\nFrames: %lld\nFrame Time: %.9g\n", frames, 1.0 / fps);
  const int values = 6 + 3 * (joints - 1);
  std::string line;
  char buf[32];
  for (long long fr = 0; fr < frames; ++fr) {
    line.clear();
    const double t = fr / fps;
    for (int v = 0; v < values; ++v) {
      const double x = 40.0 * std::sin(0.7 * t + 0.37 * v) + (v < 3 ? 100.0 : 0.0);
      const int n = std::snprintf(buf, sizeof buf, v ? " %.4f" : "%.4f", x);
      line.append(buf, n);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), f);
  }
  return std::fclose(f) == 0;
}

// Seconds for a fresh process to obtain and first touch `bytes` of memory
// (what the kernel spends zeroing pages): the floor under any loader that
// keeps that much in memory. Measured in a child, like the load itself.
double firstTouchSeconds(size_t bytes) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto t0 = Clock::now();
    std::vector<char, LargeBufferAllocator<char>> block(bytes);  // value-initialised: every page touched
    const double s = seconds(t0, Clock::now()) + (block[bytes / 2] ? 1e-9 : 0.0);
    (void)!write(fds[1], &s, sizeof s);
    _exit(0);
  }
  close(fds[1]);
  double s = -1;
  (void)!read(fds[0], &s, sizeof s);
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  return s;
}

struct ChildLoad {
  bool ok = false;
  double seconds = 0;
  double peakMB = 0;
  int frames = 0;
  std::string error;
};

// Loads `path` with our reader in a forked child: its peak RSS is the load's.
ChildLoad loadInChild(const std::string& path) {
  ChildLoad r;
  int fds[2];
  if (pipe(fds) != 0) return r;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto t0 = Clock::now();
    LoadResult res = readBvh(path);
    const double s = seconds(t0, Clock::now());
    char msg[512];
    const int n = std::snprintf(msg, sizeof msg, "%d %.6f %d %s", res.ok() ? 1 : 0, s, res.ok() ? res.clip->frameCount() : 0,
                                res.ok() ? "" : res.error.toString().c_str());
    (void)!write(fds[1], msg, n);
    _exit(0);
  }
  close(fds[1]);
  char msg[512] = {0};
  const ssize_t got = read(fds[0], msg, sizeof msg - 1);
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  if (got <= 0) {
    r.error = "child failed";
    return r;
  }
  int ok = 0;
  char err[512] = {0};
  std::sscanf(msg, "%d %lf %d %511[^\n]", &ok, &r.seconds, &r.frames, err);
  r.ok = ok == 1;
  r.error = err;
  r.peakMB = usage.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
  return r;
}

int benchIo(Args& args) {
  const bool quick = args.takeFlag("--quick");
  std::string keep;
  const bool keepFiles = args.takeOption("--keep", &keep);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() > 1) return fail(kUsage, "usage: bench io [FILE] [--quick]");

  const fs::path dir = keepFiles ? fs::path(keep) : fs::temp_directory_path() / ("mm-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string sample = benchInput(pos);

  // 1. Reference comparison on a one-hour, 30 fps take of real frames (the
  // BENCHMARKS.md reference file shape), or on FILE as given.
  std::string file = pos.empty() ? (dir / "one_hour_30fps_22joints.bvh").string() : pos[0];
  if (pos.empty()) {
    const long long frames = quick ? 30 * 60 * 5 : 30 * 3600;
    std::printf("generating %s (%lld frames of %s, repeated)...\n", file.c_str(), frames, sample.c_str());
    if (!repeatBvh(sample, file, frames, &error)) return fail(kError, error);
  }
  const double mb = fs::file_size(file) / 1e6;
  int frames = 0;
  bool ok = false;
  auto readOurs = [&] {
    LoadResult r = readBvh(file);
    if (!r.ok()) {
      error = r.error.toString();
      return false;
    }
    frames = r.clip->frameCount();
    return true;
  };
  // Both readers pinned to the same single core: the reference comparison
  // and the one-core throughput target.
  cpu_set_t previous;
  const bool pinned = pinToOneCore(&previous);
  double oursCpu = 0, theirsCpu = 0;
  const double ours = medianTime(readOurs, 5, 20.0, &ok, &oursCpu);
  if (!ok) return fail(kError, error);
  std::printf("\nfile: %s (%.1f MB, %d frames)%s\n", file.c_str(), mb, frames, pinned ? ", pinned to one core" : "");
  std::printf("%-28s %10s %10s %14s %10s\n", "reader", "seconds", "MB/s", "frames/s", "CPU s");
  std::printf("%-28s %10.3f %10.1f %14.0f %10.3f\n", "motionmender readBvh", ours, mb / ours, frames / ours, oursCpu);
  double theirs = 0;
#ifdef MM_HAVE_ASSIMP
  theirs = medianTime([&] { return parseWithAssimp(file, &error); }, 3, 30.0, &ok, &theirsCpu);
  if (ok) {
    std::printf("%-28s %10.3f %10.1f %14.0f %10.3f\n", "Assimp 5 BVH importer", theirs, mb / theirs, frames / theirs,
                theirsCpu);
    std::printf("one core each: %.1fx Assimp's speed (wall), %.1fx (CPU time)\n", theirs / ours, theirsCpu / oursCpu);
  } else {
    theirs = 0;
    std::printf("Assimp reference failed: %s\n", error.c_str());
  }
#else
  std::printf("(built without Assimp: no reference)\n");
#endif
  std::printf("throughput: %.0f MB/s on one core (target >= 300 MB/s)\n", mb / ours);
  if (pinned) sched_setaffinity(0, sizeof previous, &previous);
  bool okAll = false;
  double allCpu = 0;
  const double allCores = medianTime(readOurs, 5, 20.0, &okAll, &allCpu);
  if (okAll) {
    std::printf("all %d cores (parsing and decoding overlap): %.3f s wall, %.3f s CPU, %.0f MB/s\n",
                static_cast<int>(std::thread::hardware_concurrency()), allCores, allCpu, mb / allCores);
#ifdef MM_HAVE_ASSIMP
    if (theirs > 0)
      std::printf("load time against Assimp (single-threaded): %.1fx faster (target >= 10x)\n", theirs / allCores);
#endif
  }

  // 2. One hour at 120 fps with 60 joints: load time and peak memory.
  const std::string big = (dir / "one_hour_120fps_60joints.bvh").string();
  const long long bigFrames = quick ? 120LL * 60 * 5 : 120LL * 3600;
  std::printf("\ngenerating %s (%lld frames, 60 joints)...\n", big.c_str(), bigFrames);
  if (!generateLargeBvh(big, 60, 120.0, bigFrames)) return fail(kError, big + ": cannot write");
  const size_t clipBytes = static_cast<size_t>(bigFrames) * 60 * sizeof(Eigen::Quaterniond);
  const double touchBefore = firstTouchSeconds(clipBytes);
  const ChildLoad load = loadInChild(big);
  const double touchAfter = firstTouchSeconds(clipBytes);
  if (!load.ok) return fail(kError, "loading the generated take failed: " + load.error);
  const double bigMB = fs::file_size(big) / 1e6;
  std::printf("loaded %d frames (%.0f MB) in %.2f s (%.0f MB/s), peak memory %.0f MB (targets: < 3 s, < 1500 MB%s)\n",
              load.frames, bigMB, load.seconds, bigMB / load.seconds, load.peakMB, quick ? "; --quick: 5 minutes only" : "");
  std::printf("reference: a fresh process's first touch of the clip's %.0f MB takes %.2f s before and %.2f s after the "
              "load on this machine (the kernel zeroing pages; it varies with the host)\n",
              clipBytes / 1e6, touchBefore, touchAfter);
  if (!keepFiles) fs::remove_all(dir);
  return kOk;
}

int benchAnalyze(Args& args) {
  std::string secondsText = "3600";
  args.takeOption("--seconds", &secondsText);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  const std::string sample = benchInput(pos);
  LoadResult in = loadMotion(sample);
  if (!in.ok()) return fail(kError, in.error.toString());
  cpu_set_t previous;
  const bool pinned = pinToOneCore(&previous);
  std::printf("quality analysis incl. forward kinematics, %s\n", pinned ? "pinned to one core" : "not pinned");
  std::printf("%-34s %10s %10s %14s %10s %14s\n", "clip", "frames", "seconds", "frames/s", "CPU s", "frames/CPU s");
  const double seconds = std::atof(secondsText.c_str());
  // One analyzer for all runs, as a batch over many files keeps one per
  // thread: its buffers are allocated (and page-faulted) once.
  QualityAnalyzer analyzer;
  auto run = [&](const std::string& label, const Clip& clip) {
    bool ok = false;
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    double cpu = 0;
    const double t = medianTime(
        [&] {  // the analysis runs forward kinematics itself (foot contacts need it)
          const QualityReport report = analyzer.analyze(clip, parts, QualityPreset());
          return report.frameCount() == clip.frameCount();
        },
        5, 30.0, &ok, &cpu);
    std::printf("%-34s %10d %10.3f %14.0f %10.3f %14.0f\n", label.c_str(), clip.frameCount(), t, clip.frameCount() / t,
                cpu, clip.frameCount() / cpu);
  };
  const Clip base = repeatClip(*in.clip, static_cast<int>(seconds * in.clip->fps()));
  run(std::to_string(base.jointCount()) + " joints, " + std::to_string(int(base.fps())) + " fps", base);
  // 60 joints: the same motion on a skeleton with 38 extra finger-like joints.
  Skeleton big = in.clip->skeleton();
  const int hand = std::max(0, big.findJoint("Hand_L"));
  for (int k = 0; big.jointCount() < 60; ++k)
    big.addJoint("Extra" + std::to_string(k), k % 4 == 0 ? hand : big.jointCount() - 1, Eigen::Vector3d(1, 0, 0));
  Clip bigClip(big, base.frameCount(), base.fps());
  for (int f = 0; f < base.frameCount(); ++f)
    for (int j = 0; j < big.jointCount(); ++j) {
      bigClip.rotation(f, j) = base.rotation(f, j % base.jointCount());
      if (bigClip.hasTrack(j) && j < base.jointCount()) bigClip.translation(f, j) = base.translation(f, j);
    }
  run("60 joints, " + std::to_string(int(base.fps())) + " fps", bigClip);
  std::printf("target: >= 1,000,000 frames/s on one core for 22 joints\n");
  if (pinned) sched_setaffinity(0, sizeof previous, &previous);

  // Several files: one analyzer per thread, each thread taking the next file
  // (here copies of the 22-joint take) until all are done.
  const int threads = std::max(1u, std::thread::hardware_concurrency());
  const int files = 2 * threads;
  const BodyPartMap parts = BodyPartMap::detect(base.skeleton());
  auto batch = [&](int workers) {
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    const auto t0 = Clock::now();
    for (int w = 0; w < workers; ++w)
      pool.emplace_back([&] {
        QualityAnalyzer local;
        for (int i = next++; i < files; i = next++) local.analyze(base, parts, QualityPreset());
      });
    for (std::thread& t : pool) t.join();
    return std::chrono::duration<double>(Clock::now() - t0).count();
  };
  batch(threads);  // warm-up: every thread's buffers faulted in once
  const double one = batch(1), all = batch(threads);
  const double frames = double(files) * base.frameCount();
  std::printf("\n%d files of %d frames: 1 thread %.0f frames/s, %d threads %.0f frames/s (%.2fx on %d cores)\n", files,
              base.frameCount(), frames / one, threads, frames / all, one / all, threads);
  return kOk;
}
}  // namespace

int runBench(Args args) {
  const std::string what = args.shift();
  if (what == "io") return benchIo(args);
  if (what == "analyze") return benchAnalyze(args);
  if (what == "clean") return runBenchClean(args);
  if (what == "generate") return benchGenerate(args);
  if (what.empty()) return fail(kUsage, "usage: bench io [FILE]");
  return fail(kUsage, "unknown benchmark '" + what + "' (available: io, analyze, clean, generate, model)");
}

}  // namespace mm::bench
