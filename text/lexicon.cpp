#include "text/lexicon.h"

#include <map>
#include <set>

namespace mm::text {

namespace {

using K = ConceptKind;

// Verbs: the head they stand for. Only words WordNet would not find for us (or
// finds only through a rare sense) are listed besides the heads themselves:
// stroll, march, sprint ... come from WordNet.
const std::vector<std::pair<const char*, const char*>> kVerbs = {
    {"walk", "walk"},       {"step", "walk"},         {"sidestep", "walk"},   {"run", "run"},
    {"jog", "run"},         {"dash", "dash"},         {"sprint", "dash"},     {"turn", "turn"},
    {"wave", "wave"},       {"raise", "raise"},       {"lift", "raise"},      {"bow", "bow"},
    {"guide", "guide"},     {"respond", "respond"},   {"answer", "respond"},  {"reply", "respond"},
    {"call", "call"},       {"beckon", "call"},       {"punch", "punch"},     {"kick", "kick"},
    {"slash", "slash"},     {"dance", "dance"},
};
// Words that are not verbs but name an action head.
const std::vector<std::pair<const char*, const char*>> kActionNouns = {
    {"bye", "bye"}, {"goodbye", "bye"}, {"farewell", "bye"}, {"byebye", "byebye"}, {"sword", "slash"},
};
// Adjectives and nouns of styles (the vocabulary's names and aliases are added too).
const std::vector<std::pair<const char*, const char*>> kStyleWords = {
    {"normal", "normal"},       {"neutral", "normal"},    {"ordinary", "normal"},  {"happy", "happy"},
    {"cheerful", "happy"},      {"joyful", "happy"},      {"glad", "happy"},       {"unhappy", "sad"},
    {"depressed", "sad"},       {"gloomy", "sad"},        {"mad", "angry"},
    {"sad", "sad"},             {"angry", "angry"},       {"proud", "proud"},      {"unconfident", "not-confident"},
    {"insecure", "not-confident"}, {"timid", "not-confident"}, {"masculine", "masculine"},
    {"masculinity", "masculine"}, {"manly", "masculine"}, {"macho", "masculine"}, {"feminine", "feminine"},
    {"womanly", "feminine"},    {"ladylike", "feminine"}, {"childish", "childish"}, {"childlike", "childish"},
    {"child", "childish"},      {"kid", "childish"},      {"old", "old"},          {"elderly", "old"},
    {"tired", "tired"},         {"exhausted", "tired"},   {"weary", "tired"},      {"active", "active"},
    {"energetic", "active"},    {"musical", "musical"},   {"theatrical", "musical"}, {"giant", "giant"},
    {"chimpira", "chimpira"},   {"thug", "chimpira"},     {"punk", "chimpira"},    {"hoodlum", "chimpira"},
    {"gangster", "chimpira"},   {"youthful", "youthful"}, {"young", "youthful"},
};
// Adverbs of styles ("happily"), written out: a suffix rule would also make
// "oldly".
const std::vector<std::pair<const char*, const char*>> kStyleAdverbs = {
    {"normally", "normal"},   {"happily", "happy"},       {"sadly", "sad"},         {"angrily", "angry"},
    {"proudly", "proud"},     {"insecurely", "not-confident"}, {"timidly", "not-confident"},
    {"masculinely", "masculine"}, {"femininely", "feminine"}, {"childishly", "childish"},
    {"tiredly", "tired"},     {"wearily", "tired"},       {"actively", "active"},   {"energetically", "active"},
    {"musically", "musical"}, {"theatrically", "musical"}, {"youthfully", "youthful"},
};
const std::vector<std::pair<const char*, Concept>> kOther = {
    {"left", {K::Side, "left"}},       {"right", {K::Side, "right"}},     {"both", {K::Side, "both"}},
    {"two", {K::Side, "both"}},        {"hand", {K::Limb, "hand"}},       {"hands", {K::Limb, "hands"}},
    {"arm", {K::Limb, "hand"}},        {"arms", {K::Limb, "hands"}},      {"leg", {K::Limb, "leg"}},
    {"legs", {K::Limb, "legs"}},       {"foot", {K::Limb, "leg"}},        {"feet", {K::Limb, "legs"}},      {"back", {K::Direction, "back"}},
    {"backward", {K::Direction, "back"}}, {"backwards", {K::Direction, "back"}},
    {"sideways", {K::Direction, "side"}}, {"long", {K::Length, "long"}}, {"short", {K::Length, "short"}},
};
const char* kIgnored[] = {"slowly", "slow", "quickly", "quick", "fast", "rapidly", "gently", "softly",
                          "carefully", "casually", "calmly", "twice", "repeatedly", "again", "forward",
                          "forwards", "ahead", "straight", "loudly", "quietly", "deeply", "briskly",
                          "lightly", "heavily", "high", "low"};
const char* kStop[] = {
    // articles, determiners, pronouns
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "his", "her", "hers",
    "its", "their", "theirs", "my", "our", "your", "he", "she", "it", "they", "him", "them", "i", "me", "we",
    "us", "you", "one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "who",
    "which", "whose", "own", "if", "though", "although",
    // the performer
    "man", "men", "woman", "women", "person", "people", "guy", "guys", "lady", "ladies", "gentleman", "boy",
    "girl", "character", "actor", "actress", "figure", "human", "dancer", "fighter", "walker", "runner",
    // auxiliaries and aspect verbs
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "start", "starts",
    "started", "starting", "begin", "begins", "began", "keep", "keeps", "kept", "continue", "continues",
    "go", "goes", "went", "going", "gets", "get", "try", "tries", "can", "will", "should", "please",
    "make", "makes", "let", "lets",
    // verbs that introduce a style ("acts like a child", "looks tired")
    "act", "acts", "acting", "behave", "behaves", "behaving", "pretend", "pretends", "pretending", "look",
    "looks", "looking", "seem", "seems", "seeming", "appear", "appears",
    // prepositions and particles
    "to", "of", "in", "on", "at", "into", "onto", "from", "around", "up", "down", "along", "away", "off",
    "over", "by", "for", "about", "like", "so", "toward", "towards", "across", "through", "there", "here",
    "place", "way", "direction", "side", "out",
    // intensifiers and fillers
    "very", "really", "quite", "slightly", "bit", "little", "just", "also", "too", "somewhat", "rather",
    "extremely", "super", "more", "much", "style", "manner", "mood", "motion", "movement",
    // greetings that colour a gesture
    "hello", "hi", "hey",
};

// Regular and a few irregular inflections of our verbs and nouns.
std::vector<std::string> inflections(const std::string& w) {
  std::vector<std::string> out;
  const char last = w.back();
  const bool endsE = last == 'e';
  auto isVowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  // Doubling: one syllable ending consonant-vowel-consonant (run, jog, step, slash no).
  const bool doubles = w.size() >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
                       isVowel(w[w.size() - 2]) && !isVowel(w[w.size() - 3]) && w.size() <= 4;
  const bool sibilant = last == 's' || last == 'x' || (w.size() > 1 && (w.substr(w.size() - 2) == "sh" ||
                                                                         w.substr(w.size() - 2) == "ch"));
  if (last == 'y' && w.size() > 1 && !isVowel(w[w.size() - 2])) {  // reply: replies, replying, replied
    const std::string stem = w.substr(0, w.size() - 1);
    return {stem + "ies", w + "ing", stem + "ied"};
  }
  out.push_back(w + (sibilant ? "es" : "s"));
  if (endsE) {
    out.push_back(w.substr(0, w.size() - 1) + "ing");
    out.push_back(w + "d");
  } else if (doubles) {
    out.push_back(w + std::string(1, last) + "ing");
    out.push_back(w + std::string(1, last) + "ed");
  } else {
    out.push_back(w + "ing");
    out.push_back(w + "ed");
  }
  return out;
}
const std::map<std::string, std::string> kIrregular = {
    {"ran", "run"}, {"running", "run"}, {"answered", "answer"}, {"lifted", "lift"}, {"sprinted", "sprint"},
};

struct Tables {
  std::map<std::string, Concept> words;       // every known form -> concept
  std::map<std::string, std::string> bases;   // inflected form -> base
  std::vector<std::pair<std::string, Concept>> list;
  std::set<std::string> stop;
};

const Tables& tables() {
  static const Tables t = [] {
    Tables t;
    auto add = [&](const std::string& word, const Concept& c, bool inflect) {
      if (!t.words.count(word)) {
        t.words[word] = c;
        t.list.emplace_back(word, c);
      }
      if (!inflect) return;
      for (const std::string& f : inflections(word)) {
        if (t.words.count(f)) continue;
        t.words[f] = c;
        t.bases[f] = word;
      }
    };
    for (const auto& [w, h] : kVerbs) add(w, {K::Action, h}, true);
    for (const auto& [w, h] : kActionNouns) add(w, {K::Action, h}, false);
    for (const auto& [w, s] : kStyleWords) add(w, {K::Style, s}, false);
    for (const char* w : {"child", "kid", "thug", "punk", "hoodlum", "gangster", "giant"})
      t.words[std::string(w) + "s"] = t.words[w];
    for (const auto& [w, s] : kStyleAdverbs) add(w, {K::Style, s}, false);
    for (const auto& [w, c] : kOther) add(w, c, false);
    for (const char* w : kIgnored) add(w, {K::Ignored, w}, false);
    for (const auto& [f, b] : kIrregular) {
      t.words[f] = t.words.at(b);
      t.bases[f] = b;
    }
    for (const char* w : kStop) t.stop.insert(w);
    return t;
  }();
  return t;
}

}  // namespace

std::optional<Concept> lexiconConcept(const std::string& word) {
  const auto& w = tables().words;
  const auto it = w.find(word);
  if (it == w.end()) return std::nullopt;
  return it->second;
}

std::string lexiconBase(const std::string& word) {
  const auto& b = tables().bases;
  const auto it = b.find(word);
  return it == b.end() ? word : it->second;
}

bool isStopWord(const std::string& word) { return tables().stop.count(word) > 0; }

const std::vector<std::pair<std::string, Concept>>& lexiconWords() { return tables().list; }

const std::vector<Phrase>& phraseTable() {
  static const std::vector<Phrase> k = {
      {{"not", "confident"}, {{K::Style, "not-confident"}}},
      {{"lack", "confidence"}, {{K::Style, "not-confident"}}},
      {{"lacking", "confidence"}, {{K::Style, "not-confident"}}},
      {{"without", "confidence"}, {{K::Style, "not-confident"}}},
      {{"worn", "out"}, {{K::Style, "tired"}}},
      {{"full", "of", "energy"}, {{K::Style, "active"}}},
      {{"like", "a", "child"}, {{K::Style, "childish"}}},
      {{"in", "a", "musical"}, {{K::Style, "musical"}}},
      {{"bye", "bye"}, {{K::Action, "byebye"}}},
      {{"say", "goodbye"}, {{K::Action, "bye"}}},
      {{"say", "bye"}, {{K::Action, "bye"}}},
      {{"bid", "farewell"}, {{K::Action, "bye"}}},
      {{"show", "the", "way"}, {{K::Action, "guide"}}},
      {{"point", "the", "way"}, {{K::Action, "guide"}}},
      {{"lead", "the", "way"}, {{K::Action, "guide"}}},
      {{"hands", "up"}, {{K::Action, "raise"}, {K::Side, "both"}}},
      {{"arms", "up"}, {{K::Action, "raise"}, {K::Side, "both"}}},
      {{"hand", "up"}, {{K::Action, "raise"}}},
      {{"put", "up"}, {{K::Action, "raise"}}},
      {{"swing", "a", "sword"}, {{K::Action, "slash"}}},
      {{"throw", "a", "punch"}, {{K::Action, "punch"}}},
      {{"step", "back"}, {{K::Action, "walk"}, {K::Direction, "back"}}},
      {{"move", "back"}, {{K::Action, "walk"}, {K::Direction, "back"}}},
      {{"call", "out"}, {{K::Action, "call"}}},
      {{"call", "over"}, {{K::Action, "call"}}},
  };
  return k;
}

}  // namespace mm::text
