#pragma once
// A proposed fix, shown before it is applied: the patch (the new values and
// the old ones), where it came from and what it does to the quality. The
// viewport draws it as a ghost, the timeline as a change curve; accepting it
// applies the patch as one undoable command.

#include "tasks/patch.h"

#include <QString>

namespace mm::editor {

// The method of a generated sample previewed as proposal 0: the generation
// controller applies it (an insert is no patch of the frames its ghost is
// drawn over), not the selection's Accept.
inline const QString kGeneratedSampleMethod = QStringLiteral("generate");

struct Proposal {
  int artifactId = 0;  // the artifact it fixes; 0 for a repair of the selection
  QString method;      // "classic", "model", "auto", or the operator ("inbetween", "filter", ...)
  QString description;  // for the user, e.g. "in-betweened LeftArm over frames 40-52"
  Patch patch;
  // Quality (0..1, 1 = clean) of the span's worst frame before and after,
  // when known (negative otherwise).
  double qualityBefore = -1.0;
  double qualityAfter = -1.0;
  double maxChangeMm() const { return patch.maxChangeMm(); }
};

}  // namespace mm::editor
