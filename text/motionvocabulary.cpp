#include "text/motionvocabulary.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace mm::text {

namespace {

using P = BodyPart;
const std::vector<BodyPart> kWhole = {P::Torso, P::LeftArm, P::RightArm, P::LeftLeg, P::RightLeg};
const std::vector<BodyPart> kBothArms = {P::LeftArm, P::RightArm};

struct BuiltinEntry {
  const char* name;
  std::vector<std::string> aliases;
  std::vector<DatasetLabel> labels;
  std::vector<BodyPart> parts;
};

// Parts: what the action is about, read from the per-part spread of the joint
// rotations in the normal takes: the ds2 arm gestures move one or both arms
// and nothing else; ds1 bye moves the right arm, byebye both arms while
// stepping; guide points with the right arm; bow bends the torso; respond and
// call move everything.
const std::vector<BuiltinEntry>& builtinActions() {
  static const std::vector<BuiltinEntry> k = {
      {"walk", {}, {{"ds1", 0, "walk"}, {"ds2", 0, "walk"}}, kWhole},
      {"run", {"jog"}, {{"ds1", 1, "run"}, {"ds2", 3, "run"}}, kWhole},
      {"dash", {"sprint"}, {{"ds1", 2, "dash"}}, kWhole},
      {"walk-back", {"walk backwards", "walk backward"}, {{"ds1", 3, "walk-back"}}, kWhole},
      {"walk-left", {"walk to the left", "sidestep left"}, {{"ds1", 4, "walk-left"}}, kWhole},
      {"walk-right", {"walk to the right", "sidestep right"}, {{"ds1", 5, "walk-right"}}, kWhole},
      {"bow", {}, {{"ds1", 6, "bow"}}, {P::Torso}},
      {"bye", {"wave goodbye", "say goodbye"}, {{"ds1", 7, "bye"}}, {P::RightArm}},
      {"guide", {"show the way"}, {{"ds1", 8, "guide"}}, {P::RightArm}},
      {"byebye", {"bye bye", "wave goodbye with both hands"}, {{"ds1", 9, "byebye"}}, kWhole},
      {"respond", {"answer", "reply"}, {{"ds1", 10, "respond"}}, kWhole},
      {"call", {"beckon", "call out"}, {{"ds1", 11, "call"}}, kWhole},
      {"punch", {}, {{"ds1", 12, "punch"}}, {P::Torso, P::LeftArm, P::RightArm}},
      {"kick", {}, {{"ds1", 13, "kick"}}, kWhole},
      {"slash", {"swing a sword"}, {{"ds1", 14, "slash"}}, {P::Torso, P::LeftArm, P::RightArm}},
      {"dance-long", {"long dance"}, {{"ds1", 15, "dance-long"}}, kWhole},
      {"dance-short", {"dance", "short dance"}, {{"ds1", 16, "dance-short"}}, kWhole},
      {"walk-turn-left", {"turn left"}, {{"ds2", 1, "walk-turn-left"}}, kWhole},
      {"walk-turn-right", {"turn right"}, {{"ds2", 2, "walk-turn-right"}}, kWhole},
      {"wave-both-hands", {"wave both hands"}, {{"ds2", 4, "wave-both-hands"}}, kBothArms},
      {"wave-left-hand", {"wave the left hand"}, {{"ds2", 5, "wave-left-hand"}}, {P::LeftArm}},
      {"wave-right-hand", {"wave", "wave the right hand"}, {{"ds2", 6, "wave-right-hand"}}, {P::RightArm}},
      {"raise-up-both-hands", {"raise both hands", "hands up"}, {{"ds2", 7, "raise-up-both-hands"}}, kBothArms},
      {"raise-up-left-hand", {"raise the left hand"}, {{"ds2", 8, "raise-up-left-hand"}}, {P::LeftArm}},
      {"raise-up-right-hand", {"raise the right hand"}, {{"ds2", 9, "raise-up-right-hand"}}, {P::RightArm}},
  };
  return k;
}

const std::vector<BuiltinEntry>& builtinStyles() {
  static const std::vector<BuiltinEntry> k = {
      {"normal", {"neutral"}, {{"ds1", 0, "normal"}, {"ds2", 5, "normal"}}, {}},
      {"happy", {}, {{"ds1", 1, "happy"}}, {}},
      {"sad", {}, {{"ds1", 2, "sad"}}, {}},
      {"angry", {}, {{"ds1", 3, "angry"}}, {}},
      {"proud", {}, {{"ds1", 4, "proud"}}, {}},
      {"not-confident", {"unconfident", "insecure"}, {{"ds1", 5, "not-confident"}}, {}},
      {"masculine", {"masculinity", "manly"}, {{"ds1", 6, "masculinity"}, {"ds2", 4, "masculine"}}, {}},
      {"feminine", {"womanly"}, {{"ds1", 7, "feminine"}, {"ds2", 3, "feminine"}}, {}},
      {"childish", {"childlike"}, {{"ds1", 8, "childish"}}, {}},
      {"old", {"elderly"}, {{"ds1", 9, "old"}, {"ds2", 1, "elderly"}}, {}},
      {"tired", {"exhausted"}, {{"ds1", 10, "tired"}, {"ds2", 2, "exhausted"}}, {}},
      {"active", {"energetic"}, {{"ds1", 11, "active"}, {"ds2", 0, "active"}}, {}},
      {"musical", {"theatrical"}, {{"ds1", 12, "musical"}}, {}},
      {"giant", {}, {{"ds1", 13, "giant"}}, {}},
      {"chimpira", {"thug", "punk"}, {{"ds1", 14, "chimpira"}}, {}},
      {"youthful", {"young"}, {{"ds2", 6, "youthful"}}, {}},
  };
  return k;
}

int findIn(const std::vector<VocabularyEntry>& entries, const std::string& name) {
  const std::string key = canonicalName(name);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].name == key) return static_cast<int>(i);
    for (const std::string& a : entries[i].aliases)
      if (canonicalName(a) == key) return static_cast<int>(i);
    for (const DatasetLabel& l : entries[i].labels)
      if (canonicalName(l.label) == key) return static_cast<int>(i);
  }
  return -1;
}

