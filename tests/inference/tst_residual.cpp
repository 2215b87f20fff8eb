// Issue 12: the model as a residual over the classical answer. Residual
// weights read the task's classical answer (here Hermite in-betweening, the
// prior --from-classic and the jobs use: motion/repair/classicprior.h) and
// predict the correction to it; the correction fades to zero at the known
// frames.
#include "inference/checkpoint.h"
#include "inference/modeltasks.h"
#include "inference/residualsamples.h"
#include "inference/tokenlayout.h"
#include "inference/trainer.h"
#include "inference/trainingdata.h"
#include "motion/bodyparts.h"
#include "motion/kinematics.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "motion/repair/classicprior.h"
#include "motion/repair/fillmask.h"
#include "motion/resample.h"
#include "testutil_inference.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace mm;
using namespace mm::inference;

namespace {

// Frames [start, end) as after an occlusion: copies of frame start - 1.
Clip hidden(const Clip& c, int start, int end) {
  Clip out = c;
  for (int f = start; f < end; ++f)
    for (int j = 0; j < c.jointCount(); ++j) {
      out.rotation(f, j) = c.rotation(start - 1, j);
      if (c.hasTrack(j)) out.translation(f, j) = c.translation(start - 1, j);
    }
  return out;
}

Clip hermite(const Clip& c, int start, int end) {
  Clip out = hidden(c, start, end);
  if (!inbetweenPrior(out, FrameRange{start, end})) qFatal("Hermite in-betweening failed");
  return out;
}

// Largest joint distance (metres) between two clips at frame f.
double largestDistance(const Clip& a, const Clip& b, int f) {
  const GlobalPoses pa = computeGlobalPoses(a), pb = computeGlobalPoses(b);
  double d = 0;
  for (int j = 0; j < a.jointCount(); ++j) d = std::max(d, (pa.position(f, j) - pb.position(f, j)).norm());
  return d / a.unitsPerMeter();
}

// Mean joint distance (metres) over frames [start, end).
double meanError(const Clip& a, const Clip& truth, int start, int end) {
  const GlobalPoses pa = computeGlobalPoses(a), pt = computeGlobalPoses(truth);
  double sum = 0;
  int n = 0;
  for (int f = start; f < end; ++f)
    for (int j = 0; j < a.jointCount(); ++j, ++n) sum += (pa.position(f, j) - pt.position(f, j)).norm();
  return sum / n / a.unitsPerMeter();
}

bool sameFrameJoint(const Clip& a, const Clip& b, int f, int j) {
  if (a.rotation(f, j).coeffs() != b.rotation(f, j).coeffs()) return false;
  return !a.hasTrack(j) || a.translation(f, j) == b.translation(f, j);
}

// Frames [start, end) of `parts` as after an occlusion (copies of frame
// start - 1), or, for variant 1, scrambled: what a leak would read.
Clip hiddenParts(const Clip& c, int start, int end, BodyPart part, int variant) {
  const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
  Clip out = c;
  for (int f = start; f < end; ++f)
    for (int j = 0; j < c.jointCount(); ++j) {
      if (parts.part(j) != part) continue;
      out.rotation(f, j) = variant == 0 ? c.rotation(start - 1, j)
                                        : Eigen::Quaterniond(Eigen::AngleAxisd(0.3 * f + j, Eigen::Vector3d::UnitY()));
      if (c.hasTrack(j)) out.translation(f, j) = c.translation(start - 1, j) + (variant == 0 ? Eigen::Vector3d::Zero() : Eigen::Vector3d(f, 0, -f));
    }
  return out;
}

}  // namespace

