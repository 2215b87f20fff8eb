#pragma once
// Runs every detector on a clip and builds the QualityReport.

#include "motion/quality/qualitypreset.h"
#include "motion/quality/qualityreport.h"

#include <functional>

namespace mm {

class Clip;
class BodyPartMap;
struct AnalysisContext;

// Job: analysis of one clip. Reentrant; safe on any thread.
struct QualityAnalysisJob {
  const Clip* clip = nullptr;
  const BodyPartMap* parts = nullptr;  // must match the clip's skeleton
  QualityPreset preset;
  QualityReport* output = nullptr;
  // Optional buffers to reuse (one per thread); nullptr: the job allocates its own.
  AnalysisContext* workspace = nullptr;
  // Optional: receives the fraction done (0..1) every few milliseconds of
  // work; returning false stops the analysis within one pass step.
  std::function<bool(double)> progress = {};

  bool validate() const;  // clip, parts and output set, parts sized for the skeleton
  // False when the job is invalid or was stopped through `progress`
  // (*output is then left as it was).
  bool run() const;
};

// Convenience: analysis with the parts detected from joint names.
QualityReport analyzeQuality(const Clip& clip, const QualityPreset& preset = {});

// Analyses many clips one after the other, keeping its buffers between them
// (tens of MB for an hour-long take, allocated and faulted in once rather
// than per clip). One per thread; not thread-safe itself.
class QualityAnalyzer {
 public:
  QualityAnalyzer();
  ~QualityAnalyzer();
  QualityAnalyzer(const QualityAnalyzer&) = delete;
  QualityAnalyzer& operator=(const QualityAnalyzer&) = delete;

  // Parts detected from joint names.
  QualityReport analyze(const Clip& clip, const QualityPreset& preset = {});
  QualityReport analyze(const Clip& clip, const BodyPartMap& parts, const QualityPreset& preset);
  // With progress and cancellation (see QualityAnalysisJob::progress): false,
  // and *out unchanged, when stopped.
  bool analyze(const Clip& clip, const BodyPartMap& parts, const QualityPreset& preset, QualityReport* out,
               std::function<bool(double)> progress);

 private:
  AnalysisContext* mContext;
};

}  // namespace mm
