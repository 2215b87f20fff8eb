// tasks::generateMotion (issue 13) with the shipped text-conditioned weights:
// new takes keep the rig, frame count and rate asked for; part regeneration
// keeps every other (frame, part) bit for bit; in-betweening meets the
// context; continuation keeps the frames before it; cancel stops it.
#include "io/motionfile.h"
#include "motion/canonicalrig.h"
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "tasks/generatejobs.h"
#include "tasks/modelruntime.h"
#include "text/motionvocabulary.h"
#include "text/promptparser.h"

#include <QtTest>

#include <algorithm>

using namespace mm;
using namespace mm::tasks;

namespace {

Clip walk() {
  LoadResult r = loadMotion(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
  if (!r.ok()) qFatal("no sample walk");
  Clip c = *r.clip;
  c.makeSignContinuous();
  return c;
}

bool sameBits(const Clip& a, const Clip& b, int f, int j) {
  if (a.rotation(f, j).coeffs() != b.rotation(f, j).coeffs()) return false;
  return !a.hasTrack(j) || a.translation(f, j) == b.translation(f, j);
}

// Largest global joint displacement from frame f to f + 1 (file units).
std::vector<double> frameJumps(const Clip& c) {
  const GlobalPoses g = computeGlobalPoses(c);
  std::vector<double> out(static_cast<size_t>(c.frameCount() - 1), 0.0);
  for (int f = 0; f + 1 < c.frameCount(); ++f)
    for (int j = 0; j < c.jointCount(); ++j) out[f] = std::max(out[f], (g.position(f + 1, j) - g.position(f, j)).norm());
  return out;
}

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * (v.size() - 1))];
}

}  // namespace

class TestGenerateJobs : public QObject {
  Q_OBJECT

  ModelPtr mModel;
  ModelSettings mSettings;
  Clip mWalk;
  text::PromptParser mParser{text::MotionVocabulary::builtin(), text::PromptParserOptions{false, 3}};

  GenerateRequest request(const char* prompt) {
    GenerateRequest r;
    r.reading = mParser.parse(prompt);
    return r;
  }

 private Q_SLOTS:
  void initTestCase() {
    mWalk = walk();
    mSettings.weights = defaultTextModelPath();
    mSettings.device = "cpu";
    mSettings.steps = 4;
    std::string error;
    mModel = loadModel(mSettings, &error);
    if (!mModel) QSKIP(qPrintable(QString::fromStdString("no model: " + error)));
  }

  void canonicalSkeletonMaps() {
    const Skeleton s = canonicalSkeleton();
    QCOMPARE(s.jointCount(), 22);
    std::string error;
    QVERIFY2(CanonicalRig::map(s, &error).isUsable(), error.c_str());
  }

  // A new take on the canonical rig, and on a take's rig from its frame.
  void newTakeKeepsRigAndLength() {
    GenerateRequest r = request("walk");
    r.frames = 75;
    r.samples = 2;
    std::vector<Clip> out;
    std::string error;
    if (!generateMotion(*mModel, mSettings, r, nullptr, &out, &error)) {
      if (error.find("not conditioned") != std::string::npos) QSKIP("the shipped weights are not text-conditioned");
      QFAIL(error.c_str());
    }
    QCOMPARE(out.size(), size_t(2));
    for (const Clip& c : out) {
      QCOMPARE(c.frameCount(), 75);
      QCOMPARE(c.fps(), 30.0);
      QCOMPARE(c.skeleton().names(), canonicalSkeleton().names());
      QVERIFY(c.validate().empty());
    }
    int differ = 0;
    for (int j = 0; j < out[0].jointCount(); ++j) differ += !sameBits(out[0], out[1], 50, j);
    QVERIFY(differ > 0);  // two seeds, two candidates
    r.samples = 1;
    r.start = 10;
    QVERIFY2(generateMotion(*mModel, mSettings, r, &mWalk, &out, &error), error.c_str());
    QCOMPARE(out[0].skeleton().names(), mWalk.skeleton().names());
    QCOMPARE(out[0].frameCount(), 75);
    for (int j = 0; j < mWalk.jointCount(); ++j) QVERIFY(sameBits(out[0].subClip(0, 1), mWalk.subClip(10, 11), 0, j));
  }

  // Parts: only the named parts of the range change; everything else keeps its bits.
  void partsKeepEverythingElse() {
    GenerateRequest r = request("wave the right hand");
    r.mode = GenerateRequest::Mode::Parts;
    r.start = 40;
    r.end = 100;
    r.parts = {BodyPart::RightArm};
    std::vector<Clip> out;
    std::string error;
    if (!generateMotion(*mModel, mSettings, r, &mWalk, &out, &error)) {
      if (error.find("not conditioned") != std::string::npos) QSKIP("the shipped weights are not text-conditioned");
      QFAIL(error.c_str());
    }
    const BodyPartMap parts = CanonicalRig::map(mWalk.skeleton()).bodyParts();
    const Clip& c = out[0];
    QCOMPARE(c.frameCount(), mWalk.frameCount());
    int changed = 0;
    for (int f = 0; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j) {
        const bool inside = f >= 40 && f < 100 && parts.part(j) == BodyPart::RightArm;
        if (!inside) QVERIFY2(sameBits(c, mWalk, f, j), qPrintable(QString("frame %1 joint %2").arg(f).arg(j)));
        else changed += !sameBits(c, mWalk, f, j);
      }
    QVERIFY(changed > 60);
  }

