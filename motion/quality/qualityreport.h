#pragma once
// Result of the quality analysis: per-frame and per-frame x per-part quality
// in 0..1 (1 = clean), the score of each detector, and artifact spans.
//
// Every flag carries a confidence in 0..1: how sure the analysis is that the
// take, rather than the world it does not show, is wrong (a signal glitch is
// certain; a foot under a floor that the take barely shows is not). Flags of
// confidence kHintConfidence or more are artifacts: they lower the quality
// and form the spans of artifacts(). Flags below it are hints: kept apart
// (hintScore, hints()), never in the quality, the heatmap or artifacts(), so
// an editor can list them, dimmed, for the artist to judge.

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
  // 0..1: the largest confidence of the span's flags (QualityReport::flag).
  double confidence = 1.0;
  bool hasPart(BodyPart p) const { return (partMask >> static_cast<int>(p)) & 1u; }
  // Signal glitch or plausibility (artifacttype.h).
  ArtifactKind kind() const { return kindOf(type); }
};

// Flags below this confidence are hints, not artifacts.
constexpr float kHintConfidence = 0.5f;

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
  // Raises the score (keeps the maximum) of an artifact, or with a
  // `confidence` under kHintConfidence the hint score. The confidence of a
  // cell is the largest given to it.
  void flag(ArtifactType type, int frame, BodyPart part, float severity, float confidence = 1.0f);
  // Confidence (0..1) of the artifact flag on (frame, part); 1 where none was given.
  float confidence(ArtifactType type, int frame, BodyPart part) const {
    const std::vector<float>& c = mConfidence[static_cast<int>(type)];
    return c.empty() ? 1.0f : c[static_cast<size_t>(frame) * kBodyPartCount + static_cast<int>(part)];
  }
  // Score of the low-confidence hints of a type on (frame, part), 0 = none.
  float hintScore(ArtifactType type, int frame, BodyPart part) const {
    const std::vector<float>& s = mHints[static_cast<int>(type)];
    return s.empty() ? 0.0f : s[static_cast<size_t>(frame) * kBodyPartCount + static_cast<int>(part)];
  }

  // 1 - the largest detector score on (frame, part).
  float partQuality(int frame, BodyPart part) const;
  // Worst part of the frame.
  float frameQuality(int frame) const;
  // True if any detector scores (frame, part) above `threshold`.
  bool isFlagged(int frame, BodyPart part, float threshold = 0.5f) const { return partQuality(frame, part) < 1.0f - threshold; }
  int flaggedFrameCount(float threshold = 0.5f) const;

  const std::vector<ArtifactSpan>& artifacts() const { return mArtifacts; }
  // Spans of the hints (confidence < kHintConfidence), built as artifacts are.
  const std::vector<ArtifactSpan>& hints() const { return mHintSpans; }
  // Rebuilds the spans from the scores: per type, frames flagged on any part,
  // merged across gaps of at most `mergeGapFrames`; severity and confidence
  // are the maxima over the span. The same for the hints.
  void buildSpans(int mergeGapFrames);

 private:
  void buildSpansOf(const std::array<std::vector<float>, kArtifactTypeCount>& scores,
                    const std::array<std::vector<float>, kArtifactTypeCount>& confidences, int mergeGapFrames,
                    std::vector<ArtifactSpan>& out) const;
  int mFrames = 0;
  // Per type, frames x parts; allocated at the type's first flag (most types
  // flag nothing in most clips, and an hour of scores for every type would
  // be 28 MB to allocate and clear per analysis).
  std::array<std::vector<float>, kArtifactTypeCount> mScores;
  // Per type, frames x parts, allocated at its first flag of confidence < 1
  // (filled with 1), and the hint scores, allocated at the first hint.
  std::array<std::vector<float>, kArtifactTypeCount> mConfidence;
  std::array<std::vector<float>, kArtifactTypeCount> mHints, mHintConfidence;
  std::vector<ArtifactSpan> mArtifacts;
  std::vector<ArtifactSpan> mHintSpans;
};

}  // namespace mm
