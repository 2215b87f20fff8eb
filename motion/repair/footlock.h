#pragma once
// Foot locking and grounding for the classical repair toolbox.
//
// Locking: every foot contact (detectFootContacts) that overlaps the frame
// range is pinned. On each frame one point of the foot is held still: the
// ankle while it is in contact, else the toe (heel off, a pivot on the
// ball). The point holds one world position for as long as it is the held
// one; when the held point changes, the new one is pinned where the locked
// foot put it, so nothing jumps. The first pin is where the foot landed
// (FootLockParams::pinAt; or the median of the contact), raised to its
// planted level if below. The leg's hip and knee are solved with two-bone IK
// (solveTwoBoneIk) every frame; the ankle keeps its global rotation, so a
// planted foot stays flat and a rolling one rolls as it did. A foot that
// pitches while its ankle is pinned is raised just enough to keep the toe on
// its level. The correction (target minus original ankle) fades in over
// blendSeconds before the contact and out over blendSeconds after it with
// smoothstep weights (where two fades meet, their weighted mean). A contact
// that runs across an edge of the range is pinned where the foot is on the
// frame just outside it, so the edit joins the untouched frames; other
// corrections fade out over blendSeconds toward an edge of the range that is
// not the clip's end.
//
// Grounding (after locking, on frames of the range): no foot point may be
// below its planted level (the floor, plus the ankle's clearance for the
// ankle; see footcontact.h). A leg whose points are below is raised with
// two-bone IK by the largest deficit; when both selected legs are below, the
// root is raised by the smaller deficit first and the rest is left to IK.
// Only what is below is raised: a foot in the air is never pulled down, so
// jumps keep their height.
//
// Frames outside the range keep their values bit for bit; so do frames
// inside it whose correction is zero. The floor, levels and contacts come from
// the clip as given (before any change). Thresholds are in metres and
// seconds (converted with clip.unitsPerMeter() and clip.fps()).

#include "motion/repair/footcontact.h"
#include "motion/repair/framerange.h"

#include <Eigen/Core>
#include <array>
#include <string>
#include <vector>

namespace mm {

class Clip;

// Where a contact's first pin comes from.
enum class FootPinAt : unsigned char {
  // The per-axis median over the first pinWindowSeconds of the contact:
  // where the foot touched down, before it began to slide.
  Landing,
  // The per-axis median over the whole contact: robust to a slide over less
  // than half of it.
  Median,
};

struct FootLockParams {
  FootContactParams contact;
  FootPinAt pinAt = FootPinAt::Landing;
  double pinWindowSeconds = 0.1;  // > 0; at least one frame
  // Fade of a lock's correction before and after each contact (seconds, >= 0;
  // 0: the correction starts and stops at the contact's first and last frame).
  double blendSeconds = 0.2;
  // A lock or lift may stretch a leg (hip to ankle) to maxLegExtension
  // (0..1] of thigh plus shin, or as far as the leg already reaches, and
  // beyond that only by up to extensionSoftness (>= 0; 0: no limit) of the
  // leg's length, approached softly. Where that is not enough the pinned
  // point gives way instead of the knee snapping straight.
  double maxLegExtension = 0.98;
  double extensionSoftness = 0.01;
  bool lock = true;      // pin the feet over their contacts
  bool ground = true;    // raise foot points that are below their planted level
  bool liftRoot = true;  // grounding: when both legs are below, raise the root first

  // Empty if every value is in range, else what is wrong.
  std::string validate() const;
};

// Which legs a repair may change, by footIndex.
using FootSelection = std::array<bool, kFootCount>;
constexpr FootSelection kBothFeet = {true, true};

// Where one point of a locked foot is held: frames [start, end) (inside the
// range), `point` at `position` (world, file units). On those frames the
// other point follows the foot's own orientation. The held point is exactly
// at `position` except where the foot's pitch would put the toe below its
// planted level (it is raised) or the leg cannot reach (maxLegExtension).
struct FootPin {
  FootPoint point = FootPoint::Ankle;
  int start = 0;
  int end = 0;
  Eigen::Vector3d position = Eigen::Vector3d::Zero();
};

// One contact as it was locked.
struct LockedContact {
  FootSide side = FootSide::Left;
  int start = 0;  // the contact's frames inside the range: [start, end)
  int end = 0;
  // True if pinned to the frame just outside the range (the contact crosses an edge).
  bool anchoredAtEdge = false;
  // The pins in frame order; they tile [start, end).
  std::vector<FootPin> pins;
};

struct FootLockReport {
  // Empty on success. Otherwise what is wrong (bad parameters, a bad range,
  // no selected leg found) and the clip is untouched.
  std::string error;
  int framesChanged = 0;   // frames of the range where some value changed
  int contactsFound = 0;   // contacts of the selected legs that overlap the range
  int framesGrounded = 0;  // frames where grounding raised a foot or the root
  // Largest displacement of a selected ankle (locking and grounding together,
  // including a root lift), metres.
  double maxCorrectionMeters = 0.0;
  double floorMeters = 0.0;             // the floor used, metres along the up axis
  std::vector<LockedContact> contacts;  // locked contacts, by side then start (empty when params.lock is off)

  bool ok() const { return error.empty(); }
};

// Locks and grounds (as params say) the selected legs over frames `range` of
// `clip`, in place. `range` must satisfy range.isInside(clip.frameCount());
// `parts` must have been made for the clip's skeleton. `contacts`, when
// given, replaces detection (e.g. contacts a user edited); it must come from
// this clip's values as passed in (same frame count; its floor and levels are
// used). Never throws; on error the clip is untouched. Reentrant.
FootLockReport lockFeet(Clip& clip, const BodyPartMap& parts, FrameRange range, const FootLockParams& params = {},
                        FootSelection legs = kBothFeet, const FootContacts* contacts = nullptr);
// The same over the whole clip.
FootLockReport lockFeet(Clip& clip, const BodyPartMap& parts, const FootLockParams& params = {},
                        FootSelection legs = kBothFeet);

// Grounding only (lockFeet with params.lock off).
FootLockReport groundFeet(Clip& clip, const BodyPartMap& parts, FrameRange range, const FootLockParams& params = {},
                          FootSelection legs = kBothFeet);

}  // namespace mm
