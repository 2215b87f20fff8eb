#include "io/qualityio.h"

#include "io/atomicfile.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace mm {
namespace {

// One table for reading and writing presets, so the two cannot drift apart.
struct PresetField {
  const char* key;
  double QualityPreset::*member;
};
constexpr PresetField kPresetFields[] = {
    {"pop_min_degrees", &QualityPreset::popMinDegrees},
    {"pop_min_meters", &QualityPreset::popMinMeters},
    {"pop_relative", &QualityPreset::popRelative},
    {"pop_return_fraction", &QualityPreset::popReturnFraction},
    {"pop_max_seconds", &QualityPreset::popMaxSeconds},
    {"frozen_degrees_per_second", &QualityPreset::frozenDegreesPerSecond},
    {"frozen_min_seconds", &QualityPreset::frozenMinSeconds},
    {"frozen_context_seconds", &QualityPreset::frozenContextSeconds},
    {"moving_degrees_per_second", &QualityPreset::movingDegreesPerSecond},
    {"jitter_window_seconds", &QualityPreset::jitterWindowSeconds},
    {"jitter_min_degrees", &QualityPreset::jitterMinDegrees},
    {"jitter_whiteness", &QualityPreset::jitterWhiteness},
    {"jitter_edge_fraction", &QualityPreset::jitterEdgeFraction},
    {"contact_meters", &QualityPreset::contactMeters},
    {"contact_vertical_meters_per_second", &QualityPreset::contactVerticalMetersPerSecond},
    {"swing_meters_per_second", &QualityPreset::swingMetersPerSecond},
    {"skate_meters_per_second", &QualityPreset::skateMetersPerSecond},
    {"skate_drift_meters", &QualityPreset::skateDriftMeters},
    {"skate_min_seconds", &QualityPreset::skateMinSeconds},
    {"skate_gap_seconds", &QualityPreset::skateGapSeconds},
    {"penetration_meters", &QualityPreset::penetrationMeters},
    {"float_meters", &QualityPreset::floatMeters},
    {"float_min_seconds", &QualityPreset::floatMinSeconds},
    {"float_max_air_seconds", &QualityPreset::floatMaxAirSeconds},
    {"float_gravity_tolerance", &QualityPreset::floatGravityTolerance},
    {"stretch_relative", &QualityPreset::stretchRelative},
    {"stretch_meters", &QualityPreset::stretchMeters},
    {"hyperextension_degrees", &QualityPreset::hyperextensionDegrees},
    {"smooth_window_seconds", &QualityPreset::smoothWindowSeconds},
    {"smooth_relative", &QualityPreset::smoothRelative},
    {"smooth_joint_share", &QualityPreset::smoothJointShare},
    {"smooth_moving_degrees_per_second", &QualityPreset::smoothMovingDegreesPerSecond},
    {"flip_min_degrees", &QualityPreset::flipMinDegrees},
    {"flip_max_seconds", &QualityPreset::flipMaxSeconds},
    {"merge_gap_seconds", &QualityPreset::mergeGapSeconds},
    {"no_floor_confidence", &QualityPreset::noFloorConfidence},
};
// The one flag of a preset: false declares a take with no reliable floor.
constexpr const char* kReliableFloorKey = "reliable_floor";

double round4(double v) { return std::round(v * 1e4) / 1e4; }

}  // namespace

