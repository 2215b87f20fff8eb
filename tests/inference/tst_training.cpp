#include "inference/checkpoint.h"
#include "inference/trainer.h"
#include "inference/trainingdata.h"
#include "testutil_inference.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mm;
using namespace mm::inference;

class TestTraining : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // Label balance: 0 draws every window equally; 1 gives every action the
  // same share; unlabelled samples and short ones are untouched / never drawn.
  void sampleWeightsBalanceActions() {
    auto sample = [](int frames, int action) {
      TrainingSample s;
      s.frames = frames;
      s.action = action;
      return s;
    };
    // Action 0: two long takes (2 x 100 windows); action 1: four short ones (4 x 10).
    const std::vector<TrainingSample> pool = {sample(147, 0), sample(147, 0), sample(57, 1), sample(57, 1),
                                              sample(57, 1),  sample(57, 1),  sample(60, -1), sample(20, 1)};
    auto share = [&](const std::vector<double>& w, int action) {
      double a = 0, all = 0;
      for (size_t i = 0; i < pool.size(); ++i) {
        all += w[i];
        if (pool[i].action == action) a += w[i];
      }
      return a / all;
    };
    const std::vector<double> byFrames = sampleWeights(pool, 48, 0.0);
    QCOMPARE(byFrames[0], 100.0);
    QCOMPARE(byFrames[2], 10.0);
    QCOMPARE(byFrames[6], 13.0);
    QCOMPARE(byFrames[7], 0.0);
    const std::vector<double> even = sampleWeights(pool, 48, 1.0);
    QVERIFY(std::abs(even[0] + even[1] - (even[2] + even[3] + even[4] + even[5])) < 1e-9);
    QCOMPARE(even[6], 13.0);
    QCOMPARE(even[7], 0.0);
    const std::vector<double> half = sampleWeights(pool, 48, 0.5);
    QVERIFY(share(half, 1) > share(byFrames, 1));
    QVERIFY(share(half, 1) < share(even, 1));
    QVERIFY(half[0] / half[1] == 1.0 && half[2] / half[3] == 1.0);  // within an action, still by windows
  }

  // A tiny model memorises one window: the loss falls by a large factor
  // within a few hundred steps (seconds on a CPU).
  void tinyModelOverfitsOneClip() {
    QTemporaryDir dir;
    TrainOptions o;
    o.clips.push_back(test::walkClip());
    o.config = "tiny";
    o.steps = 100;
    o.logEvery = 10;
    o.seed = 3;
    o.corruptedVariants = 0;
    o.singleWindow = true;
    o.out = (dir.path() + "/tiny.mmmodel").toStdString();
    QElapsedTimer timer;
    timer.start();
    const TrainReport r = trainModel(o);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.stepsDone, std::int64_t(100));
    QCOMPARE(int(r.losses.size()), 10);
    const double first = r.losses.front().second, last = r.losses.back().second;
    qInfo("loss %.4f -> %.4f (%.1fx) in %.1f s", first, last, first / last, timer.elapsed() / 1000.0);
    QVERIFY2(last < first / 5, qPrintable(QString("loss only fell from %1 to %2").arg(first).arg(last)));
    Checkpoint ck;
    std::string error;
    QVERIFY2(loadCheckpoint(o.out, &ck, &error), error.c_str());
    QCOMPARE(ck.step, std::int64_t(100));
    QVERIFY(ck.find("ema.blocks.0.part_attention.qkv.weight"));
    QVERIFY(ck.find("adam_v.blocks.0.part_attention.qkv.weight"));
  }

  // The batch of a step depends on (seed, step) only: 6 steps in one go and
  // a run stopped after its step-3 checkpoint, resumed to 6, give the same weights.
  void resumeContinuesExactly() {
    QTemporaryDir dir;
    TrainOptions o;
    o.clips.push_back(test::walkClip());
    o.config = "tiny";
    o.seed = 11;
    o.logEvery = 1;
    o.corruptedVariants = 1;
    o.threads = 1;  // same reduction order in both runs
    o.steps = 6;
    o.out = (dir.path() + "/full.mmmodel").toStdString();
    QVERIFY(trainModel(o).ok);
    o.out = (dir.path() + "/half.mmmodel").toStdString();
    o.checkpointEvery = 3;
    int polls = 0;
    o.cancelled = [&] { return ++polls > 3; };
    QVERIFY(!trainModel(o).ok);
    o.cancelled = nullptr;
    o.resume = o.out;
    o.out = (dir.path() + "/resumed.mmmodel").toStdString();
    const TrainReport r = trainModel(o);
    QVERIFY2(r.ok, r.error.c_str());
    Checkpoint a, b;
    std::string error;
    QVERIFY(loadCheckpoint(dir.path().toStdString() + "/full.mmmodel", &a, &error));
    QVERIFY(loadCheckpoint(o.out, &b, &error));
    QCOMPARE(b.step, std::int64_t(6));
    QCOMPARE(a.arrays.size(), b.arrays.size());
    for (size_t i = 0; i < a.arrays.size(); ++i) {
      QCOMPARE(a.arrays[i].name, b.arrays[i].name);
      for (size_t k = 0; k < a.arrays[i].data.size(); ++k)
        QVERIFY2(std::abs(a.arrays[i].data[k] - b.arrays[i].data[k]) < 1e-6, a.arrays[i].name.c_str());
    }
  }

  void labelsComeFromAnalysisAndLab() {
    std::vector<TrainingSample> samples;
    std::string error;
    QVERIFY2(makeTrainingSamples(test::walkClip(), 5, 2, &samples, &error), error.c_str());
    QCOMPARE(int(samples.size()), 3);
    auto badShare = [](const TrainingSample& s) {
      int n = 0;
      for (auto b : s.bad) n += b;
      return double(n) / s.bad.size();
    };
    // The recorded walk is clean; the corrupted variants carry labelled artifacts.
    QVERIFY(badShare(samples[0]) < 0.05);
    QVERIFY(badShare(samples[1]) > 0.05);
    QVERIFY(badShare(samples[2]) > 0.05);
    QVERIFY(isHeldOut(9) && isHeldOut(19) && !isHeldOut(0) && !isHeldOut(10));
  }

  // Mirror images join the text data for the actions that map to a mirror
  // label, with that label: a walk mirrors to a walk, the kick (no
  // left-footed label) is not mirrored. The mirrored sample is the clip's
  // mirrored features, its clean flags moved to the twin parts.
  void mirrorImagesJoinTheTextData() {
    const Clip walk = test::walkClip();
    std::vector<TrainingSample> samples;
    std::string error;
    QVERIFY2(makeMirroredSample(walk, &samples, &error), error.c_str());
    QCOMPARE(int(samples.size()), 1);
    MotionFeatures mirrored;
    QVERIFY(encodeClip(walk, nullptr, &mirrored, &error, nullptr, true));
    QVERIFY(samples[0].features == mirrored.values);
    QVERIFY(!samples[0].clip);

    QTemporaryDir dir;
    TrainOptions o;
    o.clips = {walk, test::loadFixture("tests/data/bandai_kick_40.bvh")};
    o.clipLabels = {{0, 1}, {1, 0}};
    o.textActions = 2;
    o.textStyles = 2;
    o.mirrorActions = {0, -1};
    o.config = "tiny";
    o.steps = 1;
    o.corruptedVariants = 0;
    std::vector<std::string> lines;
    o.log = [&](const std::string& l) { lines.push_back(l); };
    o.out = (dir.path() + "/m.mmmodel").toStdString();
    const TrainReport r = trainModel(o);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(r.samples, 3);
    QCOMPARE(r.frames, 2LL * walk.frameCount() + 40);
    bool logged = false;
    for (const std::string& l : lines) logged |= l.find("(1 mirror images)") != std::string::npos;
    QVERIFY(logged);
    // A residual model reads each window's prior from the clip, which a mirror image does not keep.
    o.residual = true;
    const TrainReport residual = trainModel(o);
    QVERIFY(!residual.ok);
    QVERIFY2(residual.error.find("mirror") != std::string::npos, residual.error.c_str());
  }

  void unknownConfigFails() {
    TrainOptions o;
    o.clips.push_back(test::walkClip());
    o.config = "huge";
    const TrainReport r = trainModel(o);
    QVERIFY(!r.ok);
    QVERIFY(r.error.find("huge") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
