// `motionmender-cli generate`: text-to-motion. Prompts are read over the
// vocabulary of actions and styles (text/); the motion comes from the
// text-conditioned model through tasks/generatejobs.h (the model runtime).
//
//   generate --vocabulary [--labels DIR[,DIR]]   the actions, styles, and whether WordNet is on
//   generate "PROMPT" --explain [--no-wordnet] [--labels DIR[,DIR]]
//   generate "PROMPT" -o OUT [--seconds S|--frames N] [--rig TAKE]        a new take
//   generate "PROMPT" -o OUT --into IN --frames A:B [--parts P,P]         in-between A..B-1 (or only those parts)
//   generate "PROMPT" -o OUT --into IN --frames A: [--seconds S]          continue from frame A
//   (all: [--samples K] [--seed S] [--text-guidance G] [--no-foot-lock] [--no-smooth] and the model options --weights, --device, --steps, ...)
#include "cli.h"
#include "modelrun.h"

#include "io/motionfile.h"
#include "motion/clip.h"
#include "tasks/generatejobs.h"

#include "text/motionvocabulary.h"
#include "text/promptparser.h"
#include "text/wordnet.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace mm::cli {

namespace {

const char* kUsageLine =
    "usage: generate --vocabulary | generate \"PROMPT\" --explain | generate \"PROMPT\" -o OUT "
    "[--seconds S|--frames N] [--seed S] [--rig TAKE] [--into IN --frames A:B|A:] [--parts P,...] [--samples K] "
    "[--text-guidance G] [--no-foot-lock] [--no-smooth] [--weights F] [--device D] [--steps N]  (--labels DIR[,DIR]: the vocabulary of label "
    "folders; --no-wordnet)";

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
  // Columns as wide as their longest entry, so every row lines up.
  auto widest = [](const std::vector<text::VocabularyEntry>& entries, auto text) {
    size_t w = 0;
    for (size_t i = 0; i < entries.size(); ++i) w = std::max(w, text(i).size());
    return static_cast<int>(w);
  };
  const auto& actions = v.actions();
  const auto& styles = v.styles();
  const int name = std::max(widest(actions, [&](size_t i) { return actions[i].name; }),
                            widest(styles, [&](size_t i) { return styles[i].name; }));
  const int parts = widest(actions, [&](size_t i) { return partsText(v, static_cast<int>(i)); });
  const int labels = std::max(widest(actions, [&](size_t i) { return labelsText(actions[i]); }),
                              widest(styles, [&](size_t i) { return labelsText(styles[i]); }));
  std::printf("actions (%zu): name, body parts it drives, dataset labels, also understood as\n", actions.size());
  for (size_t i = 0; i < actions.size(); ++i) {
    const text::VocabularyEntry& e = actions[i];
    std::string also = joined(e.aliases, ", ");
    if (const std::string standIn = text::standInAction(e.name); !standIn.empty())
      also += (also.empty() ? "" : "; ") + std::string("no take in our data: ") + standIn + " stands in";
    std::printf("  %-*s %-*s %-*s %s\n", name, e.name.c_str(), parts, partsText(v, static_cast<int>(i)).c_str(), labels,
                labelsText(e).c_str(), also.c_str());
  }
  std::printf("styles (%zu): name, dataset labels, also understood as\n", styles.size());
  for (const text::VocabularyEntry& e : styles)
    std::printf("  %-*s %-*s %s\n", name, e.name.c_str(), labels, labelsText(e).c_str(), joined(e.aliases, ", ").c_str());
  std::printf("WordNet: %s\n", wordNetText(wordNet).c_str());
  return kOk;
}

// A whole number in [lo, hi]; false otherwise.
bool parseInt(const std::string& text, long long lo, long long hi, long long* out) {
  char* end = nullptr;
  *out = std::strtoll(text.c_str(), &end, 10);
  return !text.empty() && text[0] != ' ' && *end == '\0' && *out >= lo && *out <= hi;
}

// OUT, or OUT with _k before the extension for K > 1 ("take.bvh" -> "take_2.bvh").
std::string samplePath(const std::string& out, int k, int samples) {
  if (samples == 1) return out;
  const size_t slash = out.find_last_of('/');
  const size_t dot = out.find_last_of('.');
  const bool hasExt = dot != std::string::npos && (slash == std::string::npos || dot > slash);
  return hasExt ? out.substr(0, dot) + "_" + std::to_string(k) + out.substr(dot) : out + "_" + std::to_string(k);
}

struct GenerateArgs {
  std::string out, seconds, frames, rig, into, parts, samples = "1", textGuidance;
  bool footLock = true;
  bool smooth = true;
  ModelArgs model;
};

