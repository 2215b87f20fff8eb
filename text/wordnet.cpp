#include "text/wordnet.h"

#include <chrono>
#include <map>
#include <mutex>

#ifdef MM_HAVE_WORDNET
#include <wn.h>
#endif

namespace mm::text::wordnet {

namespace {
#ifdef MM_HAVE_WORDNET
std::mutex& lock() {
  static std::mutex m;
  return m;
}

// Answers are kept (a prompt typed live asks the same words again and again);
// bounded, cleared when full.
constexpr size_t kCacheEntries = 20000;
std::map<std::string, std::vector<Lemma>> gLemmaCache;
std::map<std::string, std::vector<Related>> gRelatedCache;
std::map<std::string, int> gRankCache;

// The library reports errors through this hook (stderr by default): the
// parser says "WordNet not available" once instead.
std::string gLastMessage;
int quietMessage(char* text) {
  // Keep the first error (the library also warns about optional files).
  std::string m = text ? text : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (gLastMessage.find("error") == std::string::npos) gLastMessage = m;
  return 0;
}

// "worn_out(p)" -> "worn_out": adjective position markers are not words.
std::string cleanWord(const char* w) {
  std::string s(w ? w : "");
  const size_t paren = s.find('(');
  if (paren != std::string::npos) s.erase(paren);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

void addWords(SynsetPtr s, int pos, int sense, int depth, std::vector<Related>* out) {
  for (int i = 0; i < s->wcount; ++i)
    out->push_back({cleanWord(s->words[i]), sense, depth, static_cast<Pos>(pos), s->hereiam});
}

// Breadth-first over `pointer` links (hypernyms, similar-to) up to maxDepth.
void follow(SynsetPtr s, int pointer, int sense, int depth, int maxDepth, std::vector<Related>* out) {
  if (depth > maxDepth) return;
  for (int k = 0; k < s->ptrcount; ++k) {
    if (s->ptrtyp[k] != pointer) continue;
    // Pertainyms and similar-to point at one word of an adjective synset.
    SynsetPtr t = read_synset(s->ppos[k], s->ptroff[k], const_cast<char*>(""));
    if (!t) continue;
    addWords(t, s->ppos[k], sense, depth, out);
    if (pointer == HYPERPTR) follow(t, pointer, sense, depth + 1, maxDepth, out);
    free_synset(t);
  }
}
#endif
}  // namespace

const Status& status() {
  static const Status s = [] {
    Status st;
#ifdef MM_HAVE_WORDNET
    st.compiledIn = true;
    std::lock_guard<std::mutex> g(lock());
    const auto t0 = std::chrono::steady_clock::now();
    display_message = quietMessage;
    const int rc = wninit();
    st.initSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    st.available = rc == 0;
    if (!st.available)
      st.message = "WordNet dictionary not found (install wordnet-base, or set WNSEARCHDIR): " + gLastMessage;
#else
    st.message = "this build has no WordNet (MM_WITH_WORDNET)";
#endif
    return st;
  }();
  return s;
}

std::vector<Lemma> lemmas(const std::string& word) {
  std::vector<Lemma> out;
#ifdef MM_HAVE_WORDNET
  if (!status().available || word.empty() || word.size() > 60) return out;
  std::lock_guard<std::mutex> g(lock());
  if (const auto it = gLemmaCache.find(word); it != gLemmaCache.end()) return it->second;
  if (gLemmaCache.size() >= kCacheEntries) gLemmaCache.clear();
  std::string w = word;
  for (char& c : w)
    if (c == ' ' || c == '-') c = '_';
  for (int pos = NOUN; pos <= ADV; ++pos) {
    auto add = [&](const std::string& l) {
      for (const Lemma& e : out)
        if (e.word == l && static_cast<int>(e.pos) == pos) return;
      out.push_back({l, static_cast<Pos>(pos)});
    };
    std::vector<char> buf(w.begin(), w.end());
    buf.push_back('\0');
    if (IndexPtr idx = index_lookup(buf.data(), pos)) {
      add(w);
      free_index(idx);
    }
    // morphstr keeps state between calls for the same word (NULL = next form).
    for (char* m = morphstr(buf.data(), pos); m; m = morphstr(nullptr, pos)) add(cleanWord(m));
  }
  gLemmaCache[word] = out;
#endif
  return out;
}

std::vector<Related> related(const std::string& lemma, Pos pos, int maxSenses, int maxDepth) {
  std::vector<Related> out;
#ifdef MM_HAVE_WORDNET
  if (!status().available || lemma.empty() || lemma.size() > 60) return out;
  std::lock_guard<std::mutex> g(lock());
  const std::string key = lemma + '\t' + std::to_string(static_cast<int>(pos)) + '\t' + std::to_string(maxSenses) +
                          '\t' + std::to_string(maxDepth);
  if (const auto it = gRelatedCache.find(key); it != gRelatedCache.end()) return it->second;
  if (gRelatedCache.size() >= kCacheEntries) gRelatedCache.clear();
  std::vector<char> buf(lemma.begin(), lemma.end());
  buf.push_back('\0');
  const int p = static_cast<int>(pos);
  IndexPtr idx = index_lookup(buf.data(), p);
  if (!idx) {
    gRelatedCache[key] = out;
    return out;
  }
  for (int sense = 0; sense < idx->off_cnt && sense < maxSenses; ++sense) {
    SynsetPtr s = read_synset(p, static_cast<long>(idx->offset[sense]), buf.data());
    if (!s) continue;
    addWords(s, p, sense, 0, &out);
    if (maxDepth > 0) {
      if (pos == Pos::Noun || pos == Pos::Verb) follow(s, HYPERPTR, sense, 1, maxDepth, &out);
      if (pos == Pos::Adjective) follow(s, SIMPTR, sense, 1, 1, &out);
      // Adverbs point at the adjective they are made from ("furiously" -> furious).
      if (pos == Pos::Adverb) follow(s, PERTPTR, sense, 1, 1, &out);
    }
    free_synset(s);
  }
  free_index(idx);
  gRelatedCache[key] = out;
#endif
  return out;
}

int senseRank(const std::string& word, Pos pos, long offset) {
#ifdef MM_HAVE_WORDNET
  if (!status().available || word.empty() || word.size() > 60) return -1;
  std::lock_guard<std::mutex> g(lock());
  const std::string key = word + '\t' + std::to_string(static_cast<int>(pos)) + '\t' + std::to_string(offset);
  if (const auto it = gRankCache.find(key); it != gRankCache.end()) return it->second;
  if (gRankCache.size() >= kCacheEntries) gRankCache.clear();
  std::vector<char> buf(word.begin(), word.end());
  buf.push_back('\0');
  // Satellite adjectives are read as adjectives.
  IndexPtr idx = index_lookup(buf.data(), static_cast<int>(pos) == SATELLITE ? ADJ : static_cast<int>(pos));
  if (!idx) return gRankCache[key] = -1;
  int rank = -1;
  for (int i = 0; i < idx->off_cnt; ++i)
    if (static_cast<long>(idx->offset[i]) == offset) {
      rank = i;
      break;
    }
  free_index(idx);
  return gRankCache[key] = rank;
#else
  (void)word, (void)pos, (void)offset;
  return -1;
#endif
}

}  // namespace mm::text::wordnet
