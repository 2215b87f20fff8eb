#pragma once
// Foot-contact detection for the classical repair toolbox: which foot is on
// the floor at which frame, and where the floor is.
//
// Each foot has two points, the ankle (the foot joint of the leg's
// hip-knee-ankle chain, findLegChain) and the toe (the ankle's first child in
// the same leg, when there is one). A point is in contact when it is low (its
// height above its planted level, see below, is small) and slow (its speed
// and vertical speed are small; the ankle also needs the heel down), with
// hysteresis: it enters contact below the "on" thresholds and leaves it only
// above the "off" thresholds, so noise near a threshold does not chatter. A
// foot is in contact when any of its points is; short gaps are closed,
// contacts shorter than a minimum duration dropped, and the lift-off at a
// contact's end trimmed (releaseSpeedMetersPerSecond).
//
// Heights are measured along the world up axis (detectUpAxis unless given)
// in metres. The floor is the lowest planted level of the feet: each point's
// level is a low percentile of its heights over the clip (robust to a few
// penetrating frames); the floor is the lowest of those; a point type's
// clearance (the ankle sits above the floor even when the foot is flat) is
// its level above the floor, the smaller of the two feet (a foot held up for
// the whole clip does not raise it). With an overridden floor the clearances
// stay and the levels move with the floor.
//
// Every threshold is in metres, metres per second and seconds, converted with
// clip.unitsPerMeter() and clip.fps(), so a clip gives the same contacts in
// centimetres or metres and at 30 or 120 fps (up to rounding to frames).
// Missing (invalid) joints are read as the values the clip holds.

