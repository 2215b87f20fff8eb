#include "editor/commands/labeledit.h"

#include <algorithm>

namespace mm::editor {

void LabelEdit::set(const Document& doc, int start, int end, std::uint8_t partMask, QualityLabel label,
                    std::uint8_t type) {
  const QualityLabels& labels = doc.labels();
  if (label != QualityLabel::Bad) type = QualityLabels::kNoType;
  start = std::max(0, start);
  end = std::min(labels.frameCount(), end);
  for (int f = start; f < end; ++f)
    for (BodyPart p : kAllBodyParts) {
      if (!((partMask >> bodyPartIndex(p)) & 1u)) continue;
      const QualityLabel old = labels.label(f, p);
      const auto oldType = labels.type(f, p);
      const std::uint8_t oldCode = oldType ? static_cast<std::uint8_t>(*oldType) : QualityLabels::kNoType;
      if (old == label && oldCode == type) continue;
      mOld.push_back({f, p, old, oldCode});
      mNew.push_back({f, p, label, type});
    }
}

void LabelEdit::merge(const LabelEdit& later) {
  for (size_t i = 0; i < later.mNew.size(); ++i) {
    const Document::LabelCell& n = later.mNew[i];
    auto it = std::find_if(mNew.begin(), mNew.end(),
                           [&](const Document::LabelCell& c) { return c.frame == n.frame && c.part == n.part; });
    if (it != mNew.end()) {
      *it = n;
    } else {
      mOld.push_back(later.mOld[i]);
      mNew.push_back(n);
    }
  }
}

}  // namespace mm::editor
