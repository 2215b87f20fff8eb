#pragma once
// Runs every detector on a clip and builds the QualityReport.

#include "motion/quality/qualitypreset.h"
#include "motion/quality/qualityreport.h"

namespace mm {

class Clip;
class BodyPartMap;

// Job: analysis of one clip. Reentrant; safe on any thread.
struct QualityAnalysisJob {
  const Clip* clip = nullptr;
  const BodyPartMap* parts = nullptr;  // must match the clip's skeleton
  QualityPreset preset;
  QualityReport* output = nullptr;

  bool validate() const;  // clip, parts and output set, parts sized for the skeleton
  bool run() const;
};

// Convenience: analysis with the parts detected from joint names.
QualityReport analyzeQuality(const Clip& clip, const QualityPreset& preset = {});

}  // namespace mm
