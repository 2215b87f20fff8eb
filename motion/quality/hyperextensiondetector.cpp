// Hyperextension: an elbow or knee bent backwards. Both are hinges that bend
// one way only; the way is learnt from the clip (naturalHingeAxis), and a
// frame bent the other way by more than hyperextensionDegrees is flagged on
// the limb.
#include "motion/corrupt/bodygeometry.h"
#include "motion/quality/detectors.h"
#include "motion/quality/signalutil.h"
#include "motion/rotations.h"

namespace mm {

void detectHyperextension(const AnalysisContext& ctx, const QualityPreset& preset, QualityReport& report) {
  const Clip& clip = *ctx.clip;
  const double threshold = degToRad(preset.hyperextensionDegrees);
  for (const std::optional<HingeChain>& chain : ctx.hinges) {
    if (!chain) continue;
    const std::optional<Eigen::Vector3d> axis = naturalHingeAxis(clip, *chain);
    if (!axis) continue;
    for (int f = 0; f < ctx.frames; ++f) {
      const double backwards = -signedHingeBend(clip, *chain, *axis, f);
      if (backwards > threshold && clip.isValid(f, chain->middle))
        report.flag(ArtifactType::Hyperextension, f, chain->part, quality::severity(backwards, threshold));
    }
  }
}

}  // namespace mm
