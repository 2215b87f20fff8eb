#pragma once
// Reads a prompt ("an old man walks for 3 seconds, then waves with his right
// hand") as segments over the vocabulary (promptreading.h).
//
// Steps: lower-case and tokenise; cut into clauses at sequence markers (",",
// ";", ".", "then", "and", "next", "afterwards", "after that", "followed by";
// "X after Y" puts Y first); take durations out of each clause ("for 3
// seconds", "2.5 s", "for 90 frames", "half a second", "briefly" = 1.5 s, "for
// a while" = 8 s); cut each clause at composition markers ("while", "whilst",
// "as", "at the same time", "with" when an action follows: "with both hands
// raised"); place each word: phrase table, our lexicon with its inflections,
// then WordNet lemmas, synonyms, similar adjectives, adverb pertainyms and
// hypernyms (closer senses and fewer steps first); resolve action heads with
// their side, limb and direction ("wave" + "right" + "hand" -> wave-right-hand,
// "walk" + "backwards" -> walk-back, "wave" + "goodbye" -> bye). A style
// carries over to later segments until another is named. A clause with two
// actions, one whole-body and one on some parts, becomes one segment whose
// parts come from the second ("walk while waving the right hand": base walk,
// right arm wave-right-hand).

#include "text/motionvocabulary.h"
#include "text/promptreading.h"

#include <string>

namespace mm::text {

struct PromptParserOptions {
  // Use WordNet when the build has it and the dictionary opens; false reads
  // exact words and the phrase table only (as a build without WordNet does).
  bool wordNet = true;
  // Most suggestions per unplaced word.
  int maxSuggestions = 3;
};

class PromptParser {
 public:
  explicit PromptParser(const MotionVocabulary& vocabulary = MotionVocabulary::builtin(),
                        PromptParserOptions options = {});
  PromptReading parse(const std::string& prompt) const;
  // Whether this parser reads through WordNet (asked for, compiled in, dictionary found).
  bool wordNetOn() const { return mWordNet; }

 private:
  const MotionVocabulary& mVocabulary;
  PromptParserOptions mOptions;
  bool mWordNet = false;
};

}  // namespace mm::text
