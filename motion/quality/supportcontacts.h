#pragma once
// Support contacts: where the take shows something holding the body up. The
// world is not one plane: a foot that holds still stands on something at
// that height (a box, a step, a ladder rung, a slope), a hand that holds
// still above the shoulders hangs from something. The floor-relative checks
// (penetration, floating) judge a foot against these supports, not only
// against the lowest floor level.
//
// A still run is a stretch of at least 0.05 s where a point (ankle, toe, or
// wrist) moves slower than 0.25 m/s. It is a credible support unless the
// take shows it is not:
// - carried: over the 0.3 s before the run the point came up or down by more
//   than 2 cm, moving less than half that sideways, together with the hips
//   (within half the change). A foot that steps onto a box arrives on an arc
//   and the body rises after it; a planted foot that rises or sinks with
//   the whole body is the body's height going wrong (floating, penetration),
//   not a new surface;
// - unsupported: it begins while no credible run of another point holds the
//   body, at a level no credible run of that kind of point has shown
//   (within 3 cm), and not after the flight of a jump from a credible run:
//   at most 1 s and at least 0.15 s without support, the hips on a free
//   fall's parabola (within half of g), the take-off foot leaving on its
//   own (a point lifted off with the whole body, as above, took off from
//   nothing).
// A wrist's run needs a credible foot run holding the body as it begins (a
// hand that grips a bar while standing), another wrist's credible run, a
// jump from a credible foot run (as above), or to begin with the take.
// Runs that start on the take's first frames, and the take's first contacts
// (before any run has ended) that are not carried and rest at the floor
// level (floorestimate.h, within 3 cm), are credible: nothing before them
// says otherwise. A credible run's frames more than penetrationMeters
// under its own first level sank while planted: they are not supported.
// Heights in metres along the context's up axis.

#include <cmath>
#include <vector>

namespace mm {

struct AnalysisContext;
struct QualityPreset;

struct SupportRun {
  int point = 0;       // 0..3: left ankle, left toe, right ankle, right toe; 4, 5: left, right wrist
  int start = 0;       // first frame
  int end = 0;         // one past the last frame
  float level = 0.0f;  // height at the start of the run (mean of its first 0.05 s), metres
  bool credible = false;
};

struct SupportMap {
  int frames = 0;
  std::vector<SupportRun> runs;  // feet only, by start frame
  // Per foot point (0..3) and frame: 1 where the point stands on a credible
  // support (in a credible run, not sunk below its level). Empty when the
  // map was not built.
  std::vector<char> supported[4];
  // Lowest level of a credible run of each kind of foot point (0 ankle,
  // 1 toe) lasting at least 0.2 s; NaN when none.
  double lowestLevel[2] = {NAN, NAN};
  bool built() const { return frames > 0; }
  // Whether a credible run of a kind of foot point (0 ankle, 1 toe) rests
  // within 4 cm of `level` (metres): the take shows a floor there. A level
  // that only unsupported or carried runs show (feet swinging while the
  // body hangs, a body lifted off its floor for the whole take) is no
  // floor to judge against with confidence.
  bool shows(int kind, double level) const {
    for (const SupportRun& r : runs)
      if (r.credible && r.point % 2 == kind && std::abs(r.level - level) < 0.04) return true;
    return false;
  }
  bool footSupported(int frame) const {
    for (const auto& s : supported)
      if (!s.empty() && s[frame]) return true;
    return false;
  }
};

// The supports of the context's ankles and toes (AnalysisContext::ankle,
// ::toe) over the whole take.
SupportMap findFootSupports(const AnalysisContext& ctx, const QualityPreset& preset);

// Frames of [begin, end) where a wrist holds still a quarter of the arm's
// length or more above its shoulder on a credible support (the same rules; the feet's map decides whether another
// point holds the body): 1 per frame, indexed from `begin`. Runs forward
// kinematics of the arms over the frames it needs.
std::vector<char> findHangSupports(const AnalysisContext& ctx, const SupportMap& feet, int begin, int end);

}  // namespace mm
