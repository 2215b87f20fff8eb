#pragma once
// How a frame's features split into five body-part tokens. Root and spine
// features (root height, velocities, yaw rate, pelvis and spine rotations)
// go into every part's token, so each token sees where the body is going
// (RoPAR). Each token holds kTokenWidth motion channels (unused ones stay 0)
// plus one quality-indicator channel (StableMotion: -1 good, +1 bad).

#include "inference/motionfeatures.h"
#include "motion/bodyparts.h"

#include <array>
#include <vector>

namespace mm::inference {

constexpr int kTokenWidth = 54;                  // largest part: a leg
constexpr int kLabelChannel = kTokenWidth;       // index of the indicator
constexpr int kTokenChannels = kTokenWidth + 1;  // motion + indicator
constexpr float kLabelGood = -1.0f;
constexpr float kLabelBad = 1.0f;

// Frame-feature index of each used token channel of each part, in channel
// order (size <= kTokenWidth).
const std::array<std::vector<int>, kBodyPartCount>& tokenFeatureIndices();

// frames x kFeatureCount -> frames x 5 x kTokenChannels (indicator 0 here).
void splitTokens(const float* features, int frames, float* tokens);
// Inverse. A feature held by several tokens is the weighted mean over them;
// `weights` (frames x 5, optional) lets known tokens win over generated ones.
void mergeTokens(const float* tokens, int frames, const float* weights, float* features);

}  // namespace mm::inference
