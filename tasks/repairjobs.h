#pragma once
// The repair jobs the CLI and the editor share, and the product policy
// behind `--method auto` (which tool runs for which artifact, part and gap
// length, from measured numbers). Each job reads a clip, never changes it,
// and returns a Patch: the proposal, the ghost and the undo payload at once.
// The CLI applies the patch and writes the file; the editor shows it and
// applies it when the user accepts.

#include "motion/quality/qualityreport.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/fillmask.h"
#include "motion/repair/framerange.h"
#include "tasks/modeljobs.h"
#include "tasks/patch.h"

#include <string>
#include <vector>

namespace mm {
class BodyPartMap;
class Clip;
}  // namespace mm

namespace mm::tasks {

enum class Method { Classic, Model, Auto };
const char* methodName(Method method);  // "classic", "model", "auto"
bool parseMethod(const std::string& name, Method* out);

// Where an error comes from, so that a front end can name the right file.
enum class ErrorSource { None, Input, Mask, Model };

struct JobOutcome {
  ErrorSource errorSource = ErrorSource::None;
  std::string error;  // for the user, without a file name; "cancelled" when cancelled
  bool cancelled = false;
  // What ran, as the CLI's first output line says it ("method: classic (auto: why)").
  std::string methodLine;
  std::string used = "classic";  // classic | model | auto
  Patch patch;
  // clean and per-artifact repair: one result per span, in the report's order.
  std::vector<RepairResult> results;
  // complete: what the classical fill did and how many (frame, part) tokens the model regenerated.
  GapFillResult fill;
  FillMethod fillMethod = FillMethod::Cubic;
  int modelTokens = 0;
  bool ok() const { return errorSource == ErrorSource::None; }
};

// --- policy (measured on held-out takes; resources/models/README.md) ---

// Types without a classical repair that the learned model repairs better
// than leaving them: floating (221 -> 78-206 mm MPJPE over the span on 8
// held-out takes); over-smoothing got worse with the model and is left alone.
bool modelRepairsBetter(ArtifactType type);
// complete --method auto: the model fills the legs' runs missing at least
// this long (held-out MPJPE 32 vs 59 mm at 30 frames, 44 vs 67 at 60); the
// classical fill wins on arms, torso and shorter gaps.
constexpr double kModelLegGapSeconds = 1.0;
// Splits `mask` into the legs' runs of kModelLegGapSeconds or more (*model)
// and the rest (*classic); returns the samples in *model.
int splitLegGaps(const FillMask& mask, const BodyPartMap& parts, double fps, FillMask* classic, FillMask* model);
// complete --method auto with a measured table (tasks/autotable.h): each
// joint's missing run goes to the model when the table's row for its part
// and nearest measured length says so. Returns the samples in *model.
class AutoTable;
int splitByAutoTable(const FillMask& mask, const BodyPartMap& parts, const AutoTable& table, double fps,
                     FillMask* classic, FillMask* model);
// The classical tools behind each task (the best of `eval complete` / `eval inbetween`).
constexpr FillMethod kCompleteFill = FillMethod::Cubic;
constexpr double kVelocityHorizonSeconds = 0.5;

// --- jobs ---

// Analyse then repair every artifact span of `report` (made for `clip`).
// classic: repairAll; model: the model regenerates every span's tokens;
// auto: classical repair, then the model for the spans it repairs better
// (per artifact type, from the weights' auto table when there is one).
JobOutcome cleanJob(const Clip& clip, const QualityReport& report, const BodyPartMap& parts, Method method,
                    const ModelSettings& model);
// One artifact span: the proposal the editor shows for it. `clip` may be a
// window of a take (the caller shifts the patch back).
JobOutcome repairArtifactJob(const Clip& clip, const ArtifactSpan& span, const BodyPartMap& parts, Method method,
                             const ModelSettings& model);
// Fill what `mask` marks (classical fill; auto: the model for long leg gaps).
JobOutcome completeJob(const Clip& clip, const FillMask& mask, const BodyPartMap& parts, Method method,
                       const ModelSettings& model);
// Regenerate frames [range) from the motion around them (Hermite; model on request).
JobOutcome inbetweenJob(const Clip& clip, FrameRange range, Method method, const ModelSettings& model);
// Low-pass the joints of `partMask` over `range` (faded in and out).
JobOutcome filterJob(const Clip& clip, FrameRange range, std::uint8_t partMask, const BodyPartMap& parts,
                     const FilterSpec& spec);
// Pin the feet of the legs in `partMask` over their contacts inside `range`.
JobOutcome footLockJob(const Clip& clip, FrameRange range, std::uint8_t partMask, const BodyPartMap& parts);

// A window of a take around `range` with `contextSeconds` either side: jobs
// on a selection run on it (their cost follows the selection, not the take).
struct ClipWindow {
  int offset = 0;  // take frame of the window's frame 0
  Clip clip;
};
ClipWindow windowAround(const Clip& clip, FrameRange range, double contextSeconds);

}  // namespace mm::tasks
