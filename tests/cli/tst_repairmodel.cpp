// End-to-end tests of the motion model as a method of the repair commands
// (clean, complete, inbetween --method model|auto) and of analyze --model,
// with the shipped weights on the CPU and few sampling steps. Without
// LibTorch only the errors and the classical fallback of auto are checked.
#include "common/bvhtokens.h"
#include "common/clirun.h"
#include "common/textfile.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/corruptionlabels.h"
#include "motion/corrupt/injectors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using mm::test::compareTokens;
using mm::test::readText;
using mm::test::writeFixture;
using mm::test::writeText;

namespace {
using Run = mm::test::CliRun;

Run cli(const QStringList& args) { return mm::test::runCli(args); }

// A few sampling steps on the CPU keep each call near a second.
const QStringList kFast = {"--device", "cpu", "--steps", "3"};

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}
}  // namespace

class TestRepairModelCli : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  QString mIn;  // the kick fixture as written, with a 25 cm hips pop at frame 20
  bool mTorch = false;

  // Checks that OUT has IN's frames and skeleton.
  void checkShape(const QString& out) {
    const mm::LoadResult a = mm::readBvh(mIn.toStdString()), b = mm::readBvh(out.toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b.clip->frameCount(), a.clip->frameCount());
    QCOMPARE(b.clip->fps(), a.clip->fps());
    QCOMPARE(b.clip->skeleton().names(), a.clip->skeleton().names());
  }

 private Q_SLOTS:
  void initTestCase() {
    mIn = writeFixture(mDir, "popped.bvh", [](mm::Clip& c) {
      c.translation(20, c.skeleton().findJoint("Hips")) += Eigen::Vector3d(0, 0, 25);
    });
    QVERIFY(!mIn.isEmpty());
    mTorch = !cli({"model"}).err.contains("no LibTorch");
  }

  // clean --method model regenerates the analysis' spans (dilated by a
  // frame, as the report's edited ranges say); every other frame is written
  // exactly as it was read.
  void cleanModelKeepsOtherFrames() {
    if (!mTorch) QSKIP("built without LibTorch");
    const QString out = mDir.filePath("clean.bvh"), report = mDir.filePath("clean.json");
    const Run r = cli(QStringList{"clean", mIn, "-o", out, "--method", "model", "--report", report} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("method: model ("), qPrintable(r.out));
    QVERIFY2(r.out.contains("repaired (model)"), qPrintable(r.out));
    checkShape(out);
    const QJsonObject o = readJson(report);
    QCOMPARE(o["method"].toString(), QString("model"));
    std::vector<bool> edited(40, false);
    bool pop = false;
    for (const QJsonValue v : o["repairs"].toArray()) {
      const QJsonObject s = v.toObject();
      QCOMPARE(s["method"].toString(), QString("model"));
      QCOMPARE(s["edited_start"].toInt(), std::max(0, s["start"].toInt() - 1));
      for (int f = s["edited_start"].toInt(); f < s["edited_end"].toInt(); ++f) edited[f] = true;
      pop = pop || (s["type"].toString() == "pop" && s["start"].toInt() <= 20 && s["end"].toInt() > 20);
    }
    QVERIFY(pop);
    int changed = 0;
    compareTokens(
        readText(mIn), readText(out), [&](int f, int) { return edited[f]; }, [](int f, int) { return f == 20; },
        &changed);
    QVERIFY(changed > 0);
  }

  // complete --method model: only the masked part over the masked frames.
  void completeModelChangesOnlyMaskedPart() {
    if (!mTorch) QSKIP("built without LibTorch");
    const mm::LoadResult in = mm::readBvh(mIn.toStdString());
    QVERIFY(in.ok());
    const mm::BodyPartMap parts = mm::BodyPartMap::detect(in.clip->skeleton());
    const QString mask = writeText(mDir, "mask.json", R"({"spans":[{"start":12,"end":30,"parts":["left_arm"]}]})");
    const QString out = mDir.filePath("complete.bvh");
    const Run r = cli(QStringList{"complete", mIn, "-o", out, "--mask", mask, "--method", "model"} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("method: model") && r.out.contains("regenerated 18 (frame, body part) tokens (model)"),
             qPrintable(r.out));
    checkShape(out);
    auto masked = [&](int f, int j) { return f >= 12 && f < 30 && parts.part(j) == mm::BodyPart::LeftArm; };
    int changed = 0;
    compareTokens(readText(mIn), readText(out), masked, masked, &changed);
    QVERIFY(changed > 0);
  }

  // inbetween --method model: only frames A..B-1.
  void inbetweenModelChangesOnlyRange() {
    if (!mTorch) QSKIP("built without LibTorch");
    const QString out = mDir.filePath("inbetween.bvh");
    const Run r = cli(QStringList{"inbetween", mIn, "-o", out, "--frames", "10:25", "--method", "model"} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("regenerated frames 10-24 (model)"), qPrintable(r.out));
    checkShape(out);
    auto inRange = [](int f, int) { return f >= 10 && f < 25; };
    int changed = 0;
    compareTokens(readText(mIn), readText(out), inRange, inRange, &changed);
    QVERIFY(changed > 0);
  }

  // auto (the default): the classical repair, and the model only for the
  // spans it measures better on (floating); the first line says which ran,
  // and the report records it.
  void autoUsesModelOnlyWhereItHelps() {
    const QString out = mDir.filePath("auto.bvh"), report = mDir.filePath("auto.json");
    // A pop alone: classical.
    Run r = cli(QStringList{"clean", mIn, "-o", out, "--report", report} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("method: classic (auto: "), qPrintable(r.out));
    QCOMPARE(readJson(report)["method"].toString(), QString("classic"));
    // The walk floating over frames 97-147 (the lab, seed 1): the model
    // regenerates that span.
    mm::LoadResult walk = mm::readBvh(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
    QVERIFY(walk.ok());
    mm::CorruptionLabels labels(walk.clip->frameCount());
    std::mt19937_64 rng(1);
    QVERIFY(mm::injectFloating(*walk.clip, labels, rng, mm::CorruptionParams{}));
    const QString floating = mDir.filePath("floating.bvh");
    QVERIFY(mm::writeBvh(*walk.clip, floating.toStdString()).ok);
    r = cli(QStringList{"clean", floating, "-o", out, "--report", report} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject json = readJson(report);
    if (mTorch) {
      QVERIFY2(r.out.startsWith("method: auto (classic repair; the model"), qPrintable(r.out));
      QCOMPARE(json["method"].toString(), QString("auto"));
      bool modelSpan = false;
      for (const QJsonValue v : json["repairs"].toArray())
        modelSpan = modelSpan || (v["type"].toString() == "floating" && v["method"].toString() == "model");
      QVERIFY2(modelSpan, qPrintable(r.out));
    } else {
      QVERIFY2(r.out.startsWith("method: classic (auto: "), qPrintable(r.out));
    }
    const QString missing = mDir.filePath("missing.mmmodel");
    r = cli(QStringList{"clean", floating, "-o", out, "--report", report, "--method", "auto", "--weights", missing} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("method: classic (auto: "), qPrintable(r.out));
    if (mTorch) QVERIFY2(r.out.section('\n', 0, 0).contains(missing), qPrintable(r.out));
    QCOMPARE(readJson(report)["method"].toString(), QString("classic"));
    r = cli({"inbetween", mIn, "-o", out, "--frames", "10:25", "--method", "classic"});
    QVERIFY2(r.code == 0 && r.out.startsWith("method: classic\n"), qPrintable(r.out));
    // In-betweening: the classical method measures ahead.
    r = cli({"inbetween", mIn, "-o", out, "--frames", "10:25"});
    QVERIFY2(r.code == 0 && r.out.startsWith("method: classic (auto: "), qPrintable(r.out));
    // Completion: a leg missing for a second or more goes to the model, a
    // short torso gap (15 frames) to the classical fill.
    const QString walkPath = mDir.filePath("walk.bvh");
    mm::LoadResult clean = mm::readBvh(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
    QVERIFY(clean.ok() && mm::writeBvh(*clean.clip, walkPath.toStdString()).ok);
    const QString longLeg = writeText(mDir, "longleg.json",
                                      R"({"spans":[{"start":60,"end":100,"parts":["left_leg"]},)"
                                      R"({"start":60,"end":75,"parts":["torso"]}]})");
    const QString shortLeg = writeText(mDir, "shortleg.json", R"({"spans":[{"start":60,"end":70,"parts":["left_leg"]}]})");
    r = cli(QStringList{"complete", walkPath, "-o", out, "--mask", longLeg} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    if (mTorch) {
      QVERIFY2(r.out.startsWith("method: auto (classical fill; the model"), qPrintable(r.out));
      QVERIFY2(r.out.contains("(model)"), qPrintable(r.out));
      // The torso was filled classically: the same values as --method classic gives it.
      const QString classicOut = mDir.filePath("classic.bvh");
      QVERIFY(cli({"complete", walkPath, "-o", classicOut, "--mask", longLeg, "--method", "classic"}).code == 0);
      const mm::LoadResult a = mm::readBvh(out.toStdString()), b = mm::readBvh(classicOut.toStdString());
      QVERIFY(a.ok() && b.ok());
      const int chest = a.clip->skeleton().findJoint("Chest");
      QVERIFY(chest >= 0);
      for (int f = 60; f < 75; ++f) QVERIFY(a.clip->rotation(f, chest).isApprox(b.clip->rotation(f, chest), 1e-6));
    } else {
      QVERIFY2(r.out.startsWith("method: classic (auto: "), qPrintable(r.out));
    }
    // The shipped auto table (motionmender-small.auto.json) measured the
    // model ahead for a left leg missing 15 frames too, the classical fill
    // for a short torso gap.
    r = cli(QStringList{"complete", walkPath, "-o", out, "--mask", shortLeg} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(mTorch ? "method: auto (classical fill; the model" : "method: classic (auto: "),
             qPrintable(r.out));
    const QString shortTorso = writeText(mDir, "shorttorso.json", R"({"spans":[{"start":60,"end":70,"parts":["torso"]}]})");
    r = cli(QStringList{"complete", walkPath, "-o", out, "--mask", shortTorso} + kFast);
    QVERIFY2(r.code == 0 && r.out.startsWith("method: classic (auto: "), qPrintable(r.out));
  }

  // --method model without usable weights (or without LibTorch): one line
  // naming the file, exit 1, nothing written.
  void modelWithoutWeightsFails_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("clean") << QStringList{"clean"};
    QTest::newRow("complete") << QStringList{"complete", "--mask", "MASK"};
    QTest::newRow("inbetween") << QStringList{"inbetween", "--frames", "5:9"};
    QTest::newRow("analyze") << QStringList{"analyze", "--model"};
  }
  void modelWithoutWeightsFails() {
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString out = dir.filePath("out.bvh"), missing = dir.filePath("missing.mmmodel");
    args.replaceInStrings("MASK", writeText(dir, "m.json", R"({"spans":[{"start":1,"end":5,"parts":["torso"]}]})"));
    args << mIn << "--weights" << missing;
    if (args[0] == "analyze")
      args << "--json" << out;
    else
      args << "-o" << out << "--method"
           << "model";
    const Run r = cli(args);
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    QVERIFY2(r.err.contains(mTorch ? missing : "no LibTorch"), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
  }

  // analyze --model: the model's bad probabilities beside the heuristic
  // scores, frames x parts in 0..1, and a summary line.
  void analyzeAddsModelIndicators() {
    if (!mTorch) QSKIP("built without LibTorch");
    const QString json = mDir.filePath("analysis.json");
    Run r = cli(QStringList{"analyze", mIn, "--json", json, "--model"} + kFast);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QRegularExpression("model: \\d+ frames flagged")), qPrintable(r.out));
    QJsonObject o = readJson(json);
    QCOMPARE(o["part_quality"].toArray().size(), 40);
    const QJsonObject m = o["model"].toObject();
    QVERIFY(m["weights"].toString().endsWith("motionmender-small.mmmodel"));
    QCOMPARE(m["steps"].toInt(), 3);
    QVERIFY(m["trained_steps"].toInt() > 0);
    const QJsonArray rows = m["bad_probability"].toArray();
    QCOMPARE(rows.size(), 40);
    for (const QJsonValue row : rows) {
      QCOMPARE(row.toArray().size(), 5);
      for (const QJsonValue v : row.toArray()) QVERIFY(v.isDouble() && v.toDouble() >= 0.0 && v.toDouble() <= 1.0);
    }
    r = cli({"analyze", mIn, "--json", json});
    QCOMPARE(r.code, 0);
    QVERIFY(!readJson(json).contains("model"));
    QVERIFY(!r.out.contains("model:"));
  }
};

QTEST_GUILESS_MAIN(TestRepairModelCli)
#include "tst_repairmodel.moc"
