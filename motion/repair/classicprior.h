#pragma once
// The classical answer of each model task, as `--from-classic` and the
// residual model's training build it (one definition, so the prior a model
// was trained on is the prior it gets): Hermite in-betweening for a frame
// gap, the Cubic fill for missing joints, the classical repair for the spans
// the analysis flags. Each edits `clip` in place; false (clip unchanged in
// meaning: the caller then has no prior) when the classical code refuses.

#include "motion/repair/framerange.h"

namespace mm {

class BodyPartMap;
class Clip;
class FillMask;
class QualityReport;

// The velocity horizon every prior uses (seconds; the jobs' setting).
constexpr double kPriorVelocityHorizonSeconds = 0.5;

bool inbetweenPrior(Clip& clip, FrameRange gap);
bool fillPrior(Clip& clip, const FillMask& mask);
void repairPrior(Clip& clip, const QualityReport& report, const BodyPartMap& parts);

}  // namespace mm
