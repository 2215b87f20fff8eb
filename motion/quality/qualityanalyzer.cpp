#include "motion/quality/qualityanalyzer.h"

#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/quality/analysiscontext.h"
#include "motion/quality/detectors.h"

namespace mm {

bool QualityAnalysisJob::validate() const {
  return clip && parts && output && parts->jointCount() == clip->jointCount() && clip->fps() > 0;
}

bool QualityAnalysisJob::run() const {
  if (!validate()) return false;
  AnalysisContext local;
  AnalysisContext& ctx = workspace ? *workspace : local;
  ctx.rebuild(*clip, *parts);
  QualityReport report(clip->frameCount());
  detectMissing(ctx, preset, report);
  detectFrozen(ctx, preset, report);
  detectFlips(ctx, preset, report);
  detectPops(ctx, preset, report);  // after frozen, flips and missing: it defers to them at a take's edges
  detectJitter(ctx, preset, report);
  detectFootSkate(ctx, preset, report);
  detectOverSmoothing(ctx, preset, report);
  detectPenetration(ctx, preset, report);
  detectFloating(ctx, preset, report);
  detectStretch(ctx, preset, report);
  detectHyperextension(ctx, preset, report);
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

}  // namespace mm
