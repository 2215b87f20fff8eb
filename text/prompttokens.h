#pragma once
// The tokens of a prompt: lower-case words, numbers ("2.5", the "3" of "3s",
// number words up to twenty) and the punctuation that ends a clause.

#include <string>
#include <vector>

namespace mm::text {

struct PromptToken {
  enum class Kind { Word, Number, Break };
  Kind kind = Kind::Word;
  std::string text;    // lower-case; "," for every clause break
  double value = 0.0;  // numbers
};

// Hyphenated words stay whole ("walk-back", "bye-bye"); the parser splits the
// ones that are not vocabulary names. "'s" is dropped ("someone's").
std::vector<PromptToken> tokenizePrompt(const std::string& prompt);

}  // namespace mm::text