std::optional<int> labelIn(const std::vector<VocabularyEntry>& entries, const std::string& dataset, int index) {
  for (size_t i = 0; i < entries.size(); ++i)
    for (const DatasetLabel& l : entries[i].labels)
      if (l.dataset == dataset && l.index == index) return static_cast<int>(i);
  return std::nullopt;
}

int addTo(std::vector<VocabularyEntry>& entries, VocabularyEntry e) {
  e.name = canonicalName(e.name);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].name != e.name) continue;
    VocabularyEntry& t = entries[i];
    for (std::string& a : e.aliases)
      if (std::find(t.aliases.begin(), t.aliases.end(), a) == t.aliases.end()) t.aliases.push_back(std::move(a));
    for (DatasetLabel& l : e.labels)
      if (std::find(t.labels.begin(), t.labels.end(), l) == t.labels.end()) t.labels.push_back(std::move(l));
    if (t.parts.empty()) t.parts = e.parts;
    return static_cast<int>(i);
  }
  entries.push_back(std::move(e));
  return static_cast<int>(entries.size()) - 1;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

bool cleanField(const std::string& s) { return s.find_first_of("\t\n\r|,") == std::string::npos; }

constexpr const char* kMagic = "mm-vocabulary";
constexpr int kVersion = 1;

}  // namespace