int generate(const text::PromptReading& reading, GenerateArgs& a) {
  tasks::GenerateRequest req;
  req.reading = reading;
  req.footLock = a.footLock;
  if (!a.smooth) req.smoothHz = 0;
  long long n = 0;
  if (!parseInt(a.samples, 1, 64, &n)) return fail(kUsage, "--samples '" + a.samples + "': expected 1 to 64 candidates");
  req.samples = static_cast<int>(n);
  if (!a.textGuidance.empty()) {
    char* end = nullptr;
    req.textGuidance = std::strtod(a.textGuidance.c_str(), &end);
    if (*end || !(req.textGuidance >= 0 && req.textGuidance <= 20))
      return fail(kUsage, "--text-guidance '" + a.textGuidance + "': expected a number from 0 to 20");
  }
  if (!a.rig.empty() && !a.into.empty()) return fail(kUsage, "--rig and --into exclude each other");
  if (!a.seconds.empty() && !a.into.empty() && a.frames.find(':') != std::string::npos &&
      a.frames.back() != ':')
    return fail(kUsage, "--seconds does not apply to a range (--frames A:B)");

  std::optional<Clip> take;
  const std::string takePath = !a.into.empty() ? a.into : a.rig;
  if (!takePath.empty() && !(take = loadTakeOrFail(takePath))) return kError;
  const double fps = take ? take->fps() : 30.0;
  int frames = 0;
  if (!a.seconds.empty()) {
    char* end = nullptr;
    const double s = std::strtod(a.seconds.c_str(), &end);
    if (*end || !(s > 0 && s <= 3600)) return fail(kUsage, "--seconds '" + a.seconds + "': expected a duration in seconds");
    frames = std::max(2, static_cast<int>(std::lround(s * fps)));
  }
  if (a.into.empty()) {
    if (!a.parts.empty()) return fail(kUsage, "--parts needs --into IN --frames A:B");
    if (!a.frames.empty()) {
      if (!a.seconds.empty()) return fail(kUsage, "--seconds and --frames exclude each other");
      if (!parseInt(a.frames, 2, 10000000, &n))
        return fail(kUsage, "--frames '" + a.frames + "': expected a number of frames (2 or more)");
      frames = static_cast<int>(n);
    }
    req.mode = tasks::GenerateRequest::Mode::NewTake;
    req.frames = frames;
  } else {
    const size_t colon = a.frames.find(':');
    if (colon == std::string::npos)
      return fail(kUsage, "--into needs --frames A:B (the range to generate) or A: (continue from frame A)");
    long long A = 0, B = 0;
    const std::string b = a.frames.substr(colon + 1);
    if (!parseInt(a.frames.substr(0, colon), 0, 10000000, &A) || (!b.empty() && !parseInt(b, 0, 10000000, &B)))
      return fail(kUsage, "--frames '" + a.frames + "': expected A:B or A:, frame numbers");
    const int F = take->frameCount();
    if (b.empty()) {
      if (!a.parts.empty()) return fail(kUsage, "--parts needs a range (--frames A:B)");
      if (A < 1 || A > F)
        return fail(kError, a.into + ": --frames " + a.frames + ": continuing needs a frame from 1 to " +
                                std::to_string(F) + " (the motion before it is the context)");
      req.mode = tasks::GenerateRequest::Mode::Continue;
      req.start = static_cast<int>(A);
      req.frames = frames;
    } else {
      if (!(A < B && B <= F))
        return fail(kError, a.into + ": --frames " + a.frames + " is not a range of frames inside the clip's " +
                                std::to_string(F) + " frames (0 <= A < B <= " + std::to_string(F) + ")");
      req.start = static_cast<int>(A);
      req.end = static_cast<int>(B);
      req.mode = a.parts.empty() ? tasks::GenerateRequest::Mode::Inbetween : tasks::GenerateRequest::Mode::Parts;
      for (size_t start = 0; !a.parts.empty() && start <= a.parts.size();) {
        const size_t comma = std::min(a.parts.find(',', start), a.parts.size());
        const std::string name = a.parts.substr(start, comma - start);
        const std::optional<BodyPart> part = parseBodyPart(name);
        if (!part) return fail(kUsage, "--parts: unknown body part '" + name + "' (torso, left_arm, right_arm, left_leg, right_leg)");
        req.parts.push_back(*part);
        start = comma + 1;
      }
    }
  }
  std::string error;
  const tasks::ModelPtr model = tasks::loadModel(a.model, &error);
  if (!model) return fail(kError, error);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<Clip> candidates;
  std::vector<std::string> notes;
  if (!tasks::generateMotion(*model, a.model, req, take ? &*take : nullptr, &candidates, &error, &notes))
    return fail(kError, (take ? takePath + ": " : std::string()) + error);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const std::string& n : notes) std::printf("note: %s\n", n.c_str());
  for (size_t k = 0; k < candidates.size(); ++k) {
    const std::string path = samplePath(a.out, static_cast<int>(k) + 1, static_cast<int>(candidates.size()));
    const SaveResult saved = saveMotion(candidates[k], path);
    if (!saved.ok) return fail(kError, saved.error.toString());
    std::printf("wrote %s (%d frames at %g fps, %d joints)\n", path.c_str(), candidates[k].frameCount(),
                candidates[k].fps(), candidates[k].jointCount());
  }
  std::printf("generated %zu candidate%s in %.2f s (%s, %d steps, text guidance %.2g)\n", candidates.size(),
              candidates.size() == 1 ? "" : "s", seconds, tasks::deviceDescription(a.model).c_str(), a.model.steps,
              req.textGuidance);
  return kOk;
}

}  // namespace

int runGenerate(Args args) {
  const bool listVocabulary = args.takeFlag("--vocabulary");
  const bool explain = args.takeFlag("--explain");
  const bool wordNet = !args.takeFlag("--no-wordnet");
  std::string labels;
  GenerateArgs gen;
  gen.model.weights = tasks::defaultTextModelPath();
  if (const int c = takeModelArgs(args, &gen.model); c != kOk) return c;
  const bool hasLabels = args.takeOption("--labels", &labels);
  const bool hasOut = args.takeOption("-o", &gen.out);
  args.takeOption("--seconds", &gen.seconds);
  args.takeOption("--frames", &gen.frames);
  args.takeOption("--rig", &gen.rig);
  args.takeOption("--into", &gen.into);
  args.takeOption("--parts", &gen.parts);
  args.takeOption("--samples", &gen.samples);
  args.takeOption("--text-guidance", &gen.textGuidance);
  gen.footLock = !args.takeFlag("--no-foot-lock");
  gen.smooth = !args.takeFlag("--no-smooth");
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
  std::fflush(stdout);
  if (!explain) return generate(reading, gen);
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
