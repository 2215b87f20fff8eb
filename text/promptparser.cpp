#include "text/promptparser.h"

#include "text/lexicon.h"
#include "text/prompttokens.h"
#include "text/stringdistance.h"
#include "text/wordnet.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace mm::text {

namespace {

using K = ConceptKind;
using Kind = PromptToken::Kind;

// WordNet placements cost 1 + 0.3 per sense rank + 0.7 per step away; above
// this they are only suggestions. A synonym of the fourth sense (1.9), a direct
// hypernym of the first three (<= 2.3), a second hypernym of the first sense (2.4).
constexpr double kAcceptCost = 2.45;

// A word placed as a concept. Exact vocabulary entries are heads "=name".
struct Placed {
  Concept concept;
  std::string word;
};

struct SubClause {
  std::vector<Placed> items;
  bool startsWithWith = false;
};

struct Clause {
  std::vector<PromptToken> tokens;
  bool goesBefore = false;  // "X after Y": this clause (Y) comes before the one before it
};

bool isWord(const PromptToken& t, const char* w) { return t.kind == Kind::Word && t.text == w; }

// Durations: removed from the clause; the first one found wins.
std::optional<SegmentDuration> takeDuration(std::vector<PromptToken>& t) {
  auto unitOf = [](const PromptToken& u) -> int {  // 1 seconds, 2 frames, 3 minutes
    if (u.kind != Kind::Word) return 0;
    static const std::set<std::string> s = {"s", "sec", "secs", "second", "seconds"};
    static const std::set<std::string> f = {"f", "frame", "frames", "fr"};
    static const std::set<std::string> m = {"min", "mins", "minute", "minutes"};
    return s.count(u.text) ? 1 : f.count(u.text) ? 2 : m.count(u.text) ? 3 : 0;
  };
  auto make = [](int unit, double v) {
    SegmentDuration d;
    d.unit = unit == 2 ? SegmentDuration::Unit::Frames : SegmentDuration::Unit::Seconds;
    d.value = unit == 3 ? v * 60.0 : v;
    return d;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    size_t first = i, last = i;  // [first, last] removed
    std::optional<SegmentDuration> d;
    if (isWord(t[i], "briefly")) {
      d = make(1, kBriefSeconds);
    } else if (t[i].kind == Kind::Number && i + 1 < t.size() && unitOf(t[i + 1])) {
      d = make(unitOf(t[i + 1]), t[i].value);
      last = i + 1;
    } else if (isWord(t[i], "half") && i + 2 < t.size() && (isWord(t[i + 1], "a") || isWord(t[i + 1], "an")) &&
               unitOf(t[i + 2])) {
      d = make(unitOf(t[i + 2]), 0.5);
      last = i + 2;
    } else if (isWord(t[i], "for") && i + 1 < t.size() && t[i + 1].kind == Kind::Number &&
               t[i + 1].text[0] >= '0' && t[i + 1].text[0] <= '9' && (i + 2 >= t.size() || !unitOf(t[i + 2]))) {
      // "run for 5": seconds (the unit a duration means without one).
      d = make(1, t[i + 1].value);
      last = i + 1;
    } else if (isWord(t[i], "for") && i + 2 < t.size() && isWord(t[i + 1], "a") && unitOf(t[i + 2])) {
      d = make(unitOf(t[i + 2]), 1.0);
      last = i + 2;
    } else if (isWord(t[i], "for") && i + 2 < t.size() && isWord(t[i + 1], "a") &&
               (isWord(t[i + 2], "moment") || isWord(t[i + 2], "while"))) {
      d = make(1, isWord(t[i + 2], "moment") ? kBriefSeconds : kWhileSeconds);
      last = i + 2;
    } else if (isWord(t[i], "for") && i + 3 < t.size() && isWord(t[i + 1], "a") && isWord(t[i + 2], "long") &&
               isWord(t[i + 3], "time")) {
      d = make(1, kWhileSeconds);
      last = i + 3;
    }
    if (!d) continue;
    if (d->value <= 0.0) continue;
    // "for 3 seconds", "about 3 seconds", "for about 3 seconds".
    while (first > 0 && (isWord(t[first - 1], "for") || isWord(t[first - 1], "about") ||
                         isWord(t[first - 1], "around") || isWord(t[first - 1], "roughly")))
      --first;
    t.erase(t.begin() + static_cast<long>(first), t.begin() + static_cast<long>(last) + 1);
    return d;
  }
  return std::nullopt;
}

std::vector<Clause> splitClauses(const std::vector<PromptToken>& tokens) {
  std::vector<Clause> out(1);
  auto end = [&] {
    if (!out.back().tokens.empty()) out.push_back({});
  };
  static const std::set<std::string> breaks = {"then", "and", "next", "afterwards", "afterward", "finally",
                                               "later", "subsequently", "before", "thereafter"};
  for (size_t i = 0; i < tokens.size(); ++i) {
    const PromptToken& t = tokens[i];
    if (t.kind == Kind::Break || (t.kind == Kind::Word && breaks.count(t.text))) {
      end();
    } else if (isWord(t, "followed") && i + 1 < tokens.size() && isWord(tokens[i + 1], "by")) {
      end();
      ++i;
    } else if (isWord(t, "after")) {
      if (i + 1 < tokens.size() && (isWord(tokens[i + 1], "that") || isWord(tokens[i + 1], "this") ||
                                    isWord(tokens[i + 1], "which"))) {
        ++i;
        end();
      } else {
        end();
        if (!out.back().tokens.empty() || out.size() > 1) out.back().goesBefore = true;
      }
    } else {
      out.back().tokens.push_back(t);
    }
  }
  if (out.back().tokens.empty()) out.pop_back();
  return out;
}

bool isCompositionMarker(const std::vector<PromptToken>& t, size_t i, size_t* skip) {
  *skip = 1;
  if (t[i].kind != Kind::Word) return false;
  const std::string& w = t[i].text;
  if (w == "while" || w == "whilst" || w == "meanwhile" || w == "simultaneously" || w == "with" ||
      w == "during")
    return true;
  if (w == "as" && !(i + 1 < t.size() && isWord(t[i + 1], "well"))) return true;
  if (w == "at" && i + 3 < t.size() && isWord(t[i + 1], "the") && isWord(t[i + 2], "same") &&
      isWord(t[i + 3], "time")) {
    *skip = 4;
    return true;
  }
  return false;
}

}  // namespace

