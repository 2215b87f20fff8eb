#include "tasks/generatejobs.h"

#include "motion/clip.h"
#include "tasks/canonicalskeleton.h"
#include "motion/canonicalrig.h"
#include "tasks/modelruntime.h"
#include "tasks/repairjobs.h"
#include "tasks/resourcepaths.h"

#include <algorithm>
#include <cmath>

namespace mm::tasks {

namespace {

constexpr int kP = kBodyPartCount;
// Frames around each boundary between two segments left unconditioned: the
// model's own (unconditional) motion joins the two actions there.
constexpr double kTransitionSeconds = 0.27;
// Context kept on each side of the generated frames when a job runs on a
// window of a longer take (the model reads 1.6 s windows; chained windows
// look back one overlap).
constexpr double kContextSeconds = 4.0;

// Per (frame, part) action and style ids in the model's vocabulary.
struct Condition {
  std::vector<std::int16_t> action, style;
  explicit Condition(int frames) : action(static_cast<size_t>(frames) * kP, -1), style(action.size(), -1) {}
};

// The prompt's vocabulary ids -> the model's (by name; the weights carry
// their own vocabulary). False with *error naming what the model lacks.
struct IdMap {
  std::vector<int> actions, styles;
};

// Actions the weights name but never saw in training (`trained`: per model
// action id, empty: all) count as missing, unless a trained action stands in
// for them (text::standInAction): the prompt's id then maps to the stand-in's.
bool mapVocabulary(const text::MotionVocabulary& prompt, const text::MotionVocabulary& model,
                   const std::vector<std::uint8_t>& trained, const text::PromptReading& r, IdMap* out,
                   std::string* error) {
  out->actions.assign(prompt.actions().size(), -1);
  out->styles.assign(prompt.styles().size(), -1);
  auto isTrained = [&](int id) {
    return id >= 0 && (static_cast<size_t>(id) >= trained.size() || trained[static_cast<size_t>(id)]);
  };
  for (size_t i = 0; i < prompt.actions().size(); ++i) {
    const int id = model.findAction(prompt.actions()[i].name);
    const std::string standIn = isTrained(id) ? "" : text::standInAction(prompt.actions()[i].name);
    const int other = standIn.empty() ? -1 : model.findAction(standIn);
    out->actions[i] = isTrained(id) ? id : isTrained(other) ? other : -1;
  }
  for (size_t i = 0; i < prompt.styles().size(); ++i) out->styles[i] = model.findStyle(prompt.styles()[i].name);
  auto missing = [&](const char* kind, const std::string& name) {
    *error = std::string("the model was not trained on the ") + kind + " '" + name + "'";
    return false;
  };
  // Unmapped but named by the weights: untrained.
  auto missingAction = [&](int a) {
    missing("action", prompt.action(a).name);
    if (model.findAction(prompt.action(a).name) >= 0) *error += " (its training data held no take of it)";
    return false;
  };
  for (const text::PromptSegment& s : r.segments) {
    if (s.action >= 0 && out->actions[s.action] < 0) return missingAction(s.action);
    if (s.style >= 0 && out->styles[s.style] < 0) return missing("style", prompt.style(s.style).name);
    for (const text::PartOverride& p : s.parts)
      if (out->actions[p.action] < 0) return missingAction(p.action);
  }
  return true;
}

// "dance-long: ... dance-short stands in" for each action of the reading that
// maps to another action of the weights than its own name.
std::vector<std::string> standInNotes(const text::MotionVocabulary& prompt, const text::MotionVocabulary& model,
                                      const text::PromptReading& r, const IdMap& ids) {
  std::vector<std::string> notes;
  std::vector<int> seen;
  auto check = [&](int a) {
    if (a < 0 || std::find(seen.begin(), seen.end(), a) != seen.end()) return;
    seen.push_back(a);
    const std::string& name = prompt.action(a).name;
    if (model.action(ids.actions[a]).name != name)
      notes.push_back(name + ": the model's training data held no take of it; " + model.action(ids.actions[a]).name +
                      " stands in");
  };
  for (const text::PromptSegment& s : r.segments) {
    check(s.action);
    for (const text::PartOverride& p : s.parts) check(p.action);
  }
  return notes;
}

// Frames of each segment when `total` frames are generated at `fps`: the
// reading's durations, scaled to `total` when it is given.
std::vector<int> segmentLengths(const text::PromptReading& r, double fps, int total) {
  std::vector<double> seconds;
  double sum = 0;
  for (const text::PromptSegment& s : r.segments) sum += seconds.emplace_back(std::max(1e-3, s.duration.seconds(fps)));
  if (total <= 0) total = std::max(1, static_cast<int>(std::lround(sum * fps)));
  std::vector<int> out;
  int used = 0;
  double acc = 0;
  for (size_t i = 0; i < seconds.size(); ++i) {
    acc += seconds[i];
    const int end = i + 1 == seconds.size() ? total : static_cast<int>(std::lround(acc / sum * total));
    out.push_back(std::max(0, end - used));
    used += out.back();
  }
  return out;
}


// The condition of frames [start, start + count) of a clip of `frames` frames:
// segment after segment, unconditioned around their boundaries; the frames
// before and after take the first and last segment's (a window of training
// carried one label throughout).
Condition conditionOf(const text::PromptReading& r, const IdMap& ids, int frames, int start, int count, double fps) {
  Condition c(frames);
  const std::vector<int> lengths = segmentLengths(r, fps, count);
  const int half = std::max(1, static_cast<int>(std::lround(kTransitionSeconds * fps / 2)));
  std::vector<int> boundaries;
  int at = start;
  for (size_t i = 0; i + 1 < lengths.size(); ++i) boundaries.push_back(at += lengths[i]);
  for (int f = 0; f < frames; ++f) {
    int seg = 0;
    for (int acc = start + lengths[0]; seg + 1 < static_cast<int>(lengths.size()) && f >= acc; acc += lengths[++seg]) {
    }
    bool transition = false;
    for (int b : boundaries) transition = transition || (f >= b - half && f < b + half);
    if (transition) continue;
    const text::PromptSegment& s = r.segments[static_cast<size_t>(seg)];
    for (int p = 0; p < kP; ++p) {
      int action = s.action >= 0 ? ids.actions[s.action] : -1;
      for (const text::PartOverride& o : s.parts)
        if (bodyPartIndex(o.part) == p) action = ids.actions[o.action];
      c.action[static_cast<size_t>(f) * kP + p] = static_cast<std::int16_t>(action);
      c.style[static_cast<size_t>(f) * kP + p] = static_cast<std::int16_t>(s.style >= 0 ? ids.styles[s.style] : -1);
    }
  }
  return c;
}

// Copies frames [from, to) of `part` (a window of `into` starting at frame
// `offset`) into `into`: every value, so the ungenerated ones keep their bits.
void paste(const Clip& part, int offset, int from, int to, Clip* into) {
  for (int f = from; f < to; ++f)
    for (int j = 0; j < into->jointCount(); ++j) {
      into->rotation(f, j) = part.rotation(f - offset, j);
      if (into->hasTrack(j)) into->translation(f, j) = part.translation(f - offset, j);
      into->setValid(f, j, part.isValid(f - offset, j));
    }
}

}  // namespace

int readingFrames(const text::PromptReading& r, double fps) {
  std::vector<int> lengths = segmentLengths(r, fps, 0);
  int n = 0;
  for (int l : lengths) n += l;
  return n;
}

std::string defaultTextModelPath() {
  const std::string text = findDataFile("models/motionmender-small-text.mmmodel");
  return fileReadable(text) ? text : defaultModelPath();
}

bool generateMotion(const inference::MotionModel& model, const ModelSettings& settings, const GenerateRequest& request,
                    const Clip* take, std::vector<Clip>* candidates, std::string* error,
                    std::vector<std::string>* notes) {
  using Mode = GenerateRequest::Mode;
  const ModelRuntimeApi* rt = modelRuntime(error);
  if (!rt) return false;
  const text::PromptReading& reading = request.reading;
  if (!reading.understood()) {
    *error = "the prompt names no action or style";
    return false;
  }
  const std::string stored = rt->vocabulary(model);
  if (stored.empty()) {
    *error = "the model is not conditioned on actions and styles (its weights predate text-to-motion)";
    return false;
  }
  text::MotionVocabulary modelVocabulary;
  if (!modelVocabulary.parse(stored, error)) {
    *error = "the model's vocabulary is unreadable: " + *error;
    return false;
  }
  IdMap ids;
  const text::MotionVocabulary& promptVocabulary =
      reading.vocabulary ? *reading.vocabulary : text::MotionVocabulary::builtin();
  if (!mapVocabulary(promptVocabulary, modelVocabulary, rt->trainedActions(model), reading, &ids, error)) return false;
  if (notes) *notes = standInNotes(promptVocabulary, modelVocabulary, reading, ids);
  if (request.mode != Mode::NewTake && !take) {
    *error = "this mode needs a take to work on";
    return false;
  }
  if (request.samples < 1) {
    *error = "at least one sample is needed";
    return false;
  }

  // The clip the model works on (`work`, frames [workStart, ...) of the
  // result), what it generates, and how the result goes back.
  const double fps = take ? take->fps() : canonicalStandingPose().fps();
  Clip work, base;
  int workStart = 0, genStart = 0, genEnd = 0;
  std::vector<BodyPart> parts(kAllBodyParts.begin(), kAllBodyParts.end());
  const int context = static_cast<int>(std::ceil(kContextSeconds * fps));
  switch (request.mode) {
    case Mode::NewTake: {
      const int frames = request.frames > 0 ? request.frames : readingFrames(reading, fps);
      if (frames < 2) {
        *error = "a new take needs at least 2 frames";
        return false;
      }
      if (take && (request.start < 0 || request.start >= take->frameCount())) {
        *error = "frame " + std::to_string(request.start) + " is not inside the take's " +
                 std::to_string(take->frameCount()) + " frames";
        return false;
      }
      // The first pose is known; every later frame is generated.
      work = take ? take->subClip(request.start, request.start + 1) : canonicalStandingPose();
      work.appendCopies(0, frames - 1);
      genStart = 1;
      genEnd = frames;
      break;
    }
    case Mode::Continue: {
      const int F = take->frameCount();
      const int start = request.start > 0 ? request.start : F;
      if (start < 1 || start > F) {
        *error = "continuing needs a first generated frame in 1.." + std::to_string(F);
        return false;
      }
      const int frames = request.frames > 0 ? request.frames : readingFrames(reading, fps);
      // The frames before `start` are the context; later ones of the take
      // are not shown to the model (a continuation does not know the future).
      workStart = std::max(0, start - context);
      work = take->subClip(workStart, start);
      work.appendCopies(work.frameCount() - 1, frames);
      base = *take;
      if (start + frames > F) base.appendCopies(F - 1, start + frames - F);
      genStart = start;
      genEnd = start + frames;
      break;
    }
    case Mode::Inbetween:
    case Mode::Parts: {
      const int F = take->frameCount();
      if (request.start < 0 || request.end > F || request.start >= request.end) {
        *error = "frames " + std::to_string(request.start) + ":" + std::to_string(request.end) +
                 " are not inside the take's " + std::to_string(F) + " frames";
        return false;
      }
      if (request.mode == Mode::Parts) {
        if (request.parts.empty()) {
          *error = "no body part to regenerate";
          return false;
        }
        parts = request.parts;
      }
      workStart = std::max(0, request.start - context);
      work = take->subClip(workStart, std::min(F, request.end + context));
      base = *take;
      genStart = request.start;
      genEnd = request.end;
      break;
    }
  }

  TextRegeneration job;
  job.clip = &work;
  const int W = work.frameCount();
  job.mask.assign(static_cast<size_t>(W) * kP, 0);
  for (int f = genStart - workStart; f < genEnd - workStart; ++f)
    for (BodyPart p : parts) job.mask[static_cast<size_t>(f) * kP + bodyPartIndex(p)] = 1;
  Condition cond = conditionOf(reading, ids, W, genStart - workStart, genEnd - genStart, fps);
  job.action = std::move(cond.action);
  job.style = std::move(cond.style);
  job.textGuidance = request.textGuidance;

  std::vector<Clip> out;
  for (int k = 0; k < request.samples; ++k) {
    ModelSettings s = settings;
    s.seed = settings.seed + static_cast<std::uint64_t>(k);
    if (settings.progress)
      s.progress = [&, k](double x) { return settings.progress((k + x) / request.samples); };
    Clip result;
    if (!rt->regenerateText(model, s, job, &result, error)) return false;
    if (request.smoothHz > 0 && request.smoothHz < 0.5 * fps) {
      std::uint8_t generated = 0;
      for (BodyPart p : parts) generated |= static_cast<std::uint8_t>(1u << bodyPartIndex(p));
      const BodyPartMap map = CanonicalRig::map(result.skeleton()).bodyParts();
      JobOutcome smooth = filterJob(result, FrameRange{genStart - workStart, genEnd - workStart}, generated, map,
                                    FilterSpec::butterworth(request.smoothHz));
      if (smooth.ok()) smooth.patch.apply(result);
    }
    std::uint8_t legs = 0;
    for (BodyPart p : parts)
      if (p == BodyPart::LeftLeg || p == BodyPart::RightLeg) legs |= static_cast<std::uint8_t>(1u << bodyPartIndex(p));
    if (request.footLock && legs) {
      const BodyPartMap map = CanonicalRig::map(result.skeleton()).bodyParts();
      JobOutcome lock = footLockJob(result, FrameRange{genStart - workStart, genEnd - workStart}, legs, map);
      if (lock.ok()) lock.patch.apply(result);
    }
    if (request.mode == Mode::NewTake) {
      result.makeSignContinuous();
      out.push_back(std::move(result));
      continue;
    }
    Clip merged = base;
    paste(result, workStart, genStart, genEnd, &merged);
    out.push_back(std::move(merged));
  }
  *candidates = std::move(out);
  return true;
}

}  // namespace mm::tasks
