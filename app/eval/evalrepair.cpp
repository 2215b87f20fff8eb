// motionmender-cli eval clean | complete | inbetween: repair quality of the
// classical toolbox on the development data, against the clean originals.
//
//  clean      lab-corrupted copies (pops and frozen spans; jitter; and, for
//             information, limb swaps, missing data and foot skating) are
//             analysed, repaired with repairAll and analysed again: share of
//             the injected frames still flagged, MPJPE to the original on the
//             corrupted and on the untouched frames, jitter energy.
//  inbetween  the LAFAN1 benchmark protocol (Harvey et al. 2020): 10 context
//             frames, a gap of 5, 15 or 30 frames and one target frame; L2P,
//             L2Q and NPSS over the gap for SLERP+LERP and Hermite; and the
//             same gaps with 10 frames of context on both sides.
//  complete   one body part missing over 15, 30 or 60 frames, filled with
//             Linear, Cubic and Pattern gap fill: MPJPE on the filled joints.
//
// --method model (or both) adds the learned model (clean: it regenerates
// the analysis' spans; inbetween, complete: one more method row), on the
// clips training held out only.
//
// Every random choice is seeded (--seed), and files are taken in sorted
// order (--every, --clips), so a run is reproducible.
#include "evalcommands.h"

#include "app/cli/cli.h"
#include "datasetfiles.h"
#include "app/cli/modelrun.h"
#include "tasks/autotable.h"

#include "io/motionfile.h"
#include "motion/bodyparts.h"
#include "motion/canonicalrig.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/corrupt/portablerandom.h"
#include "motion/kinematics.h"
#include "motion/metrics/motionmetrics.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"
#include "motion/rotations.h"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>

