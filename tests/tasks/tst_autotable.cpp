// The `auto` table (tasks/autotable.h, issue 12): written by eval next to the
// weights, read by the jobs' `auto`, cell by cell (task, part or artifact
// type, nearest measured length). The weights here do not exist, so a cell
// that says "model" shows as an attempt to load them (auto then falls back to
// the classical tool and says why), a cell that says "classic" as the
// measured reason.

#include "motion/clip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "tasks/autotable.h"
#include "tasks/loadtake.h"
#include "tasks/repairjobs.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mm;
using namespace mm::tasks;

namespace {

Clip kick() {
  LoadedTake take;
  std::string error;
  if (!loadTake(MM_TEST_DATA_DIR "/bandai_kick_40.bvh", &take, &error)) qFatal("%s", error.c_str());
  return take.clip;
}

AutoRule rule(const char* task, const char* kind, int frames, bool model) {
  AutoRule r;
  r.task = task;
  r.kind = kind;
  r.frames = frames;
  r.model = model;
  r.modelScore = model ? 1.0 : 2.0;
  r.classicScore = model ? 2.0 : 1.0;
  r.metric = "test";
  return r;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}  // namespace

class TestAutoTable : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  ModelSettings mSettings;

  void writeTable(const std::vector<AutoRule>& rules) {
    AutoTable t;
    t.weights = "missing.mmmodel";
    t.rules = rules;
    std::string error;
    QVERIFY2(t.save(autoTablePath(mSettings.weights), &error), error.c_str());
  }

 private Q_SLOTS:
  void init() { mSettings.weights = (mDir.path() + "/missing.mmmodel").toStdString(); }

  void pathSitsNextToTheWeights() {
    QCOMPARE(autoTablePath("/a/b/motionmender-small.mmmodel"), std::string("/a/b/motionmender-small.auto.json"));
    QCOMPARE(autoTablePath("w.bin"), std::string("w.bin.auto.json"));
  }

  void roundTripAndNearestLength() {
    writeTable({rule("inbetween", "all", 5, true), rule("inbetween", "all", 15, false), rule("inbetween", "all", 30, true),
                rule("complete", "left_leg", 30, true)});
    const std::optional<AutoTable> t = autoTableFor(mSettings.weights);
    QVERIFY(t);
    QCOMPARE(int(t->rules.size()), 4);
    QCOMPARE(t->weights, std::string("missing.mmmodel"));
    QCOMPARE(t->find("inbetween", "all", 4)->frames, 5);
    QCOMPARE(t->find("inbetween", "all", 12)->frames, 15);
    QCOMPARE(t->find("inbetween", "all", 25)->frames, 30);   // nearer 30 than 15
    QCOMPARE(t->find("inbetween", "all", 200)->frames, 30);  // the longest bucket beyond it
    QCOMPARE(t->find("inbetween", "all", 10)->frames, 15);   // a tie goes to the longer
    QCOMPARE(t->find("inbetween", "all", 60, 120.0)->frames, 15);  // 60 frames at 120 fps: 15 at the table's 30
    QVERIFY(t->find("inbetween", "all", 5)->model);
    QVERIFY(!t->find("inbetween", "all", 15)->model);
    QVERIFY(!t->find("complete", "right_leg", 30));
    QVERIFY(!autoTableFor((mDir.path() + "/other.mmmodel").toStdString()));
  }

