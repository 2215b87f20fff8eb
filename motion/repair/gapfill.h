#pragma once
// Gap filling: replaces the samples a FillMask marks (missing data from
// occlusion, or joints a user wants regenerated) from the known motion
// around them, and marks them valid.
//
// Contract:
//  * Each joint is filled on its own, on its local rotation and, if it has
//    one, its translation track (the root's position, or a joint's position
//    channels). Since local rotations are filled and other joints keep their
//    skeleton offsets, bone lengths stay exact.
//  * A gap is a maximal run [a, b) of marked frames of one joint; it is
//    filled between its bracketing known frames a - 1 and b. A gap touching
//    the start of the clip holds the first known value (frame b), one touching
//    the end holds the last (frame a - 1), for Linear and Cubic: there is
//    nothing to interpolate towards, and extrapolating a velocity over a long
//    gap runs away. A joint marked on every frame is left as it is (reported
//    in unfilledSamples, still invalid).
//  * Unmarked samples and the validity of everything not filled stay
//    bit-identical. Filled quaternions are unit and sign-aligned with the
//    frame before; a sign jump can remain after the gap only if the clip was
//    not sign-continuous across it (Clip::makeSignContinuous fixes that).
//  * On a bad argument nothing changes and `error` says why.

#include "motion/repair/fillmask.h"

#include <string>
#include <vector>

namespace mm {

class BodyPartMap;
class Clip;
class Skeleton;

enum class FillMethod : unsigned char {
  // LERP of translations, SLERP of rotations between the bracketing frames.
  Linear,
  // Cubic Hermite between the bracketing frames with velocities fitted to
  // the known frames beyond them (hermite.h, boundaryvelocity.h); rotations
  // as tangent-space offsets from the SLERP. Where a bracketing frame has no
  // known neighbour beyond it, its velocity is unknown and the straight
  // path's (LERP / SLERP) is used. See also velocityHorizonSeconds.
  Cubic,
  // Borrows a donor joint's motion over the gap (see PatternDonor); the
  // translation tracks, the root, and joints without a usable donor are
  // filled as Cubic.
  Pattern,
};
// "linear", "cubic", "pattern".
const char* fillMethodName(FillMethod method);

// Pattern fill of `target` from `donor`. With D(f) the donor's local rotation
// (reflected through the coordinate plane normal to mirrorAxis when that is
// 0..2, see mirrorRotation), the target is D(f) e(f), where the body-frame
// offset e runs by SLERP from D^-1 q at the left bracketing frame to D^-1 q
// at the right one: the donor's frame-to-frame motion is kept, and the fill
// meets both known boundaries. A gap touching a clip end keeps the one known
// offset (the donor's motion continues; there is no second boundary to
// meet). The donor must be known (unmarked) over the gap and its bracketing
// frames, else that gap falls back to Cubic.
struct PatternDonor {
  int target = -1;
  int donor = -1;
  int mirrorAxis = -1;  // 0 = X, 1 = Y, 2 = Z, -1: donor rotations used as they are
};

// Every joint of each arm and leg paired with its partner on the other side
// (pairLimbs, both directions), reflected through the plane of the rest
// pose's mirror symmetry, or unreflected when the rest pose has none.
// Empty when no limb pairs.
std::vector<PatternDonor> mirroredLimbDonors(const Skeleton& skeleton, const BodyPartMap& parts);

struct GapFillOptions {
  FillMethod method = FillMethod::Cubic;
  // Known motion each side of a gap used to estimate its end velocities
  // (seconds, > 0), and the degree (1..3) of the polynomial fitted to it.
  double contextSeconds = 0.1;
  int velocityDegree = 2;
  // Cubic: how far (seconds, >= 0) the end velocities are trusted. Over a
  // gap of T seconds between its bracketing frames, each end velocity's
  // difference from the straight path's is scaled by h^2 / (h^2 + T^2): kept
  // for short gaps, fading towards LERP / SLERP for gaps much longer than h,
  // where a velocity says little about the motion in the middle and a cubic
  // driven by it overshoots. 0: no fading (plain Hermite, exact for cubic
  // polynomials). 0.5 s is best on the development data (eval complete).
  double velocityHorizonSeconds = 0.0;
  // Pattern only: at most one donor per target; must not be empty.
  std::vector<PatternDonor> donors;

  std::string validate(int jointCount) const;  // empty if usable
};

struct GapFillResult {
  std::string error;        // empty on success
  int gaps = 0;             // runs of marked frames, counted per joint
  int filledSamples = 0;    // (frame, joint) samples written and marked valid
  int fallbackGaps = 0;     // Pattern gaps filled as Cubic
  int unfilledSamples = 0;  // marked samples of joints with no known frame
  bool ok() const { return error.empty(); }
};

// Fills the samples `mask` marks. The mask must match the clip's frames and
// joints.
GapFillResult fillGaps(Clip& clip, const FillMask& mask, const GapFillOptions& options = {});

}  // namespace mm
