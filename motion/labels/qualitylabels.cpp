#include "motion/labels/qualitylabels.h"

#include <algorithm>
#include <cstring>

namespace mm {

const char* qualityLabelName(QualityLabel label) {
  switch (label) {
    case QualityLabel::Unlabelled: return "unlabelled";
    case QualityLabel::Good: return "good";
    case QualityLabel::Bad: return "bad";
    case QualityLabel::Unsure: return "unsure";
  }
  return "unlabelled";
}

std::optional<QualityLabel> parseQualityLabel(const char* name) {
  for (QualityLabel l : {QualityLabel::Unlabelled, QualityLabel::Good, QualityLabel::Bad, QualityLabel::Unsure})
    if (std::strcmp(name, qualityLabelName(l)) == 0) return l;
  return std::nullopt;
}

QualityLabels::QualityLabels(int frames)
    : mFrames(std::max(0, frames)),
      mLabels(static_cast<size_t>(mFrames) * kBodyPartCount, 0),
      mTypes(static_cast<size_t>(mFrames) * kBodyPartCount, kNoType) {}

std::optional<ArtifactType> QualityLabels::type(int frame, BodyPart part) const {
  const std::uint8_t t = mTypes[index(frame, part)];
  if (t == kNoType) return std::nullopt;
  return static_cast<ArtifactType>(t);
}

void QualityLabels::set(int frame, BodyPart part, QualityLabel label, std::optional<ArtifactType> type) {
  const size_t i = index(frame, part);
  mLabels[i] = static_cast<std::uint8_t>(label);
  mTypes[i] = (label == QualityLabel::Bad && type) ? static_cast<std::uint8_t>(*type) : kNoType;
}

void QualityLabels::fill(int start, int end, std::uint8_t partMask, QualityLabel label,
                         std::optional<ArtifactType> type) {
  start = std::max(0, start);
  end = std::min(mFrames, end);
  for (int f = start; f < end; ++f)
    for (BodyPart p : kAllBodyParts)
      if ((partMask >> bodyPartIndex(p)) & 1u) set(f, p, label, type);
}

long long QualityLabels::labelledCount() const {
  return static_cast<long long>(mLabels.size()) - std::count(mLabels.begin(), mLabels.end(), std::uint8_t{0});
}

double QualityLabels::labelledShare() const {
  return mLabels.empty() ? 0.0 : static_cast<double>(labelledCount()) / static_cast<double>(mLabels.size());
}

void QualityLabels::insertFrames(int at, int count, const QualityLabels* from) {
  at = std::clamp(at, 0, mFrames);
  count = std::max(0, count);
  const auto pos = static_cast<std::ptrdiff_t>(at) * kBodyPartCount;
  if (from && from->mFrames == count) {
    mLabels.insert(mLabels.begin() + pos, from->mLabels.begin(), from->mLabels.end());
    mTypes.insert(mTypes.begin() + pos, from->mTypes.begin(), from->mTypes.end());
  } else {
    mLabels.insert(mLabels.begin() + pos, static_cast<size_t>(count) * kBodyPartCount, std::uint8_t{0});
    mTypes.insert(mTypes.begin() + pos, static_cast<size_t>(count) * kBodyPartCount, kNoType);
  }
  mFrames += count;
}

void QualityLabels::removeFrames(int at, int count) {
  at = std::clamp(at, 0, mFrames);
  count = std::clamp(count, 0, mFrames - at);
  const auto a = static_cast<std::ptrdiff_t>(at) * kBodyPartCount, b = a + static_cast<std::ptrdiff_t>(count) * kBodyPartCount;
  mLabels.erase(mLabels.begin() + a, mLabels.begin() + b);
  mTypes.erase(mTypes.begin() + a, mTypes.begin() + b);
  mFrames -= count;
}

QualityLabels QualityLabels::slice(int begin, int end) const {
  begin = std::clamp(begin, 0, mFrames);
  end = std::clamp(end, begin, mFrames);
  QualityLabels out(end - begin);
  std::copy(mLabels.begin() + begin * kBodyPartCount, mLabels.begin() + end * kBodyPartCount, out.mLabels.begin());
  std::copy(mTypes.begin() + begin * kBodyPartCount, mTypes.begin() + end * kBodyPartCount, out.mTypes.begin());
  return out;
}

std::vector<LabelRun> QualityLabels::runs() const {
  std::vector<LabelRun> out;
  for (BodyPart p : kAllBodyParts) {
    for (int f = 0; f < mFrames;) {
      const size_t i = index(f, p);
      const std::uint8_t l = mLabels[i], t = mTypes[i];
      int e = f + 1;
      while (e < mFrames && mLabels[index(e, p)] == l && mTypes[index(e, p)] == t) ++e;
      if (l != 0) {
        LabelRun r;
        r.start = f;
        r.end = e;
        r.part = p;
        r.label = static_cast<QualityLabel>(l);
        if (t != kNoType) r.type = static_cast<ArtifactType>(t);
        out.push_back(r);
      }
      f = e;
    }
  }
  return out;
}

QualityLabels QualityLabels::fromRuns(int frames, const std::vector<LabelRun>& runs) {
  QualityLabels labels(frames);
  for (const LabelRun& r : runs)
    labels.fill(r.start, r.end, static_cast<std::uint8_t>(1u << bodyPartIndex(r.part)), r.label, r.type);
  return labels;
}

}  // namespace mm
