#pragma once
// Edit distance for "closest known word" suggestions.

#include <string>

namespace mm::text {

// Damerau-Levenshtein (optimal string alignment): insertions, deletions,
// substitutions and swaps of two neighbours each cost 1.
int editDistance(const std::string& a, const std::string& b);

}  // namespace mm::text
