#include "motion/quality/supportcontacts.h"

#include "motion/kinematics.h"
#include "motion/quality/analysiscontext.h"
#include "motion/quality/qualitypreset.h"
#include "motion/quality/signalutil.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace mm {
namespace {

constexpr double kStillMetersPerSecond = 0.25;  // as the floor estimate's still frames
constexpr double kMinRunSeconds = 0.05;
constexpr double kApproachSeconds = 0.3;
constexpr double kMoveMeters = 0.02;
constexpr double kSurfaceMeters = 0.03;
constexpr double kFlightSeconds = 1.0;
constexpr double kLowestRunSeconds = 0.2;
// Hands: the frames before a span searched for the start of a hang.
constexpr double kHangLookBackSeconds = 3.0;
// ... and how far above its shoulder a wrist must hold, in arm lengths.
constexpr double kHangReach = 0.25;

// Positions (metres) of one point over frames [first, first + size).
struct Path {
  int first = 0;
  std::vector<Eigen::Vector3d> p;
  const Eigen::Vector3d& at(int frame) const { return p[frame - first]; }
  int end() const { return first + static_cast<int>(p.size()); }
};

// Still runs of a path (frames absolute).
void stillRuns(const Path& path, const Eigen::Vector3d& up, double fps, int minLen, int point,
               std::vector<SupportRun>& out) {
  const int a = path.first, b = path.end();
  int runStart = -1;
  auto close = [&](int e) {
    if (runStart >= 0 && e - runStart >= minLen) {
      double level = 0.0;
      for (int f = runStart; f < runStart + minLen; ++f) level += path.at(f).dot(up);
      out.push_back(SupportRun{point, runStart, e, static_cast<float>(level / minLen), false});
    }
    runStart = -1;
  };
  for (int f = a; f < b; ++f) {
    const int f0 = std::max(a, f - 1), f1 = std::min(b - 1, f + 1);
    const double speed = f1 > f0 ? (path.at(f1) - path.at(f0)).norm() * fps / (f1 - f0) : 0.0;
    if (speed < kStillMetersPerSecond) {
      if (runStart < 0) runStart = f;
    } else {
      close(f);
    }
  }
  close(b);
}

// Did the point arrive at the run's start moving up or down with the body
// (hipHeight, metres, absolute frames) rather than on its own?
// (The same test over the frames after `start - 1 + window`, with a
// negative window: did it leave the run with the body?)
template <typename HipHeight>
bool carried(const Path& path, const Eigen::Vector3d& up, int start, int window, HipHeight&& hip) {
  int a = start - window, b = start;
  if (window < 0) {
    a = start - 1;
    b = std::min(path.end() - 1, a - window);
  }
  a = std::max(path.first, a);
  if (a >= b) return false;
  const Eigen::Vector3d d = path.at(b) - path.at(a);
  const double dh = d.dot(up);
  const double side = (d - up * dh).norm();
  const double dH = hip(b) - hip(a);
  return std::abs(dh) > kMoveMeters && side < 0.5 * std::abs(dh) && dh * dH > 0.0 &&
         std::abs(dH - dh) < 0.5 * std::abs(dh);
}

// Whether the hips fly over frames [a, b) as a body in free fall does: a
// flight of at least 0.15 s whose least-squares parabola accelerates within
// half of g of -g.
bool ballistic(const std::vector<double>& hip, int a, int b, double fps) {
  constexpr double kGravity = 9.81;
  if ((b - a) < std::max(3.0, 0.15 * fps)) return false;
  return std::abs(quality::parabolaAcceleration(hip, a, b, fps) + kGravity) < 0.5 * kGravity;
}

int kindOfPoint(int point) { return point % 2; }  // 0 ankle, 1 toe (feet)

}  // namespace

