#include "text/promptreading.h"

#include <cstdio>

namespace mm::text {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string durationText(const SegmentDuration& d) {
  switch (d.unit) {
    case SegmentDuration::Unit::Default: return "default " + number(d.value) + " s";
    case SegmentDuration::Unit::Seconds: return number(d.value) + " s";
    case SegmentDuration::Unit::Frames: return std::to_string(static_cast<long long>(d.value)) + " frames";
  }
  return {};
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

}  // namespace

std::string bodyPartDisplay(BodyPart part) {
  std::string s = bodyPartName(part);
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

std::string PromptReading::line() const {
  const MotionVocabulary& v = vocabulary ? *vocabulary : MotionVocabulary::builtin();
  std::string out;
  if (segments.empty()) {
    out = "nothing understood";
  } else {
    out = std::to_string(segments.size()) + (segments.size() == 1 ? " segment: " : " segments: ");
    for (size_t i = 0; i < segments.size(); ++i) {
      const PromptSegment& s = segments[i];
      if (i) out += " \u2192 ";
      out += s.action >= 0 ? v.action(s.action).name : "any action";
      out += " (" + (s.style >= 0 ? v.style(s.style).name : std::string("any style")) + ", " +
             durationText(s.duration);
      for (const PartOverride& p : s.parts) out += "; " + bodyPartDisplay(p.part) + ": " + v.action(p.action).name;
      out += ")";
    }
  }
  if (!unplaced.empty()) out += "; " + unplacedMessage();
  if (!ignored.empty()) out += "; ignored: " + join(ignored, ", ");
  if (!wordNet) out += "; exact words only (no WordNet)";
  return out;
}

std::string PromptReading::unplacedMessage() const {
  if (unplaced.empty()) return {};
  std::vector<std::string> items;
  for (const UnplacedWord& u : unplaced)
    items.push_back("'" + u.word + "'" + (u.closest.empty() ? "" : " (closest: " + join(u.closest, ", ") + ")"));
  return "could not place " + join(items, ", ");
}

}  // namespace mm::text
