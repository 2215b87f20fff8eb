#pragma once
// Quality reports and presets as files: the JSON schema of ARCHITECTURE.md
// ({"file","frames","fps","parts","frame_quality","part_quality","artifacts"})
// and a CSV with one row per frame.

#include "io/ioerror.h"
#include "motion/quality/qualitypreset.h"
#include "motion/quality/qualityreport.h"

#include <string>

namespace mm {

std::string qualityReportJson(const QualityReport& report, const std::string& file, double fps);
// frame,quality,torso,left_arm,right_arm,left_leg,right_leg,<one column per artifact type>
std::string qualityReportCsv(const QualityReport& report);
SaveResult writeTextFile(const std::string& path, const std::string& text);  // atomic

// Reads a preset: a JSON object whose keys are the QualityPreset member
// names in snake_case (e.g. "pop_min_degrees"); missing keys keep their
// defaults, unknown keys and non-numbers are errors naming the key.
bool readQualityPreset(const std::string& path, QualityPreset* preset, IoError* error);
std::string qualityPresetJson(const QualityPreset& preset);

}  // namespace mm