SupportMap findFootSupports(const AnalysisContext& ctx, const QualityPreset& preset) {
  SupportMap map;
  const int F = ctx.frames;
  if (F == 0) return map;
  map.frames = F;
  const double toMeters = 1.0 / ctx.unitsPerMeter;
  const int minLen = std::max(3, ctx.framesFor(kMinRunSeconds));
  const int window = ctx.framesFor(kApproachSeconds);
  const int flight = ctx.framesFor(kFlightSeconds);
  // The hips' height: mean of the legs' upper joints (in the context's
  // poses, as ancestors of the feet), else the root's.
  std::vector<int> hips;
  for (int k = 2; k < 4; ++k)
    if (ctx.hinges[k] && ctx.poses.has(ctx.hinges[k]->upper)) hips.push_back(ctx.hinges[k]->upper);
  std::vector<double> hipHeight(F, 0.0);
  for (int f = 0; f < F; ++f) {
    if (hips.empty()) {
      hipHeight[f] = ctx.clip->rootTranslation(f).dot(ctx.up) * toMeters;
      continue;
    }
    for (int j : hips) hipHeight[f] += ctx.poses.position(f, j).dot(ctx.up) * toMeters;
    hipHeight[f] /= static_cast<double>(hips.size());
  }
  auto hip = [&](int f) { return hipHeight[f]; };
  Path paths[4];
  for (int point = 0; point < 4; ++point) {
    const int side = point / 2;
    const int joint = kindOfPoint(point) == 0 ? ctx.ankle[side] : ctx.toe[side];
    if (joint < 0) continue;
    paths[point].p.resize(F);
    for (int f = 0; f < F; ++f) paths[point].p[f] = ctx.poses.position(f, joint) * toMeters;
    stillRuns(paths[point], ctx.up, ctx.fps, minLen, point, map.runs);
  }
  std::sort(map.runs.begin(), map.runs.end(),
            [](const SupportRun& a, const SupportRun& b) { return a.start != b.start ? a.start < b.start : a.point < b.point; });
  // In order of start: the runs still open, the latest run to end before
  // this one began, and the levels credible runs have shown (1 cm bins).
  std::vector<const SupportRun*> open;
  const SupportRun* lastEnded = nullptr;
  std::unordered_set<int> surfaces[2];
  auto bin = [](double level) { return static_cast<int>(std::floor(level * 100.0)); };
  const int surfaceBins = static_cast<int>(std::lround(kSurfaceMeters * 100.0));
  for (SupportRun& run : map.runs) {
    for (size_t i = 0; i < open.size();) {
      if (open[i]->end < run.start) {
        if (!lastEnded || open[i]->end > lastEnded->end) lastEnded = open[i];
        open[i] = open.back();
        open.pop_back();
      } else {
        ++i;
      }
    }
    const Path& path = paths[run.point];
    // The take's first contacts (before any run has ended: nothing before
    // them says otherwise), if they rest at the level where the feet rest
    // most (floorestimate.h).
    const double floorLevel = ctx.floor.level[run.point / 2][kindOfPoint(run.point)];
    const bool first = lastEnded == nullptr && std::abs(run.level - floorLevel) < kSurfaceMeters;
    if (run.start <= 1) {
      run.credible = true;
    } else if (!carried(path, ctx.up, run.start, window, hip)) {
      bool held = first;
      for (const SupportRun* q : open) held = held || (q->credible && q->point != run.point);
      bool known = false;
      const int b = bin(run.level);
      for (int k = -surfaceBins; k <= surfaceBins && !known; ++k) known = surfaces[kindOfPoint(run.point)].count(b + k) > 0;
      // A take-off from a credible support: the foot left it on its own, not
      // lifted with the whole body.
      const bool jumped = open.empty() && lastEnded && lastEnded->credible && run.start - lastEnded->end <= flight &&
                          !carried(paths[lastEnded->point], ctx.up, lastEnded->end, -window, hip) &&
                          ballistic(hipHeight, lastEnded->end, run.start, ctx.fps);
      run.credible = held || known || jumped;
    }
    if (run.credible) surfaces[kindOfPoint(run.point)].insert(bin(run.level));
    open.push_back(&run);
  }
  const int lowestLen = ctx.framesFor(kLowestRunSeconds);
  for (int point = 0; point < 4; ++point)
    if (!paths[point].p.empty()) map.supported[point].assign(F, 0);
  for (const SupportRun& run : map.runs) {
    if (!run.credible) continue;
    const Path& path = paths[run.point];
    char* s = map.supported[run.point].data();
    for (int f = run.start; f < run.end; ++f) s[f] = path.at(f).dot(ctx.up) >= run.level - preset.penetrationMeters;
    double& lowest = map.lowestLevel[kindOfPoint(run.point)];
    if (run.end - run.start >= lowestLen && !(lowest <= run.level)) lowest = run.level;
  }
  return map;
}

