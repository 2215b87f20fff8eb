#pragma once
// Text-to-motion on the product's data: a prompt's reading (text/) becomes a
// per (frame, body part) action and style condition for the motion model,
// which generates new takes, continues a take, fills a range (in-betweening
// guided by the prompt) or regenerates some body parts of a range. Plain
// C++ (no Qt, no torch): the model side runs in the runtime module
// (tasks/modelruntime.h) like the other model jobs; the editor calls this
// from its worker thread, with ModelSettings::progress as progress and cancel.

#include "motion/bodyparts.h"
#include "motion/skeleton.h"
#include "tasks/modeljobs.h"
#include "text/promptreading.h"

#include <string>
#include <vector>

namespace mm::tasks {

struct GenerateRequest {
  enum class Mode { NewTake, Continue, Inbetween, Parts };
  Mode mode = Mode::NewTake;
  text::PromptReading reading;  // segments (action, style, parts, durations)
  int frames = 0;               // NewTake / Continue: frames to generate (0: the reading's durations)
  int start = 0, end = 0;       // Continue: first generated frame; Inbetween / Parts: [start, end)
  std::vector<BodyPart> parts;  // Parts: the parts regenerated (others kept bit for bit)
  int samples = 1;              // K candidates (different seeds)
  double textGuidance = 2.5;
  // Pin the generated feet over their contacts (the classical foot lock, as
  // the review proposes for foot skating): diffusion leaves feet sliding.
  bool footLock = true;
  // Low-pass the generated (frame, part) values before the foot lock
  // (Butterworth, order 4, this cut-off in Hz; 0: off): 12 sampling steps
  // leave a high-frequency tremble the analysis flags as jitter.
  double smoothHz = 6.0;
};

// K candidates. NewTake: new clips on `take`'s skeleton when take != nullptr (else the default canonical
// skeleton), standing start (or `take`'s frame `start` as first pose). Continue / Inbetween / Parts: copies
// of the whole `take` with only the generated (frame, part) values changed; Continue appends/overwrites from
// `start`. Fails with *error (for the user) or "cancelled". `notes` (optional) gets what the user should
// know about how the prompt was generated: an action the weights never trained on that another stands in
// for (text::standInAction: "dance-long: ... dance-short stands in"); one without a stand-in fails.
bool generateMotion(const inference::MotionModel& model, const ModelSettings& settings, const GenerateRequest& request,
                    const Clip* take, std::vector<Clip>* candidates, std::string* error,
                    std::vector<std::string>* notes = nullptr);
// Frames the reading's segments last at `fps` (their durations, or the default per segment).
int readingFrames(const text::PromptReading& reading, double fps);

// The weights generation uses by default: the text-conditioned file shipped beside the main weights
// (models/motionmender-small-text.mmmodel) when there is one, else defaultModelPath().
std::string defaultTextModelPath();

// The skeleton generation uses without a take (a Bandai-like canonical rig, built in, no data needed).
Skeleton canonicalSkeleton();

}  // namespace mm::tasks