#include "motion/bodyparts.h"
#include "motion/corrupt/bodygeometry.h"

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm {

class Clip;
class Skeleton;

enum class FootSide : unsigned char { Left = 0, Right = 1 };
constexpr int kFootCount = 2;
enum class FootPoint : unsigned char { Ankle = 0, Toe = 1 };
constexpr int kFootPointCount = 2;

constexpr int footIndex(FootSide side) { return static_cast<int>(side); }
constexpr BodyPart legOf(FootSide side) { return side == FootSide::Left ? BodyPart::LeftLeg : BodyPart::RightLeg; }
const char* footSideName(FootSide side);  // "left", "right"

// The joints of one foot.
struct FootJoints {
  LegChain chain;  // hip, knee, ankle (all valid indices)
  int toe = -1;    // first child of the ankle in the same leg; -1 if none
  // Joint of a point: chain.ankle, or toe (-1 if the foot has none).
  int joint(FootPoint point) const { return point == FootPoint::Ankle ? chain.ankle : toe; }
};

// Each side's joints, indexed by footIndex; nullopt where the leg has no
// hip-knee-ankle chain. `parts` must have been made for `skeleton`.
std::array<std::optional<FootJoints>, kFootCount> findFeet(const Skeleton& skeleton, const BodyPartMap& parts);

struct FootContactParams {
  // World up axis: 0 = X, 1 = Y, 2 = Z (positive direction), or -1 to detect
  // it from the motion (detectUpAxis).
  int upAxis = -1;
  // Floor height in metres along the up axis (world coordinate divided by
  // units per metre); nullopt: estimated from the feet (see the top).
  std::optional<double> floorMeters;
  // Quantile (0..1) of each point's heights taken as its planted level.
  double floorPercentile = 0.02;

  // A point enters contact when it is less than heightOnMeters above its
  // level, slower than speedOnMetersPerSecond and vertically slower than
  // verticalSpeedOnMetersPerSecond; it leaves contact when it is more than
  // heightOffMeters above its level, faster than speedOffMetersPerSecond or
  // vertically faster than verticalSpeedOffMetersPerSecond. 0 < on <= off.
  // The speed limits are generous on purpose, so that a foot skating on the
  // floor stays in contact and can be locked; what ends a contact is the foot
  // rising (height, vertical speed, heel lift) or racing off (a swing foot
  // passing low moves at several m/s).
  double heightOnMeters = 0.03;
  double heightOffMeters = 0.05;
  double speedOnMetersPerSecond = 1.0;
  double speedOffMetersPerSecond = 1.5;
  double verticalSpeedOnMetersPerSecond = 0.1;
  double verticalSpeedOffMetersPerSecond = 0.15;
  // The ankle of a foot with a toe also leaves contact when the heel lifts:
  // when the ankle rises above the toe by more than heelLiftOffMeters beyond
  // their planted difference (the foot pitches up about the toe), and enters
  // only below heelLiftOnMeters. The whole body may bob, but a planted foot
  // stays flat. 0 < on <= off.
  double heelLiftOnMeters = 0.003;
  double heelLiftOffMeters = 0.006;
  // A contact's last frames on which every point in contact moves faster
  // than this are dropped: the foot is already stepping away (a foot
  // dragged off the floor, as in walking backwards, stays low and slow
  // enough for the thresholds above). A contact's first frames are kept,
  // so a foot that slides from the moment it lands is still caught. > 0.
  double releaseSpeedMetersPerSecond = 0.3;
  // Speeds are central differences over this window (seconds, >= 0; at least
  // one frame either side), so 120 fps data is not noisier than 30 fps.
  double speedWindowSeconds = 1.0 / 15.0;
  // A foot's gaps between contacts shorter than this are closed (seconds, >= 0).
  double mergeGapSeconds = 0.05;
  // A foot's contacts shorter than this are dropped (seconds, >= 0).
  double minContactSeconds = 0.1;

  // Empty if every value is in range, else what is wrong.
  std::string validate() const;
};

// A foot's contact: frames [start, end).
struct FootContactSpan {
  FootSide side = FootSide::Left;
  int start = 0;
  int end = 0;
  int length() const { return end - start; }
};

struct FootContacts {
  // Empty on success; otherwise why nothing was detected (bad parameters, an
  // empty clip, parts not made for the clip's skeleton, no leg found) and
  // the other members are default.
  std::string error;

  int frames = 0;
  double fps = 30.0;
  double unitsPerMeter = 1.0;
  Eigen::Vector3d up = Eigen::Vector3d::UnitY();  // unit, signed coordinate axis
  double floorMeters = 0.0;                       // the floor used (estimated or given)
  double estimatedFloorMeters = 0.0;              // the floor the feet give
  // Per side and point: the point's joint (-1 if none) and planted level
  // (floor + clearance, metres along up). [footIndex][FootPoint].
  std::array<std::optional<FootJoints>, kFootCount> feet;
  std::array<std::array<double, kFootPointCount>, kFootCount> levelMeters{};

  // Global positions of the points, file units, frames x sides x points:
  // [(f * kFootCount + side) * kFootPointCount + point]. A missing toe
  // repeats the ankle.
  std::vector<Eigen::Vector3d> positions;
  // Foot contact per frame and side: [f * kFootCount + side], 0 or 1.
  std::vector<std::uint8_t> foot;
  // Point contact (inside a foot contact only): same layout as positions.
  std::vector<std::uint8_t> point;
  // The foot contacts, by side, then by start.
  std::vector<FootContactSpan> spans;

  bool ok() const { return error.empty(); }
  bool inContact(int frame, FootSide side) const {
    return foot[static_cast<size_t>(frame) * kFootCount + footIndex(side)] != 0;
  }
  bool pointInContact(int frame, FootSide side, FootPoint p) const { return point[pointIndex(frame, side, p)] != 0; }
  const Eigen::Vector3d& position(int frame, FootSide side, FootPoint p) const {
    return positions[pointIndex(frame, side, p)];
  }
  // Height of a point above the floor, metres.
  double heightAboveFloor(int frame, FootSide side, FootPoint p) const {
    return position(frame, side, p).dot(up) / unitsPerMeter - floorMeters;
  }
  static size_t pointIndex(int frame, FootSide side, FootPoint p) {
    return (static_cast<size_t>(frame) * kFootCount + footIndex(side)) * kFootPointCount + static_cast<int>(p);
  }
};

// Detects the contacts of both feet over the whole clip. Never throws; see
// FootContacts::error. Reentrant.
FootContacts detectFootContacts(const Clip& clip, const BodyPartMap& parts, const FootContactParams& params = {});

}  // namespace mm