PromptParser::PromptParser(const MotionVocabulary& vocabulary, PromptParserOptions options)
    : mVocabulary(vocabulary), mOptions(options) {
  mWordNet = options.wordNet && wordnet::status().available;
}

namespace {

// Places one word; the state the parse builds up.
class Reader {
 public:
  Reader(const MotionVocabulary& v, const PromptParserOptions& o, bool wordNet)
      : mVocabulary(v), mOptions(o), mWordNet(wordNet) {}

  PromptReading read(const std::string& prompt);

 private:
  struct Placement {
    Concept concept;
    double cost = 0.0;
  };
  std::optional<Placement> place(const std::string& word) const;
  std::optional<Placement> placeCached(const std::string& word);
  std::optional<Placement> placeWordNet(const std::string& word, double maxCost) const;
  std::vector<std::string> suggest(const std::string& word) const;
  std::string nameOfConcept(const Concept& c) const;
  std::vector<SubClause> placeClause(const std::vector<PromptToken>& tokens);
  std::vector<int> resolveActions(const std::vector<Placed>& items);
  int resolveHead(const std::string& head, const std::vector<Placed>& items);
  void unplaced(const std::string& word);

  const MotionVocabulary& mVocabulary;
  const PromptParserOptions& mOptions;
  bool mWordNet;
  PromptReading mReading;
  std::map<std::string, std::optional<Placement>> mPlaced;
};

std::optional<Reader::Placement> Reader::placeCached(const std::string& word) {
  const auto it = mPlaced.find(word);
  if (it != mPlaced.end()) return it->second;
  return mPlaced[word] = place(word);
}

std::optional<Reader::Placement> Reader::place(const std::string& word) const {
  if (auto c = lexiconConcept(word)) return Placement{*c, 0.0};
  // A vocabulary name or alias typed as such ("walk-back", "elderly").
  const int a = mVocabulary.findAction(word);
  if (a >= 0) return Placement{{K::Action, "=" + mVocabulary.action(a).name}, 0.0};
  const int s = mVocabulary.findStyle(word);
  if (s >= 0) return Placement{{K::Style, mVocabulary.style(s).name}, 0.0};
  if (!mWordNet) return std::nullopt;
  return placeWordNet(word, kAcceptCost);
}

std::optional<Reader::Placement> Reader::placeWordNet(const std::string& word, double maxCost) const {
  std::optional<Placement> best;
  auto consider = [&](const std::string& w, double cost) {
    if (best && best->cost <= cost) return;
    std::optional<Concept> c = lexiconConcept(w);
    if (c && (c->kind == K::Action || c->kind == K::Style) && cost <= maxCost) best = Placement{*c, cost};
  };
  // A synset reached counts only as one of the target word's three commonest
  // senses ("operate" is a sense of run, but not what a prompt means by run).
  auto considerRelated = [&](const wordnet::Related& r, double cost) {
    if (best && best->cost <= cost) return;
    const int rank = wordnet::senseRank(r.word, r.pos, r.offset);
    if (rank < 0 || rank >= 3) return;
    consider(r.word, cost + 0.2 * rank);
  };
  const std::vector<wordnet::Lemma> lemmas = wordnet::lemmas(word);
  for (const wordnet::Lemma& l : lemmas) consider(l.word, 0.1);
  if (best) return best;
  // A comparative's adjective is a weak reading of a word that is also a verb
  // ("lower it" is not "low" = sad).
  auto lemmaCost = [&](const wordnet::Lemma& l) {
    if (l.pos != wordnet::Pos::Adjective || l.word == word) return 0.0;
    for (const wordnet::Lemma& v : lemmas)
      if (v.pos == wordnet::Pos::Verb) return 1.0;
    return 0.0;
  };
  const int senses = maxCost > kAcceptCost ? 8 : 4;
  const int depth = maxCost > kAcceptCost ? 4 : 2;
  for (const wordnet::Lemma& l : lemmas) {
    for (const wordnet::Related& r : wordnet::related(l.word, l.pos, senses, depth)) {
      const double cost = 1.0 + 0.3 * r.sense + 0.7 * r.depth + lemmaCost(l);
      if (lexiconConcept(r.word)) considerRelated(r, cost);
      // An adverb's adjective, then that adjective's similar ones ("furiously" -> furious -> angry).
      if (l.pos == wordnet::Pos::Adverb && r.depth == 1)
        for (const wordnet::Related& a : wordnet::related(r.word, wordnet::Pos::Adjective, 3, 1))
          if (lexiconConcept(a.word)) considerRelated(a, cost + 0.3 * a.sense + 0.5 * a.depth);
    }
  }
  return best;
}

std::string Reader::nameOfConcept(const Concept& c) const {
  if (c.kind == K::Style) return c.key;
  if (c.kind != K::Action) return {};
  if (c.key[0] == '=') return c.key.substr(1);
  static const std::map<std::string, std::string> heads = {
      {"turn", "walk-turn-left"}, {"wave", "wave-right-hand"}, {"raise", "raise-up-right-hand"},
      {"dance", "dance-short"}};
  const auto it = heads.find(c.key);
  return it == heads.end() ? c.key : it->second;
}

std::vector<std::string> Reader::suggest(const std::string& word) const {
  std::vector<std::pair<double, std::string>> scored;
  auto add = [&](double score, const std::string& name) {
    if (name.empty()) return;
    for (auto& s : scored)
      if (s.second == name) {
        s.first = std::min(s.first, score);
        return;
      }
    scored.emplace_back(score, name);
  };
  // Spelling: the known words and vocabulary names within about a third of the word.
  auto bySpelling = [&](const std::string& known, const std::string& name) {
    const int d = editDistance(word, known);
    const double rel = static_cast<double>(d) / static_cast<double>(std::max(word.size(), known.size()));
    if (rel <= 0.4) add(rel, name);
  };
  for (const auto& [w, c] : lexiconWords())
    if (c.kind == K::Action || c.kind == K::Style) bySpelling(w, nameOfConcept(c));
  for (const VocabularyEntry& e : mVocabulary.actions()) bySpelling(e.name, e.name);
  for (const VocabularyEntry& e : mVocabulary.styles()) bySpelling(e.name, e.name);
  // Meaning: a looser WordNet search (more senses, more steps).
  if (mWordNet)
    if (std::optional<Placement> p = placeWordNet(word, 1e9)) add(0.2 + p->cost / 10.0, nameOfConcept(p->concept));
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& s : scored)
    if (static_cast<int>(out.size()) < mOptions.maxSuggestions) out.push_back(s.second);
  return out;
}

