#include "inference/modeltasks.h"
#include "inference/trainer.h"
#include "motion/bodyparts.h"
#include "motion/kinematics.h"
#include "motion/resample.h"
#include "testutil_inference.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <map>
#include <random>
#include <thread>

using namespace mm;
using namespace mm::inference;

namespace {

bool sameFrameJoint(const Clip& a, const Clip& b, int f, int j) {
  if (a.rotation(f, j).coeffs() != b.rotation(f, j).coeffs()) return false;
  return !a.hasTrack(j) || a.translation(f, j) == b.translation(f, j);
}

// The clip with frames [start, end) of the joints of `parts` (all when
// empty) replaced: 0 the true values, 1 copies of frame start - 1 (as after
// an occlusion), 2 seeded random rotations and translations.
Clip withHidden(const Clip& c, int start, int end, const std::vector<BodyPart>& parts, int variant) {
  Clip out = c;
  if (variant == 0) return out;
  const BodyPartMap map = BodyPartMap::detect(c.skeleton());
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (int f = start; f < end; ++f)
    for (int j = 0; j < c.jointCount(); ++j) {
      if (!parts.empty() && std::find(parts.begin(), parts.end(), map.part(j)) == parts.end()) continue;
      if (variant == 1) {
        out.rotation(f, j) = c.rotation(start - 1, j);
        if (c.hasTrack(j)) out.translation(f, j) = c.translation(start - 1, j);
      } else {
        out.rotation(f, j) = Eigen::Quaterniond(u(rng), u(rng), u(rng), u(rng)).normalized();
        if (c.hasTrack(j)) out.translation(f, j) = Eigen::Vector3d(u(rng), u(rng), u(rng)) * 300.0;
      }
    }
  return out;
}

// Number of (frame, joint) values that differ in any bit.
int differingValues(const Clip& a, const Clip& b) {
  int n = 0;
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < a.jointCount(); ++j) n += !sameFrameJoint(a, b, f, j) || a.isValid(f, j) != b.isValid(f, j);
  return n;
}

// `times` copies of the clip one after the other (a long take).
Clip repeated(const Clip& c, int times) {
  Clip out = c;
  for (int k = 1; k < times; ++k) {
    std::vector<Eigen::Quaterniond> rot(c.rotations().begin(), c.rotations().end());
    std::vector<Eigen::Vector3d> tr;
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j)
        if (c.hasTrack(j)) tr.push_back(c.translation(f, j));
    out.appendFrames(c.frameCount(), rot.data(), tr.data());
  }
  return out;
}

}  // namespace