std::string canonicalName(const std::string& text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    char d = static_cast<char>(std::tolower(u));
    if (d == ' ' || d == '_' || d == '\t') d = '-';
    if (d == '-' && (out.empty() || out.back() == '-')) continue;
    out.push_back(d);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string standInAction(const std::string& action) {
  return canonicalName(action) == "dance-long" ? "dance-short" : "";
}

std::string mirrorAction(const std::string& action) {
  const std::string a = canonicalName(action);
  static const char* const kNoSide[] = {"walk", "run", "dash", "walk-back", "bow", "byebye",
                                        "wave-both-hands", "raise-up-both-hands"};
  for (const char* n : kNoSide)
    if (a == n) return a;
  static const char* const kSided[][2] = {{"walk-turn-left", "walk-turn-right"},
                                          {"wave-left-hand", "wave-right-hand"},
                                          {"raise-up-left-hand", "raise-up-right-hand"},
                                          {"walk-left", "walk-right"}};
  for (const auto& pair : kSided) {
    if (a == pair[0]) return pair[1];
    if (a == pair[1]) return pair[0];
  }
  return "";
}

const MotionVocabulary& MotionVocabulary::builtin() {
  static const MotionVocabulary v = [] {
    MotionVocabulary b;
    for (const BuiltinEntry& e : builtinActions()) b.addAction({e.name, e.aliases, e.labels, e.parts});
    for (const BuiltinEntry& e : builtinStyles()) b.addStyle({e.name, e.aliases, e.labels, {}});
    return b;
  }();
  return v;
}

int MotionVocabulary::findAction(const std::string& name) const { return findIn(mActions, name); }
int MotionVocabulary::findStyle(const std::string& name) const { return findIn(mStyles, name); }

std::optional<int> MotionVocabulary::actionForLabel(const std::string& dataset, int index) const {
  return labelIn(mActions, dataset, index);
}
std::optional<int> MotionVocabulary::styleForLabel(const std::string& dataset, int index) const {
  return labelIn(mStyles, dataset, index);
}

bool MotionVocabulary::isWholeBody(int action) const {
  const std::vector<BodyPart>& p = mActions[action].parts;
  return std::find(p.begin(), p.end(), BodyPart::LeftLeg) != p.end() &&
         std::find(p.begin(), p.end(), BodyPart::RightLeg) != p.end();
}

int MotionVocabulary::defaultStyle() const {
  const int s = findStyle("normal");
  return s >= 0 ? s : 0;
}

int MotionVocabulary::addAction(VocabularyEntry entry) { return addTo(mActions, std::move(entry)); }
int MotionVocabulary::addStyle(VocabularyEntry entry) { return addTo(mStyles, std::move(entry)); }

// Format, version 1 (one line each, fields separated by tabs):
//   mm-vocabulary<TAB>1
//   action<TAB>NAME<TAB>PART,PART<TAB>DS:INDEX:LABEL,...<TAB>ALIAS|ALIAS
//   style<TAB>NAME<TAB><TAB>DS:INDEX:LABEL,...<TAB>ALIAS|ALIAS
// The line order is the id order. Names, labels and aliases hold no tab,
// newline, '|' or ','; dataset ids and labels hold no ':'.
std::string MotionVocabulary::serialize() const {
  std::ostringstream out;
  out << kMagic << '\t' << kVersion << '\n';
  auto write = [&](const char* kind, const VocabularyEntry& e) {
    out << kind << '\t' << e.name << '\t';
    for (size_t i = 0; i < e.parts.size(); ++i) out << (i ? "," : "") << bodyPartName(e.parts[i]);
    out << '\t';
    for (size_t i = 0; i < e.labels.size(); ++i)
      out << (i ? "," : "") << e.labels[i].dataset << ':' << e.labels[i].index << ':' << e.labels[i].label;
    out << '\t';
    for (size_t i = 0; i < e.aliases.size(); ++i) out << (i ? "|" : "") << e.aliases[i];
    out << '\n';
  };
  for (const VocabularyEntry& e : mActions) write("action", e);
  for (const VocabularyEntry& e : mStyles) write("style", e);
  return out.str();
}

bool MotionVocabulary::parse(const std::string& text, std::string* error) {
  MotionVocabulary v;
  std::vector<std::string> lines = split(text, '\n');
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  auto bad = [&](size_t line, const std::string& what) {
    if (error) *error = "vocabulary line " + std::to_string(line + 1) + ": " + what;
    return false;
  };
  if (lines.empty()) return bad(0, "empty");
  const std::vector<std::string> head = split(lines[0], '\t');
  if (head.size() != 2 || head[0] != kMagic) return bad(0, "not a MotionMender vocabulary");
  if (head[1] != std::to_string(kVersion)) return bad(0, "version " + head[1] + " is not supported (this build reads 1)");
  for (size_t n = 1; n < lines.size(); ++n) {
    const std::vector<std::string> f = split(lines[n], '\t');
    if (f.size() != 5) return bad(n, "expected 5 tab-separated fields");
    if (f[0] != "action" && f[0] != "style") return bad(n, "unknown kind '" + f[0] + "'");
    VocabularyEntry e;
    e.name = f[1];
    if (e.name.empty() || canonicalName(e.name) != e.name) return bad(n, "bad name '" + e.name + "'");
    for (const std::string& p : split(f[2], ',')) {
      const std::optional<BodyPart> part = parseBodyPart(p);
      if (!part) return bad(n, "unknown body part '" + p + "'");
      e.parts.push_back(*part);
    }
    for (const std::string& l : split(f[3], ',')) {
      const std::vector<std::string> t = split(l, ':');
      if (t.size() != 3 || t[0].empty() || t[1].empty() ||
          t[1].find_first_not_of("0123456789") != std::string::npos)
        return bad(n, "bad label '" + l + "' (expected DATASET:INDEX:LABEL)");
      e.labels.push_back({t[0], std::stoi(t[1]), t[2]});
    }
    e.aliases = split(f[4], '|');
    const bool isAction = f[0] == "action";
    std::vector<VocabularyEntry>& list = isAction ? v.mActions : v.mStyles;
    if (findIn(list, e.name) >= 0) return bad(n, "duplicate name '" + e.name + "'");
    list.push_back(std::move(e));
  }
  *this = std::move(v);
  return true;
}

VocabularyLoad loadVocabularyFromLabelFolders(const std::vector<std::string>& folders) {
  VocabularyLoad r;
  // Built-in entries without their labels: the files say where each label is.
  const MotionVocabulary& b = MotionVocabulary::builtin();
  std::vector<VocabularyEntry> actions = b.actions(), styles = b.styles();
  for (VocabularyEntry& e : actions) e.labels.clear();
  for (VocabularyEntry& e : styles) e.labels.clear();

  auto readLabels = [&](const std::string& folder, const char* file, bool isAction) -> bool {
    const std::string path = folder + "/" + file;
    std::ifstream in(path);
    if (!in) {
      r.error = "cannot read " + path;
      return false;
    }
    std::string folderName = folder;
    while (!folderName.empty() && folderName.back() == '/') folderName.pop_back();
    folderName = folderName.substr(folderName.find_last_of('/') + 1);
    std::vector<VocabularyEntry>& list = isAction ? actions : styles;
    std::string line;
    int index = 0;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty()) {  // the line number is the index: a blank line is an unused one
        ++index;
        continue;
      }
      std::string dataset = folderName, label = line;
      // "dataset-1_walk": dataset ds1, label walk.
      if (line.rfind("dataset-", 0) == 0) {
        const size_t us = line.find('_');
        if (us != std::string::npos) {
          dataset = "ds" + line.substr(8, us - 8);
          label = line.substr(us + 1);
        }
      }
      if (!cleanField(label) || label.find(':') != std::string::npos || dataset.find(':') != std::string::npos ||
          !cleanField(dataset)) {
        r.error = path + ":" + std::to_string(index + 1) + ": unusable label '" + line + "'";
        return false;
      }
      int id = findIn(list, label);
      if (id < 0) {
        VocabularyEntry e{canonicalName(label), {}, {}, isAction ? kWhole : std::vector<BodyPart>{}};
        list.push_back(e);
        id = static_cast<int>(list.size()) - 1;
        r.notes.push_back(std::string(isAction ? "action" : "style") + " '" + label + "' of " + dataset +
                          " is not in the built-in vocabulary: added" +
                          (isAction ? " (drives the whole body)" : ""));
      }
      list[id].labels.push_back({dataset, index, label});
      const std::optional<int> was =
          isAction ? b.actionForLabel(dataset, index) : b.styleForLabel(dataset, index);
      if (was && (isAction ? b.action(*was) : b.style(*was)).name != list[id].name)
        r.notes.push_back(dataset + " " + (isAction ? "content " : "style ") + std::to_string(index) + " is '" +
                          label + "' here, not the built-in '" +
                          (isAction ? b.action(*was) : b.style(*was)).name + "'");
      ++index;
    }
    return true;
  };
  for (const std::string& folder : folders) {
    if (!readLabels(folder, "content_label.txt", true) || !readLabels(folder, "style_label.txt", false)) return r;
  }
  for (VocabularyEntry& e : actions) r.vocabulary.addAction(std::move(e));
  for (VocabularyEntry& e : styles) r.vocabulary.addStyle(std::move(e));
  return r;
}

}  // namespace mm::text
