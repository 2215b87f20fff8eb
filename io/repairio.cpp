#include "io/repairio.h"

#include "motion/bodyparts.h"
#include "motion/clip.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace mm {
namespace {

// 1-based line of byte offset `byte` (nlohmann counts from 1, one past the
// offending character).
int lineAt(const std::string& text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

bool wholeNumber(const nlohmann::json& v, long long* out) {
  if (v.is_number_integer() || v.is_number_unsigned()) {
    *out = v.get<long long>();
    return true;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e15) {
      *out = static_cast<long long>(d);
      return true;
    }
  }
  return false;
}

double round6(double v) { return std::round(v * 1e6) / 1e6; }

}  // namespace

bool parseFillMask(const std::string& text, const std::string& fileName, const Clip& clip, const BodyPartMap& parts,
                   FillMask* mask, IoError* error) {
  auto fail = [&](const std::string& message, int line = 0) {
    *error = IoError{fileName, line, message};
    return false;
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..." -> the part after the location.
    std::string what = e.what();
    const size_t colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    return fail("not valid JSON: " + what, lineAt(text, e.byte > 0 ? e.byte - 1 : 0));
  }
  if (!j.is_object() || !j.contains("spans") || !j["spans"].is_array())
    return fail("a mask must be a JSON object with a \"spans\" array");
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "spans") return fail("unknown key '" + it.key() + "' (a mask has only \"spans\")");
  const int F = clip.frameCount();
  const Skeleton& s = clip.skeleton();
  FillMask m(F, clip.jointCount());
  const nlohmann::json& spans = j["spans"];
  for (size_t i = 0; i < spans.size(); ++i) {
    const std::string where = "spans[" + std::to_string(i) + "]: ";
    const nlohmann::json& span = spans[i];
    if (!span.is_object()) return fail(where + "a span must be an object with \"start\", \"end\" and \"parts\" or \"joints\"");
    for (auto it = span.begin(); it != span.end(); ++it)
      if (it.key() != "start" && it.key() != "end" && it.key() != "parts" && it.key() != "joints")
        return fail(where + "unknown key '" + it.key() + "' (expected \"start\", \"end\", \"parts\", \"joints\")");
    long long start = 0, end = 0;
    if (!span.contains("start") || !span.contains("end") || !wholeNumber(span["start"], &start) ||
        !wholeNumber(span["end"], &end))
      return fail(where + "\"start\" and \"end\" must be whole frame numbers");
    if (!(0 <= start && start < end && end <= F))
      return fail(where + "frames [" + std::to_string(start) + ", " + std::to_string(end) +
                  ") are empty or outside the clip's " + std::to_string(F) + " frames");
    std::vector<int> joints;
    if (!span.contains("parts") && !span.contains("joints")) return fail(where + "lists no \"parts\" or \"joints\"");
    if (span.contains("parts")) {
      if (!span["parts"].is_array()) return fail(where + "\"parts\" must be an array of body part names");
      for (const nlohmann::json& p : span["parts"]) {
        const std::optional<BodyPart> part = p.is_string() ? parseBodyPart(p.get<std::string>()) : std::nullopt;
        if (!part)
          return fail(where + "unknown body part " + p.dump() + " (torso, left_arm, right_arm, left_leg, right_leg)");
        for (int joint : parts.jointsOf(*part)) joints.push_back(joint);
      }
    }
    if (span.contains("joints")) {
      if (!span["joints"].is_array()) return fail(where + "\"joints\" must be an array of joint names");
      for (const nlohmann::json& n : span["joints"]) {
        const int joint = n.is_string() ? s.findJoint(n.get<std::string>()) : -1;
        if (joint < 0) return fail(where + "no joint named " + n.dump() + " in the skeleton");
        joints.push_back(joint);
      }
    }
    m.mark(FrameRange{static_cast<int>(start), static_cast<int>(end)}, joints);
  }
  *mask = std::move(m);
  return true;
}

bool readFillMask(const std::string& path, const Clip& clip, const BodyPartMap& parts, FillMask* mask, IoError* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = IoError{path, 0, "cannot open the mask"};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parseFillMask(ss.str(), path, clip, parts, mask, error);
}

std::string repairReportJson(const std::vector<RepairResult>& results, const std::string& file,
                             const std::string& output, int frames, double fps, const std::string& method) {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["output"] = output;
  j["frames"] = frames;
  j["fps"] = fps;
  j["method"] = method;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  int repaired = 0;
  std::vector<char> touched(static_cast<size_t>(std::max(0, frames)), 0);
  for (const RepairResult& r : results) {
    nlohmann::ordered_json o;
    o["type"] = artifactTypeName(r.type);
    o["start"] = r.start;
    o["end"] = r.end;
    nlohmann::json ps = nlohmann::json::array();
    for (BodyPart p : kAllBodyParts)
      if ((r.partMask >> bodyPartIndex(p)) & 1u) ps.push_back(bodyPartName(p));
    o["parts"] = ps;
    o["method"] = repairMethodName(r.method);
    o["edited_start"] = r.edited.empty() ? r.start : r.edited.start;
    o["edited_end"] = r.edited.empty() ? r.start : r.edited.end;
    o["joints_changed"] = r.jointsChanged;
    o["max_change_m"] = round6(r.maxChangeMeters);
    o["detail"] = r.ok() ? r.detail : "error: " + r.error;
    list.push_back(std::move(o));
    if (r.changed()) {
      ++repaired;
      for (int f = std::max(0, r.edited.start); f < std::min(frames, r.edited.end); ++f) touched[f] = 1;
    }
  }
  j["repairs"] = std::move(list);
  nlohmann::ordered_json summary;
  summary["artifacts"] = results.size();
  summary["repaired"] = repaired;
  summary["frames_edited"] = std::count(touched.begin(), touched.end(), 1);
  j["summary"] = summary;
  return j.dump(2) + "\n";
}

}  // namespace mm