  // In-betweening meets the motion on both sides: the steps into and out of
  // the range are no larger than the take's own frame-to-frame changes allow.
  void inbetweenMeetsTheContext() {
    GenerateRequest r = request("walk");
    r.mode = GenerateRequest::Mode::Inbetween;
    r.start = 60;
    r.end = 90;
    std::vector<Clip> out;
    std::string error;
    if (!generateMotion(*mModel, mSettings, r, &mWalk, &out, &error)) {
      if (error.find("not conditioned") != std::string::npos) QSKIP("the shipped weights are not text-conditioned");
      QFAIL(error.c_str());
    }
    const std::vector<double> real = frameJumps(mWalk), gen = frameJumps(out[0]);
    const double bound = 3.0 * percentile(real, 0.9) + 2.0;  // cm
    qInfo("jumps into / out of the range: %.2f / %.2f cm (take's 90th percentile %.2f cm)", gen[59], gen[89],
          percentile(real, 0.9));
    QVERIFY(gen[59] <= bound);
    QVERIFY(gen[89] <= bound);
  }

  // Continue from the end: the take's frames stay, new ones follow.
  void continueAppends() {
    GenerateRequest r = request("run");
    r.mode = GenerateRequest::Mode::Continue;
    r.start = mWalk.frameCount();
    r.frames = 40;
    std::vector<Clip> out;
    std::string error;
    if (!generateMotion(*mModel, mSettings, r, &mWalk, &out, &error)) {
      if (error.find("not conditioned") != std::string::npos) QSKIP("the shipped weights are not text-conditioned");
      QFAIL(error.c_str());
    }
    QCOMPARE(out[0].frameCount(), mWalk.frameCount() + 40);
    for (int f = 0; f < mWalk.frameCount(); ++f)
      for (int j = 0; j < mWalk.jointCount(); ++j) QVERIFY(sameBits(out[0], mWalk, f, j));
  }

  // An action the weights name but never trained on (no take of it in the
  // data: its embedding is still zero) is refused, naming it, instead of
  // generating the text-free motion; unless an action stands in for it
  // (text::standInAction), which then generates exactly the stand-in's motion
  // and says so.
  void untrainedActions() {
    std::string error;
    const ModelRuntimeApi* rt = modelRuntime(&error);
    QVERIFY2(rt, error.c_str());
    text::MotionVocabulary weights;
    QVERIFY(weights.parse(rt->vocabulary(*mModel), &error));
    const std::vector<std::uint8_t> trained = rt->trainedActions(*mModel);
    QCOMPARE(trained.size(), weights.actions().size());
    QVERIFY(trained[static_cast<size_t>(weights.findAction("walk"))]);
    int untrained = 0;
    for (size_t a = 0; a < trained.size(); ++a) {
      if (trained[a]) continue;
      ++untrained;
      const std::string name = weights.action(static_cast<int>(a)).name;
      GenerateRequest r = request(QString::fromStdString(name).replace('-', ' ').toUtf8().constData());
      QVERIFY2(r.reading.understood(), name.c_str());
      r.frames = 30;
      std::vector<Clip> out;
      std::vector<std::string> notes;
      const std::string standIn = text::standInAction(name);
      const int other = standIn.empty() ? -1 : weights.findAction(standIn);
      if (other < 0 || !trained[static_cast<size_t>(other)]) {
        QVERIFY(!generateMotion(*mModel, mSettings, r, nullptr, &out, &error, &notes));
        QVERIFY2(error.find("'" + name + "'") != std::string::npos && error.find("no take of it") != std::string::npos,
                 error.c_str());
        QVERIFY(out.empty());
        continue;
      }
      QVERIFY2(generateMotion(*mModel, mSettings, r, nullptr, &out, &error, &notes), error.c_str());
      QCOMPARE(notes.size(), size_t(1));
      QVERIFY2(notes[0].find(name) == 0 && notes[0].find(standIn + " stands in") != std::string::npos, notes[0].c_str());
      GenerateRequest s = request(QString::fromStdString(standIn).replace('-', ' ').toUtf8().constData());
      s.frames = 30;
      std::vector<Clip> same;
      notes.clear();
      QVERIFY2(generateMotion(*mModel, mSettings, s, nullptr, &same, &error, &notes), error.c_str());
      QVERIFY(notes.empty());
      QCOMPARE(same.size(), out.size());
      for (int f = 0; f < 30; ++f)
        for (int j = 0; j < same[0].jointCount(); ++j) QVERIFY(sameBits(out[0], same[0], f, j));
    }
    if (untrained == 0) QSKIP("these weights were trained on every action");
  }

  void cancelAndBadRequests() {
    ModelSettings s = mSettings;
    s.progress = [](double) { return false; };
    GenerateRequest r = request("walk");
    r.frames = 60;
    std::vector<Clip> out;
    std::string error;
    QVERIFY(!generateMotion(*mModel, s, r, nullptr, &out, &error));
    QVERIFY(error == "cancelled" || error.find("not conditioned") != std::string::npos);
    QVERIFY(out.empty());
    r.mode = GenerateRequest::Mode::Inbetween;
    r.start = 10;
    r.end = 5;
    QVERIFY(!generateMotion(*mModel, mSettings, r, &mWalk, &out, &error));
    r.mode = GenerateRequest::Mode::Parts;
    r.end = 20;
    QVERIFY(!generateMotion(*mModel, mSettings, r, nullptr, &out, &error));  // no take
  }
};

QTEST_APPLESS_MAIN(TestGenerateJobs)
#include "tst_generatejobs.moc"
