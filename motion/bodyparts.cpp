#include "motion/bodyparts.h"

#include "motion/skeleton.h"

#include <algorithm>

namespace mm {
namespace {

constexpr const char* kPartNames[kBodyPartCount] = {"torso", "left_arm", "right_arm", "left_leg", "right_leg"};

// Plain ASCII classification: joint names may hold UTF-8 bytes, which must
// neither hit <cctype>'s undefined behaviour nor split a word.
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isWordChar(char c) { return isDigit(c) || isUpper(c) || isLower(c) || static_cast<unsigned char>(c) >= 0x80; }
char toLower(char c) { return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::string_view kLegWords[] = {"hip",  "thigh", "leg",   "knee",   "shin", "calf", "foot",
                                          "ankle", "toe",  "toes",  "femur",  "tibia", "fibula", "ball", "heel"};
constexpr std::string_view kArmWords[] = {"clavicle", "collar", "clav",   "shoulder", "arm",    "elbow",
                                          "hand",     "wrist",  "finger", "fingers",  "thumb",  "index",
                                          "middle",   "ring",   "pinky",  "pinkie",   "humerus", "radius",
                                          "ulna",     "palm",   "carpal", "metacarpal"};
// Words that are no limb keyword but appear inside compound names
// ("toebase", "hipjoint", "lowerback", "upperneck", "forearm"). Knowing them
// lets a compound split completely, which is what tells "lowerback" (lower +
// back, torso) from "lfemur" (l + femur, left leg).
constexpr std::string_view kOtherWords[] = {
    "up",    "upper", "low",   "lower", "fore",   "base",  "joint", "end",   "nub",  "tip",
    "site", "big",   "roll",  "twist", "mid",   "top",   "bone",   "hips",  "pelvis", "root", "spine", "chest",
    "thorax", "back", "neck", "head",  "abdomen", "waist", "torso", "jaw",  "eye",    "ear",  "nose", "mouth",
    "meta", "little", "bip"};

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}
bool isLimbWord(std::string_view w) { return contains(kLegWords, w) || contains(kArmWords, w); }
bool isKnownWord(std::string_view w) { return isLimbWord(w) || contains(kOtherWords, w); }

// Splits `s` completely into known words, preferring fewer (longer) words;
// false if some part is no known word.
bool segment(std::string_view s, std::vector<std::string>& out) {
  const int n = static_cast<int>(s.size());
  if (n == 0) return false;
  constexpr int kUnreached = 1 << 20;
  std::vector<int> best(n + 1, kUnreached), from(n + 1, -1);
  best[0] = 0;
  for (int end = 1; end <= n; ++end)
    for (int start = std::max(0, end - 12); start < end; ++start)
      if (best[start] + 1 < best[end] && isKnownWord(s.substr(start, end - start))) {
        best[end] = best[start] + 1;
        from[end] = start;
      }
  if (best[n] >= kUnreached) return false;
  std::vector<std::string> words;
  for (int end = n; end > 0; end = from[end]) words.emplace_back(s.substr(from[end], end - from[end]));
  out.insert(out.end(), words.rbegin(), words.rend());
  return true;
}

// Lowercase tokens split at separators, camelCase humps ("LeftUpLeg",
// "LHand" -> "l", "hand") and letter/digit changes ("Spine1").
std::vector<std::string> tokens(std::string_view name) {
  const size_t cut = name.find_last_of(":|");
  if (cut != std::string_view::npos) name = name.substr(cut + 1);
  std::vector<std::string> out;
  std::string current;
  const size_t n = name.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = name[i];
    if (!isWordChar(c)) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) {
      const char prev = name[i - 1];
      const bool boundary = isDigit(c) != isDigit(prev) || (isLower(prev) && isUpper(c)) ||
                            (isUpper(prev) && isUpper(c) && i + 1 < n && isLower(name[i + 1]));
      if (boundary) {
        out.push_back(std::move(current));
        current.clear();
      }
    }
    current.push_back(toLower(c));
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

bool hasLimbWord(const std::vector<std::string>& words, size_t from) {
  return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(from), words.end(),
                     [](const std::string& w) { return isLimbWord(w); });
}

}  // namespace

const char* bodyPartName(BodyPart part) { return kPartNames[bodyPartIndex(part)]; }

std::optional<BodyPart> parseBodyPart(std::string_view name) {
  std::string norm;
  for (char c : name) norm.push_back(c == '-' ? '_' : toLower(c));
  for (int i = 0; i < kBodyPartCount; ++i)
    if (norm == kPartNames[i]) return static_cast<BodyPart>(i);
  return std::nullopt;
}

