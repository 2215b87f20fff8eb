#pragma once
// The cells a label change touches, with their old and new values: the undo
// payload of every command that labels (paint, accept, reject, add).

#include "editor/document.h"

#include <vector>

namespace mm::editor {

class LabelEdit {
 public:
  // Frames [start, end) x the parts of `partMask` set to `label` (with
  // `type` for Bad); only cells whose value changes are kept.
  void set(const Document& doc, int start, int end, std::uint8_t partMask, QualityLabel label,
           std::uint8_t type = QualityLabels::kNoType);
  // Adds a later edit of the same stroke: cells already recorded keep their
  // first old value and take the new one.
  void merge(const LabelEdit& later);
  bool empty() const { return mNew.empty(); }
  void redo(Document& doc) const { doc.writeLabels(mNew); }
  void undo(Document& doc) const { doc.writeLabels(mOld); }

 private:
  std::vector<Document::LabelCell> mOld, mNew;
};

}  // namespace mm::editor