void Reader::unplaced(const std::string& word) {
  for (const UnplacedWord& u : mReading.unplaced)
    if (u.word == word) return;
  mReading.unplaced.push_back({word, suggest(word)});
}

std::vector<SubClause> Reader::placeClause(const std::vector<PromptToken>& tokens) {
  // Hyphenated words that are no vocabulary name fall apart into words.
  std::vector<PromptToken> t;
  for (const PromptToken& tok : tokens) {
    if (tok.kind == Kind::Word && tok.text.find('-') != std::string::npos &&
        mVocabulary.findAction(tok.text) < 0 && mVocabulary.findStyle(tok.text) < 0) {
      size_t start = 0;
      while (start <= tok.text.size()) {
        const size_t p = std::min(tok.text.find('-', start), tok.text.size());
        if (p > start) t.push_back({Kind::Word, tok.text.substr(start, p - start), 0.0});
        start = p + 1;
      }
    } else {
      t.push_back(tok);
    }
  }
  // Base forms, once per token (WordNet look-ups cost tens of microseconds).
  std::vector<std::optional<std::string>> bases(t.size());
  auto base = [&](size_t i) -> const std::string& {
    if (bases[i]) return *bases[i];
    std::string b = t[i].kind == Kind::Word ? lexiconBase(t[i].text) : t[i].text;
    if (t[i].kind == Kind::Word && b == t[i].text && mWordNet && !lexiconConcept(b)) {
      // A verb's lemma first, so "shows the way" meets the phrase "show the way".
      for (const wordnet::Lemma& l : wordnet::lemmas(b))
        if (l.pos == wordnet::Pos::Verb) {
          b = l.word;
          break;
        }
    }
    bases[i] = std::move(b);
    return *bases[i];
  };
  auto matches = [&](size_t i, const std::vector<std::string>& words) {
    if (i + words.size() > t.size()) return false;
    for (size_t k = 0; k < words.size(); ++k)
      // Base forms share the first letter with the word (run/ran): a cheap test first.
      if (t[i + k].kind != Kind::Word || t[i + k].text.empty() || t[i + k].text[0] != words[k][0] ||
          (t[i + k].text != words[k] && base(i + k) != words[k]))
        return false;
    return true;
  };
  // Multi-word vocabulary aliases ("turn left", "walk backwards"), longest first.
  std::vector<std::pair<std::vector<std::string>, Concept>> aliasPhrases;
  auto addAliases = [&](const std::vector<VocabularyEntry>& entries, bool actions) {
    for (const VocabularyEntry& e : entries)
      for (const std::string& a : e.aliases) {
        std::vector<std::string> words;
        size_t start = 0;
        while (start < a.size()) {
          const size_t p = std::min(a.find(' ', start), a.size());
          if (p > start) words.push_back(a.substr(start, p - start));
          start = p + 1;
        }
        if (words.size() >= 2)
          aliasPhrases.push_back({words, actions ? Concept{K::Action, "=" + e.name} : Concept{K::Style, e.name}});
      }
  };
  addAliases(mVocabulary.actions(), true);
  addAliases(mVocabulary.styles(), false);
  std::stable_sort(aliasPhrases.begin(), aliasPhrases.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

  std::vector<SubClause> subs(1);
  for (size_t i = 0; i < t.size();) {
    size_t skip = 1;
    if (isCompositionMarker(t, i, &skip)) {
      if (!subs.back().items.empty() || subs.back().startsWithWith) subs.push_back({});
      subs.back().startsWithWith = t[i].text == "with";
      i += skip;
      continue;
    }
    bool matched = false;
    for (const auto& [words, concept] : aliasPhrases)
      if (matches(i, words)) {
        subs.back().items.push_back({concept, words[0]});
        i += words.size();
        matched = true;
        break;
      }
    if (matched) continue;
    for (const Phrase& p : phraseTable())
      if (matches(i, p.words)) {
        for (const Concept& c : p.concepts) subs.back().items.push_back({c, p.words[0]});
        i += p.words.size();
        matched = true;
        break;
      }
    if (matched) continue;
    const PromptToken& tok = t[i];
    ++i;
    if (tok.kind == Kind::Number) {
      // "two hands" names a side; other counts ("one", "3") carry no label.
      const bool spelled = !tok.text.empty() && tok.text[0] >= 'a' && tok.text[0] <= 'z';
      if (auto c = spelled ? lexiconConcept(tok.text) : std::nullopt) subs.back().items.push_back({*c, tok.text});
      else if (!spelled) unplaced(tok.text);
      continue;
    }
    if (isStopWord(tok.text)) continue;
    const std::optional<Placement> p = placeCached(tok.text);
    if (!p) {
      unplaced(tok.text);
    } else if (p->concept.kind == K::Ignored) {
      if (std::find(mReading.ignored.begin(), mReading.ignored.end(), tok.text) == mReading.ignored.end())
        mReading.ignored.push_back(tok.text);
    } else {
      subs.back().items.push_back({p->concept, tok.text});
    }
  }
  // "waves with his right hand": a with-part without an action qualifies the part before it.
  for (size_t k = 1; k < subs.size();) {
    const bool hasAction = std::any_of(subs[k].items.begin(), subs[k].items.end(),
                                       [](const Placed& p) { return p.concept.kind == K::Action; });
    if (!hasAction) {
      subs[k - 1].items.insert(subs[k - 1].items.end(), subs[k].items.begin(), subs[k].items.end());
      subs.erase(subs.begin() + static_cast<long>(k));
    } else {
      ++k;
    }
  }
  return subs;
}

int Reader::resolveHead(const std::string& head, const std::vector<Placed>& items) {
  if (head[0] == '=') return mVocabulary.findAction(head.substr(1));
  std::string side;
  bool plural = false, back = false, longer = false, sideways = false;
  for (const Placed& p : items) {
    if (p.concept.kind == K::Side && (side.empty() || p.concept.key == "both")) side = p.concept.key;
    if (p.concept.kind == K::Limb && p.concept.key == "hands") plural = true;
    if (p.concept.kind == K::Direction && p.concept.key == "back") back = true;
    if (p.concept.kind == K::Direction && p.concept.key == "side") sideways = true;
    if (p.concept.kind == K::Length && p.concept.key == "long") longer = true;
  }
  if (plural && side.empty()) side = "both";
  std::string name = head;
  auto sided = [&](const std::string& stem, const char* what) {
    if (side.empty()) {
      mReading.notes.push_back(std::string(what) + ": no side given, reading right");
      side = "right";
    }
    return stem + side + "-hand" + (side == "both" ? "s" : "");
  };
  if (head == "walk") {
    if (back) name = "walk-back";
    else if (side == "left" || side == "right") name = "walk-" + side;
    else if (sideways) name = "walk-right", mReading.notes.push_back("sideways: no side given, reading right");
  } else if (head == "turn") {
    if (side != "left" && side != "right") {
      mReading.notes.push_back("turn: no side given, reading left");
      side = "left";
    }
    name = "walk-turn-" + side;
  } else if (head == "wave") {
    name = sided("wave-", "wave");
  } else if (head == "raise") {
    name = sided("raise-up-", "raise");
  } else if (head == "bye") {
    name = side == "both" ? "byebye" : "bye";
  } else if (head == "dance") {
    name = longer ? "dance-long" : "dance-short";
  }
  return mVocabulary.findAction(name);
}

std::vector<int> Reader::resolveActions(const std::vector<Placed>& items) {
  std::vector<std::string> heads;
  for (const Placed& p : items)
    if (p.concept.kind == K::Action && std::find(heads.begin(), heads.end(), p.concept.key) == heads.end())
      heads.push_back(p.concept.key);
  auto has = [&](const char* h) { return std::find(heads.begin(), heads.end(), h) != heads.end(); };
  auto drop = [&](const char* h) { heads.erase(std::remove(heads.begin(), heads.end(), h), heads.end()); };
  // One gesture named by two words: "wave goodbye" is bye, "walk and turn" one turn.
  if (has("bye") || has("byebye")) drop("wave");
  if (has("byebye")) drop("bye");
  if (has("turn")) drop("walk");
  // A general word beside a vocabulary name of its own family names that
  // action once: "walk turn left" is walk-turn-left, "wave wave-left-hand" one wave.
  for (const std::string& h : std::vector<std::string>(heads))
    if (h[0] == '=')
      for (const std::string& g : std::vector<std::string>(heads))
        if (g[0] != '=' && h.compare(1, g.size() + 1, g + "-") == 0) drop(g.c_str());
  std::vector<int> out;
  for (const std::string& h : heads) {
    const int id = resolveHead(h, items);
    if (id >= 0) out.push_back(id);
    else mReading.notes.push_back("'" + h + "' names no action of this vocabulary");
  }
  return out;
}

PromptReading Reader::read(const std::string& prompt) {
  mReading = {};
  mReading.wordNet = mWordNet;
  mReading.vocabulary = &mVocabulary;
  const std::vector<Clause> clauses = splitClauses(tokenizePrompt(prompt));

  struct Built {
    std::vector<PromptSegment> segments;
    int style = -1;
    std::optional<SegmentDuration> duration;
    bool goesBefore = false;
    bool attach = false;  // begins with a composition marker: part of the clause before
  };
  std::vector<Built> built;
  for (const Clause& c : clauses) {
    std::vector<PromptToken> tokens = c.tokens;
    Built b;
    b.goesBefore = c.goesBefore;
    size_t skip = 0;
    b.attach = !tokens.empty() && isCompositionMarker(tokens, 0, &skip) && !isWord(tokens[0], "with") && !built.empty();
    b.duration = takeDuration(tokens);
    std::string text;
    for (const PromptToken& t : c.tokens) text += (text.empty() ? "" : " ") + t.text;
    const std::vector<SubClause> subs = placeClause(tokens);
    // Style: the first one named in the clause.
    for (const SubClause& s : subs)
      for (const Placed& p : s.items)
        if (p.concept.kind == K::Style) {
          const int id = mVocabulary.findStyle(p.concept.key);
          if (id < 0) continue;
          if (b.style < 0) b.style = id;
          else if (id != b.style)
            mReading.notes.push_back("several styles in one part: kept " + mVocabulary.style(b.style).name +
                                     ", not " + mVocabulary.style(id).name);
        }
    // Actions: the first sub-clause's are the base (one segment each); the
    // others compose onto the first segment part by part.
    std::vector<std::vector<int>> actions;
    for (const SubClause& s : subs) actions.push_back(resolveActions(s.items));
    size_t main = 0;
    while (main < actions.size() && actions[main].empty()) ++main;
    if (main < actions.size()) {
      for (int a : actions[main]) {
        PromptSegment seg;
        seg.action = a;
        seg.text = text;
        b.segments.push_back(seg);
      }
      PromptSegment& first = b.segments.front();
      for (size_t k = main + 1; k < actions.size(); ++k) {
        if (actions[k].empty()) continue;
        for (size_t extra = 1; extra < actions[k].size(); ++extra)
          mReading.notes.push_back("composed one action per part of the prompt: " +
                                   mVocabulary.action(actions[k][extra]).name + " left out");
        const int other = actions[k][0];
        auto overrideParts = [&](int action, const std::vector<BodyPart>& skipParts) {
          for (BodyPart p : mVocabulary.action(action).parts) {
            if (std::find(skipParts.begin(), skipParts.end(), p) != skipParts.end()) continue;
            auto it = std::find_if(first.parts.begin(), first.parts.end(),
                                   [&](const PartOverride& o) { return o.part == p; });
            if (it != first.parts.end()) it->action = action;
            else first.parts.push_back({p, action});
          }
        };
        const bool baseWhole = mVocabulary.isWholeBody(first.action), otherWhole = mVocabulary.isWholeBody(other);
        if (baseWhole && !otherWhole) {
          overrideParts(other, {});
        } else if (!baseWhole && otherWhole) {
          // "wave while walking": the walk is the base, the wave its arm.
          const int gesture = first.action;
          first.action = other;
          overrideParts(gesture, {});
        } else if (baseWhole && otherWhole) {
          mReading.notes.push_back(mVocabulary.action(first.action).name + " and " + mVocabulary.action(other).name +
                                   " both move the whole body: kept " + mVocabulary.action(first.action).name);
        } else {
          overrideParts(other, mVocabulary.action(first.action).parts);
        }
      }
      std::sort(first.parts.begin(), first.parts.end(),
                [](const PartOverride& a, const PartOverride& b) { return a.part < b.part; });
    }
    if (b.attach && !b.segments.empty() && !built.back().segments.empty()) {
      // ", while waving": compose onto the clause before.
      Built& prev = built.back();
      PromptSegment& first = prev.segments.back();
      for (const PromptSegment& s : b.segments) {
        if (mVocabulary.isWholeBody(s.action)) {
          mReading.notes.push_back(mVocabulary.action(first.action).name + " and " +
                                   mVocabulary.action(s.action).name + " both move the whole body: kept " +
                                   mVocabulary.action(first.action).name);
          continue;
        }
        for (BodyPart p : mVocabulary.action(s.action).parts) first.parts.push_back({p, s.action});
      }
      if (prev.style < 0) prev.style = b.style;
      if (!prev.duration) prev.duration = b.duration;
      continue;
    }
    built.push_back(std::move(b));
  }

  // "X after Y": Y first.
  for (size_t i = 1; i < built.size(); ++i)
    if (built[i].goesBefore) std::swap(built[i - 1], built[i]);

  // Clauses without an action: a style or a duration for their neighbours.
  std::vector<PromptSegment>& out = mReading.segments;
  std::vector<bool> named;
  int pendingStyle = -1;
  std::optional<SegmentDuration> pendingDuration;
  for (size_t i = 0; i < built.size(); ++i) {
    Built& b = built[i];
    if (b.segments.empty()) {
      const bool laterAction = std::any_of(built.begin() + static_cast<long>(i) + 1, built.end(),
                                           [](const Built& x) { return !x.segments.empty(); });
      if (b.style >= 0) {
        if (laterAction || out.empty()) pendingStyle = b.style;
        else out.back().style = b.style, out.back().styleNamed = true;
      }
      if (b.duration) {
        if (!out.empty()) out.back().duration = *b.duration;
        else pendingDuration = b.duration;
      }
      continue;
    }
    for (size_t k = 0; k < b.segments.size(); ++k) {
      PromptSegment s = b.segments[k];
      const int style = b.style >= 0 ? b.style : pendingStyle;
      if (k == 0 && b.style >= 0 && pendingStyle >= 0 && pendingStyle != b.style)
        mReading.notes.push_back("several styles in one part: kept " + mVocabulary.style(b.style).name + ", not " +
                                 mVocabulary.style(pendingStyle).name);
      if (style >= 0) s.style = style, s.styleNamed = true;
      // A duration belongs to the last action of its clause ("walk run for 3 s").
      if (k + 1 == b.segments.size() && b.duration) s.duration = *b.duration;
      else if (k == 0 && pendingDuration) s.duration = *pendingDuration;
      out.push_back(s);
    }
    pendingStyle = -1;
    pendingDuration.reset();
  }
  if (out.empty() && pendingStyle >= 0) {
    // A style alone: one segment of any action in that style.
    PromptSegment s;
    s.style = pendingStyle;
    s.styleNamed = true;
    if (pendingDuration) s.duration = *pendingDuration;
    out.push_back(s);
  }
  // Styles carry over until another is named.
  int current = -1;
  for (PromptSegment& s : out) {
    if (s.styleNamed) {
      current = s.style;
    } else if (current >= 0) {
      s.style = current;
      s.styleCarried = true;
    } else {
      s.style = mVocabulary.defaultStyle();
    }
  }
  std::sort(mReading.notes.begin(), mReading.notes.end());
  mReading.notes.erase(std::unique(mReading.notes.begin(), mReading.notes.end()), mReading.notes.end());
  return mReading;
}

}  // namespace

PromptReading PromptParser::parse(const std::string& prompt) const {
  Reader reader(mVocabulary, mOptions, mWordNet);
  return reader.read(prompt);
}

}  // namespace mm::text