bool JointNameInfo::has(std::string_view word) const {
  return std::find(words.begin(), words.end(), word) != words.end();
}

JointNameInfo analyzeJointName(std::string_view name) {
  JointNameInfo info;
  auto setSide = [&](BodySide s) {
    if (info.side == BodySide::None) info.side = s;
  };
  for (const std::string& t : tokens(name)) {
    if (std::all_of(t.begin(), t.end(), isDigit)) continue;
    if (t == "left" || t == "l") {
      setSide(BodySide::Left);
      continue;
    }
    if (t == "right" || t == "r") {
      setSide(BodySide::Right);
      continue;
    }
    // A whole-token split comes first, so "lowerback" stays lower + back
    // rather than a left "owerback".
    if (segment(t, info.words)) continue;
    const size_t before = info.words.size();
    if (t.rfind("left", 0) == 0 && segment(std::string_view(t).substr(4), info.words)) {
      setSide(BodySide::Left);
      continue;
    }
    if (t.rfind("right", 0) == 0 && segment(std::string_view(t).substr(5), info.words)) {
      setSide(BodySide::Right);
      continue;
    }
    // CMU glues a one-letter side to the bone: "lfemur", "rhumerus". Only
    // accepted before a limb keyword, so "rib" or "lung" never become sided.
    if ((t[0] == 'l' || t[0] == 'r') && segment(std::string_view(t).substr(1), info.words)) {
      if (hasLimbWord(info.words, before)) {
        setSide(t[0] == 'l' ? BodySide::Left : BodySide::Right);
        continue;
      }
      info.words.resize(before);
    }
    info.words.push_back(t);
  }
  return info;
}

LimbKind limbOfWords(const std::vector<std::string>& words, bool sided) {
  for (const std::string& w : words) {
    if (w == "hip" && !sided) continue;
    if (contains(kLegWords, w)) return LimbKind::Leg;
    if (contains(kArmWords, w)) return LimbKind::Arm;
  }
  return LimbKind::None;
}

BodyPartMap::BodyPartMap(int jointCount, BodyPart fill) : mParts(static_cast<size_t>(std::max(0, jointCount)), fill) {}

BodyPartMap BodyPartMap::detect(const Skeleton& skeleton) {
  const int n = skeleton.jointCount();
  BodyPartMap map(n);
  for (int j = 0; j < n; ++j) {
    const JointNameInfo info = analyzeJointName(skeleton.name(j));
    const LimbKind limb = info.side == BodySide::None ? LimbKind::None : limbOfWords(info.words, true);
    const int parent = skeleton.parent(j);
    if (limb != LimbKind::None) {
      const bool left = info.side == BodySide::Left;
      map.mParts[j] = limb == LimbKind::Arm ? (left ? BodyPart::LeftArm : BodyPart::RightArm)
                                            : (left ? BodyPart::LeftLeg : BodyPart::RightLeg);
    } else if (parent >= 0 && parent < j) {
      // Descendants of a limb (fingers, toe ends, twist bones) belong to it;
      // below the torso this leaves the joint in the torso.
      map.mParts[j] = map.mParts[parent];
    }
  }
  return map;
}

std::vector<int> BodyPartMap::jointsOf(BodyPart part) const {
  std::vector<int> out;
  for (int j = 0; j < jointCount(); ++j)
    if (mParts[j] == part) out.push_back(j);
  return out;
}

std::vector<std::string> BodyPartMap::applyOverrides(const Skeleton& skeleton,
                                                     const std::map<std::string, BodyPart>& overrides,
                                                     bool withDescendants) {
  std::vector<std::string> unknown;
  const int n = std::min(jointCount(), skeleton.jointCount());
  std::vector<char> touched(static_cast<size_t>(n), 0);
  for (const auto& [name, part] : overrides) {
    const int j = skeleton.findJoint(name);
    if (j < 0 || j >= n) {
      unknown.push_back(name);
      continue;
    }
    mParts[j] = part;
    touched[j] = 2;  // explicit
  }
  if (withDescendants) {
    // Parents precede children, so one forward pass carries an override down
    // each subtree until a joint with its own override takes over.
    for (int j = 0; j < n; ++j) {
      const int p = skeleton.parent(j);
      if (touched[j] == 2 || p < 0 || p >= j || !touched[p]) continue;
      mParts[j] = mParts[p];
      touched[j] = 1;
    }
  }
  return unknown;
}

}  // namespace mm
