// End-to-end tests of motionmender-cli: runs the real executable.
#include "common/devdata.h"
#include "io/bvh.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using mm::test::testData;

namespace {
struct Run {
  int code = -1;
  QString out;
  QString err;
};

Run cli(const QStringList& args) {
  QProcess p;
  p.start(QStringLiteral(MM_CLI_PATH), args);
  Run r;
  if (!p.waitForFinished(120000)) return r;
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}
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
