#include "inference/tokenlayout.h"

#include <algorithm>
#include <cassert>

namespace mm::inference {

namespace {

using CJ = CanonicalJoint;

std::array<std::vector<int>, kBodyPartCount> buildLayout() {
  std::vector<int> shared = {kRootHeightFeature, kRootVelocityFeature, kRootVelocityFeature + 1, kYawRateFeature};
  auto addRotation = [](std::vector<int>& v, CJ c) {
    for (int k = 0; k < 6; ++k) v.push_back(kRotationFeature + 6 * canonicalIndex(c) + k);
  };
  auto addPosition = [](std::vector<int>& v, CJ c) {
    for (int k = 0; k < 3; ++k) v.push_back(kPositionFeature + 3 * (canonicalIndex(c) - 1) + k);
  };
  addRotation(shared, CJ::Pelvis);
  addRotation(shared, CJ::Spine);

  std::array<std::vector<int>, kBodyPartCount> layout;
  for (BodyPart part : kAllBodyParts) {
    std::vector<int> v = shared;
    std::vector<CJ> joints;
    for (int c = 0; c < kCanonicalJointCount; ++c)
      if (canonicalBodyPart(static_cast<CJ>(c)) == part) joints.push_back(static_cast<CJ>(c));
    for (CJ c : joints)
      if (c != CJ::Pelvis && c != CJ::Spine) addRotation(v, c);
    for (CJ c : joints)
      if (c != CJ::Pelvis) addPosition(v, c);
    if (part == BodyPart::LeftLeg) v.insert(v.end(), {kContactFeature, kContactFeature + 1});
    if (part == BodyPart::RightLeg) v.insert(v.end(), {kContactFeature + 2, kContactFeature + 3});
    assert(static_cast<int>(v.size()) <= kTokenWidth);
    layout[bodyPartIndex(part)] = std::move(v);
  }
  return layout;
}

}  // namespace

const std::array<std::vector<int>, kBodyPartCount>& tokenFeatureIndices() {
  static const auto layout = buildLayout();
  return layout;
}

void splitTokens(const float* features, int frames, float* tokens) {
  const auto& layout = tokenFeatureIndices();
  std::fill(tokens, tokens + static_cast<size_t>(frames) * kBodyPartCount * kTokenChannels, 0.0f);
  for (int f = 0; f < frames; ++f)
    for (int p = 0; p < kBodyPartCount; ++p) {
      float* t = tokens + (static_cast<size_t>(f) * kBodyPartCount + p) * kTokenChannels;
      const float* x = features + static_cast<size_t>(f) * kFeatureCount;
      for (size_t k = 0; k < layout[p].size(); ++k) t[k] = x[layout[p][k]];
    }
}

void mergeTokens(const float* tokens, int frames, const float* weights, float* features) {
  const auto& layout = tokenFeatureIndices();
  std::vector<double> sum(kFeatureCount), weight(kFeatureCount);
  for (int f = 0; f < frames; ++f) {
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(weight.begin(), weight.end(), 0.0);
    for (int p = 0; p < kBodyPartCount; ++p) {
      const float* t = tokens + (static_cast<size_t>(f) * kBodyPartCount + p) * kTokenChannels;
      const double w = weights ? weights[static_cast<size_t>(f) * kBodyPartCount + p] : 1.0;
      for (size_t k = 0; k < layout[p].size(); ++k) {
        sum[layout[p][k]] += w * t[k];
        weight[layout[p][k]] += w;
      }
    }
    float* x = features + static_cast<size_t>(f) * kFeatureCount;
    for (int k = 0; k < kFeatureCount; ++k) x[k] = weight[k] > 0 ? static_cast<float>(sum[k] / weight[k]) : 0.0f;
  }
}

}  // namespace mm::inference
