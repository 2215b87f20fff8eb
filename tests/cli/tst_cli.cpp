// End-to-end tests of motionmender-cli: runs the real executable.
#include "common/clirun.h"
#include "common/devdata.h"
#include "io/bvh.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mm::test::testData;

namespace {
using Run = mm::test::CliRun;

Run cli(const QStringList& args) { return mm::test::runCli(args); }
}  // namespace

class TestCli : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void info() {
    const Run r = cli({"info", testData("bandai_kick_40.bvh")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("joints:    22"));
    QVERIFY(r.out.contains("frames:    40"));
    QVERIFY(r.out.contains("fps:       30"));
    QVERIFY(r.out.contains("units:     cm"));
    QVERIFY(r.out.contains("left_arm   Shoulder_L UpperArm_L LowerArm_L Hand_L"));
    QVERIFY(r.out.contains("right_leg  UpperLeg_R LowerLeg_R Foot_R Toes_R"));
    QVERIFY(r.out.contains("unmapped joints:   joint_Root"));
  }

  void infoJson() {
    const Run r = cli({"info", testData("bandai_wave_tabs.bvh"), "--json"});
    QCOMPARE(r.code, 0);
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(o["joints"].toArray().size(), 22);
    QCOMPARE(o["fps"].toDouble(), 30.0);
    QCOMPARE(o["units"].toString(), QString("cm"));
    QVERIFY(o["frames"].toInt() > 0);
    QCOMPARE(o["duration"].toDouble(), o["frames"].toInt() / 30.0);
    QCOMPARE(o["body_parts"].toObject()["torso"].toArray().size(), 6);
    QCOMPARE(o["canonical"].toObject()["left_forearm"].toString(), QString("LowerArm_L"));
    QVERIFY(o["canonical_usable"].toBool());
  }

  void convertBvhToBvh() {
    QTemporaryDir dir;
    const QString out = dir.filePath("out.bvh");
    const Run r = cli({"convert", testData("bvh/orders.bvh"), out});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const mm::LoadResult a = mm::readBvh(testData("bvh/orders.bvh").toStdString());
    const mm::LoadResult b = mm::readBvh(out.toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b.clip->frameCount(), a.clip->frameCount());
    for (int f = 0; f < a.clip->frameCount(); ++f)
      for (int j = 0; j < a.clip->jointCount(); ++j)
        QVERIFY(a.clip->rotation(f, j).angularDistance(b.clip->rotation(f, j)) < 1e-6);
  }

  // analyze --json follows the schema of ARCHITECTURE.md; --csv has a row per frame.
  void analyzeJsonSchema() {
    QTemporaryDir dir;
    const QString json = dir.filePath("r.json"), csv = dir.filePath("r.csv");
    const Run r = cli({"analyze", testData("bandai_kick_40.bvh"), "--json", json, "--csv", csv});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("40 frames at 30 fps"));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll(), &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(o.keys().size(), 7);
    QCOMPARE(o["file"].toString(), testData("bandai_kick_40.bvh"));
    QCOMPARE(o["frames"].toInt(), 40);
    QCOMPARE(o["fps"].toDouble(), 30.0);
    QCOMPARE(o["parts"].toArray(),
             QJsonArray({"torso", "left_arm", "right_arm", "left_leg", "right_leg"}));
    const QJsonArray fq = o["frame_quality"].toArray(), pq = o["part_quality"].toArray();
    QCOMPARE(fq.size(), 40);
    QCOMPARE(pq.size(), 40);
    for (int i = 0; i < 40; ++i) {
      QVERIFY(fq[i].toDouble() >= 0 && fq[i].toDouble() <= 1);
      QCOMPARE(pq[i].toArray().size(), 5);
      double worst = 1;
      for (const QJsonValue v : pq[i].toArray()) worst = std::min(worst, v.toDouble());
      QCOMPARE(fq[i].toDouble(), worst);  // frame quality is the worst part's
    }
    QVERIFY(o["artifacts"].isArray());
    for (const QJsonValue a : o["artifacts"].toArray()) {
      const QJsonObject span = a.toObject();
      QVERIFY(span.contains("type") && span.contains("start") && span.contains("end") && span.contains("parts") &&
              span.contains("severity"));
      QVERIFY(span["start"].toInt() < span["end"].toInt());
    }
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = c.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 41);
    QVERIFY(lines[0].startsWith("frame,quality,torso,left_arm,right_arm,left_leg,right_leg,pop,"));
  }

  // A corrupted take: the popped frames show up in the report.
  void analyzeFindsPop() {
    QTemporaryDir dir;
    mm::LoadResult in = mm::readBvh(testData("bandai_kick_40.bvh").toStdString());
    QVERIFY(in.ok());
    in.clip->translation(20, in.clip->skeleton().findJoint("Hips")) += Eigen::Vector3d(0, 0, 25);  // 25 cm
    const QString path = dir.filePath("popped.bvh"), json = dir.filePath("r.json");
    QVERIFY(mm::writeBvh(*in.clip, path.toStdString()).ok);
    const Run r = cli({"analyze", path, "--json", json});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("pop"), qPrintable(r.out));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    bool found = false;
    for (const QJsonValue a : o["artifacts"].toArray()) {
      const QJsonObject s = a.toObject();
      found = found || (s["type"].toString() == "pop" && s["start"].toInt() == 20 && s["end"].toInt() == 21 &&
                        s["parts"].toArray().size() == 5);
    }
    QVERIFY(found);
    QVERIFY(o["frame_quality"].toArray()[20].toDouble() < 0.5);
  }

  void analyzeBadPreset() {
    QTemporaryDir dir;
    const QString preset = dir.filePath("p.json");
    QFile f(preset);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"pop_min_degrees\": \"lots\"}");
    f.close();
    const Run r = cli({"analyze", testData("bandai_kick_40.bvh"), "--preset", preset});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("pop_min_degrees"));
  }

  // Errors: one line naming the file, exit code 1; usage errors exit 2.
  void errors() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.bvh");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("HIERARCHY\nROOT a\n{\n OFFSET 0 0 zero\n");
    f.close();
    Run r = cli({"info", bad});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    QVERIFY2(r.err.contains(bad + ":4:"), qPrintable(r.err));

    const QString out = dir.filePath("out.bvh");
    r = cli({"convert", bad, out});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(out));

    r = cli({"convert", testData("bvh/orders.bvh"), dir.filePath("out.xyz")});
    QCOMPARE(r.code, 2);
    r = cli({"info"});
    QCOMPARE(r.code, 2);
    r = cli({"frobnicate"});
    QCOMPARE(r.code, 2);
    r = cli({"info", testData("bvh/orders.bvh"), "--bogus"});
    QCOMPARE(r.code, 2);
    r = cli({});
    QCOMPARE(r.code, 2);
    r = cli({"--help"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("convert"));
  }

  // An existing output survives a failed conversion (atomic writes).
  void failedConvertKeepsOldFile() {
    QTemporaryDir dir;
    const QString out = dir.filePath("keep.bvh");
    QVERIFY(QFile::copy(testData("bvh/orders.bvh"), out));
    const Run r = cli({"convert", dir.filePath("missing.bvh"), out});
    QCOMPARE(r.code, 1);
    QFile a(out), b(testData("bvh/orders.bvh"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