class TestModelTasks : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  std::unique_ptr<MotionModel> mModel;
  Clip mClip;

 private Q_SLOTS:
  void initTestCase() {
    mClip = test::walkClip();
    TrainOptions o;
    o.clips.push_back(mClip);
    o.config = "tiny";
    o.steps = 20;
    o.out = (mDir.path() + "/tiny.mmmodel").toStdString();
    const TrainReport r = trainModel(o);
    QVERIFY2(r.ok, r.error.c_str());
    std::string error;
    mModel = MotionModel::load(o.out, "cpu", &error);
    QVERIFY2(mModel, error.c_str());
    QVERIFY(mClip.frameCount() > 3 * mModel->config().window);  // several sliding windows
  }

  // Frames outside the gap come back bit for bit; the gap is regenerated.
  void inbetweenKeepsOtherFramesBitIdentical() {
    TaskOptions options;
    options.steps = 10;
    Clip out;
    const TaskResult r = inbetweenClip(*mModel, mClip, 60, 90, options, &out);
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(out.frameCount(), mClip.frameCount());
    QCOMPARE(out.fps(), mClip.fps());
    QCOMPARE(out.skeleton().names(), mClip.skeleton().names());
    QVERIFY(out.validate().empty());
    int changed = 0;
    for (int f = 0; f < mClip.frameCount(); ++f)
      for (int j = 0; j < mClip.jointCount(); ++j) {
        const bool same = sameFrameJoint(mClip, out, f, j);
        if (f < 60 || f >= 90) QVERIFY2(same, qPrintable(QString("frame %1 joint %2 changed").arg(f).arg(j)));
        else changed += !same;
      }
    QVERIFY(changed > 30 * 10);
  }

  // Completing one part over a span leaves every other part untouched.
  void completeKeepsUnmaskedParts() {
    PartMask mask(static_cast<size_t>(mClip.frameCount()) * kBodyPartCount, 0);
    const int arm = bodyPartIndex(BodyPart::LeftArm);
    for (int f = 100; f < 130; ++f) mask[static_cast<size_t>(f) * kBodyPartCount + arm] = 1;
    Clip out;
    const TaskResult r = regenerateMasked(*mModel, mClip, mask, {}, &out);
    QVERIFY2(r.ok(), r.error.c_str());
    const BodyPartMap parts = BodyPartMap::detect(mClip.skeleton());
    int changed = 0;
    for (int f = 0; f < mClip.frameCount(); ++f)
      for (int j = 0; j < mClip.jointCount(); ++j) {
        const bool inMask = f >= 100 && f < 130 && parts.part(j) == BodyPart::LeftArm;
        const bool same = sameFrameJoint(mClip, out, f, j);
        if (!inMask) QVERIFY2(same, qPrintable(QString("frame %1 joint %2 changed").arg(f).arg(j)));
        else changed += !same;
      }
    QVERIFY(changed > 0);
  }

  // The leak of issue 12: what the hidden frames hold (the truth, copies of
  // the last known frame, noise) must change nothing in the output, for
  // in-betweening, completion and cleanup, from noise and from a prior.
  void hiddenFramesChangeNothing_data() {
    QTest::addColumn<int>("task");  // 0 in-between, 1 complete (left leg), 2 clean (right arm), 3 complete torso
    QTest::addColumn<double>("strength");
    QTest::addColumn<bool>("withPrior");
    QTest::newRow("inbetween") << 0 << 1.0 << false;
    QTest::newRow("inbetween strength 0.5") << 0 << 0.5 << false;
    QTest::newRow("inbetween from a prior") << 0 << 0.5 << true;
    QTest::newRow("complete leg") << 1 << 1.0 << false;
    QTest::newRow("complete leg strength 0.5") << 1 << 0.5 << false;
    QTest::newRow("complete torso") << 3 << 1.0 << false;
    QTest::newRow("clean arm strength 0.4") << 2 << 0.4 << false;
  }
  void hiddenFramesChangeNothing() {
    QFETCH(int, task);
    QFETCH(double, strength);
    QFETCH(bool, withPrior);
    const int start = 60, end = 90;
    std::vector<BodyPart> parts;
    if (task == 1) parts = {BodyPart::LeftLeg};
    if (task == 2) parts = {BodyPart::RightArm};
    if (task == 3) parts = {BodyPart::Torso};
    PartMask mask(static_cast<size_t>(mClip.frameCount()) * kBodyPartCount, 0);
    for (int f = start; f < end; ++f)
      for (BodyPart p : kAllBodyParts)
        if (parts.empty() || std::find(parts.begin(), parts.end(), p) != parts.end())
          mask[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(p)] = 1;
    // Cleanup dilates its flags by a frame: flag one frame less on each side.
    PartMask bad = mask;
    for (BodyPart p : parts) {
      bad[static_cast<size_t>(start) * kBodyPartCount + bodyPartIndex(p)] = 0;
      bad[static_cast<size_t>(end - 1) * kBodyPartCount + bodyPartIndex(p)] = 0;
    }
    TaskOptions options;
    options.steps = 4;
    options.strength = strength;
    // A prior made from the known frames only (a copy of the last one).
    const Clip prior = withHidden(mClip, start, end, parts, 1);
    Clip outs[3];
    for (int variant = 0; variant < 3; ++variant) {
      const Clip input = withHidden(mClip, start, end, parts, variant);
      const Clip* p = withPrior ? &prior : nullptr;
      TaskResult r;
      if (task == 0) r = inbetweenClip(*mModel, input, start, end, options, &outs[variant], p);
      else if (task == 2) r = cleanClip(*mModel, input, &bad, options, &outs[variant], nullptr, p);
      else r = regenerateMasked(*mModel, input, mask, options, &outs[variant], p);
      QVERIFY2(r.ok(), r.error.c_str());
    }
    QVERIFY2(differingValues(withHidden(mClip, start, end, parts, 2), mClip) > 30 * 3, "the noise changed nothing");
    QCOMPARE(differingValues(outs[0], outs[1]), 0);
    QCOMPARE(differingValues(outs[0], outs[2]), 0);
  }

  // With a prior, the model's correction fades in from the known frames:
  // beside them the result stays near the prior, further in it is the
  // model's own (the same bits as without the fade).
  void priorCorrectionFadesIn() {
    const Clip prior = withHidden(mClip, 60, 90, {}, 1);
    TaskOptions options;
    options.steps = 4;
    options.strength = 0.6;
    Clip faded, plain;
    QVERIFY(inbetweenClip(*mModel, mClip, 60, 90, options, &faded, &prior).ok());
    options.priorFadeFrames = 0;
    QVERIFY(inbetweenClip(*mModel, mClip, 60, 90, options, &plain, &prior).ok());
    const GlobalPoses pf = computeGlobalPoses(faded), pn = computeGlobalPoses(plain), pp = computeGlobalPoses(prior);
    auto fromPrior = [&](const GlobalPoses& g, int f) {
      double d = 0;
      for (int j = 0; j < mClip.jointCount(); ++j) d = std::max(d, (g.position(f, j) - pp.position(f, j)).norm());
      return d;
    };
    for (int f : {60, 89}) {
      QVERIFY2(fromPrior(pn, f) > 1e-3, "the model changed nothing beside the known frames");
      // One sixth of the correction (priorFadeFrames 5), with room for the
      // rotations' non-linearity.
      QVERIFY2(fromPrior(pf, f) < 0.3 * fromPrior(pn, f),
               qPrintable(QString("frame %1: %2 from the prior, %3 without the fade").arg(f).arg(fromPrior(pf, f)).arg(fromPrior(pn, f))));
    }
    for (int j = 0; j < mClip.jointCount(); ++j) QVERIFY(sameFrameJoint(faded, plain, 75, j));
  }

  // A 120 fps take runs at the model's 30 fps inside the task: frames
  // outside the gap keep their bits, and the gap comes out as at 30 fps.
  void otherRateRunsAtTheModelsRate() {
    const Clip fast = resample(mClip, 120.0);
    TaskOptions options;
    options.steps = 4;
    Clip slowOut, fastOut;
    QVERIFY(inbetweenClip(*mModel, mClip, 60, 90, options, &slowOut).ok());
    QVERIFY(inbetweenClip(*mModel, fast, 240, 360, options, &fastOut).ok());
    QCOMPARE(fastOut.frameCount(), fast.frameCount());
    QCOMPARE(fastOut.fps(), 120.0);
    QVERIFY(fastOut.validate().empty());
    for (int f = 0; f < fast.frameCount(); ++f)
      if (f < 240 || f >= 360)
        for (int j = 0; j < fast.jointCount(); ++j)
          QVERIFY2(sameFrameJoint(fast, fastOut, f, j), qPrintable(QString("frame %1 joint %2 changed").arg(f).arg(j)));
    const GlobalPoses ps = computeGlobalPoses(slowOut), pf = computeGlobalPoses(fastOut), pt = computeGlobalPoses(mClip);
    double worst = 0, moved = 0;
    for (int k = 60; k < 90; ++k)
      for (int j = 0; j < mClip.jointCount(); ++j) {
        worst = std::max(worst, (ps.position(k, j) - pf.position(4 * k, j)).norm());
        moved = std::max(moved, (ps.position(k, j) - pt.position(k, j)).norm());
      }
    const double toMm = 1000.0 / mClip.unitsPerMeter();
    qInfo("120 fps gap vs 30 fps gap: largest joint distance %.3f mm (the 30 fps result is up to %.1f mm from the truth)",
          worst * toMm, moved * toMm);
    QVERIFY(moved * toMm > 10.0);
    QVERIFY2(worst * toMm < 5.0, qPrintable(QString("%1 mm").arg(worst * toMm)));
    // Hidden frames at 120 fps change nothing either.
    Clip noisy = fast, noisyOut;
    for (int f = 240; f < 360; ++f)
      for (int j = 0; j < fast.jointCount(); ++j)
        noisy.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(0.1 * f + j, Eigen::Vector3d::UnitX()));
    QVERIFY(inbetweenClip(*mModel, noisy, 240, 360, options, &noisyOut).ok());
    QCOMPARE(differingValues(fastOut, noisyOut), 0);
  }

  void sameSeedSameResult() {
    TaskOptions options;
    options.steps = 5;
    Clip a, b, c;
    QVERIFY(inbetweenClip(*mModel, mClip, 20, 40, options, &a).ok());
    QVERIFY(inbetweenClip(*mModel, mClip, 20, 40, options, &b).ok());
    options.seed = 2;
    QVERIFY(inbetweenClip(*mModel, mClip, 20, 40, options, &c).ok());
    bool differs = false;
    for (int f = 20; f < 40; ++f)
      for (int j = 0; j < mClip.jointCount(); ++j) {
        QVERIFY(sameFrameJoint(a, b, f, j));
        differs = differs || !sameFrameJoint(a, c, f, j);
      }
    QVERIFY(differs);
  }

  void detectGivesProbabilities() {
    std::vector<float> p;
    double last = -1;
    bool monotonic = true;
    TaskOptions options;
    options.progress = [&](double x) {
      monotonic = monotonic && x >= last;
      last = x;
      return true;
    };
    QVERIFY(detectArtifacts(*mModel, mClip, options, &p).ok());
    QCOMPARE(p.size(), size_t(mClip.frameCount()) * kBodyPartCount);
    for (float v : p) QVERIFY(v >= 0.0f && v <= 1.0f);
    QVERIFY(monotonic);
    QCOMPARE(last, 1.0);
  }

  void cleanRegeneratesOnlyFlaggedParts() {
    PartMask bad(static_cast<size_t>(mClip.frameCount()) * kBodyPartCount, 0);
    bad[static_cast<size_t>(50) * kBodyPartCount + bodyPartIndex(BodyPart::RightLeg)] = 1;
    Clip out;
    PartMask used;
    QVERIFY(cleanClip(*mModel, mClip, &bad, {}, &out, &used).ok());
    // Dilated by one frame.
    for (int f = 49; f <= 51; ++f) QVERIFY(used[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(BodyPart::RightLeg)]);
    int flagged = 0;
    for (auto u : used) flagged += u;
    QCOMPARE(flagged, 3);
    for (int f : {0, 48, 52, 150})
      for (int j = 0; j < mClip.jointCount(); ++j) QVERIFY(sameFrameJoint(mClip, out, f, j));
    // Refinement from the noised input (strength < 1) keeps the same guarantees.
    TaskOptions soft;
    soft.strength = 0.3;
    Clip refined;
    QVERIFY(cleanClip(*mModel, mClip, &bad, soft, &refined).ok());
    for (int f : {0, 48, 52, 150})
      for (int j = 0; j < mClip.jointCount(); ++j) QVERIFY(sameFrameJoint(mClip, refined, f, j));
    bool differs = false;
    for (int j = 0; j < mClip.jointCount(); ++j) differs = differs || !sameFrameJoint(out, refined, 50, j);
    QVERIFY(differs);
  }

  // A cancel is honoured within 200 ms and the output is left untouched.
  void cancelReturnsPromptlyAndWritesNothing() {
    const Clip longClip = repeated(mClip, 12);  // ~2,300 frames
    std::atomic<bool> stop{false};
    std::atomic<long long> stopAt{0};
    TaskOptions options;
    options.steps = 20;
    options.progress = [&](double) { return !stop.load(); };
    Clip out = mClip;  // sentinel
    TaskResult result;
    std::atomic<bool> finished{false};
    std::thread worker([&] {
      result = inbetweenClip(*mModel, longClip, 10, longClip.frameCount() - 10, options, &out);
      finished = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    const bool stillRunning = !finished.load();
    const auto cancelTime = std::chrono::steady_clock::now();
    stop = true;
    worker.join();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cancelTime).count();
    QVERIFY2(stillRunning, "the task finished before it could be cancelled; make the clip longer");
    QVERIFY(result.status == TaskStatus::Cancelled);
    qInfo("cancelled after %.1f ms", ms);
    QVERIFY2(ms < 200, qPrintable(QString("took %1 ms to cancel").arg(ms)));
    QCOMPARE(out.frameCount(), mClip.frameCount());
    for (int f = 0; f < mClip.frameCount(); ++f)
      for (int j = 0; j < mClip.jointCount(); ++j) QVERIFY(sameFrameJoint(mClip, out, f, j));
  }

  // Completing a part whose joints were missing gives them data: they become
  // valid; the frames and parts left alone keep their validity.
  void completedJointsBecomeValid() {
    Clip c = mClip;
    const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
    const std::vector<int> arm = parts.jointsOf(BodyPart::LeftArm);
    const int hand = c.skeleton().findJoint("Hand_R");
    for (int f = 40; f < 60; ++f) {
      for (int j : arm) c.setValid(f, j, false);
      c.setValid(f, hand, false);  // missing too, but not regenerated
    }
    PartMask mask(static_cast<size_t>(c.frameCount()) * kBodyPartCount, 0);
    for (int f = 40; f < 60; ++f) mask[static_cast<size_t>(f) * kBodyPartCount + bodyPartIndex(BodyPart::LeftArm)] = 1;
    TaskOptions options;
    options.steps = 2;
    Clip out;
    QVERIFY(regenerateMasked(*mModel, c, mask, options, &out).ok());
    for (int f = 40; f < 60; ++f) {
      for (int j : arm) QVERIFY(out.isValid(f, j));
      QVERIFY(!out.isValid(f, hand));
    }
  }

  // The model works on the canonical rig, so a skeleton other than the
  // training rig's (Mixamo names, no "joint_Root" naming, and two finger
  // joints per hand that have no canonical counterpart) gets the same motion
  // in the gap, and its unmapped fingers keep their own rotations.
  void anotherRigGetsTheSameMotion() {
    const std::map<std::string, std::string> mixamo = {
        {"joint_Root", "Reference"}, {"Hips", "mixamorig:Hips"}, {"Spine", "mixamorig:Spine"},
        {"Chest", "mixamorig:Spine1"}, {"Neck", "mixamorig:Neck"}, {"Head", "mixamorig:Head"},
        {"Shoulder_L", "mixamorig:LeftShoulder"}, {"UpperArm_L", "mixamorig:LeftArm"},
        {"LowerArm_L", "mixamorig:LeftForeArm"}, {"Hand_L", "mixamorig:LeftHand"},
        {"Shoulder_R", "mixamorig:RightShoulder"}, {"UpperArm_R", "mixamorig:RightArm"},
        {"LowerArm_R", "mixamorig:RightForeArm"}, {"Hand_R", "mixamorig:RightHand"},
        {"UpperLeg_L", "mixamorig:LeftUpLeg"}, {"LowerLeg_L", "mixamorig:LeftLeg"},
        {"Foot_L", "mixamorig:LeftFoot"}, {"Toes_L", "mixamorig:LeftToeBase"},
        {"UpperLeg_R", "mixamorig:RightUpLeg"}, {"LowerLeg_R", "mixamorig:RightLeg"},
        {"Foot_R", "mixamorig:RightFoot"}, {"Toes_R", "mixamorig:RightToeBase"}};
    Skeleton sk = mClip.skeleton();
    const int J = sk.jointCount();
    for (int j = 0; j < J; ++j) {
      const auto it = mixamo.find(sk.name(j));
      QVERIFY2(it != mixamo.end(), sk.name(j).c_str());
      sk.setName(j, it->second);
    }
    std::vector<int> fingers;
    for (const char* side : {"Left", "Right"}) {
      const int hand = sk.findJoint(std::string("mixamorig:") + side + "Hand");
      const int index1 = sk.addJoint(std::string("mixamorig:") + side + "HandIndex1", hand, Eigen::Vector3d(8, 0, 1));
      fingers.push_back(index1);
      fingers.push_back(sk.addJoint(std::string("mixamorig:") + side + "HandIndex2", index1, Eigen::Vector3d(3, 0, 0)));
    }
    const int F = mClip.frameCount();
    Clip other(sk, F, mClip.fps());
    for (int f = 0; f < F; ++f) {
      for (int j = 0; j < J; ++j) {
        other.rotation(f, j) = mClip.rotation(f, j);
        if (mClip.hasTrack(j)) other.translation(f, j) = mClip.translation(f, j);
      }
      for (int j : fingers)
        other.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(0.01 * f + 0.1 * j, Eigen::Vector3d::UnitZ()));
    }
    TaskOptions options;
    options.steps = 4;
    Clip a, b;
    QVERIFY(inbetweenClip(*mModel, mClip, 40, 70, options, &a).ok());
    QVERIFY(inbetweenClip(*mModel, other, 40, 70, options, &b).ok());
    const GlobalPoses pa = computeGlobalPoses(a), pb = computeGlobalPoses(b);
    double largest = 0.0, moved = 0.0;
    for (int f = 40; f < 70; ++f)
      for (int j = 0; j < J; ++j) {
        largest = std::max(largest, (pa.position(f, j) - pb.position(f, j)).norm());
        moved = std::max(moved, (pa.position(f, j) - computeGlobalPoses(mClip).position(f, j)).norm());
      }
    QVERIFY2(largest < 1e-6, qPrintable(QString("largest difference %1").arg(largest)));
    QVERIFY(moved > 1e-3);  // the gap was regenerated, not copied
    // Unmapped fingers keep their rotations outside the gap; inside it they
    // are hidden like the rest, so they hold the last known frame's.
    for (int f = 0; f < F; ++f)
      for (int j : fingers)
        QVERIFY(b.rotation(f, j).coeffs() == other.rotation(f >= 40 && f < 70 ? 39 : f, j).coeffs());
  }

  void badInputsFail() {
    Clip out;
    TaskResult r = inbetweenClip(*mModel, mClip, 50, 40, {}, &out);
    QVERIFY(r.status == TaskStatus::Failed);
    QVERIFY(r.error.find("50:40") != std::string::npos);
    r = regenerateMasked(*mModel, mClip, PartMask(7, 1), {}, &out);
    QVERIFY(r.status == TaskStatus::Failed);
    QCOMPARE(out.frameCount(), 0);
  }
};

QTEST_GUILESS_MAIN(TestModelTasks)
#include "tst_modeltasks.moc"
