#pragma once
// The colours every view uses for quality, artifact types and labels, so the
// timeline's heatmap, the viewport's bones and the review table agree.
// Quality uses a colour-blind-safe sequential ramp (cividis-like: dark blue
// for good through grey to bright yellow for bad, readable for every kind of
// colour vision and in greyscale); artifact types use Paul Tol's "muted"
// qualitative palette, which stays distinguishable under deuteranopia.

#include "motion/labels/qualitylabels.h"
#include "motion/quality/artifacttype.h"

#include <QColor>

namespace mm::editor {

// quality: 1 = clean, 0 = worst. Clamped.
QColor qualityColor(float quality);
// Type colours (opaque).
QColor artifactTypeColor(ArtifactType type);
// Painted labels: good, bad, unsure; transparent for Unlabelled.
QColor labelColor(QualityLabel label);

}  // namespace mm::editor
