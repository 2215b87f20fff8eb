#include "motion/repair/classicprior.h"

#include "motion/bodyparts.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/gapfill.h"
#include "motion/repair/inbetween.h"

namespace mm {

bool inbetweenPrior(Clip& clip, FrameRange gap) {
  InbetweenOptions options;
  options.method = InbetweenMethod::Hermite;
  options.velocityHorizonSeconds = kPriorVelocityHorizonSeconds;
  return inbetween(clip, gap, options).ok();
}

bool fillPrior(Clip& clip, const FillMask& mask) {
  GapFillOptions options;
  options.method = FillMethod::Cubic;
  options.velocityHorizonSeconds = kPriorVelocityHorizonSeconds;
  return fillGaps(clip, mask, options).ok();
}

void repairPrior(Clip& clip, const QualityReport& report, const BodyPartMap& parts) {
  RepairOptions options;
  options.parts = &parts;
  repairAll(clip, report, options);
}

}  // namespace mm
