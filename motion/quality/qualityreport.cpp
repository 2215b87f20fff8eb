#include "motion/quality/qualityreport.h"

#include <algorithm>

namespace mm {

QualityReport::QualityReport(int frames) : mFrames(frames) {}

void QualityReport::flag(ArtifactType type, int frame, BodyPart part, float severity) {
  std::vector<float>& scores = mScores[static_cast<int>(type)];
  if (scores.empty()) scores.assign(static_cast<size_t>(mFrames) * kBodyPartCount, 0.0f);
  float& s = scores[static_cast<size_t>(frame) * kBodyPartCount + static_cast<int>(part)];
  s = std::max(s, std::clamp(severity, 0.0f, 1.0f));
}

float QualityReport::partQuality(int frame, BodyPart part) const {
  float worst = 0.0f;
  const size_t i = static_cast<size_t>(frame) * kBodyPartCount + static_cast<int>(part);
  for (const auto& s : mScores)
    if (!s.empty()) worst = std::max(worst, s[i]);
  return 1.0f - worst;
}

float QualityReport::frameQuality(int frame) const {
  float q = 1.0f;
  for (int p = 0; p < kBodyPartCount; ++p) q = std::min(q, partQuality(frame, static_cast<BodyPart>(p)));
  return q;
}

int QualityReport::flaggedFrameCount(float threshold) const {
  int n = 0;
  for (int f = 0; f < mFrames; ++f) n += frameQuality(f) < 1.0f - threshold ? 1 : 0;
  return n;
}

void QualityReport::buildSpans(int mergeGapFrames) {
  mArtifacts.clear();
  for (int t = 0; t < kArtifactTypeCount; ++t) {
    const std::vector<float>& s = mScores[t];
    if (s.empty()) continue;
    ArtifactSpan open;
    bool inSpan = false;
    int lastFlagged = -1;
    for (int f = 0; f < mFrames; ++f) {
      uint8_t mask = 0;
      float sev = 0.0f;
      for (int p = 0; p < kBodyPartCount; ++p) {
        const float v = s[static_cast<size_t>(f) * kBodyPartCount + p];
        if (v >= 0.5f) mask |= static_cast<uint8_t>(1u << p);
        sev = std::max(sev, v);
      }
      if (!mask) continue;
      if (inSpan && f - lastFlagged - 1 <= mergeGapFrames) {
        open.end = f + 1;
        open.partMask |= mask;
        open.severity = std::max(open.severity, static_cast<double>(sev));
      } else {
        if (inSpan) mArtifacts.push_back(open);
        open = ArtifactSpan{static_cast<ArtifactType>(t), f, f + 1, mask, sev};
        inSpan = true;
      }
      lastFlagged = f;
    }
    if (inSpan) mArtifacts.push_back(open);
  }
  std::sort(mArtifacts.begin(), mArtifacts.end(), [](const ArtifactSpan& a, const ArtifactSpan& b) {
    return a.start != b.start ? a.start < b.start : a.type < b.type;
  });
}

}  // namespace mm