namespace mm::eval {

using namespace cli;
namespace {

using Clock = std::chrono::steady_clock;

// The velocity horizon of the classic in-betweening and completion (GapFillOptions).
constexpr double kVelocityHorizon = 0.5;

struct EvalParams {
  std::string data;
  int every = 1;
  int clips = 0;
  std::uint64_t seed = 1;
  std::vector<std::string> files;
  bool classic = true;  // --method classic or both
  ModelPtr model;       // --method model or both
  ModelArgs modelArgs;
  std::string autoTable;  // --write-auto-table FILE (with --method both)
  // Whether the model's row (or the classical rows) are evaluated.
  bool runs(bool modelRow) const { return modelRow ? model != nullptr : classic; }
};

// --data DIR [--every N] [--clips N] [--seed S] [--method classic|model|both]
// and the model options; kOk or the exit code.
int takeEvalParams(const std::string& what, Args& args, EvalParams* p) {
  const std::string usage = "usage: eval " + what +
                            " --data DIR [--every N] [--clips N] [--seed S] [--method classic|model|both] "
                            "[--weights F] [--device D] [--steps N] [--strength X] [--from-classic] [--correction X] [--fade N] "
                            "[--write-auto-table FILE]";
  std::string every = "1", clips = "0", seed = "1", method = "classic";
  if (!args.takeOption("--data", &p->data)) return fail(kUsage, usage);
  args.takeOption("--every", &every);
  args.takeOption("--clips", &clips);
  args.takeOption("--seed", &seed);
  args.takeOption("--method", &method);
  args.takeOption("--write-auto-table", &p->autoTable);
  if (!p->autoTable.empty() && method != "both")
    return fail(kUsage, "--write-auto-table compares the model with the classical tools: it needs --method both");
  if (method != "classic" && method != "model" && method != "both")
    return fail(kUsage, "unknown method '" + method + "' (classic, model or both)");
  if (const int c = takeModelArgs(args, &p->modelArgs); c != kOk) return c;
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (!pos.empty()) return fail(kUsage, usage);
  char* end = nullptr;
  p->every = static_cast<int>(std::strtol(every.c_str(), &end, 10));
  if (*end || p->every < 1) return fail(kUsage, "--every must be a whole number >= 1");
  p->clips = static_cast<int>(std::strtol(clips.c_str(), &end, 10));
  if (*end || p->clips < 0) return fail(kUsage, "--clips must be a whole number >= 0");
  p->seed = std::strtoull(seed.c_str(), &end, 10);
  if (*end || seed.empty()) return fail(kUsage, "--seed must be a whole number");
  p->classic = method != "model";
  if (method == "classic") {
    p->files = listMotionFiles(p->data, p->clips, p->every);
  } else {
    std::string error;
    p->model = loadModel(p->modelArgs, &error);
    if (!p->model) return fail(kError, error);
    // The model is judged on clips it never trained on (and the classical
    // methods beside it on the same clips).
    const std::vector<std::string> all = listMotionFiles(p->data);
    for (size_t i = 0, held = 0; i < all.size(); ++i)
      if (heldOutFromTraining(static_cast<int>(i)) && held++ % p->every == 0) p->files.push_back(all[i]);
    if (p->clips > 0 && static_cast<int>(p->files.size()) > p->clips) p->files.resize(p->clips);
  }
  if (p->files.empty()) return fail(kError, p->data + ": no motion files found");
  std::printf("eval %s: %zu %sclips from %s (--every %d, --clips %d), seed %llu, method %s\n", what.c_str(),
              p->files.size(), p->model ? "held-out " : "", p->data.c_str(), p->every, p->clips,
              static_cast<unsigned long long>(p->seed), method.c_str());
  if (p->model)
    std::printf("model: %s, %d sampling steps, guidance %.1f, strength %.2f%s, correction %.2f faded over %s frames, device %s\n",
                p->modelArgs.weights.c_str(), p->modelArgs.steps, p->modelArgs.guidance, p->modelArgs.strength,
                p->modelArgs.fromClassic ? " from the classical answer" : "", p->modelArgs.correction,
                p->modelArgs.fadeFrames < 0 ? "the task's" : std::to_string(p->modelArgs.fadeFrames).c_str(),
                p->modelArgs.device.c_str());
  return kOk;
}

std::optional<Clip> loadClean(const std::string& file) {
  LoadResult in = loadMotion(file);
  if (!in.ok()) {
    fail(kError, in.error.toString());
    return std::nullopt;
  }
  in.clip->makeSignContinuous();
  return std::move(in.clip);
}

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// One measured cell of the auto table: the model where it scored lower by
// the margin (tasks::kAutoModelMargin).
tasks::AutoRule autoRule(const std::string& task, const std::string& kind, int frames, double model, double classic,
                         const std::string& metric) {
  tasks::AutoRule r;
  r.task = task;
  r.kind = kind;
  r.frames = frames;
  r.modelScore = model;
  r.classicScore = classic;
  r.metric = metric;
  r.model = model < tasks::kAutoModelMargin * classic;
  return r;
}

// --write-auto-table: this task's rows replace the file's (rows of other
// tasks stay when the file measured the same weights). kOk or the exit code.
int writeAutoRules(const EvalParams& p, const std::string& task, const std::vector<tasks::AutoRule>& rules) {
  if (p.autoTable.empty()) return kOk;
  const std::string weights = p.modelArgs.weights.substr(p.modelArgs.weights.find_last_of('/') + 1);
  const long long steps = tasks::trainedSteps(*p.model);
  tasks::AutoTable table;
  std::string error;
  if (tasks::AutoTable::load(p.autoTable, &table, &error) && (table.weights != weights || table.trainedSteps != steps))
    table = tasks::AutoTable();
  table.weights = weights;
  table.trainedSteps = steps;
  table.replaceTask(task, rules);
  if (!table.save(p.autoTable, &error)) return fail(kError, error);
  int model = 0;
  for (const tasks::AutoRule& r : rules) model += r.model;
  std::printf("\nauto table %s: %zu %s rows (model in %d), weights %s (%lld steps)\n", p.autoTable.c_str(),
              rules.size(), task.c_str(), model, weights.c_str(), steps);
  for (const tasks::AutoRule& r : rules)
    std::printf("  %-10s %-10s %3d frames -> %-7s (%s: model %.3f, classic %.3f)\n", r.task.c_str(), r.kind.c_str(),
                r.frames, r.model ? "model" : "classic", r.metric.c_str(), r.modelScore, r.classicScore);
  return kOk;
}

// ---------------------------------------------------------------- clean

struct CleanRow {
  long long artifacts = 0;
  long long frames = 0;             // injected frames
  long long flaggedBefore = 0;      // of those, flagged as the injected type before cleaning
  long long flaggedAfter = 0;       // ... after cleaning
  long long flaggedAfterAny = 0;    // ... as any type after cleaning
  MeanError before, after;          // MPJPE (mm) to the original on the injected frames
  // Injected frames flagged before and after cleaning, by flagged type.
  std::array<long long, kArtifactTypeCount> beforeByType{}, afterByType{};
};

bool flaggedAs(const QualityReport& r, ArtifactType t, int f) {
  for (BodyPart p : kAllBodyParts)
    if (r.score(t, f, p) >= 0.5f) return true;
  return false;
}

// Mean squared third difference (mm^2 per frame^3) of every joint's global
// position over frames [start, end), read from frame start - 3 on.
void addJitterEnergy(const GlobalPoses& g, int start, int end, double toMm, MeanError& out) {
  for (int j = 0; j < g.joints; ++j)
    for (int f = std::max(3, start); f < end; ++f) {
      const Eigen::Vector3d d3 = g.position(f, j) - 3 * g.position(f - 1, j) + 3 * g.position(f - 2, j) - g.position(f - 3, j);
      out.add(d3.squaredNorm() * toMm * toMm);
    }
}

// What one cleaning method did over all corrupted copies.
struct CleanStats {
  std::map<std::string, CleanRow> rows;
  MeanError untouchedAfter;
  long long untouchedFrames = 0, untouchedChanged = 0;
  MeanError jitterOriginal, jitterCorrupted, jitterCleaned;
  long long spans = 0, repairedSpans = 0;
  double repairSeconds = 0;
};

void printCleanStats(const char* method, const CleanStats& st, bool verbose) {
  std::printf("%s\n%-12s %9s %8s %9s %9s %9s %9s | %12s %12s\n", method, "injected", "artifacts", "frames", "flagged",
              "still", "removed", "any type", "MPJPE before", "MPJPE after");
  std::printf("%-12s %9s %8s %9s %9s %9s %9s | %12s %12s\n", "", "", "", "before", "flagged", "", "after", "(mm)", "(mm)");
  long long targetFrames = 0, targetAfter = 0;
  for (const char* name : {"pop", "root_pop", "frozen", "jitter", "flip", "missing", "foot_skate"}) {
    auto it = st.rows.find(name);
    if (it == st.rows.end()) continue;
    const CleanRow& r = it->second;
    std::printf("%-12s %9lld %8lld %8.1f%% %8.1f%% %8.1f%% %8.1f%% | %12.1f %12.1f\n", name, r.artifacts, r.frames,
                100.0 * r.flaggedBefore / std::max(1LL, r.frames), 100.0 * r.flaggedAfter / std::max(1LL, r.frames),
                100.0 - 100.0 * r.flaggedAfter / std::max(1LL, r.frames),
                100.0 * r.flaggedAfterAny / std::max(1LL, r.frames), r.before.mean(), r.after.mean());
    if (verbose)
      for (int k = 0; k < 2; ++k) {
        const auto& counts = k == 0 ? r.beforeByType : r.afterByType;
        std::printf("%-12s flagged %s cleaning as:", "", k == 0 ? "before" : "after");
        for (int t = 0; t < kArtifactTypeCount; ++t)
          if (counts[t]) std::printf(" %s %lld", artifactTypeName(static_cast<ArtifactType>(t)), counts[t]);
        std::printf("\n");
      }
    if (std::string(name) == "pop" || std::string(name) == "root_pop" || std::string(name) == "frozen") {
      targetFrames += r.frames;
      targetAfter += r.flaggedAfter;
    }
  }
  std::printf("\npops and frozen frames still flagged after cleaning: %lld of %lld (%.1f%% removed; target >= 95%%)\n",
              targetAfter, targetFrames, 100.0 - 100.0 * targetAfter / std::max(1LL, targetFrames));
  std::printf("untouched frames: %lld, changed by the repair %lld (%.2f%%), MPJPE to the original %.3f mm "
              "(target < 1 mm)\n",
              st.untouchedFrames, st.untouchedChanged, 100.0 * st.untouchedChanged / std::max(1LL, st.untouchedFrames),
              st.untouchedAfter.mean());
  if (st.jitterCorrupted.count)
    std::printf("jitter spans: third-difference energy %.3f mm^2 corrupted -> %.3f cleaned (original %.3f): "
                "%.1f%% of the energy and %.1f%% of the added energy removed\n",
                st.jitterCorrupted.mean(), st.jitterCleaned.mean(), st.jitterOriginal.mean(),
                100.0 * (1.0 - st.jitterCleaned.mean() / std::max(1e-12, st.jitterCorrupted.mean())),
                100.0 * (1.0 - (st.jitterCleaned.mean() - st.jitterOriginal.mean()) /
                                   std::max(1e-12, st.jitterCorrupted.mean() - st.jitterOriginal.mean())));
  std::printf("spans found %lld, repaired %lld; repair %.2f s in total\n\n", st.spans, st.repairedSpans,
              st.repairSeconds);
}

int evalClean(Args& args) {
  const bool verbose = args.takeFlag("--verbose");
  EvalParams p;
  if (const int c = takeEvalParams("clean", args, &p); c != kOk) return c;
  // Each clip is corrupted three times, with one group of artifact types each.
  struct Group {
    const char* name;
    CorruptionConfig config;
  };
  std::vector<Group> groups(3);
  groups[0].name = "pops and frozen";
  groups[0].config.set(ArtifactType::Pop, 3).set(ArtifactType::Frozen, 1);
  groups[1].name = "jitter";
  groups[1].config.set(ArtifactType::Jitter, 1);
  groups[2].name = "swaps, missing, skating";
  groups[2].config.set(ArtifactType::Flip, 1).set(ArtifactType::Missing, 1).set(ArtifactType::FootSkate, 1);
  std::printf("corruption: per clip, 3 pops + 1 frozen span; 1 jitter span; 1 limb swap + 1 missing span + 1 foot skate "
              "(lab defaults); repaired with repairAll (classic defaults)%s\n\n",
              p.model ? " and/or the model (the analysis' spans regenerated)" : "");

  // [0]: classic, [1]: model.
  CleanStats stats[2];
  const bool run[2] = {p.runs(false), p.runs(true)};
  double analyzeSeconds = 0;
  QualityAnalyzer analyzer;
  for (size_t i = 0; i < p.files.size(); ++i) {
    std::optional<Clip> clean = loadClean(p.files[i]);
    if (!clean) return kError;
    const BodyPartMap parts = BodyPartMap::detect(clean->skeleton());
    const GlobalPoses original = computeGlobalPoses(*clean);
    const double toMm = 1000.0 / clean->unitsPerMeter();
    for (size_t g = 0; g < groups.size(); ++g) {
      const CorruptionResult c = corruptClip(*clean, groups[g].config, p.seed * 1000003ULL + i * 31 + g);
      if (!c.error.empty() || c.artifacts.empty()) continue;
      const auto t0 = Clock::now();
      const QualityReport before = analyzer.analyze(c.clip, parts, QualityPreset());
      analyzeSeconds += seconds(t0, Clock::now());
      const GlobalPoses corrupted = computeGlobalPoses(c.clip);
      for (int m = 0; m < 2; ++m) {
        if (!run[m]) continue;
        CleanStats& st = stats[m];
        Clip cleaned = c.clip;
        const auto t1 = Clock::now();
        std::vector<RepairResult> results;
        if (m == 0) {
          RepairOptions options;
          options.parts = &parts;
          results = repairAll(cleaned, before, options);
        } else {
          std::string error;
          if (!modelClean(*p.model, p.modelArgs, before, &cleaned, &results, &error))
            return fail(kError, p.files[i] + ": " + error);
        }
        st.repairSeconds += seconds(t1, Clock::now());
        st.spans += static_cast<long long>(results.size());
        for (const RepairResult& r : results) st.repairedSpans += r.changed();
        const QualityReport after = analyzer.analyze(cleaned, parts, QualityPreset());
        const GlobalPoses repaired = computeGlobalPoses(cleaned);
        for (const InjectedArtifact& a : c.artifacts) {
          const bool rootPop = a.type == ArtifactType::Pop && a.joint == 0 && a.partMask == kAllPartsMask;
          CleanRow& row = st.rows[rootPop ? "root_pop" : artifactTypeName(a.type)];
          ++row.artifacts;
          for (int f = a.start; f < a.end; ++f) {
            ++row.frames;
            row.flaggedBefore += flaggedAs(before, a.type, f);
            row.flaggedAfter += flaggedAs(after, a.type, f);
            row.flaggedAfterAny += after.frameQuality(f) < 0.5f;
            for (int t = 0; t < kArtifactTypeCount; ++t) {
              row.beforeByType[t] += flaggedAs(before, static_cast<ArtifactType>(t), f);
              row.afterByType[t] += flaggedAs(after, static_cast<ArtifactType>(t), f);
            }
          }
          addJointPositionErrors(corrupted, original, a.start, a.end, toMm, row.before);
          addJointPositionErrors(repaired, original, a.start, a.end, toMm, row.after);
          if (a.type == ArtifactType::Jitter) {
            addJitterEnergy(original, a.start, a.end, toMm, st.jitterOriginal);
            addJitterEnergy(corrupted, a.start, a.end, toMm, st.jitterCorrupted);
            addJitterEnergy(repaired, a.start, a.end, toMm, st.jitterCleaned);
          }
        }
        for (int f = 0; f < cleaned.frameCount(); ++f) {
          if (c.labels.any(f)) continue;
          ++st.untouchedFrames;
          MeanError e;
          addJointPositionErrors(repaired, corrupted, f, f + 1, toMm, e);
          st.untouchedChanged += e.sum > 0;
          addJointPositionErrors(repaired, original, f, f + 1, toMm, st.untouchedAfter);
        }
      }
    }
  }
  if (run[0]) printCleanStats("classic (repairAll)", stats[0], verbose);
  if (run[1]) printCleanStats("model (the analysis' spans regenerated, each a frame wider)", stats[1], verbose);
  std::printf("analysis %.2f s in total\n", analyzeSeconds);
  if (run[0] && run[1]) {
    // Per artifact type: the model where its MPJPE after cleaning is lower
    // and it leaves no more of the injected frames flagged.
    std::vector<tasks::AutoRule> rules;
    for (const auto& [name, model] : stats[1].rows) {
      auto c = stats[0].rows.find(name);
      if (name == "root_pop" || c == stats[0].rows.end() || !model.frames) continue;
      tasks::AutoRule r = autoRule("clean", name, 0, model.after.mean(), c->second.after.mean(), "MPJPE mm");
      r.model = r.model && model.flaggedAfter <= c->second.flaggedAfter;
      rules.push_back(r);
    }
    if (const int code = writeAutoRules(p, "clean", rules); code != kOk) return code;
  }
  return kOk;
}

// ---------------------------------------------------------------- inbetween

constexpr int kContext = 10;
constexpr int kGaps[] = {5, 15, 30};
constexpr int kWindow = kContext + 30 + kContext;  // the same windows serve every gap length
constexpr int kStride = 40;

// The LAFAN1 benchmark's normalisation of a window: horizontal root position
// centred on its mean over the window, and the body turned about the up axis
// so that it faces one way on the last context frame.
struct WindowFrame {
  Eigen::Quaterniond yaw = Eigen::Quaterniond::Identity();
  Eigen::Vector3d centre = Eigen::Vector3d::Zero();
};

struct ClipGeometry {
  Eigen::Vector3d up = Eigen::Vector3d::UnitY();
  Eigen::Vector3d forwardAxis = Eigen::Vector3d::UnitX();  // a horizontal axis
  int pelvis = 0;                  // the joint that carries the body (not a static top node like Bandai's joint_Root)
  int leftHip = -1, rightHip = -1;  // upper legs
};

ClipGeometry clipGeometry(const Clip& clip, const BodyPartMap& parts) {
  ClipGeometry g;
  g.up = detectUpAxis(clip, parts);
  for (int a = 0; a < 3; ++a)
    if (std::abs(g.up[a]) > 0.5) g.forwardAxis = Eigen::Vector3d::Unit((a + 1) % 3);
  const CanonicalRig rig = CanonicalRig::map(clip.skeleton());
  g.pelvis = std::max(0, rig.sourceJoint(CanonicalJoint::Pelvis));
  g.leftHip = rig.sourceJoint(CanonicalJoint::LeftUpperLeg);
  g.rightHip = rig.sourceJoint(CanonicalJoint::RightUpperLeg);
  if (g.leftHip < 0 || g.rightHip < 0) g.leftHip = g.rightHip = -1;
  return g;
}

WindowFrame windowFrame(const GlobalPoses& gp, int start, const ClipGeometry& g) {
  WindowFrame w;
  Eigen::Vector3d mean = Eigen::Vector3d::Zero();
  for (int f = start; f < start + kWindow; ++f) mean += gp.position(f, g.pelvis);
  mean /= kWindow;
  w.centre = mean - g.up * g.up.dot(mean);
  if (g.leftHip < 0) return w;
  const int key = start + kContext - 1;
  Eigen::Vector3d across = gp.position(key, g.leftHip) - gp.position(key, g.rightHip);
  across -= g.up * g.up.dot(across);
  if (across.norm() < 1e-9) return w;
  across.normalize();
  const double angle = std::atan2(g.up.dot(across.cross(g.forwardAxis)), across.dot(g.forwardAxis));
  w.yaw = Eigen::Quaterniond(Eigen::AngleAxisd(angle, g.up));
  return w;
}

// Rows of global positions (x, y, z per joint) of frames [begin, end) of gp.
Eigen::MatrixXd positionRows(const GlobalPoses& gp, int begin, int end, const WindowFrame& w) {
  Eigen::MatrixXd m(end - begin, 3 * gp.joints);
  for (int f = begin; f < end; ++f)
    for (int j = 0; j < gp.joints; ++j) m.row(f - begin).segment<3>(3 * j) = (w.yaw * (gp.position(f, j) - w.centre)).transpose();
  return m;
}

// Rows of global quaternions (w, x, y, z per joint), each joint made
// sign-continuous over the rows.
Eigen::MatrixXd quaternionRows(const GlobalPoses& gp, int begin, int end, const WindowFrame& w) {
  Eigen::MatrixXd m(end - begin, 4 * gp.joints);
  for (int j = 0; j < gp.joints; ++j) {
    Eigen::Quaterniond prev = Eigen::Quaterniond::Identity();
    for (int f = begin; f < end; ++f) {
      Eigen::Quaterniond q = w.yaw * gp.rotation(f, j);
      if (f > begin) q = alignSign(q, prev);
      prev = q;
      m.row(f - begin).segment<4>(4 * j) << q.w(), q.x(), q.y(), q.z();
    }
  }
  return m;
}

// Each predicted quaternion in the hemisphere of the true one.
void alignQuaternionRows(Eigen::MatrixXd& predicted, const Eigen::MatrixXd& truth) {
  for (Eigen::Index f = 0; f < truth.rows(); ++f)
    for (Eigen::Index c = 0; c + 3 < truth.cols(); c += 4)
      if (truth.row(f).segment<4>(c).dot(predicted.row(f).segment<4>(c)) < 0) predicted.row(f).segment<4>(c) *= -1.0;
}

// The gap as it looks after an occlusion or a deletion: every frame of
// [start, end) a copy of frame start - 1, so no method can read what it is
// scored on (the true frames stay only in the scoring).
void hideFrames(Clip& clip, int start, int end) {
  for (int f = start; f < end; ++f)
    for (int j = 0; j < clip.jointCount(); ++j) {
      clip.rotation(f, j) = clip.rotation(start - 1, j);
      if (clip.hasTrack(j)) clip.translation(f, j) = clip.translation(start - 1, j);
      clip.setValid(f, j, clip.isValid(start - 1, j));
    }
}

struct InbetweenScores {
  MeanError l2p, l2q;
  NpssAccumulator npss;
};

int evalInbetween(Args& args) {
  EvalParams p;
  if (const int c = takeEvalParams("inbetween", args, &p); c != kOk) return c;
  std::printf("LAFAN1 protocol: windows of %d frames every %d frames; %d context frames, gaps of 5/15/30 frames, the "
              "target frame after the gap;\nL2P on global positions normalised by the windows' mean and std (root centred "
              "per window, facing unified on the last context frame), L2Q and NPSS on global quaternions\n\n",
              kWindow, kStride, kContext);
  // Pass 1: the normalisation over every window of the evaluated clips.
  FeatureMoments moments;
  long long windows = 0;
  for (const std::string& file : p.files) {
    std::optional<Clip> clip = loadClean(file);
    if (!clip) return kError;
    const BodyPartMap parts = BodyPartMap::detect(clip->skeleton());
    const ClipGeometry geo = clipGeometry(*clip, parts);
    const GlobalPoses gp = computeGlobalPoses(*clip);
    for (int s = 0; s + kWindow <= clip->frameCount(); s += kStride) {
      moments.add(positionRows(gp, s, s + kWindow, windowFrame(gp, s, geo)));
      ++windows;
    }
  }
  if (!windows) return fail(kError, p.data + ": no clip is long enough for a " + std::to_string(kWindow) + "-frame window");
  const Eigen::RowVectorXd mean = moments.mean(), stddev = moments.stddev();
  // Pass 2: scores per protocol (0: LAFAN1, one target frame; 1: context
  // both sides), method and gap.
  struct Method {
    const char* name;
    InbetweenMethod method;
    double horizon;
  };
  // The last row is the learned model (with --method model or both).
  const Method methods[] = {{"slerp_lerp", InbetweenMethod::SlerpLerp, 0.0},
                            {"hermite", InbetweenMethod::Hermite, 0.0},
                            {"hermite_h0.5", InbetweenMethod::Hermite, kVelocityHorizon},
                            {"model", InbetweenMethod::Hermite, 0.0}};
  constexpr int kMethods = 4, kModel = 3;
  InbetweenScores scores[2][kMethods][3];
  for (const std::string& file : p.files) {
    std::optional<Clip> clip = loadClean(file);
    if (!clip) return kError;
    const BodyPartMap parts = BodyPartMap::detect(clip->skeleton());
    const ClipGeometry geo = clipGeometry(*clip, parts);
    const GlobalPoses gp = computeGlobalPoses(*clip);
    for (int s = 0; s + kWindow <= clip->frameCount(); s += kStride) {
      const WindowFrame wf = windowFrame(gp, s, geo);
      for (int gi = 0; gi < 3; ++gi) {
        const int T = kGaps[gi];
        const int a = s + kContext, b = a + T;
        const Eigen::MatrixXd truthPos = positionRows(gp, a, b, wf), truthQuat = quaternionRows(gp, a, b, wf);
        for (int protocol = 0; protocol < 2; ++protocol)
          for (int mi = 0; mi < kMethods; ++mi) {
            if (!p.runs(mi == kModel)) continue;
            Clip sub = clip->subClip(s, protocol == 0 ? b + 1 : b + kContext);
            hideFrames(sub, kContext, kContext + T);
            if (mi == kModel) {
              std::string error;
              if (!modelInbetween(*p.model, p.modelArgs, kContext, kContext + T, &sub, &error))
                return fail(kError, file + ": " + error);
            } else {
              InbetweenOptions o;
              o.method = methods[mi].method;
              o.velocityHorizonSeconds = methods[mi].horizon;
              if (!inbetween(sub, FrameRange{kContext, kContext + T}, o).ok()) continue;
            }
            GlobalPoses pred;
            ForwardKinematicsJob{&sub, kContext, kContext + T, &pred}.run();
            const Eigen::MatrixXd predPos = positionRows(pred, 0, T, wf);
            Eigen::MatrixXd predQuat = quaternionRows(pred, 0, T, wf);
            alignQuaternionRows(predQuat, truthQuat);
            InbetweenScores& sc = scores[protocol][mi][gi];
            sc.l2p.add(l2pLoss(truthPos, predPos, mean, stddev));
            sc.l2q.add(l2qLoss(truthQuat, predQuat));
            sc.npss.add(truthQuat, predQuat);
          }
      }
    }
  }
  std::printf("%lld windows\n", windows);
  const char* titles[] = {"LAFAN1 protocol: 10 context frames before, 1 target frame after",
                          "two-sided context: 10 frames before and 10 after the gap"};
  for (int protocol = 0; protocol < 2; ++protocol) {
    std::printf("\n%s\n%-12s %7s %7s %7s | %7s %7s %7s | %7s %7s %7s\n", titles[protocol], "method", "L2P@5", "L2P@15",
                "L2P@30", "L2Q@5", "L2Q@15", "L2Q@30", "NPSS@5", "NPSS@15", "NPSS@30");
    for (int mi = 0; mi < kMethods; ++mi) {
      if (!p.runs(mi == kModel)) continue;
      std::printf("%-12s", methods[mi].name);
      for (int gi = 0; gi < 3; ++gi) std::printf(" %7.3f", scores[protocol][mi][gi].l2p.mean());
      std::printf(" |");
      for (int gi = 0; gi < 3; ++gi) std::printf(" %7.3f", scores[protocol][mi][gi].l2q.mean());
      std::printf(" |");
      for (int gi = 0; gi < 3; ++gi) std::printf(" %7.4f", scores[protocol][mi][gi].npss.value());
      std::printf("\n");
    }
  }
  std::printf("\nhermite: end velocities fitted to 0.1 s of context (the straight path's where only the target frame is "
              "known);\nhermite_h0.5: the same with the velocities faded towards the straight path over gaps longer than "
              "0.5 s (the classic method)\n(LAFAN1 reference, interpolation: L2P 0.37 / 1.25 / 2.32 at 5 / 15 / 30 frames; "
              "other data, other normalisation)\n");
  if (p.runs(false) && p.runs(true)) {
    // The job's situation: context on both sides; against the classic method.
    std::vector<tasks::AutoRule> rules;
    for (int gi = 0; gi < 3; ++gi)
      rules.push_back(autoRule("inbetween", "all", kGaps[gi], scores[1][kModel][gi].l2p.mean(),
                               scores[1][2][gi].l2p.mean(), "L2P two-sided"));
    if (const int code = writeAutoRules(p, "inbetween", rules); code != kOk) return code;
  }
  return kOk;
}

// ---------------------------------------------------------------- complete

// The missing part as the fill receives it: its joints over [range) copies of
// the frame before, so no method can read the values it is scored on.
void hideJoints(Clip& clip, FrameRange range, const std::vector<int>& joints) {
  for (int f = range.start; f < range.end; ++f)
    for (int j : joints) {
      clip.rotation(f, j) = clip.rotation(range.start - 1, j);
      if (clip.hasTrack(j)) clip.translation(f, j) = clip.translation(range.start - 1, j);
    }
}

int evalComplete(Args& args) {
  EvalParams p;
  if (const int c = takeEvalParams("complete", args, &p); c != kOk) return c;
  constexpr int kLengths[] = {15, 30, 60};
  struct Method {
    const char* name;
    FillMethod method;
    double horizon;
  };
  // The last row is the learned model (with --method model or both).
  const Method methods[] = {{"linear", FillMethod::Linear, 0.0},
                            {"cubic", FillMethod::Cubic, 0.0},
                            {"cubic_h0.5", FillMethod::Cubic, kVelocityHorizon},
                            {"pattern", FillMethod::Pattern, kVelocityHorizon},
                            {"model", FillMethod::Cubic, 0.0}};
  constexpr int kMethods = 5, kModel = 4;
  std::printf("per clip, gap length and body part: that part missing over one seeded span (known frames on both "
              "sides); MPJPE (mm) of the filled joints' global positions over the gap\n\n");
  // [method][length][part]
  MeanError errors[kMethods][3][kBodyPartCount];
  long long gaps[3] = {};
  for (size_t i = 0; i < p.files.size(); ++i) {
    std::optional<Clip> clip = loadClean(p.files[i]);
    if (!clip) return kError;
    const BodyPartMap parts = BodyPartMap::detect(clip->skeleton());
    const std::vector<PatternDonor> donors = mirroredLimbDonors(clip->skeleton(), parts);
    const double toMm = 1000.0 / clip->unitsPerMeter();
    const int F = clip->frameCount();
    std::mt19937_64 rng(p.seed * 1000003ULL + i * 31);
    GlobalPoses truth;
    for (int li = 0; li < 3; ++li) {
      const int L = kLengths[li];
      if (F < L + 2) continue;
      for (BodyPart part : kAllBodyParts) {
        const std::vector<int> joints = parts.jointsOf(part);
        if (joints.empty()) continue;
        const int start = portable::uniformInt(rng, 1, F - L - 1);
        FillMask mask(F, clip->jointCount());
        mask.mark(FrameRange{start, start + L}, joints);
        ForwardKinematicsJob{&*clip, start, start + L, &truth}.run();
        ++gaps[li];
        for (int mi = 0; mi < kMethods; ++mi) {
          if (!p.runs(mi == kModel)) continue;
          Clip filled = *clip;
          hideJoints(filled, FrameRange{start, start + L}, joints);
          if (mi == kModel) {
            std::string error;
            int tokens = 0;
            if (!modelComplete(*p.model, p.modelArgs, mask, parts, &filled, &tokens, &error))
              return fail(kError, p.files[i] + ": " + error);
          } else {
            GapFillOptions o;
            o.method = methods[mi].method;
            o.velocityHorizonSeconds = methods[mi].horizon;
            if (o.method == FillMethod::Pattern) {
              o.donors = donors;
              if (donors.empty()) o.method = FillMethod::Cubic;
            }
            if (!fillGaps(filled, mask, o).ok()) continue;
          }
          GlobalPoses pred;
          ForwardKinematicsJob{&filled, start, start + L, &pred}.run();
          addJointPositionErrors(pred, truth, 0, L, toMm, errors[mi][li][bodyPartIndex(part)], &joints);
        }
      }
    }
  }
  std::printf("gaps: %lld of 15 frames, %lld of 30, %lld of 60 (one per part and clip long enough)\n\n", gaps[0], gaps[1],
              gaps[2]);
  std::printf("cubic: Hermite with end velocities fitted to 0.1 s of context; cubic_h0.5: velocities faded towards the "
              "straight path over gaps longer than 0.5 s (the classic method);\npattern: the mirrored limb's motion "
              "(mirroredLimbDonors), cubic_h0.5 where there is no donor\n\n");
  std::printf("%-10s %-10s %9s %9s %9s\n", "method", "part", "15 frames", "30 frames", "60 frames");
  for (int mi = 0; mi < kMethods; ++mi) {
    if (!p.runs(mi == kModel)) continue;
    std::printf("%-10s %-10s", methods[mi].name, "all");
    for (int li = 0; li < 3; ++li) {
      MeanError all;
      for (int q = 0; q < kBodyPartCount; ++q) all.add(errors[mi][li][q]);
      std::printf(" %9.1f", all.mean());
    }
    std::printf("\n");
  }
  std::printf("\n");
  for (BodyPart part : kAllBodyParts)
    for (int mi = 0; mi < kMethods; ++mi) {
      if (!p.runs(mi == kModel)) continue;
      std::printf("%-10s %-10s", methods[mi].name, bodyPartName(part));
      for (int li = 0; li < 3; ++li) std::printf(" %9.1f", errors[mi][li][bodyPartIndex(part)].mean());
      std::printf("\n");
    }
  if (p.runs(false) && p.runs(true)) {
    // Per part and length: the model against the classic method (cubic_h0.5).
    std::vector<tasks::AutoRule> rules;
    for (BodyPart part : kAllBodyParts)
      for (int li = 0; li < 3; ++li) {
        const MeanError& m = errors[kModel][li][bodyPartIndex(part)];
        const MeanError& c = errors[2][li][bodyPartIndex(part)];
        if (m.count && c.count) rules.push_back(autoRule("complete", bodyPartName(part), kLengths[li], m.mean(), c.mean(), "MPJPE mm"));
      }
    if (const int code = writeAutoRules(p, "complete", rules); code != kOk) return code;
  }
  return kOk;
}

}  // namespace

int runEvalRepair(const std::string& what, Args& args) {
  if (what == "clean") return evalClean(args);
  if (what == "inbetween") return evalInbetween(args);
  if (what == "complete") return evalComplete(args);
  return fail(kUsage, "usage: eval clean|complete|inbetween --data DIR [--every N] [--clips N] [--seed S] "
                      "[--method classic|model|both]");
}

}  // namespace mm::eval
