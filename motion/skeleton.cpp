#include "motion/skeleton.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace mm {
namespace {
constexpr const char* kChannelNames[6] = {"Xposition", "Yposition", "Zposition",
                                          "Xrotation", "Yrotation", "Zrotation"};
bool equalsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

const char* channelName(Channel c) { return kChannelNames[static_cast<int>(c)]; }

std::optional<Channel> parseChannel(std::string_view text) {
  for (int i = 0; i < 6; ++i)
    if (equalsNoCase(text, kChannelNames[i])) return static_cast<Channel>(i);
  return std::nullopt;
}

int Skeleton::addJoint(std::string name, int parent, const Eigen::Vector3d& offset) {
  mNames.push_back(std::move(name));
  mParents.push_back(parent);
  mOffsets.push_back(offset);
  mChannels.emplace_back();
  mEndSites.emplace_back();
  mEulerStyles.emplace_back();
  return jointCount() - 1;
}

int Skeleton::findJoint(std::string_view name) const {
  for (int j = 0; j < jointCount(); ++j)
    if (mNames[j] == name) return j;
  return -1;
}

std::vector<int> Skeleton::children(int joint) const {
  std::vector<int> out;
  for (int j = joint + 1; j < jointCount(); ++j)
    if (mParents[j] == joint) out.push_back(j);
  return out;
}

bool Skeleton::isAncestor(int ancestor, int joint) const {
  for (int j = joint; j != kNoParent; j = mParents[j])
    if (j == ancestor) return true;
  return false;
}

bool Skeleton::hasPositionChannels(int joint) const {
  return std::any_of(mChannels[joint].begin(), mChannels[joint].end(), isPositionChannel);
}

std::vector<Eigen::Vector3d> Skeleton::restPositions() const {
  std::vector<Eigen::Vector3d> p(jointCount());
  for (int j = 0; j < jointCount(); ++j) p[j] = mParents[j] == kNoParent ? mOffsets[j] : p[mParents[j]] + mOffsets[j];
  return p;
}

std::string Skeleton::validate() const {
  if (mNames.empty()) return "the skeleton has no joints";
  std::unordered_set<std::string> seen;
  for (int j = 0; j < jointCount(); ++j) {
    if (j == 0 && mParents[j] != kNoParent) return "the first joint must be the root";
    if (j > 0 && (mParents[j] < 0 || mParents[j] >= j))
      return "joint '" + mNames[j] + "' has an invalid parent (parents must precede children)";
    if (mNames[j].empty()) return "joint " + std::to_string(j) + " has no name";
    if (!seen.insert(mNames[j]).second) return "joint name '" + mNames[j] + "' is used twice";
    if (!mOffsets[j].allFinite()) return "joint '" + mNames[j] + "' has a non-finite offset";
  }
  return {};
}

}  // namespace mm