  void damagedTableIsRefused() {
    QFile f(QString::fromStdString(autoTablePath(mSettings.weights)));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": 1, \"rules\": [{\"task\": \"inbetween\", \"kind\": \"all\", \"method\": \"magic\"}]}");
    f.close();
    AutoTable t;
    std::string error;
    QVERIFY(!AutoTable::load(autoTablePath(mSettings.weights), &t, &error));
    QVERIFY(contains(error, "magic"));
    QVERIFY(!autoTableFor(mSettings.weights));
  }

  void inbetweenFollowsTheTable() {
    const Clip clip = kick();
    // No table: the built-in choice.
    QFile::remove(QString::fromStdString(autoTablePath(mSettings.weights)));
    JobOutcome o = inbetweenJob(clip, FrameRange{10, 15}, Method::Auto, mSettings);
    QVERIFY2(o.ok(), o.error.c_str());
    QVERIFY2(contains(o.methodLine, "Hermite in-betweening measures ahead"), o.methodLine.c_str());
    writeTable({rule("inbetween", "all", 5, true), rule("inbetween", "all", 30, false)});
    // Short gap: the model's cell; it cannot load here, so Hermite runs and the line says why.
    o = inbetweenJob(clip, FrameRange{10, 15}, Method::Auto, mSettings);
    QVERIFY2(o.ok(), o.error.c_str());
    QVERIFY2(contains(o.methodLine, "method: classic (auto: ") && contains(o.methodLine, "missing.mmmodel"),
             o.methodLine.c_str());
    QVERIFY(!o.patch.empty());
    // Long gap: Hermite's cell, with the measured reason.
    o = inbetweenJob(clip, FrameRange{5, 33}, Method::Auto, mSettings);
    QVERIFY2(o.ok(), o.error.c_str());
    QVERIFY2(contains(o.methodLine, "Hermite measured ahead for gaps near 30 frames"), o.methodLine.c_str());
    QCOMPARE(o.used, std::string("classic"));
  }

  void completeFollowsTheTable() {
    const Clip clip = kick();
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    writeTable({rule("complete", "left_leg", 15, true), rule("complete", "left_leg", 60, false),
                rule("complete", "right_arm", 15, false)});
    auto missing = [&](BodyPart part, int start, int end) {
      FillMask mask(clip.frameCount(), clip.jointCount());
      mask.mark(FrameRange{start, end}, parts.jointsOf(part));
      return mask;
    };
    JobOutcome o = completeJob(clip, missing(BodyPart::LeftLeg, 10, 25), parts, Method::Auto, mSettings);
    QVERIFY2(o.ok(), o.error.c_str());
    QVERIFY2(contains(o.methodLine, "the model measured ahead here but is unavailable"), o.methodLine.c_str());
    QVERIFY(!o.patch.empty());  // the classical fill ran instead
    o = completeJob(clip, missing(BodyPart::RightArm, 10, 25), parts, Method::Auto, mSettings);
    QVERIFY2(contains(o.methodLine, "the classical fill measured ahead"), o.methodLine.c_str());
    // 28 frames of the left leg: nearer the 15-frame cell (model) than the 60 one.
    o = completeJob(clip, missing(BodyPart::LeftLeg, 5, 33), parts, Method::Auto, mSettings);
    QVERIFY2(contains(o.methodLine, "unavailable"), o.methodLine.c_str());
    // The split itself: only the left leg's run goes to the model.
    FillMask both = missing(BodyPart::LeftLeg, 10, 25);
    for (int j : parts.jointsOf(BodyPart::RightArm)) both.mark(FrameRange{10, 25}, {j});
    FillMask classic, model;
    const std::optional<AutoTable> t = autoTableFor(mSettings.weights);
    const int n = splitByAutoTable(both, parts, *t, clip.fps(), &classic, &model);
    QCOMPARE(n, 15 * int(parts.jointsOf(BodyPart::LeftLeg).size()));
    QCOMPARE(model.count(), n);
    QCOMPARE(classic.count(), 15 * int(parts.jointsOf(BodyPart::RightArm).size()));
  }

  void cleanFollowsTheTable() {
    Clip clip = kick();
    for (int f = 20; f < 22; ++f)
      clip.rotation(f, 8) = Eigen::Quaterniond(Eigen::AngleAxisd(1.0, Eigen::Vector3d::UnitZ())) * clip.rotation(f, 8);
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    QualityAnalyzer analyzer;
    const QualityReport report = analyzer.analyze(clip, parts, {});
    QVERIFY(!report.artifacts().empty());
    const JobOutcome classic = cleanJob(clip, report, parts, Method::Classic, {});
    std::vector<AutoRule> toClassic, toModel;
    for (const ArtifactSpan& a : report.artifacts()) {
      toClassic.push_back(rule("clean", artifactTypeName(a.type), 0, false));
      toModel.push_back(rule("clean", artifactTypeName(a.type), 0, true));
    }
    writeTable(toClassic);
    JobOutcome o = cleanJob(clip, report, parts, Method::Auto, mSettings);
    QVERIFY2(o.ok(), o.error.c_str());
    QVERIFY2(contains(o.methodLine, "no artifact found that the model repairs better"), o.methodLine.c_str());
    writeTable(toModel);
    o = cleanJob(clip, report, parts, Method::Auto, mSettings);
    QVERIFY2(o.ok(), o.error.c_str());
    QVERIFY2(contains(o.methodLine, "go to the model, which is unavailable"), o.methodLine.c_str());
    // Without the model the spans still get their classical repair.
    QCOMPARE(o.results.size(), classic.results.size());
    QCOMPARE(o.patch.joints(), classic.patch.joints());
  }
};

QTEST_GUILESS_MAIN(TestAutoTable)
#include "tst_autotable.moc"
