#pragma once
// Quality reports and presets as files: the JSON schema of ARCHITECTURE.md
// ({"file","frames","fps","parts","frame_quality","part_quality","artifacts"},
// and "model" when given)
// and a CSV with one row per frame.

#include "io/ioerror.h"
#include "motion/quality/qualitypreset.h"
#include "motion/quality/qualityreport.h"

#include <string>
#include <vector>

namespace mm {

// The motion model's indicators, written beside the heuristic scores
// (`analyze --model`) as "model": {"weights","trained_steps","steps",
// "bad_probability"}; bad_probability has one row per frame, one value per
// part in "parts" order, like "part_quality" (but 1 = bad).
struct ModelIndicators {
  std::string weights;
  long long trainedSteps = 0;
  int steps = 0;                      // sampling steps of the detection
  std::vector<float> badProbability;  // frames x kBodyPartCount, 0..1
};

std::string qualityReportJson(const QualityReport& report, const std::string& file, double fps,
                              const ModelIndicators* model = nullptr);
// frame,quality,torso,left_arm,right_arm,left_leg,right_leg,<one column per artifact type>
std::string qualityReportCsv(const QualityReport& report);
SaveResult writeTextFile(const std::string& path, const std::string& text);  // atomic

// Reads a preset: a JSON object whose keys are the QualityPreset member
// names in snake_case (e.g. "pop_min_degrees"); missing keys keep their
// defaults, unknown keys and non-numbers are errors naming the key.
bool readQualityPreset(const std::string& path, QualityPreset* preset, IoError* error);
std::string qualityPresetJson(const QualityPreset& preset);

}  // namespace mm
