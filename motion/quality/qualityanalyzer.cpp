#include "motion/quality/qualityanalyzer.h"

#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/quality/analysiscontext.h"
#include "motion/quality/detectors.h"

namespace mm {

bool QualityAnalysisJob::validate() const {
  return clip && parts && output && parts->jointCount() == clip->jointCount() && clip->fps() > 0;
}

namespace {
using Pass = void (*)(const AnalysisContext&, const QualityPreset&, QualityReport&);
struct WeightedPass {
  Pass run;
  double weight;  // share of the run time on a one-hour 120 fps 60-joint take
};
// In order: pops after frozen, flips and missing (it defers to them at a take's edges).
constexpr WeightedPass kPasses[] = {
    {detectMissing, 1},  {detectFrozen, 2},      {detectFlips, 1},        {detectPops, 6},
    {detectJitter, 9},   {detectFootSkate, 2},   {detectOverSmoothing, 11}, {detectPenetration, 2},
    {detectFloating, 2}, {detectStretch, 1},     {detectHyperextension, 1},
};
constexpr double kRebuildWeight = 68;

// Points the context at this run's progress, and away from it afterwards.
struct ProgressScope {
  AnalysisContext& ctx;
  ProgressScope(AnalysisContext& c, AnalysisProgress* p) : ctx(c) { ctx.progress = p; }
  ~ProgressScope() { ctx.progress = nullptr; }
};
}  // namespace

bool QualityAnalysisJob::run() const {
  if (!validate()) return false;
  AnalysisContext local;
  AnalysisContext& ctx = workspace ? *workspace : local;
  AnalysisProgress tracker(progress);
  ProgressScope scope(ctx, progress ? &tracker : nullptr);
  double total = kRebuildWeight;
  for (const WeightedPass& p : kPasses) total += p.weight;
  double done = 0.0;
  tracker.beginPass(0.0, kRebuildWeight / total);
  ctx.rebuild(*clip, *parts);
  done += kRebuildWeight;
  QualityReport report(clip->frameCount());
  for (const WeightedPass& p : kPasses) {
    if (!tracker.at(1.0)) return false;
    tracker.beginPass(done / total, (done + p.weight) / total);
    p.run(ctx, preset, report);
    done += p.weight;
  }
  if (!tracker.at(1.0)) return false;
  report.buildSpans(std::max(0, static_cast<int>(preset.mergeGapSeconds * clip->fps())));
  *output = std::move(report);
  return true;
}

QualityReport analyzeQuality(const Clip& clip, const QualityPreset& preset) {
  const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
  QualityReport report;
  QualityAnalysisJob job{&clip, &parts, preset, &report};
  job.run();
  return report;
}

QualityAnalyzer::QualityAnalyzer() : mContext(new AnalysisContext) {}
QualityAnalyzer::~QualityAnalyzer() { delete mContext; }

QualityReport QualityAnalyzer::analyze(const Clip& clip, const QualityPreset& preset) {
  return analyze(clip, BodyPartMap::detect(clip.skeleton()), preset);
}

QualityReport QualityAnalyzer::analyze(const Clip& clip, const BodyPartMap& parts, const QualityPreset& preset) {
  QualityReport report;
  QualityAnalysisJob job{&clip, &parts, preset, &report, mContext};
  job.run();
  return report;
}

bool QualityAnalyzer::analyze(const Clip& clip, const BodyPartMap& parts, const QualityPreset& preset,
                              QualityReport* out, std::function<bool(double)> progress) {
  QualityAnalysisJob job{&clip, &parts, preset, out, mContext, std::move(progress)};
  return job.run();
}

}  // namespace mm
