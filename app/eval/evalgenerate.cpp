// motionmender-cli eval generate: text-to-motion by the action-to-motion
// protocol of ACTOR (Petrovich et al. 2021) and MDM (Tevet et al. 2023).
// A recogniser of the action and of the style (motion statistics,
// generationmetrics.h; k-NN or the nearest class mean, chosen leave-one-out)
// is fitted on the real held-out takes only (every 10th by sorted path, never
// trained on), then K takes per prompt generated on the canonical rig
// (tasks::generateMotion, the runtime module as `generate` runs it) are scored
// beside the same numbers on real takes: recognition accuracy, FID between the
// recogniser features of generated and real takes (real half against real half
// as the reference), diversity, multimodality, the quality analysis (flagged
// frames, foot skating), the jump at the join of a two-segment prompt, and
// memorisation (the distance to the nearest training take).
#include "evalcommands.h"

#include "app/cli/cli.h"
#include "app/cli/modelrun.h"
#include "datasetfiles.h"
#include "generationmetrics.h"

#include "io/motionfile.h"
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/quality/qualityanalyzer.h"
#include "tasks/generatejobs.h"
#include "text/motionvocabulary.h"
#include "text/promptparser.h"
#include "text/takelabels.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

namespace mm::eval {

using namespace cli;

namespace {

const char* kGenerateUsage =
    "usage: eval generate --data DIR [--weights W] [--samples K] [--seconds S] [--seed S] [--actions a,b,...] "
    "[--min-held-out N] [--styles normal|all] [--text-guidance G] [--no-foot-lock] [--no-smooth] [--join \"PROMPT\"] [--train-every N] [--out DIR] [--steps N] "
    "[--device D]";

// A take's labels and its recogniser features.
struct Take {
  std::string path;
  int action = -1, style = -1;
  Feature feature;
  int frames = 0;
  double fps = 30;
  // Quality analysis and frame-to-frame changes (held-out takes only).
  int flagged = 0, footSkate = 0, spans = 0;
  std::vector<double> change, accel;  // metres per frame (mean over joints), per frame
};

// Mean over joints of |p(f+1) - p(f)| (change) and |p(f+1) - 2p(f) + p(f-1)| (accel), metres.
void frameChanges(const Clip& clip, std::vector<double>* change, std::vector<double>* accel) {
  const GlobalPoses p = computeGlobalPoses(clip);
  const int F = clip.frameCount(), J = clip.jointCount();
  const double toM = 1.0 / clip.unitsPerMeter();
  change->assign(std::max(0, F - 1), 0.0);
  accel->assign(std::max(0, F - 1), 0.0);
  for (int f = 0; f + 1 < F; ++f) {
    double c = 0, a = 0;
    for (int j = 0; j < J; ++j) {
      c += (p.position(f + 1, j) - p.position(f, j)).norm();
      if (f > 0) a += (p.position(f + 1, j) - 2.0 * p.position(f, j) + p.position(f - 1, j)).norm();
    }
    (*change)[f] = c / J * toM;
    (*accel)[f] = f > 0 ? a / J * toM : 0.0;
  }
}

// Features (and for `full`, the analysis and frame changes) of a clip.
bool describe(const Clip& clip, bool full, Take* t, std::string* error) {
  if (!motionFeatures(clip, &t->feature, error)) return false;
  t->frames = clip.frameCount();
  t->fps = clip.fps();
  if (!full) return true;
  const QualityReport report = analyzeQuality(clip);
  t->flagged = report.flaggedFrameCount();
  for (const ArtifactSpan& s : report.artifacts()) {
    ++t->spans;
    t->footSkate += s.type == ArtifactType::FootSkate;
  }
  frameChanges(clip, &t->change, &t->accel);
  return true;
}

// Loads and describes takes on two threads (the machine's cores); failures
// are dropped with a warning.
void describeFiles(std::vector<Take>* takes, bool full) {
  std::atomic<size_t> next{0};
  std::vector<std::uint8_t> ok(takes->size(), 0);
  auto work = [&] {
    for (size_t i; (i = next++) < takes->size();) {
      Take& t = (*takes)[i];
      LoadResult in = loadMotion(t.path);
      std::string error;
      if (!in.ok()) {
        std::fprintf(stderr, "motionmender-cli: warning: %s\n", in.error.toString().c_str());
        continue;
      }
      if (!describe(*in.clip, full, &t, &error)) {
        std::fprintf(stderr, "motionmender-cli: warning: %s: %s\n", t.path.c_str(), error.c_str());
        continue;
      }
      ok[i] = 1;
    }
  };
  std::thread helper(work);
  work();
  helper.join();
  std::vector<Take> kept;
  for (size_t i = 0; i < takes->size(); ++i)
    if (ok[i]) kept.push_back(std::move((*takes)[i]));
  *takes = std::move(kept);
}

std::vector<Feature> featuresOf(const std::vector<Take>& takes, const Standardiser& s) {
  std::vector<Feature> out;
  for (const Take& t : takes) out.push_back(s.apply(t.feature));
  return out;
}

// Analysis summary of a set of takes: flagged frame share, foot-skating spans
// and all spans per minute.
struct Quality {
  double flaggedShare = 0, footSkatePerMinute = 0, spansPerMinute = 0;
};
Quality qualityOf(const std::vector<Take>& takes) {
  long long frames = 0, flagged = 0, foot = 0, spans = 0;
  double minutes = 0;
  for (const Take& t : takes) {
    frames += t.frames;
    flagged += t.flagged;
    foot += t.footSkate;
    spans += t.spans;
    minutes += t.frames / t.fps / 60.0;
  }
  Quality q;
  q.flaggedShare = frames ? double(flagged) / frames : 0.0;
  q.footSkatePerMinute = minutes > 0 ? foot / minutes : 0.0;
  q.spansPerMinute = minutes > 0 ? spans / minutes : 0.0;
  return q;
}

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  for (size_t start = 0; start <= s.size();) {
    const size_t comma = std::min(s.find(',', start), s.size());
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

double seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int evalGenerate(Args& args) {
  std::string data, samplesText = "3", secondsText = "4", actionsText, stylesText = "normal", guidanceText = "2.5",
                    joinPrompt = "walk, then run", trainEveryText = "1", outDir, minHeldText = "2";
  ModelArgs model;
  model.weights = tasks::defaultTextModelPath();
  model.device = "cpu";
  if (const int c = takeModelArgs(args, &model); c != kOk) return c;
  if (!args.takeOption("--data", &data)) return fail(kUsage, kGenerateUsage);
  args.takeOption("--samples", &samplesText);
  args.takeOption("--seconds", &secondsText);
  args.takeOption("--actions", &actionsText);
  args.takeOption("--min-held-out", &minHeldText);
  args.takeOption("--styles", &stylesText);
  args.takeOption("--text-guidance", &guidanceText);
  args.takeOption("--join", &joinPrompt);
  args.takeOption("--train-every", &trainEveryText);
  args.takeOption("--out", &outDir);
  const bool footLock = !args.takeFlag("--no-foot-lock");
  const bool smooth = !args.takeFlag("--no-smooth");
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error + " (" + kGenerateUsage + ")");
  if (!pos.empty()) return fail(kUsage, kGenerateUsage);
  double samplesD = 0, secondsD = 0, guidance = 0, trainEveryD = 0, minHeldD = 0;
  if (!parseNumber(samplesText, 1, 64, &samplesD) || samplesD != std::floor(samplesD))
    return fail(kUsage, "--samples '" + samplesText + "': expected 1 to 64 takes per prompt");
  if (!parseNumber(secondsText, 0.5, 60, &secondsD))
    return fail(kUsage, "--seconds '" + secondsText + "': expected 0.5 to 60 seconds");
  if (!parseNumber(guidanceText, 0, 20, &guidance))
    return fail(kUsage, "--text-guidance '" + guidanceText + "': expected a number from 0 to 20");
  if (!parseNumber(trainEveryText, 1, 1e6, &trainEveryD) || trainEveryD != std::floor(trainEveryD))
    return fail(kUsage, "--train-every '" + trainEveryText + "': expected a whole number >= 1");
  if (!parseNumber(minHeldText, 2, 1e6, &minHeldD) || minHeldD != std::floor(minHeldD))
    return fail(kUsage, "--min-held-out '" + minHeldText + "': expected a whole number >= 2");
  if (stylesText != "normal" && stylesText != "all") return fail(kUsage, "--styles must be normal or all");
  const int K = static_cast<int>(samplesD), trainEvery = static_cast<int>(trainEveryD);
  const text::MotionVocabulary& vocabulary = text::MotionVocabulary::builtin();
  std::set<int> wanted;
  for (const std::string& name : splitList(actionsText)) {
    const int a = vocabulary.findAction(name);
    if (a < 0) return fail(kUsage, "--actions: unknown action '" + name + "' (see generate --vocabulary)");
    wanted.insert(a);
  }
  const auto t0 = std::chrono::steady_clock::now();

  // The takes and their labels (the .json beside each take).
  const std::vector<std::string> all = listMotionFiles(data);
  if (all.empty()) return fail(kError, data + ": no motion files found");
  std::vector<text::TakeLabels> labels(all.size());
  int labelled = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!text::readTakeLabels(vocabulary, all[i], &labels[i], &error)) return fail(kError, error);
    labelled += labels[i].labelled();
  }
  if (labelled == 0) {
    std::printf("eval generate: skipped: no labelled takes in %s (%zu motion files; labels come from a .json "
                "{\"content\": i, \"style\": j} beside each take and its folder's content_label.txt, as in the "
                "Bandai data)\n",
                data.c_str(), all.size());
    return kOk;
  }
  if (!outDir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) return fail(kError, "--out " + outDir + ": cannot create the folder: " + ec.message());
  }
  const tasks::ModelPtr net = loadModel(model, &error);
  if (!net) return fail(kError, error);

  // Held-out labelled takes per action; the default actions are every one
  // with at least --min-held-out of them (2: a real take's leave-one-out
  // needs another of its class), and those left out are named.
  std::map<int, int> heldPerAction;
  for (size_t i = 0; i < all.size(); ++i)
    if (labels[i].labelled() && heldOutFromTraining(static_cast<int>(i))) ++heldPerAction[labels[i].action];
  if (wanted.empty()) {
    std::string unscored;
    for (int a = 0; a < static_cast<int>(vocabulary.actions().size()); ++a) {
      const auto it = heldPerAction.find(a);
      if (it != heldPerAction.end() && it->second >= minHeldD)
        wanted.insert(a);
      else
        unscored += (unscored.empty() ? "" : ", ") + vocabulary.action(a).name + " (" +
                    std::to_string(it == heldPerAction.end() ? 0 : it->second) + ")";
    }
    if (!unscored.empty())
      std::printf("actions with fewer than %d held-out takes, not scored: %s\n", static_cast<int>(minHeldD),
                  unscored.c_str());
  }
  std::vector<Take> real, train;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!labels[i].labelled() || !wanted.count(labels[i].action)) continue;
    Take t;
    t.path = all[i];
    t.action = labels[i].action;
    t.style = labels[i].style;
    if (heldOutFromTraining(static_cast<int>(i)))
      real.push_back(t);
    else
      train.push_back(t);
  }
  if (real.empty()) {
    std::printf("eval generate: skipped: no labelled held-out takes%s in %s (%d labelled takes; held out: every 10th "
                "by sorted path)\n",
                actionsText.empty() ? " of an action with enough of them (--min-held-out)" : " of the actions asked for", data.c_str(),
                labelled);
    return kOk;
  }
  describeFiles(&real, true);
  std::vector<Take> trainKept;
  for (size_t i = 0; i < train.size(); i += trainEvery) trainKept.push_back(std::move(train[i]));
  train = std::move(trainKept);
  describeFiles(&train, false);
  const double loadSeconds = seconds(t0);
  if (real.size() < 2) return fail(kError, data + ": fewer than two readable labelled held-out takes");

  // The recognisers, on the real held-out takes only.
  std::vector<Feature> rawReal;
  for (const Take& t : real) rawReal.push_back(t.feature);
  const Standardiser standard = Standardiser::fit(rawReal);
  const std::vector<Feature> realX = standard.apply(rawReal);
  std::vector<int> realAction, realStyle, realLabel;
  for (const Take& t : real) {
    realAction.push_back(t.action);
    realStyle.push_back(t.style);
    realLabel.push_back(t.action * 1000 + t.style);
  }
  Recogniser byAction, byStyle;
  byAction.fit(realX, realAction);
  byStyle.fit(realX, realStyle);
  std::set<int> realActions(realAction.begin(), realAction.end()), realStyles(realStyle.begin(), realStyle.end());

  // The prompts: each action at style normal, or every labelled (action, style) of the held-out split.
  struct Prompt {
    int action, style;
  };
  std::vector<Prompt> prompts;
  const int normal = vocabulary.findStyle("normal");
  for (int a : wanted) {
    if (!realActions.count(a)) continue;
    if (stylesText == "normal") {
      prompts.push_back({a, normal});
      continue;
    }
    std::set<int> styles;
    for (const Take& t : real)
      if (t.action == a) styles.insert(t.style);
    for (int s : styles) prompts.push_back({a, s});
  }
  std::printf("eval generate: %zu real held-out takes of %zu actions and %zu styles from %s (%zu training takes for the "
              "memorisation check; read in %.1f s)\n",
              real.size(), realActions.size(), realStyles.size(), data.c_str(), train.size(), loadSeconds);
  std::printf("model: %s, %d DDIM steps, text guidance %.2g%s, device %s, seed %llu; %d takes of %g s per prompt, %zu "
              "prompts (style %s)\n",
              model.weights.c_str(), model.steps, guidance,
              footLock ? (smooth ? "" : ", no smoothing") : (smooth ? ", no foot lock" : ", no foot lock, no smoothing"),
              tasks::deviceDescription(model).c_str(),
              static_cast<unsigned long long>(model.seed), K, secondsD, prompts.size(),
              stylesText == "normal" ? "normal" : "of each labelled pair");
  std::printf("features: %zu motion statistics (hips speed, height, turning, period, travel along the facing and left "
              "axes; head, hands and feet relative "
              "to the hips), standardised on the real held-out takes\n",
              motionFeatureNames().size());

  // Generation.
  std::vector<Take> gen;
  std::vector<int> genPrompt;
  std::vector<std::string> failedPrompts;
  const int frames = std::max(2, static_cast<int>(std::lround(secondsD * 30.0)));
  const auto tGen = std::chrono::steady_clock::now();
  // The request every generation here shares: samples, guidance, foot lock, smoothing.
  auto baseRequest = [&] {
    tasks::GenerateRequest req;
    req.samples = K;
    req.textGuidance = guidance;
    req.footLock = footLock;
    if (!smooth) req.smoothHz = 0;
    return req;
  };
  for (size_t p = 0; p < prompts.size(); ++p) {
    tasks::GenerateRequest req = baseRequest();
    text::PromptSegment seg;
    seg.action = prompts[p].action;
    seg.style = prompts[p].style;
    seg.styleNamed = true;
    seg.duration.unit = text::SegmentDuration::Unit::Seconds;
    seg.duration.value = secondsD;
    seg.text = vocabulary.action(seg.action).name;
    req.reading.segments.push_back(seg);
    req.reading.vocabulary = &vocabulary;
    req.frames = frames;
    ModelArgs settings = model;
    settings.seed = model.seed + 1000ULL * p;
    std::vector<Clip> clips;
    if (!tasks::generateMotion(*net, settings, req, nullptr, &clips, &error)) {
      if (error == "cancelled" || error.find("not conditioned") != std::string::npos) return fail(kError, error);
      failedPrompts.push_back(vocabulary.action(seg.action).name + " (" + error + ")");
      continue;
    }
    for (size_t k = 0; k < clips.size(); ++k) {
      Take t;
      t.action = prompts[p].action;
      t.style = prompts[p].style;
      if (!outDir.empty()) {
        t.path = outDir + "/" + vocabulary.action(t.action).name + "_" + vocabulary.style(t.style).name + "_" +
                 std::to_string(k + 1) + ".bvh";
        const SaveResult saved = saveMotion(clips[k], t.path);
        if (!saved.ok) return fail(kError, saved.error.toString());
      }
      if (!describe(clips[k], true, &t, &error)) return fail(kError, "a generated take: " + error);
      gen.push_back(std::move(t));
      genPrompt.push_back(static_cast<int>(p));
    }
  }
  const double genSeconds = seconds(tGen);
  for (const std::string& f : failedPrompts) std::printf("not generated: %s\n", f.c_str());
  if (gen.empty()) return fail(kError, "no take was generated");
  std::printf("generated %zu takes in %.1f s (%.2f s per take)\n", gen.size(), genSeconds, genSeconds / gen.size());

  // The real takes the generated ones compare with: the same (action, style) labels.
  std::set<int> promptLabels;
  for (const Prompt& p : prompts) promptLabels.insert(p.action * 1000 + p.style);
  std::vector<Take> realSame;
  std::vector<int> realSameLabel;
  for (const Take& t : real)
    if (promptLabels.count(t.action * 1000 + t.style)) {
      realSame.push_back(t);
      realSameLabel.push_back(t.action * 1000 + t.style);
    }
  const std::vector<Feature> genX = featuresOf(gen, standard), sameX = featuresOf(realSame, standard);

  // Recognition.
  int actionRight = 0, styleRight = 0;
  std::map<int, std::pair<int, int>> perAction;  // right, total
  std::map<int, std::map<int, int>> mistakenFor;  // asked action -> recognised action -> takes
  for (size_t i = 0; i < gen.size(); ++i) {
    const int recognised = byAction.predict(genX[i]);
    const bool a = recognised == gen[i].action;
    actionRight += a;
    styleRight += byStyle.predict(genX[i]) == gen[i].style;
    perAction[gen[i].action].first += a;
    ++perAction[gen[i].action].second;
    if (!a) ++mistakenFor[gen[i].action][recognised];
  }
  const double actionAcc = double(actionRight) / gen.size(), styleAcc = double(styleRight) / gen.size();
  std::printf("\nrecognition (recogniser fitted on the real held-out takes only; chance: 1 / classes)\n");
  std::printf("%-34s %10s %10s %12s %12s\n", "", "action", "style", "recogniser", "(chance)");
  std::printf("%-34s %10.3f %10.3f %5s / %-6s %5.3f / %.3f\n", "real held-out, leave-one-out", byAction.looAccuracy(),
              byStyle.looAccuracy(), byAction.methodName().c_str(), byStyle.methodName().c_str(),
              1.0 / realActions.size(), 1.0 / realStyles.size());
  std::printf("%-34s %10.3f %10.3f\n", "generated", actionAcc, styleAcc);
  std::printf("%-34s %10.3f %10.3f   (action >= 0.95 x real, style >= 0.75 x real): %s, %s\n", "target",
              0.95 * byAction.looAccuracy(), 0.75 * byStyle.looAccuracy(),
              actionAcc >= 0.95 * byAction.looAccuracy() ? "met" : "not met",
              styleAcc >= 0.75 * byStyle.looAccuracy() ? "met" : "not met");
  std::printf("leave-one-out of each method, action: 1-NN %.3f, 3-NN %.3f, 5-NN %.3f, class mean %.3f; style: %.3f, "
              "%.3f, %.3f, %.3f\n",
              byAction.candidates()[0], byAction.candidates()[1], byAction.candidates()[2], byAction.candidates()[3],
              byStyle.candidates()[0], byStyle.candidates()[1], byStyle.candidates()[2], byStyle.candidates()[3]);
  std::printf("generated, per action:");
  for (const auto& [a, rt] : perAction) std::printf(" %s %d/%d", vocabulary.action(a).name.c_str(), rt.first, rt.second);
  std::printf("\n");
  if (!mistakenFor.empty()) {
    std::printf("generated, recognised as another action:");
    for (const auto& [asked, as] : mistakenFor) {
      std::printf(" %s ->", vocabulary.action(asked).name.c_str());
      for (const auto& [r, n] : as) std::printf(" %s %d", vocabulary.action(r).name.c_str(), n);
      std::printf(";");
    }
    std::printf("\n");
  }

  // Distributions: FID, diversity, multimodality.
  std::vector<Feature> halfA, halfB;
  {
    std::map<int, int> seen;  // alternate within each label, so both halves hold every label
    for (size_t i = 0; i < sameX.size(); ++i) (seen[realSameLabel[i]]++ % 2 ? halfB : halfA).push_back(sameX[i]);
  }
  const int pairs = 200;
  std::printf("\ndistributions of the recogniser features (standardised; real: the %zu held-out takes of the prompts' "
              "labels)\n",
              realSame.size());
  std::printf("%-34s %10s %10s %14s\n", "", "FID", "diversity", "multimodality");
  std::printf("%-34s %10.3f %10.3f %14.3f\n", "real half vs half (reference)", frechetDistance(halfA, halfB),
              diversity(sameX, pairs, model.seed), multimodality(sameX, realSameLabel));
  std::printf("%-34s %10.3f %10.3f %14.3f\n", "generated vs real", frechetDistance(genX, sameX),
              diversity(genX, pairs, model.seed), multimodality(genX, genPrompt));
  std::printf("(diversity: mean distance of %d random pairs; multimodality: mean distance between takes of one prompt, "
              "real: of one label)\n",
              pairs);

  // Quality analysis.
  const Quality qr = qualityOf(realSame), qg = qualityOf(gen);
  std::printf("\nquality analysis (motionmender-cli analyze)\n");
  std::printf("%-34s %14s %18s %14s\n", "", "frames flagged", "foot skating/min", "spans/min");
  std::printf("%-34s %13.2f%% %18.2f %14.2f\n", "real held-out", 100 * qr.flaggedShare, qr.footSkatePerMinute,
              qr.spansPerMinute);
  std::printf("%-34s %13.2f%% %18.2f %14.2f\n", "generated", 100 * qg.flaggedShare, qg.footSkatePerMinute,
              qg.spansPerMinute);

  // Joins: a prompt of several segments; the largest change near each boundary.
  std::vector<double> realChange, realAccel;
  for (const Take& t : real) {
    realChange.insert(realChange.end(), t.change.begin(), t.change.end());
    if (t.accel.size() > 1) realAccel.insert(realAccel.end(), t.accel.begin() + 1, t.accel.end());
  }
  const double p90Change = quantile(realChange, 0.9), p90Accel = quantile(realAccel, 0.9);
  const text::PromptParser parser(vocabulary);
  const text::PromptReading joinReading = parser.parse(joinPrompt);
  std::printf("\njoins: \"%s\" (%s), %d takes of %g s per segment\n", joinPrompt.c_str(), joinReading.line().c_str(), K,
              secondsD);
  if (joinReading.segments.size() < 2) {
    std::printf("  skipped: the prompt has one segment\n");
  } else {
    tasks::GenerateRequest req = baseRequest();
    req.reading = joinReading;
    const int joinFrames = std::max(2, static_cast<int>(std::lround(secondsD * 30.0 * joinReading.segments.size())));
    req.frames = joinFrames;
    ModelArgs settings = model;
    settings.seed = model.seed + 999983ULL;
    std::vector<Clip> clips;
    if (!tasks::generateMotion(*net, settings, req, nullptr, &clips, &error)) {
      std::printf("  not generated: %s\n", error.c_str());
    } else {
      // Boundaries as tasks::generateMotion places them: frames 1.. are
      // generated, each segment its share of the durations.
      double total = 0;
      for (const text::PromptSegment& s : joinReading.segments) total += std::max(1e-3, s.duration.seconds(30.0));
      std::vector<int> bounds;
      double acc = 0;
      for (size_t i = 0; i + 1 < joinReading.segments.size(); ++i) {
        acc += std::max(1e-3, joinReading.segments[i].duration.seconds(30.0));
        bounds.push_back(1 + static_cast<int>(std::lround(acc / total * (joinFrames - 1))));
      }
      const int reach = 8;  // the unconditioned transition (0.27 s) and a few frames either side
      std::vector<double> joinChange, joinAccel, elseChange, elseAccel;
      int above = 0, aboveAccel = 0;
      for (const Clip& c : clips) {
        std::vector<double> change, accel;
        frameChanges(c, &change, &accel);
        for (int f = 1; f < static_cast<int>(change.size()); ++f) {
          bool near = false;
          for (int b : bounds) near = near || std::abs(f - b) <= reach;
          if (!near) elseChange.push_back(change[f]), elseAccel.push_back(accel[f]);
        }
        for (int b : bounds) {
          double mc = 0, ma = 0;
          for (int f = std::max(0, b - reach); f <= std::min(static_cast<int>(change.size()) - 1, b + reach); ++f)
            mc = std::max(mc, change[f]), ma = std::max(ma, accel[f]);
          joinChange.push_back(mc);
          joinAccel.push_back(ma);
          above += mc > p90Change;
          aboveAccel += ma > p90Accel;
        }
      }
      std::printf("  mean joint change per frame (cm) and its change (cm/frame^2): the largest within %d frames of "
                  "each boundary (median over %zu joins)\n",
                  reach, joinChange.size());
      std::printf("  %-32s %12s %12s\n", "", "change", "acceleration");
      std::printf("  %-32s %12.2f %12.2f\n", "real held-out, 90th percentile", 100 * p90Change, 100 * p90Accel);
      std::printf("  %-32s %12.2f %12.2f\n", "generated, away from the joins p90", 100 * quantile(elseChange, 0.9),
                  100 * quantile(elseAccel, 0.9));
      std::printf("  %-32s %12.2f %12.2f\n", "generated, at the joins (median)", 100 * quantile(joinChange, 0.5),
                  100 * quantile(joinAccel, 0.5));
      std::printf("  joins above the real 90th percentile: %d / %zu (change), %d / %zu (acceleration)\n", above,
                  joinChange.size(), aboveAccel, joinAccel.size());
    }
  }

  // Memorisation: the distance to the nearest training take against the
  // typical distance between two real takes of one label.
  std::printf("\nmemorisation (feature distance to the nearest of %zu training takes)\n", train.size());
  if (train.empty()) {
    std::printf("  skipped: no training takes of these actions\n");
  } else {
    const std::vector<Feature> trainX = featuresOf(train, standard);
    auto nearest = [&](const Feature& v) {
      double best = 1e300;
      for (const Feature& t : trainX) best = std::min(best, distance(v, t));
      return best;
    };
    std::vector<double> same;
    for (size_t i = 0; i < realX.size(); ++i)
      for (size_t j = i + 1; j < realX.size(); ++j)
        if (realLabel[i] == realLabel[j]) same.push_back(distance(realX[i], realX[j]));
    const double typical = quantile(same, 0.5);
    auto row = [&](const char* name, const std::vector<Feature>& xs) {
      std::vector<double> d;
      int farther = 0;
      for (const Feature& v : xs) {
        d.push_back(nearest(v));
        farther += d.back() > typical;
      }
      std::printf("  %-32s %14.3f %14.3f %12.1f%%\n", name, quantile(d, 0.5), quantile(d, 0.1),
                  xs.empty() ? 0.0 : 100.0 * farther / xs.size());
    };
    std::printf("  typical distance between two real held-out takes of one label (median of %zu pairs): %.3f\n",
                same.size(), typical);
    std::printf("  %-32s %14s %14s %13s\n", "", "median nearest", "10th pct", "farther");
    row("real held-out", sameX);
    row("generated", genX);
  }
  std::printf("\neval generate: %.1f s in all\n", seconds(t0));
  return kOk;
}

}  // namespace mm::eval
