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
#include "motion/kinematics.h"
#include "motion/repair/classicprior.h"
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
};

QTEST_GUILESS_MAIN(TestResidual)
#include "tst_residual.moc"
