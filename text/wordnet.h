#pragma once
// WordNet (Princeton, the C library of Debian's wordnet-dev, dictionary of
// wordnet-base) for the prompt parser: base forms of inflected words and the
// words a sense is related to (synonyms, similar adjectives, the adjective an
// adverb comes from, hypernyms).
//
// The C library keeps global state (open files, static buffers), so every
// call here takes one process-wide mutex and the library is initialised once,
// on first use. Builds without WordNet (MM_WITH_WORDNET=OFF or not found)
// compile this to "not available".

#include <string>
#include <vector>

namespace mm::text::wordnet {

enum class Pos { Noun = 1, Verb = 2, Adjective = 3, Adverb = 4 };

struct Status {
  bool compiledIn = false;
  bool available = false;    // compiled in and the dictionary opened
  double initSeconds = 0.0;  // time the first initialisation took
  std::string message;       // why not available
};
// Initialises on the first call (thread-safe); cheap afterwards.
const Status& status();

struct Lemma {
  std::string word;  // WordNet spelling: lowercase, '_' between words
  Pos pos;
};
// The base forms of `word` WordNet knows: the word itself where it is an
// entry, and its lemmas ("strolls" -> stroll (noun, verb); "ran" -> run (verb)).
std::vector<Lemma> lemmas(const std::string& word);

struct Related {
  std::string word;
  int sense = 0;  // 0-based sense of the lemma it came from (lower = more common)
  int depth = 0;  // 0 synonym (same synset), 1 similar adjective / pertainym / direct hypernym, 2 ...
  Pos pos = Pos::Noun;  // of the synset reached
  long offset = 0;      // the synset reached (see senseRank)
};
// Words related to `lemma` as `pos`, over its first `maxSenses` senses and up
// to `maxDepth` hypernym (noun, verb) or similarity (adjective) steps.
std::vector<Related> related(const std::string& lemma, Pos pos, int maxSenses, int maxDepth);

// The rank (0 = most common) of the synset at `offset` among the senses of
// `word` as `pos`; -1 if it is none of them. "sneak" shares a synset with
// "lift", but as lift's rare "steal" sense: a reading should not take it.
int senseRank(const std::string& word, Pos pos, long offset);

}  // namespace mm::text::wordnet
