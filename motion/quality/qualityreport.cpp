#include "motion/quality/qualityreport.h"

#include <algorithm>

namespace mm {

QualityReport::QualityReport(int frames) : mFrames(frames) {}

void QualityReport::flag(ArtifactType type, int frame, BodyPart part, float severity, float confidence) {
  const size_t cells = static_cast<size_t>(mFrames) * kBodyPartCount;
  const size_t i = static_cast<size_t>(frame) * kBodyPartCount + static_cast<int>(part);
  confidence = std::clamp(confidence, 0.0f, 1.0f);
  const int t = static_cast<int>(type);
  const bool hint = confidence < kHintConfidence;
  std::vector<float>& scores = hint ? mHints[t] : mScores[t];
  std::vector<float>& conf = hint ? mHintConfidence[t] : mConfidence[t];
  if (scores.empty()) scores.assign(cells, 0.0f);
  // Confidence 1 is the default: most detectors never allocate the array.
  if (conf.empty() && (hint || confidence < 1.0f)) conf.assign(cells, hint ? 0.0f : 1.0f);
  float& s = scores[i];
  if (!conf.empty()) conf[i] = s == 0.0f ? confidence : std::max(conf[i], confidence);
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
  buildSpansOf(mScores, mConfidence, mergeGapFrames, mArtifacts);
  buildSpansOf(mHints, mHintConfidence, mergeGapFrames, mHintSpans);
}

void QualityReport::buildSpansOf(const std::array<std::vector<float>, kArtifactTypeCount>& scores,
                                 const std::array<std::vector<float>, kArtifactTypeCount>& confidences,
                                 int mergeGapFrames, std::vector<ArtifactSpan>& out) const {
  out.clear();
  for (int t = 0; t < kArtifactTypeCount; ++t) {
    const std::vector<float>& s = scores[t];
    const std::vector<float>& conf = confidences[t];
    if (s.empty()) continue;
    ArtifactSpan open;
    bool inSpan = false;
    int lastFlagged = -1;
    for (int f = 0; f < mFrames; ++f) {
      uint8_t mask = 0;
      float sev = 0.0f, confidence = 0.0f;
      for (int p = 0; p < kBodyPartCount; ++p) {
        const size_t i = static_cast<size_t>(f) * kBodyPartCount + p;
        const float v = s[i];
        const float c = conf.empty() ? 1.0f : conf[i];
        if (v >= 0.5f) {
          mask |= static_cast<uint8_t>(1u << p);
          confidence = std::max(confidence, c);
        }
        sev = std::max(sev, v);
      }
      if (!mask) continue;
      if (inSpan && f - lastFlagged - 1 <= mergeGapFrames) {
        open.end = f + 1;
        open.partMask |= mask;
        open.severity = std::max(open.severity, static_cast<double>(sev));
        open.confidence = std::max(open.confidence, static_cast<double>(confidence));
      } else {
        if (inSpan) out.push_back(open);
        open = ArtifactSpan{static_cast<ArtifactType>(t), f, f + 1, mask, sev, confidence};
        inSpan = true;
      }
      lastFlagged = f;
    }
    if (inSpan) out.push_back(open);
  }
  std::sort(out.begin(), out.end(), [](const ArtifactSpan& a, const ArtifactSpan& b) {
    return a.start != b.start ? a.start < b.start : a.type < b.type;
  });
}

}  // namespace mm
