#pragma once
// Per-frame x per-part quality labels painted by a person (or derived from
// review decisions): the training targets the labelling workflow exports.
// One value per (frame, body part): unlabelled, good, bad (optionally with
// the artifact type that makes it bad) or unsure.

#include "motion/bodyparts.h"
#include "motion/quality/artifacttype.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace mm {

enum class QualityLabel : std::uint8_t { Unlabelled = 0, Good = 1, Bad = 2, Unsure = 3 };
// "unlabelled", "good", "bad", "unsure".
const char* qualityLabelName(QualityLabel label);
std::optional<QualityLabel> parseQualityLabel(const char* name);

// A run of equal (label, type) values on one part: what the project file
// stores and the JSON export writes.
struct LabelRun {
  int start = 0;  // first frame
  int end = 0;    // one past the last frame
  BodyPart part = BodyPart::Torso;
  QualityLabel label = QualityLabel::Unlabelled;
  std::optional<ArtifactType> type;  // only for Bad
  bool operator==(const LabelRun& o) const {
    return start == o.start && end == o.end && part == o.part && label == o.label && type == o.type;
  }
};

class QualityLabels {
 public:
  QualityLabels() = default;
  explicit QualityLabels(int frames);

  int frameCount() const { return mFrames; }
  QualityLabel label(int frame, BodyPart part) const { return static_cast<QualityLabel>(mLabels[index(frame, part)]); }
  // The artifact type of a Bad cell, if one was given.
  std::optional<ArtifactType> type(int frame, BodyPart part) const;
  // Sets one cell; `type` is kept only for Bad. Frame must be in range.
  void set(int frame, BodyPart part, QualityLabel label, std::optional<ArtifactType> type = std::nullopt);
  // Sets frames [start, end) (clamped to the clip) of every part in `partMask`.
  void fill(int start, int end, std::uint8_t partMask, QualityLabel label,
            std::optional<ArtifactType> type = std::nullopt);

  // Cells that are not Unlabelled, and their share of all cells (0 when empty).
  long long labelledCount() const;
  double labelledShare() const;

  // Inserts `count` frames before `at` (copied from `from` when given, which
  // must have `count` frames, else unlabelled); removes frames [at, at + count).
  void insertFrames(int at, int count, const QualityLabels* from = nullptr);
  void removeFrames(int at, int count);
  // A copy of frames [begin, end).
  QualityLabels slice(int begin, int end) const;

  // Runs of equal values per part (Unlabelled runs left out), part-major.
  std::vector<LabelRun> runs() const;
  // Labels of `frames` frames built from runs; runs outside are clamped.
  static QualityLabels fromRuns(int frames, const std::vector<LabelRun>& runs);

  // Raw frames x kBodyPartCount values (QualityLabel as uint8), the NPZ layout.
  const std::vector<std::uint8_t>& values() const { return mLabels; }
  // Frames x kBodyPartCount artifact type codes: int(ArtifactType), or kNoType.
  const std::vector<std::uint8_t>& typeCodes() const { return mTypes; }
  static constexpr std::uint8_t kNoType = 0xFF;

  bool operator==(const QualityLabels& o) const {
    return mFrames == o.mFrames && mLabels == o.mLabels && mTypes == o.mTypes;
  }
  bool operator!=(const QualityLabels& o) const { return !(*this == o); }

 private:
  size_t index(int frame, BodyPart part) const {
    return static_cast<size_t>(frame) * kBodyPartCount + static_cast<size_t>(bodyPartIndex(part));
  }
  int mFrames = 0;
  std::vector<std::uint8_t> mLabels;  // frames x parts, QualityLabel
  std::vector<std::uint8_t> mTypes;   // frames x parts, ArtifactType or kNoType
};

}  // namespace mm
