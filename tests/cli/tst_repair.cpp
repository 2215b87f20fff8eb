// End-to-end tests of the repair commands of motionmender-cli (clean,
// complete, inbetween): what they change in the written file, what they keep
// bit for bit (as channel text), and their errors and exit codes.
#include "common/bvhtokens.h"
#include "common/clirun.h"
#include "common/textfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mm::test::compareTokens;
using mm::test::readText;
using mm::test::testData;
using mm::test::writeFixture;
using mm::test::writeText;

namespace {
using Run = mm::test::CliRun;

Run cli(const QStringList& args) { return mm::test::runCli(args); }

}  // namespace

class TestRepairCli : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // clean: the popped frame is repaired, every other frame is written
  // exactly as it was read; --report says what changed where. These tests
  // pin --method classic; tst_repairmodel covers the model.
  void cleanRemovesPop() {
    QTemporaryDir dir;
    int hips = -1;
    const QString in = writeFixture(dir, "popped.bvh", [&](mm::Clip& c) {
      hips = c.skeleton().findJoint("Hips");
      c.translation(20, hips) += Eigen::Vector3d(0, 0, 25);  // 25 cm
    });
    QVERIFY(!in.isEmpty());
    const QString out = dir.filePath("clean.bvh"), report = dir.filePath("report.json");
    const Run r = cli({"clean", in, "-o", out, "--report", report, "--method", "classic"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("repaired"), qPrintable(r.out));
    // What changed where: the report's edited ranges.
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll(), &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(o["frames"].toInt(), 40);
    QCOMPARE(o["method"].toString(), QString("classic"));
    std::vector<bool> edited(40, false);
    bool pop = false;
    for (const QJsonValue v : o["repairs"].toArray()) {
      const QJsonObject s = v.toObject();
      for (const char* key : {"type", "start", "end", "parts", "method", "edited_start", "edited_end", "joints_changed",
                              "max_change_m", "detail"})
        QVERIFY2(s.contains(key), key);
      if (s["joints_changed"].toInt() > 0)
        for (int k = s["edited_start"].toInt(); k < s["edited_end"].toInt(); ++k) edited[k] = true;
      if (s["type"].toString() == "pop" && s["start"].toInt() == 20) {
        pop = true;
        QCOMPARE(s["method"].toString(), QString("inbetween"));
        QCOMPARE(s["end"].toInt(), 21);
        QVERIFY(std::abs(s["max_change_m"].toDouble() - 0.25) < 0.02);
      }
    }
    QVERIFY(pop);
    QVERIFY(o["summary"].toObject()["repaired"].toInt() >= 1);
    int changed = 0;
    compareTokens(readText(in), readText(out), [&](int frame, int) { return edited[frame]; },
                  [&](int frame, int joint) { return frame == 20 && joint == hips; }, &changed);
    QVERIFY(changed > 0);
    // The pop is gone: no pop at frame 20 in a new analysis, and the hips
    // are back near the clean take.
    const QString json = dir.filePath("after.json");
    QCOMPARE(cli({"analyze", out, "--json", json}).code, 0);
    QFile a(json);
    QVERIFY(a.open(QIODevice::ReadOnly));
    for (const QJsonValue v : QJsonDocument::fromJson(a.readAll()).object()["artifacts"].toArray()) {
      const QJsonObject s = v.toObject();
      QVERIFY(!(s["type"].toString() == "pop" && s["start"].toInt() <= 20 && s["end"].toInt() > 20));
    }
    const mm::LoadResult cleanIn = mm::readBvh(testData("bandai_kick_40.bvh").toStdString());
    const mm::LoadResult result = mm::readBvh(out.toStdString());
    QVERIFY(cleanIn.ok() && result.ok());
    QCOMPARE(result.clip->frameCount(), 40);
    QCOMPARE(result.clip->fps(), 30.0);
    QCOMPARE(result.clip->skeleton().names(), cleanIn.clip->skeleton().names());
    QVERIFY((result.clip->translation(20, hips) - cleanIn.clip->translation(20, hips)).norm() < 2.0);
  }

  // A clean take comes out identical, channel for channel, except where
  // the analysis itself flagged something (the fixture has no artifact).
  void cleanKeepsCleanTake() {
    QTemporaryDir dir;
    const QString in = writeFixture(dir, "clean.bvh"), out = dir.filePath("out.bvh");
    const Run r = cli({"clean", in, "-o", out, "--method", "auto"});
    QCOMPARE(r.code, 0);
    if (r.out.contains(", 0 repaired")) QCOMPARE(readText(out), readText(in));
  }

  // complete: exactly the masked joints over the masked frames change.
  void completeFillsMask() {
    QTemporaryDir dir;
    const QString in = writeFixture(dir, "in.bvh");
    const mm::LoadResult clip = mm::readBvh(in.toStdString());
    QVERIFY(clip.ok());
    const mm::Skeleton& s = clip.clip->skeleton();
    std::vector<int> arm;
    for (const char* n : {"Shoulder_L", "UpperArm_L", "LowerArm_L", "Hand_L"}) arm.push_back(s.findJoint(n));
    const int head = s.findJoint("Head");
    const QString mask = writeText(dir, "mask.json",
                                   R"({"spans":[{"start":12,"end":30,"parts":["left_arm"]},)"
                                   R"({"start":5,"end":9,"joints":["Head"]}]})");
    const QString out = dir.filePath("out.bvh");
    const Run r = cli({"complete", in, "-o", out, "--mask", mask, "--method", "classic"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("filled"), qPrintable(r.out));
    auto masked = [&](int f, int j) {
      return (f >= 12 && f < 30 && std::find(arm.begin(), arm.end(), j) != arm.end()) || (f >= 5 && f < 9 && j == head);
    };
    int changed = 0;
    compareTokens(readText(in), readText(out), masked, masked, &changed);
    QVERIFY(changed > 0);
  }

  // inbetween --frames A:B: only frames A..B-1 change.
  void inbetweenChangesOnlyRange() {
    QTemporaryDir dir;
    const QString in = writeFixture(dir, "in.bvh"), out = dir.filePath("out.bvh");
    const Run r = cli({"inbetween", in, "-o", out, "--frames", "10:25", "--method", "classic"});
    QCOMPARE(r.code, 0);
    int changed = 0;
    compareTokens(readText(in), readText(out), [](int f, int) { return f >= 10 && f < 25; },
                  [](int f, int) { return f >= 10 && f < 25; }, &changed);
    QVERIFY(changed > 0);
  }

  // Errors: one line naming the file and the problem, exit 1; usage errors
  // exit 2; nothing is written either way.
  void errors_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("maskText");  // written to mask.json when not empty
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");  // contained in stderr; "MASK" stands for the mask's path
    QTest::newRow("mask not json") << "complete" << "{\"spans\": [\n  {\"start\": 1,\n oops}]}" << QStringList() << 1
                                   << "MASK:3: not valid JSON";
    QTest::newRow("mask no spans") << "complete" << "{\"span\": []}" << QStringList() << 1 << "MASK: a mask must be";
    QTest::newRow("mask bad part") << "complete" << R"({"spans":[{"start":1,"end":5,"parts":["left_arn"]}]})"
                                   << QStringList() << 1 << "unknown body part \"left_arn\"";
    QTest::newRow("mask bad joint") << "complete" << R"({"spans":[{"start":1,"end":5,"joints":["Heda"]}]})"
                                    << QStringList() << 1 << "no joint named \"Heda\"";
    QTest::newRow("mask bad frames") << "complete" << R"({"spans":[{"start":30,"end":50,"parts":["torso"]}]})"
                                     << QStringList() << 1 << "outside the clip's 40 frames";
    QTest::newRow("mask typo key") << "complete" << R"({"spans":[{"start":1,"end":5,"part":["torso"]}]})"
                                   << QStringList() << 1 << "unknown key 'part'";
    QTest::newRow("mask empty span") << "complete" << R"({"spans":[{"start":1,"end":5}]})" << QStringList() << 1
                                     << "lists no \"parts\" or \"joints\"";
    QTest::newRow("mask missing file") << "complete" << "" << QStringList({"--mask", "/nonexistent/mask.json"}) << 1
                                       << "/nonexistent/mask.json: cannot open";
    QTest::newRow("mask every frame") << "complete"
                                      << R"({"spans":[{"start":0,"end":40,"joints":["Head"]}]})"
                                      << QStringList({"--method", "classic"}) << 1 << "every frame";
    QTest::newRow("no mask") << "complete" << "" << QStringList() << 2 << "usage: complete";
    QTest::newRow("frames syntax") << "inbetween" << "" << QStringList({"--frames", "ten:20"}) << 2 << "expected A:B";
    QTest::newRow("frames one number") << "inbetween" << "" << QStringList({"--frames", "10"}) << 2 << "expected A:B";
    QTest::newRow("frames outside") << "inbetween" << "" << QStringList({"--frames", "30:500"}) << 1
                                    << "IN: --frames 30:500 is not a range of frames inside the clip's 40 frames";
    QTest::newRow("frames reversed") << "inbetween" << "" << QStringList({"--frames", "20:10"}) << 1 << "IN: --frames";
    QTest::newRow("frames whole clip") << "inbetween" << "" << QStringList({"--frames", "0:40"}) << 1 << "whole clip";
    QTest::newRow("no frames") << "inbetween"
                               << "" << QStringList() << 2 << "usage: inbetween";
    QTest::newRow("clean bad method") << "clean" << "" << QStringList({"--method", "magic"}) << 2 << "unknown method";
    QTest::newRow("clean bad device") << "clean" << "" << QStringList({"--device", "tpu"}) << 2 << "unknown device";
    QTest::newRow("clean bad steps") << "clean"
                                     << "" << QStringList({"--steps", "0"}) << 2 << "--steps '0'";
    QTest::newRow("inbetween bad seed") << "inbetween"
                                        << "" << QStringList({"--frames", "5:9", "--seed", "x"}) << 2 << "--seed 'x'";
    QTest::newRow("clean no output") << "clean" << "" << QStringList({"NO_OUT"}) << 2 << "usage: clean";
    QTest::newRow("clean bad format") << "clean" << "" << QStringList({"BAD_FORMAT"}) << 2 << "cannot write";
    QTest::newRow("clean unknown option") << "clean" << "" << QStringList({"--frobnicate"}) << 2 << "unknown option";
  }
  void errors() {
    QFETCH(QString, command);
    QFETCH(QString, maskText);
    QFETCH(QStringList, extra);
    QFETCH(int, code);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString in = writeFixture(dir, "in.bvh");
    QString out = dir.filePath("out.bvh");
    QStringList args = {command, in};
    if (extra.removeAll("NO_OUT") == 0) {
      if (extra.removeAll("BAD_FORMAT") > 0) out = dir.filePath("out.xyz");
      args << "-o" << out;
    }
    QString mask;
    if (!maskText.isEmpty()) {
      mask = writeText(dir, "mask.json", maskText.toUtf8());
      args << "--mask" << mask;
    }
    args << extra;
    const Run r = cli(args);
    QCOMPARE(r.code, code);
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    message.replace("MASK", mask).replace("IN", in);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
  }
};

QTEST_GUILESS_MAIN(TestRepairCli)
#include "tst_repair.moc"
