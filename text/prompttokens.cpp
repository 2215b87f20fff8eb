#include "text/prompttokens.h"

#include <cctype>
#include <cstdlib>
#include <map>

namespace mm::text {

namespace {
const std::map<std::string, double> kNumberWords = {
    {"one", 1},     {"two", 2},       {"three", 3},     {"four", 4},     {"five", 5},
    {"six", 6},     {"seven", 7},     {"eight", 8},     {"nine", 9},     {"ten", 10},
    {"eleven", 11}, {"twelve", 12},   {"fifteen", 15},  {"twenty", 20},  {"thirty", 30},
};
}  // namespace

std::vector<PromptToken> tokenizePrompt(const std::string& prompt) {
  std::vector<PromptToken> out;
  const size_t n = prompt.size();
  size_t i = 0;
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto isAlpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  auto isDigit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < n) {
    const char c = prompt[i];
    if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(prompt[i + 1]) && (out.empty() || out.back().kind != PromptToken::Kind::Number))) {
      size_t j = i;
      while (j < n && (isDigit(prompt[j]) || (prompt[j] == '.' && j + 1 < n && isDigit(prompt[j + 1])))) ++j;
      PromptToken t;
      t.kind = PromptToken::Kind::Number;
      t.text = prompt.substr(i, j - i);
      t.value = std::strtod(t.text.c_str(), nullptr);
      out.push_back(t);
      i = j;
    } else if (isAlpha(c)) {
      size_t j = i;
      std::string w;
      // Bytes of UTF-8 letters stay in the word ("café" is one unknown word).
      auto inWord = [&](char x) { return isAlpha(x) || static_cast<unsigned char>(x) >= 0x80; };
      while (j < n && (inWord(prompt[j]) || ((prompt[j] == '-' || prompt[j] == '\'') && j + 1 < n && isAlpha(prompt[j + 1])))) {
        w.push_back(lower(prompt[j]));
        ++j;
      }
      if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.erase(w.size() - 2);
      const auto num = kNumberWords.find(w);
      PromptToken t;
      t.text = w;
      if (num != kNumberWords.end()) {
        t.kind = PromptToken::Kind::Number;
        t.value = num->second;
      }
      out.push_back(t);
      i = j;
    } else if (c == '-' && i + 1 < n && prompt[i + 1] == '>') {  // "walk -> run"
      if (!out.empty() && out.back().kind != PromptToken::Kind::Break) out.push_back({PromptToken::Kind::Break, ",", 0.0});
      i += 2;
    } else if (prompt.compare(i, 3, "\xe2\x86\x92") == 0 || prompt.compare(i, 3, "\xe2\x80\x93") == 0 ||
               prompt.compare(i, 3, "\xe2\x80\x94") == 0) {  // → – —
      if (!out.empty() && out.back().kind != PromptToken::Kind::Break) out.push_back({PromptToken::Kind::Break, ",", 0.0});
      i += 3;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // Other UTF-8: a word of its own, so that it is reported, not dropped.
      size_t j = i;
      while (j < n && static_cast<unsigned char>(prompt[j]) >= 0x80) ++j;
      out.push_back({PromptToken::Kind::Word, prompt.substr(i, j - i), 0.0});
      i = j;
    } else if (c == ',' || c == ';' || c == '.' || c == '!' || c == '?' || c == ':') {
      if (!out.empty() && out.back().kind != PromptToken::Kind::Break) out.push_back({PromptToken::Kind::Break, ",", 0.0});
      ++i;
    } else {
      ++i;  // spaces, quotes, brackets, and anything else
    }
  }
  return out;
}

}  // namespace mm::text
