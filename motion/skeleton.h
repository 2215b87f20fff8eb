#pragma once
// A joint hierarchy stored depth-first as parallel arrays (ozz style): a
// joint's parent always has a smaller index, so forward kinematics is one
// forward loop. Offsets are in the file's units, in the parent's frame.

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm {

// One animated channel as a file lists it.
enum class Channel : unsigned char { Xposition, Yposition, Zposition, Xrotation, Yrotation, Zrotation };
const char* channelName(Channel c);                         // "Xposition", ...
std::optional<Channel> parseChannel(std::string_view text);  // case-insensitive; nullopt if unknown
inline bool isPositionChannel(Channel c) { return c <= Channel::Zposition; }

// How a source file wrote a joint's Euler angles, kept so that writing the
// clip back reproduces the same channel values (a rotation has many Euler
// spellings: +-360 windings and the (a+180, 180-b, c+180) twin).
struct EulerStyle {
  // Every frame used the principal solution: middle angle in [-90, 90],
  // the others in [-180, 180]. Otherwise angles are continuous over time.
  bool wrapped = false;
  // First frame's angles (degrees, layout order), the start of a continuous curve.
  std::optional<Eigen::Vector3d> first;
};

class Skeleton {
 public:
  static constexpr int kNoParent = -1;

  // Appends a joint; `parent` must be kNoParent (only for the first joint) or
  // an existing index. Returns the new index.
  int addJoint(std::string name, int parent, const Eigen::Vector3d& offset);

  int jointCount() const { return static_cast<int>(mNames.size()); }
  const std::string& name(int joint) const { return mNames[joint]; }
  int parent(int joint) const { return mParents[joint]; }
  const Eigen::Vector3d& offset(int joint) const { return mOffsets[joint]; }
  void setName(int joint, std::string name) { mNames[joint] = std::move(name); }
  void setOffset(int joint, const Eigen::Vector3d& offset) { mOffsets[joint] = offset; }
  const std::vector<int>& parents() const { return mParents; }
  const std::vector<std::string>& names() const { return mNames; }

  // Index of the joint with this exact name, or -1.
  int findJoint(std::string_view name) const;
  std::vector<int> children(int joint) const;
  // True if `ancestor` is `joint` or lies on its path to the root.
  bool isAncestor(int ancestor, int joint) const;

  // The channels the source file animates on this joint, in file order (kept
  // so a writer can reproduce the layout). Empty: the joint is not animated.
  const std::vector<Channel>& channels(int joint) const { return mChannels[joint]; }
  void setChannels(int joint, std::vector<Channel> channels) { mChannels[joint] = std::move(channels); }
  bool hasPositionChannels(int joint) const;

  const EulerStyle& eulerStyle(int joint) const { return mEulerStyles[joint]; }
  void setEulerStyle(int joint, EulerStyle style) { mEulerStyles[joint] = std::move(style); }

  // Optional end-effector offset (BVH "End Site"), in the joint's frame.
  const std::optional<Eigen::Vector3d>& endSite(int joint) const { return mEndSites[joint]; }
  void setEndSite(int joint, std::optional<Eigen::Vector3d> site) { mEndSites[joint] = std::move(site); }

  // Joint positions of the rest pose (all local rotations identity), in file units.
  std::vector<Eigen::Vector3d> restPositions() const;

  // Empty string if the invariants hold (at least one joint, only joint 0 is a
  // root, parents precede children, finite offsets, unique non-empty names);
  // otherwise what is wrong.
  std::string validate() const;

 private:
  std::vector<std::string> mNames;
  std::vector<int> mParents;
  std::vector<Eigen::Vector3d> mOffsets;
  std::vector<std::vector<Channel>> mChannels;
  std::vector<std::optional<Eigen::Vector3d>> mEndSites;
  std::vector<EulerStyle> mEulerStyles;
};

}  // namespace mm
