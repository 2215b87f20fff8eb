// `motionmender-cli generate`: text-to-motion. This part reads prompts over
// the vocabulary of actions and styles (text/); generating motion needs a model
// conditioned on them, which does not exist yet, and says so.
//
//   generate --vocabulary [--labels DIR[,DIR]]   the actions, styles, and whether WordNet is on
//   generate "PROMPT" --explain [--no-wordnet] [--labels DIR[,DIR]]
//   generate "PROMPT" -o OUT ...                 exit 2: no conditioned model yet
#include "cli.h"

#include "text/motionvocabulary.h"
#include "text/promptparser.h"
#include "text/wordnet.h"

#include <chrono>
#include <cstdio>

namespace mm::cli {

namespace {

const char* kUsageLine =
    "usage: generate --vocabulary | generate \"PROMPT\" --explain | generate \"PROMPT\" -o OUT "
    "[--seconds S|--frames N] [--seed S]  (--labels DIR[,DIR]: the vocabulary of label folders; --no-wordnet)";

std::string joined(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::string partsText(const text::MotionVocabulary& v, int action) {
  if (v.isWholeBody(action)) return "whole body";
  std::vector<std::string> names;
  for (BodyPart p : v.action(action).parts) names.push_back(text::bodyPartDisplay(p));
  return joined(names, ", ");
}

std::string labelsText(const text::VocabularyEntry& e) {
  std::vector<std::string> l;
  for (const text::DatasetLabel& d : e.labels)
    l.push_back(d.dataset + ":" + std::to_string(d.index) + (d.label == e.name ? "" : " " + d.label));
  return l.empty() ? "-" : joined(l, ", ");
}

std::string wordNetText(bool asked) {
  const text::wordnet::Status& s = text::wordnet::status();
  if (!asked) return "off (--no-wordnet: exact words and the phrase table only)";
  if (!s.available) return "off (" + s.message + "): exact words and the phrase table only";
  char buf[96];
  std::snprintf(buf, sizeof buf, "on (lemmas, synonyms, hypernyms; initialised in %.0f ms)", s.initSeconds * 1000.0);
  return buf;
}

int printVocabulary(const text::MotionVocabulary& v, bool wordNet) {
  std::printf("actions (%zu): name, body parts it drives, dataset labels, also understood as\n", v.actions().size());
  for (size_t i = 0; i < v.actions().size(); ++i) {
    const text::VocabularyEntry& e = v.action(static_cast<int>(i));
    std::printf("  %-20s %-22s %-18s %s\n", e.name.c_str(), partsText(v, static_cast<int>(i)).c_str(),
                labelsText(e).c_str(), joined(e.aliases, ", ").c_str());
  }
  std::printf("styles (%zu): name, dataset labels, also understood as\n", v.styles().size());
  for (const text::VocabularyEntry& e : v.styles())
    std::printf("  %-20s %-22s %s\n", e.name.c_str(), labelsText(e).c_str(), joined(e.aliases, ", ").c_str());
  std::printf("WordNet: %s\n", wordNetText(wordNet).c_str());
  return kOk;
}

}  // namespace

int runGenerate(Args args) {
  const bool listVocabulary = args.takeFlag("--vocabulary");
  const bool explain = args.takeFlag("--explain");
  const bool wordNet = !args.takeFlag("--no-wordnet");
  std::string labels, out, seconds, frames, seed;
  const bool hasLabels = args.takeOption("--labels", &labels);
  const bool hasOut = args.takeOption("-o", &out);
  args.takeOption("--seconds", &seconds);
  args.takeOption("--frames", &frames);
  args.takeOption("--seed", &seed);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error + " (" + kUsageLine + ")");

  text::MotionVocabulary vocabulary = text::MotionVocabulary::builtin();
  if (hasLabels) {
    std::vector<std::string> folders;
    size_t start = 0;
    while (start <= labels.size()) {
      const size_t comma = std::min(labels.find(',', start), labels.size());
      if (comma > start) folders.push_back(labels.substr(start, comma - start));
      start = comma + 1;
    }
    text::VocabularyLoad load = text::loadVocabularyFromLabelFolders(folders);
    if (!load.ok()) return fail(kError, load.error);
    for (const std::string& n : load.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
    vocabulary = std::move(load.vocabulary);
  }

  if (listVocabulary) {
    if (!pos.empty()) return fail(kUsage, kUsageLine);
    return printVocabulary(vocabulary, wordNet);
  }
  if (pos.size() != 1) return fail(kUsage, kUsageLine);
  if (!explain && !hasOut) return fail(kUsage, std::string("-o OUT or --explain is required (") + kUsageLine + ")");

  text::PromptParserOptions options;
  options.wordNet = wordNet;
  const text::PromptParser parser(vocabulary, options);
  const auto t0 = std::chrono::steady_clock::now();
  const text::PromptReading reading = parser.parse(pos[0]);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  if (!reading.understood()) {
    std::string message = "nothing in the prompt names an action or a style";
    if (!reading.unplaced.empty()) message += ": " + reading.unplacedMessage();
    if (!parser.wordNetOn()) message += " (exact words only: no WordNet)";
    return fail(kError, message + "; 'generate --vocabulary' lists what is understood");
  }
  // The first line, here and in the full generate to come.
  std::printf("%s\n", reading.line().c_str());
  if (!explain) {
    return fail(kUsage,
                "generation needs a motion model conditioned on actions and styles, which this version does not "
                "have yet: nothing was written (--explain shows how a prompt is read)");
  }
  for (size_t i = 0; i < reading.segments.size(); ++i) {
    const text::PromptSegment& s = reading.segments[i];
    std::string style = vocabulary.style(s.style).name;
    style += s.styleNamed ? " (named)" : s.styleCarried ? " (carried over)" : " (default)";
    std::printf("segment %zu: %s, style %s, %.1f s at 30 fps", i + 1,
                s.action >= 0 ? vocabulary.action(s.action).name.c_str() : "any action", style.c_str(),
                s.duration.seconds(30.0));
    for (const text::PartOverride& p : s.parts)
      std::printf(", %s from %s", text::bodyPartDisplay(p.part).c_str(), vocabulary.action(p.action).name.c_str());
    std::printf("  <- \"%s\"\n", s.text.c_str());
  }
  for (const std::string& n : reading.notes) std::printf("note: %s\n", n.c_str());
  for (const text::UnplacedWord& u : reading.unplaced)
    std::printf("unplaced: '%s'%s\n", u.word.c_str(),
                u.closest.empty() ? "" : (" (closest: " + joined(u.closest, ", ") + ")").c_str());
  std::printf("WordNet: %s; read in %.2f ms\n", wordNetText(wordNet).c_str(), ms);
  return kOk;
}

}  // namespace mm::cli
