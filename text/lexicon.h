#pragma once
// Our own words for prompts: what each known word means (an action head such
// as "wave", a style, a side, a limb), the inflected forms of those words, the
// phrase table for multi-word expressions, and the stop list. WordNet
// (wordnet.h) extends this to synonyms and hypernyms; without it, these words
// and phrases are all the parser knows.
//
// Stop list (words that never produce a segment, a style or a complaint):
// articles and determiners; pronouns; the performer ("man", "woman", "person",
// "someone", "boy", "girl", "character": who moves is not how); auxiliaries
// and aspect verbs ("is", "starts", "keeps", "goes"); verbs that introduce a
// style ("acts like a child", "looks tired"); prepositions and
// particles; intensifiers ("very", "slightly"); greetings that only colour a
// gesture ("hello" in "wave hello"). Speed and manner words ("slowly",
// "quickly", "fast", "gently", "twice", "deeply") are known but no label conditions
// them: the reading lists them as ignored instead of unplaced.

#include <optional>
#include <string>
#include <vector>

namespace mm::text {

enum class ConceptKind {
  Action,     // an action head: walk, run, dash, turn, wave, raise, bow, bye, byebye, guide, ...
  Style,      // a style name of the vocabulary
  Side,       // left, right, both
  Limb,       // hand, arm (key "hand"; plural "hands"), leg, foot (key "leg", "legs")
  Direction,  // back (backwards)
  Length,     // long, short (dance-long / dance-short)
  Ignored,    // known, but no label conditions it (speed, manner)
};

struct Concept {
  ConceptKind kind = ConceptKind::Ignored;
  std::string key;
  bool operator==(const Concept& o) const { return kind == o.kind && key == o.key; }
};

// Our own entry for `word` (lowercase): the word itself or one of the
// inflected forms we generate for it ("waved", "strolling" if "stroll" were
// ours, "happily"). nullopt if unknown.
std::optional<Concept> lexiconConcept(const std::string& word);
// The base form of one of our own inflected words ("waves" -> "wave"), or the word.
std::string lexiconBase(const std::string& word);
bool isStopWord(const std::string& word);

// Every word of the lexicon with its concept (for suggestions and listings).
const std::vector<std::pair<std::string, Concept>>& lexiconWords();

// A multi-word expression read as one or more concepts ("hands up" -> raise +
// both; "not confident" -> style not-confident). Patterns are base forms.
struct Phrase {
  std::vector<std::string> words;
  std::vector<Concept> concepts;
};
const std::vector<Phrase>& phraseTable();

}  // namespace mm::text
