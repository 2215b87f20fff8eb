#pragma once
// The detectors. Each reads the shared context and raises scores in the
// report (0 = clean, >= 0.5 = flagged, up to 1) for the frames and parts it
// finds bad. Reentrant; no state between calls.

#include "motion/quality/analysiscontext.h"
#include "motion/quality/qualitypreset.h"
#include "motion/quality/qualityreport.h"

namespace mm {

void detectPops(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectFrozen(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectJitter(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectFlips(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectFootSkate(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectOverSmoothing(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectPenetration(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectFloating(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectStretch(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectHyperextension(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);
void detectMissing(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report);

}  // namespace mm