class TestResidual : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  Clip mClip;
  std::unique_ptr<MotionModel> mModel;  // tiny residual, trained on the walk's first window
  Clip mWindow;                         // that window
  double mTrainSeconds = 0;

 private Q_SLOTS:
  void initTestCase() {
    mClip = test::walkClip();
    TrainOptions o;
    o.clips.push_back(mClip);
    o.config = "tiny";
    o.residual = true;
    o.steps = 150;
    o.logEvery = 50;
    o.seed = 5;
    o.corruptedVariants = 0;
    o.singleWindow = true;
    o.out = (mDir.path() + "/residual.mmmodel").toStdString();
    QElapsedTimer timer;
    timer.start();
    const TrainReport r = trainModel(o);
    mTrainSeconds = timer.elapsed() / 1000.0;
    QVERIFY2(r.ok, r.error.c_str());
    qInfo("tiny residual: loss %.4f -> %.4f in %.1f s", r.losses.front().second, r.losses.back().second,
          mTrainSeconds);
    std::string error;
    mModel = MotionModel::load(o.out, "cpu", &error);
    QVERIFY2(mModel, error.c_str());
    mWindow = mClip.subClip(0, mModel->config().window);
  }

  // The file says the weights take the classical answer; files without the
  // field (format 1) read as prior-free.
  void checkpointSaysResidual() {
    QVERIFY(mModel->config().residual);
    Checkpoint ck;
    std::string error;
    QVERIFY2(loadCheckpoint((mDir.path() + "/residual.mmmodel").toStdString(), &ck, &error), error.c_str());
    QVERIFY(ck.config.residual);
    QVERIFY(ck.find("ema.prior_in.0.weight"));
    QVERIFY(ck.find("ema.correction.0.weight"));
    ck.config.residual = false;  // what an older file says: its arrays are not read
    const std::string old = (mDir.path() + "/plain.mmmodel").toStdString();
    QVERIFY2(saveCheckpoint(ck, old, &error), error.c_str());
    const auto plain = MotionModel::load(old, "cpu", &error);
    QVERIFY2(plain, error.c_str());
    QVERIFY(!plain->config().residual);
    Clip out;
    QVERIFY(inbetweenClip(*plain, hidden(mClip, 60, 70), 60, 70, TaskOptions{}, &out).ok());
  }

  // Training windows build the prior as inference does: a gap window's
  // generated tokens hold the classical answer (not the truth: nothing of the
  // hidden frames leaks), its known tokens the clip itself.
  void trainingWindowsCarryTheClassicalAnswer() {
    std::vector<TrainingSample> samples;
    std::string error;
    QVERIFY2(makeTrainingSamples(mClip, 1, 0, &samples, &error, true), error.c_str());
    TrainingSample& s = samples[0];
    QVERIFY(s.clip && s.repaired);
    std::vector<const std::vector<float>*> all{&s.features};
    const FeatureStats stats = computeFeatureStats(all);
    normalizeFeatures(stats, s.features.data(), s.frames);
    ModelConfig c;
    QVERIFY(modelConfigByName("small", &c));
    c.detectShare = 0;
    c.priorDropout = 0;
    ResidualMix gapsOnly;
    gapsOnly.gap = 1.0;
    gapsOnly.part = gapsOnly.repair = 0.0;
    std::mt19937_64 rng(11);
    const int T = c.window, P = kBodyPartCount, C = kTokenChannels;
    for (int k = 0; k < 20; ++k) {
      ResidualWindow w;
      QVERIFY2(drawResidualWindow(s, stats, c, T, gapsOnly, rng, &w, &error), error.c_str());
      QCOMPARE(w.task, WindowTask::Gap);
      int generated = 0;
      double priorFromTruth = 0;
      for (int i = 0; i < T * P; ++i) {
        QCOMPARE(w.hasPrior[i], w.motion[i]);
        if (!w.motion[i]) continue;
        ++generated;
        for (int ch = 0; ch < kLabelChannel; ++ch)
          priorFromTruth = std::max(priorFromTruth, double(std::abs(w.prior[i * C + ch] - w.tokens[i * C + ch])));
      }
      QVERIFY(generated >= 5 * P && generated <= 60 * P);
      QVERIFY2(priorFromTruth > 1e-3, "the prior equals the truth: the hidden frames leaked");
    }
  }

  // A short gap in-betweened by the residual model: at the first and last
  // regenerated frames the result stays within a small bound of Hermite's
  // (the correction fades in from the known frames), although the model does
  // correct it there when the fade is off. On the window the model knows the
  // correction is sensible and the bound absolute; far from it (frame 60) the
  // tiny model's correction is wild, and only the fade's share is checked.
  void shortGapStaysNearHermiteAtItsEnds_data() {
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");
    QTest::addColumn<double>("bound");  // metres; 0: relative check only
    QTest::newRow("trained window") << 9 << 15 << 0.015;
    QTest::newRow("elsewhere") << 60 << 68 << 0.0;
  }
  void shortGapStaysNearHermiteAtItsEnds() {
    QFETCH(int, start);
    QFETCH(int, end);
    QFETCH(double, bound);
    const Clip& clip = bound > 0 ? mWindow : mClip;
    const Clip input = hidden(clip, start, end), prior = hermite(clip, start, end);
    TaskOptions options;
    options.steps = 6;
    Clip out, unfaded;
    QVERIFY(inbetweenClip(*mModel, input, start, end, options, &out, &prior).ok());
    options.priorFadeFrames = 0;
    QVERIFY(inbetweenClip(*mModel, input, start, end, options, &unfaded, &prior).ok());
    for (int f : {start, end - 1}) {
      const double faded = largestDistance(out, prior, f), raw = largestDistance(unfaded, prior, f);
      qInfo("frame %d: %.2f mm from Hermite (%.2f mm without the fade)", f, 1000 * faded, 1000 * raw);
      QVERIFY2(raw > 1e-4, "the model did not correct the prior at all: the bound proves nothing");
      if (bound > 0)
        QVERIFY2(faded <= bound, qPrintable(QString("frame %1 is %2 mm from Hermite").arg(f).arg(1000 * faded)));
      // One sixth of the correction (priorFadeFrames 5), with room for the
      // rotations' non-linearity.
      QVERIFY(faded < 0.3 * raw);
    }
  }

  // Trained a few hundred steps (seconds) on one window, the residual model
  // in-betweens a gap of that window closer to the truth than its own prior.
  void trainedFewStepsBeatsItsPrior() {
    const int a = 9, b = 15;
    const Clip input = hidden(mWindow, a, b), prior = hermite(mWindow, a, b);
    TaskOptions options;
    options.steps = 8;
    Clip out;
    QVERIFY(inbetweenClip(*mModel, input, a, b, options, &out, &prior).ok());
    const double model = meanError(out, mWindow, a, b), classic = meanError(prior, mWindow, a, b);
    qInfo("gap %d-%d: model %.2f mm, its prior (Hermite) %.2f mm", a, b - 1, 1000 * model, 1000 * classic);
    QVERIFY2(classic > 1e-3, "Hermite is already exact here: nothing to beat");
    QVERIFY2(model < 0.9 * classic, qPrintable(QString("model %1 mm, prior %2 mm").arg(1000 * model).arg(1000 * classic)));
  }

  // The output over a prior is the prior plus the (faded) correction by
  // construction: with the correction head zeroed, every task returns its
  // classical answer on the regenerated joints (the feature round trip, the
  // root integration, the sampler's noise and, at 120 fps, the resampling
  // all cancel out), and the known joints keep their bits.
  void zeroCorrectionReturnsThePrior_data() {
    QTest::addColumn<QString>("task");
    QTest::addColumn<double>("fps");
    QTest::addColumn<double>("strength");
    QTest::newRow("in-between 30 frames") << "inbetween" << 30.0 << 1.0;
    QTest::newRow("in-between, strength 0.5") << "inbetween" << 30.0 << 0.5;
    QTest::newRow("in-between at 120 fps") << "inbetween" << 120.0 << 1.0;
    QTest::newRow("complete left leg") << "complete" << 30.0 << 1.0;
    QTest::newRow("complete torso") << "torso" << 30.0 << 1.0;
    QTest::newRow("clean a pop") << "clean" << 30.0 << 1.0;
  }
  void zeroCorrectionReturnsThePrior() {
    QFETCH(QString, task);
    QFETCH(double, fps);
    QFETCH(double, strength);
    Checkpoint ck;
    std::string error;
    QVERIFY2(loadCheckpoint((mDir.path() + "/residual.mmmodel").toStdString(), &ck, &error), error.c_str());
    int zeroed = 0;
    for (NamedArray& a : ck.arrays)
      if (a.name.rfind("ema.correction.", 0) == 0) {
        std::fill(a.data.begin(), a.data.end(), 0.0f);
        ++zeroed;
      }
    QCOMPARE(zeroed, 2 * kBodyPartCount);
    const std::string path = (mDir.path() + "/zero.mmmodel").toStdString();
    QVERIFY2(saveCheckpoint(ck, path, &error), error.c_str());
    const auto zero = MotionModel::load(path, "cpu", &error);
    QVERIFY2(zero, error.c_str());

    const Clip clip = fps == 30.0 ? mClip : resample(mClip, fps);
    const int k = static_cast<int>(fps / 30.0), start = 60 * k, end = 90 * k, F = clip.frameCount();
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    TaskOptions options;
    options.steps = 4;
    options.strength = strength;
    Clip input, prior, out;
    PartMask mask(static_cast<size_t>(F) * kBodyPartCount, 0);
    TaskResult r;
    if (task == "inbetween") {
      input = hidden(clip, start, end);
      prior = hermite(clip, start, end);
      r = inbetweenClip(*zero, input, start, end, options, &out, &prior);
      for (int f = start; f < end; ++f)
        std::fill_n(mask.begin() + static_cast<size_t>(f) * kBodyPartCount, kBodyPartCount, 1);
    } else if (task == "complete" || task == "torso") {
      const BodyPart part = task == "torso" ? BodyPart::Torso : BodyPart::LeftLeg;
      input = hiddenParts(clip, start, end, part, 0);
      prior = input;
      FillMask fill(F, clip.jointCount());
      for (int f = start; f < end; ++f) {
        mask[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(part)] = 1;
        for (int j = 0; j < clip.jointCount(); ++j)
          if (parts.part(j) == part) fill.set(f, j);
      }
      QVERIFY(fillPrior(prior, fill));
      r = regenerateMasked(*zero, input, mask, options, &out, &prior);
    } else {
      // A pop on the right arm; the analysis finds it and the classical
      // repair is the prior of the flagged spans.
      input = clip;
      const int armJoint = [&] {
        for (int j = 0; j < clip.jointCount(); ++j)
          if (parts.part(j) == BodyPart::RightArm && clip.skeleton().parent(j) >= 0) return j;
        return -1;
      }();
      QVERIFY(armJoint >= 0);
      for (int f = 70; f < 73; ++f)
        input.rotation(f, armJoint) = input.rotation(f, armJoint) * Eigen::Quaterniond(Eigen::AngleAxisd(1.2, Eigen::Vector3d::UnitX()));
      const QualityReport report = analyzeQuality(input);
      QVERIFY2(!report.artifacts().empty(), "the analysis found no artifact");
      PartMask bad(mask.size(), 0);
      for (const ArtifactSpan& a : report.artifacts())
        for (int f = a.start; f < a.end; ++f)
          for (BodyPart p : kAllBodyParts)
            if (a.hasPart(p)) bad[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(p)] = 1;
      prior = input;
      repairPrior(prior, report, parts);
      r = cleanClip(*zero, input, &bad, options, &out, &mask, &prior);
    }
    QVERIFY2(r.ok(), r.error.c_str());
    const GlobalPoses po = computeGlobalPoses(out), pp = computeGlobalPoses(prior), pi = computeGlobalPoses(input);
    double worst = 0, priorMoved = 0;
    int regenerated = 0;
    for (int f = 0; f < F; ++f)
      for (int j = 0; j < clip.jointCount(); ++j) {
        if (!mask[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(parts.part(j))]) {
          QVERIFY2(sameFrameJoint(out, input, f, j), qPrintable(QString("known frame %1 joint %2 changed").arg(f).arg(j)));
          continue;
        }
        ++regenerated;
        worst = std::max(worst, (po.position(f, j) - pp.position(f, j)).norm());
        priorMoved = std::max(priorMoved, (pp.position(f, j) - pi.position(f, j)).norm());
      }
    const double toMm = 1000.0 / clip.unitsPerMeter();
    qInfo("%d regenerated joint values: largest distance to the classical answer %.6f mm (it moved them up to %.1f mm)",
          regenerated, worst * toMm, priorMoved * toMm);
    QVERIFY(regenerated > 0);
    QVERIFY2(priorMoved * toMm > 1.0, "the classical answer equals the input: the check proves nothing");
    QVERIFY2(worst * toMm < 0.5, qPrintable(QString("%1 mm from the classical answer").arg(worst * toMm)));
  }

  // The leak test with a prior-reading model: what the hidden frames hold
  // changes nothing in the output (the prior is built from known frames only).
  void hiddenFramesChangeNothingWithAPrior() {
    const int start = 60, end = 90;
    const Clip prior = hermite(mClip, start, end);
    TaskOptions options;
    options.steps = 4;
    Clip outs[2];
    for (int variant = 0; variant < 2; ++variant) {
      Clip input = hidden(mClip, start, end);
      if (variant == 1)
        for (int f = start; f < end; ++f)
          for (int j = 0; j < input.jointCount(); ++j) {
            input.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(0.2 * f + j, Eigen::Vector3d::UnitZ()));
            if (input.hasTrack(j)) input.translation(f, j) += Eigen::Vector3d(3.0 * f, 1.0, -2.0 * f);
          }
      QVERIFY(inbetweenClip(*mModel, input, start, end, options, &outs[variant], &prior).ok());
    }
    QVERIFY(largestDistance(outs[0], prior, 75) > 1e-5);  // the model does correct the prior here
    for (int f = 0; f < mClip.frameCount(); ++f)
      for (int j = 0; j < mClip.jointCount(); ++j) QVERIFY(sameFrameJoint(outs[0], outs[1], f, j));
  }
};

QTEST_GUILESS_MAIN(TestResidual)
#include "tst_residual.moc"
