#pragma once
// The five body parts the quality reports, masks and models speak of, and a
// per-joint map from a skeleton onto them, detected from joint names.
//
// Detection reads the names of common rigs (Bandai "UpperArm_L", CMU ASF
// "lfemur", Mixamo "mixamorig:LeftUpLeg", SMPL "left_knee" / "L_Knee",
// MotionBuilder "LeftForeArm", 3ds Max Biped "Bip01 L Thigh", Biovision
// "LeftCollar"): a joint whose name carries a side and a limb keyword starts
// that limb; every descendant of a limb joint, and a sided joint without a
// limb keyword, takes its parent's part (fingers follow the hand, toe ends
// follow the foot); everything else is the torso. A limb keyword without a
// side (e.g. a lone "Hand") is not enough: such joints are torso unless they
// hang below a limb. Users fix the rest with overrides.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm {

class Skeleton;

enum class BodyPart : unsigned char { Torso, LeftArm, RightArm, LeftLeg, RightLeg };
constexpr int kBodyPartCount = 5;
constexpr std::array<BodyPart, kBodyPartCount> kAllBodyParts = {BodyPart::Torso, BodyPart::LeftArm, BodyPart::RightArm,
                                                                 BodyPart::LeftLeg, BodyPart::RightLeg};
// Index 0..4 in the order above (the column order of per-part reports).
constexpr int bodyPartIndex(BodyPart part) { return static_cast<int>(part); }
// "torso", "left_arm", "right_arm", "left_leg", "right_leg" (file and CLI spelling).
const char* bodyPartName(BodyPart part);
// Inverse of bodyPartName, case-insensitive, '-' accepted for '_'; nullopt otherwise.
std::optional<BodyPart> parseBodyPart(std::string_view name);

// What a joint name says, as the detectors read it. Exposed so that the
// canonical rig reads names exactly as the body-part map does.
enum class BodySide : unsigned char { None, Left, Right };
struct JointNameInfo {
  BodySide side = BodySide::None;
  // Lowercase words without the side marker and digits, compounds split into
  // known words: "mixamorig:LeftUpLeg" -> {"up", "leg"}, "lhipjoint" ->
  // {"hip", "joint"}, "Bip01 L Forearm" -> {"bip", "fore", "arm"}. Parts of
  // a name that are no known word are kept whole.
  std::vector<std::string> words;
  bool has(std::string_view word) const;
};
// Never fails; an empty or unreadable name gives no side and no words.
// The namespace (text up to the last ':' or '|') is ignored.
JointNameInfo analyzeJointName(std::string_view name);

enum class LimbKind : unsigned char { None, Arm, Leg };
// The limb named by the first limb keyword among `words` ("hip" counts as a
// leg only when `sided`, since an unsided "Hip" is usually the pelvis).
LimbKind limbOfWords(const std::vector<std::string>& words, bool sided);

// One BodyPart per joint of a skeleton. Cheap to copy; holds no reference to
// the skeleton, so keep them in step (jointCount() must match).
class BodyPartMap {
 public:
  BodyPartMap() = default;
  // `jointCount` joints (>= 0), all `fill`.
  explicit BodyPartMap(int jointCount, BodyPart fill = BodyPart::Torso);

  // Detects the parts from joint names and the hierarchy (see the top of
  // this file). Never fails: joints it cannot place are torso.
  static BodyPartMap detect(const Skeleton& skeleton);

  int jointCount() const { return static_cast<int>(mParts.size()); }
  // `joint` in [0, jointCount()).
  BodyPart part(int joint) const { return mParts[joint]; }
  // Manual override of one joint; descendants are not touched.
  void setPart(int joint, BodyPart part) { mParts[joint] = part; }
  // Joints of `part` in increasing index order (parents before children).
  std::vector<int> jointsOf(BodyPart part) const;
  const std::vector<BodyPart>& parts() const { return mParts; }

  // Applies user overrides given by exact joint name. With `withDescendants`
  // every descendant of an overridden joint takes the same part unless it is
  // overridden itself. Names the skeleton lacks are skipped and returned (in
  // the map's order); the others are applied regardless. `skeleton` must be
  // the one this map was made for.
  std::vector<std::string> applyOverrides(const Skeleton& skeleton, const std::map<std::string, BodyPart>& overrides,
                                          bool withDescendants = false);

  bool operator==(const BodyPartMap& other) const { return mParts == other.mParts; }
  bool operator!=(const BodyPartMap& other) const { return !(*this == other); }

 private:
  std::vector<BodyPart> mParts;
};

}  // namespace mm
