#pragma once
// Runs every detector on a clip and builds the QualityReport.

#include "motion/quality/qualitypreset.h"
#include "motion/quality/qualityreport.h"

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

  bool validate() const;  // clip, parts and output set, parts sized for the skeleton
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

 private:
  AnalysisContext* mContext;
};

}  // namespace mm
