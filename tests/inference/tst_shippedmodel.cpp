// The shipped weights (resources/models/motionmender-small.mmmodel) on a
// lab-corrupted copy of the sample walk: regenerating the corrupted tokens
// must bring the corrupted frames clearly closer to the clean original than
// leaving them alone (MPJPE, all joints, global positions).
#include "inference/modeltasks.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/kinematics.h"
#include "motion/metrics/motionmetrics.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/repair/artifactrepair.h"
#include "testutil_inference.h"

#include <QtTest>

#include <algorithm>
#include <chrono>

using namespace mm;
using namespace mm::inference;

namespace {

// MPJPE (mm) between `a` and `b` over the frames where `use(f)`.
template <typename Use>
double mpjpe(const Clip& a, const Clip& b, Use use) {
  const GlobalPoses pa = computeGlobalPoses(a), pb = computeGlobalPoses(b);
  MeanError e;
  for (int f = 0; f < a.frameCount(); ++f)
    if (use(f)) addJointPositionErrors(pa, pb, f, f + 1, 1000.0 / a.unitsPerMeter(), e);
  return e.mean();
}

}  // namespace

class TestShippedModel : public QObject {
  Q_OBJECT

  std::unique_ptr<MotionModel> mModel;
  Clip mClean;
  CorruptionResult mCorrupt;

  bool labelled(int f) const { return mCorrupt.labels.any(f) != 0; }

  // Cleans the corrupted clip regenerating `bad` and checks the corrupted
  // frames against the clean take, before and after; untouched frames too.
  void checkClean(const PartMask& bad, const char* what) {
    TaskOptions options;  // the CLI's defaults: 12 steps, guidance 1.5, seed 1
    Clip out;
    PartMask used;
    const auto t0 = std::chrono::steady_clock::now();
    const TaskResult r = cleanClip(*mModel, mCorrupt.clip, &bad, options, &out, &used);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(out.frameCount(), mClean.frameCount());
    auto isLabelled = [&](int f) { return labelled(f); };
    const double before = mpjpe(mClean, mCorrupt.clip, isLabelled);
    const double after = mpjpe(mClean, out, isLabelled);
    auto regenerated = [&](int f) {
      return std::any_of(used.begin() + f * kBodyPartCount, used.begin() + (f + 1) * kBodyPartCount,
                         [](std::uint8_t u) { return u != 0; });
    };
    const double neighbours = mpjpe(mClean, out, [&](int f) { return regenerated(f) && !labelled(f); });
    qInfo(
        "%s: MPJPE on the %d corrupted frames %.1f mm -> %.1f mm after cleaning (%.2f s); %.1f mm on the clean "
        "frames regenerated beside them",
        what, mCorrupt.labels.badFrameCount(), before, after, seconds, neighbours);
    QVERIFY2(after < 0.75 * before, qPrintable(QString("%1: %2 mm -> %3 mm").arg(what).arg(before).arg(after)));
    // Frames with nothing regenerated (and clean in the input) are the original's.
    QCOMPARE(mpjpe(mClean, out, [&](int f) { return !regenerated(f) && !labelled(f); }), 0.0);
  }

 private Q_SLOTS:
  void initTestCase() {
    std::string error;
    mModel = MotionModel::load(MM_SOURCE_DIR "/resources/models/motionmender-small.mmmodel", "cpu", &error);
    QVERIFY2(mModel, error.c_str());
    mClean = test::walkClip();
    CorruptionConfig config;
    config.set(ArtifactType::Pop, 4).set(ArtifactType::Frozen, 2);
    mCorrupt = corruptClip(mClean, config, 7);
    QVERIFY2(mCorrupt.error.empty(), mCorrupt.error.c_str());
    QVERIFY(mCorrupt.skipped.empty());
  }

  // Mask: the lab's ground truth (which frames and parts were corrupted).
  void cleansGroundTruthTokens() {
    PartMask bad(mCorrupt.labels.bits.size(), 0);
    for (size_t i = 0; i < bad.size(); ++i) bad[i] = mCorrupt.labels.bits[i] != 0;
    checkClean(bad, "ground-truth mask");
  }

  // Mask: the quality analysis' spans, what `clean --method model` regenerates.
  void cleansAnalysisFlags() {
    const QualityReport report = analyzeQuality(mCorrupt.clip);
    PartMask bad(static_cast<size_t>(mCorrupt.clip.frameCount()) * kBodyPartCount, 0);
    for (const ArtifactSpan& a : report.artifacts())
      for (int f = a.start; f < a.end; ++f)
        for (BodyPart p : kAllBodyParts)
          if (a.hasPart(p)) bad[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(p)] = 1;
    checkClean(bad, "analysis flags");
    // The classical clean on the same flags, for comparison (not checked).
    Clip classic = mCorrupt.clip;
    repairAll(classic, report);
    qInfo("classical clean: MPJPE on the corrupted frames %.1f mm",
          mpjpe(mClean, classic, [&](int f) { return labelled(f); }));
  }
};

QTEST_GUILESS_MAIN(TestShippedModel)
#include "tst_shippedmodel.moc"