std::string qualityReportJson(const QualityReport& report, const std::string& file, double fps,
                              const ModelIndicators* model) {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["frames"] = report.frameCount();
  j["fps"] = fps;
  nlohmann::json parts = nlohmann::json::array();
  for (BodyPart p : kAllBodyParts) parts.push_back(bodyPartName(p));
  j["parts"] = parts;
  nlohmann::json fq = nlohmann::json::array(), pq = nlohmann::json::array();
  for (int f = 0; f < report.frameCount(); ++f) {
    fq.push_back(round4(report.frameQuality(f)));
    nlohmann::json row = nlohmann::json::array();
    for (BodyPart p : kAllBodyParts) row.push_back(round4(report.partQuality(f, p)));
    pq.push_back(std::move(row));
  }
  j["frame_quality"] = std::move(fq);
  j["part_quality"] = std::move(pq);
  if (model) {
    nlohmann::ordered_json m;
    m["weights"] = model->weights;
    m["trained_steps"] = model->trainedSteps;
    m["steps"] = model->steps;
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i + kBodyPartCount <= model->badProbability.size(); i += kBodyPartCount) {
      nlohmann::json row = nlohmann::json::array();
      for (int k = 0; k < kBodyPartCount; ++k) row.push_back(round4(model->badProbability[i + k]));
      rows.push_back(std::move(row));
    }
    m["bad_probability"] = std::move(rows);
    j["model"] = std::move(m);
  }
  // Artifacts and the low-confidence hints (QualityReport::hints) share one form.
  auto spanJson = [](const ArtifactSpan& a) {
    nlohmann::ordered_json o;
    o["type"] = artifactTypeName(a.type);
    o["start"] = a.start;
    o["end"] = a.end;
    nlohmann::json ps = nlohmann::json::array();
    for (BodyPart p : kAllBodyParts)
      if (a.hasPart(p)) ps.push_back(bodyPartName(p));
    o["parts"] = ps;
    o["severity"] = round4(a.severity);
    o["confidence"] = round4(a.confidence);
    o["kind"] = artifactKindName(a.kind());
    return o;
  };
  nlohmann::ordered_json arts = nlohmann::ordered_json::array();
  for (const ArtifactSpan& a : report.artifacts()) arts.push_back(spanJson(a));
  j["artifacts"] = std::move(arts);
  nlohmann::ordered_json hints = nlohmann::ordered_json::array();
  for (const ArtifactSpan& a : report.hints()) hints.push_back(spanJson(a));
  if (!hints.empty()) j["hints"] = std::move(hints);
  return j.dump() + "\n";
}

std::string qualityReportCsv(const QualityReport& report) {
  std::string out = "frame,quality";
  for (BodyPart p : kAllBodyParts) out += std::string(",") + bodyPartName(p);
  for (int t = 0; t < kArtifactTypeCount; ++t) out += std::string(",") + artifactTypeName(static_cast<ArtifactType>(t));
  out += '\n';
  char buf[32];
  for (int f = 0; f < report.frameCount(); ++f) {
    out += std::to_string(f);
    std::snprintf(buf, sizeof buf, ",%.4g", report.frameQuality(f));
    out += buf;
    for (BodyPart p : kAllBodyParts) {
      std::snprintf(buf, sizeof buf, ",%.4g", report.partQuality(f, p));
      out += buf;
    }
    for (int t = 0; t < kArtifactTypeCount; ++t) {
      float worst = 0;
      for (BodyPart p : kAllBodyParts) worst = std::max(worst, report.score(static_cast<ArtifactType>(t), f, p));
      std::snprintf(buf, sizeof buf, ",%.4g", worst);
      out += buf;
    }
    out += '\n';
  }
  return out;
}

SaveResult writeTextFile(const std::string& path, const std::string& text) {
  std::string error;
  if (!writeFileAtomically(path, text, &error)) return SaveResult::failure(path, error);
  return {};
}

bool readQualityPreset(const std::string& path, QualityPreset* preset, IoError* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = IoError{path, 0, "cannot open the preset"};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *error = IoError{path, 0, "not a JSON object"};
    return false;
  }
  QualityPreset p = *preset;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == kReliableFloorKey) {
      if (!it.value().is_boolean()) {
        *error = IoError{path, 0, std::string("'") + kReliableFloorKey + "' must be true or false"};
        return false;
      }
      p.reliableFloor = it.value().get<bool>();
      continue;
    }
    const PresetField* field = nullptr;
    for (const PresetField& f : kPresetFields)
      if (it.key() == f.key) field = &f;
    if (!field) {
      *error = IoError{path, 0, "unknown preset key '" + it.key() + "'"};
      return false;
    }
    if (!it.value().is_number() || !(it.value().get<double>() >= 0)) {
      *error = IoError{path, 0, "'" + it.key() + "' must be a non-negative number"};
      return false;
    }
    p.*(field->member) = it.value().get<double>();
  }
  *preset = p;
  return true;
}

std::string qualityPresetJson(const QualityPreset& preset) {
  nlohmann::ordered_json j;
  for (const PresetField& f : kPresetFields) j[f.key] = preset.*(f.member);
  j[kReliableFloorKey] = preset.reliableFloor;
  return j.dump(2) + "\n";
}

}  // namespace mm