std::vector<char> findHangSupports(const AnalysisContext& ctx, const SupportMap& feet, int begin, int end) {
  std::vector<char> out(static_cast<size_t>(std::max(0, end - begin)), 0);
  if (end <= begin || !ctx.hinges[0] || !ctx.hinges[1]) return out;
  const Clip& clip = *ctx.clip;
  const double toMeters = 1.0 / ctx.unitsPerMeter;
  const int first = std::max(0, begin - ctx.framesFor(kHangLookBackSeconds));
  std::vector<int> joints;
  for (int side = 0; side < 2; ++side) {
    joints.push_back(ctx.hinges[side]->upper);
    joints.push_back(ctx.hinges[side]->lower);
  }
  GlobalPoses arms;
  ForwardKinematicsJob fk;
  fk.clip = &clip;
  fk.begin = first;
  fk.end = end;
  fk.output = &arms;
  fk.joints = &joints;
  if (!fk.run()) return out;
  const int minLen = std::max(3, ctx.framesFor(kMinRunSeconds));
  const int window = ctx.framesFor(kApproachSeconds);
  // Hips from the context's poses (every frame).
  std::vector<int> hips;
  for (int k = 2; k < 4; ++k)
    if (ctx.hinges[k] && ctx.poses.has(ctx.hinges[k]->upper)) hips.push_back(ctx.hinges[k]->upper);
  auto hip = [&](int f) {
    if (hips.empty()) return clip.rootTranslation(f).dot(ctx.up) * toMeters;
    double h = 0.0;
    for (int j : hips) h += ctx.poses.position(f, j).dot(ctx.up) * toMeters;
    return h / static_cast<double>(hips.size());
  };
  std::vector<SupportRun> runs;
  Path paths[2];
  for (int side = 0; side < 2; ++side) {
    Path& path = paths[side];
    path.first = first;
    path.p.resize(end - first);
    for (int f = first; f < end; ++f) path.p[f - first] = arms.position(f - first, ctx.hinges[side]->lower) * toMeters;
    std::vector<SupportRun> found;
    stillRuns(path, ctx.up, ctx.fps, minLen, 4 + side, found);
    // Hanging or holding on above: the wrist a quarter of the arm's length
    // or more above its shoulder (hands held out or on the hips are not).
    const double arm = (clip.skeleton().offset(ctx.hinges[side]->middle).norm() +
                        clip.skeleton().offset(ctx.hinges[side]->lower).norm()) * toMeters;
    for (const SupportRun& r : found) {
      const double shoulder = arms.position(r.start - first, ctx.hinges[side]->upper).dot(ctx.up) * toMeters;
      if (r.level > shoulder + kHangReach * arm) runs.push_back(r);
    }
  }
  std::sort(runs.begin(), runs.end(), [](const SupportRun& a, const SupportRun& b) { return a.start < b.start; });
  auto feetHeld = [&](int f) { return f >= 0 && f < feet.frames && feet.footSupported(f); };
  // A jump to a bar: the latest credible foot run before the grab ended
  // within the flight time, the foot leaving it on its own, the hips flying
  // as a free fall does in between.
  const int flight = ctx.framesFor(kFlightSeconds);
  std::vector<double> hipHeight;
  auto jumpedTo = [&](int start) {
    const SupportRun* last = nullptr;
    for (const SupportRun& r : feet.runs)
      if (r.end <= start && (!last || r.end > last->end)) last = &r;
    if (!last || !last->credible || start - last->end > flight) return false;
    if (hipHeight.empty()) {
      hipHeight.resize(ctx.frames);
      for (int f = 0; f < ctx.frames; ++f) hipHeight[f] = hip(f);
    }
    if (!ballistic(hipHeight, last->end, start, ctx.fps)) return false;
    // The take-off: the foot left on its own, not lifted with the body.
    const int joint = last->point % 2 == 0 ? ctx.ankle[last->point / 2] : ctx.toe[last->point / 2];
    Path foot;
    foot.first = std::max(0, last->end - 1);
    for (int f = foot.first; f < std::min(ctx.frames, last->end + window + 1); ++f)
      foot.p.push_back(ctx.poses.position(f, joint) * toMeters);
    return !carried(foot, ctx.up, last->end, -window, hip);
  };
  for (size_t i = 0; i < runs.size(); ++i) {
    SupportRun& run = runs[i];
    const Path& path = paths[run.point - 4];
    // A run cut off by the look-back window began earlier: nothing says otherwise.
    if (run.start <= 1 || run.start == first) {
      run.credible = true;
    } else if (!carried(path, ctx.up, run.start, window, hip)) {
      bool otherHand = false;
      for (size_t k = 0; k < i; ++k) otherHand = otherHand || (runs[k].credible && runs[k].end >= run.start);
      run.credible = otherHand || feetHeld(run.start) || feetHeld(run.start - 1) || jumpedTo(run.start);
    }
    if (!run.credible) continue;
    for (int f = std::max(run.start, begin); f < std::min(run.end, end); ++f) out[f - begin] = 1;
  }
  return out;
}

}  // namespace mm
