#pragma once
// Result of the quality analysis: per-frame and per-frame x per-part quality
// in 0..1 (1 = clean), the score of each detector, and artifact spans.

#include "motion/bodyparts.h"
#include "motion/quality/artifacttype.h"

#include <array>
#include <cstdint>
#include <vector>

namespace mm {

struct ArtifactSpan {
  ArtifactType type = ArtifactType::Pop;
  int start = 0;           // first frame
  int end = 0;             // one past the last frame
  uint8_t partMask = 0;    // bit (1 << int(BodyPart)) per affected part
  double severity = 0.0;   // 0..1
  bool hasPart(BodyPart p) const { return (partMask >> static_cast<int>(p)) & 1u; }
};

class QualityReport {
 public:
  QualityReport() = default;
  explicit QualityReport(int frames);

  int frameCount() const { return mFrames; }
  // Score of one detector on (frame, part): 0 = clean, 1 = certainly bad.
  float score(ArtifactType type, int frame, BodyPart part) const {
    const std::vector<float>& s = mScores[static_cast<int>(type)];
    return s.empty() ? 0.0f : s[static_cast<size_t>(frame) * kBodyPartCount + static_cast<int>(part)];
  }
  // All scores of a type (frames x parts), or nullptr if it flagged nothing.
  const float* scores(ArtifactType type) const {
    const std::vector<float>& s = mScores[static_cast<int>(type)];
    return s.empty() ? nullptr : s.data();
  }
  // Raises the score (keeps the maximum).
  void flag(ArtifactType type, int frame, BodyPart part, float severity);

  // 1 - the largest detector score on (frame, part).
  float partQuality(int frame, BodyPart part) const;
  // Worst part of the frame.
  float frameQuality(int frame) const;
  // True if any detector scores (frame, part) above `threshold`.
  bool isFlagged(int frame, BodyPart part, float threshold = 0.5f) const { return partQuality(frame, part) < 1.0f - threshold; }
  int flaggedFrameCount(float threshold = 0.5f) const;

  const std::vector<ArtifactSpan>& artifacts() const { return mArtifacts; }
  // Rebuilds the spans from the scores: per type, frames flagged on any part,
  // merged across gaps of at most `mergeGapFrames`; severity is the maximum.
  void buildSpans(int mergeGapFrames);

 private:
  int mFrames = 0;
  // Per type, frames x parts; allocated at the type's first flag (most types
  // flag nothing in most clips, and an hour of scores for every type would
  // be 28 MB to allocate and clear per analysis).
  std::array<std::vector<float>, kArtifactTypeCount> mScores;
  std::vector<ArtifactSpan> mArtifacts;
};

}  // namespace mm
