// motionmender-cli generate: --vocabulary, --explain (the reading as the
// first line), errors for prompts with nothing understood, and
// generation itself (a new take, a range of a take, K samples) with a tiny
// text-conditioned model trained here.
#include "common/clirun.h"
#include "common/devdata.h"
#include "common/labelledtakes.h"
#include "io/motionfile.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
mm::test::CliRun cli(const QStringList& args) { return mm::test::runCli(args); }
QString firstLine(const QString& s) { return s.section('\n', 0, 0); }
}  // namespace

class TestGenerate : public QObject {
  Q_OBJECT
  QTemporaryDir mDir;
  QString mTextModel;  // a tiny text-conditioned model trained on two labelled fixtures

 private Q_SLOTS:
  void initTestCase() {
    const QString data = mm::test::writeLabelledTakes(mDir.path() + "/data");
    QVERIFY(!data.isEmpty());
    mTextModel = mDir.filePath("text.mmmodel");
    const mm::test::CliRun r = cli({"train", "--data", data, "--config", "tiny", "--text", "--steps", "20",
                                    "--variants", "0", "--out", mTextModel});
    if (r.code == 1 && r.err.contains("no LibTorch")) {  // generation tests skip in such builds
      mTextModel.clear();
      return;
    }
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains("text conditioning on 25 actions x 16 styles; 2 of 2 clips labelled"));
  }

  void vocabulary() {
    const mm::test::CliRun r = cli({"generate", "--vocabulary"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("actions (25)"));
    QVERIFY(r.out.contains("styles (16)"));
    QVERIFY(r.out.contains(QRegularExpression("\\n  wave-right-hand +right arm +ds2:6 ")));
    QVERIFY(r.out.contains(QRegularExpression("\\n  walk +whole body +ds1:0, ds2:0")));
    QVERIFY(r.out.contains(QRegularExpression("\\n  old +ds1:9, ds2:1 elderly +elderly")));
    QVERIFY(r.out.contains(QRegularExpression("\\n  dance-long .*dance-short stands in\\n")));
    // Every row's dataset labels start in one column.
    const int column = r.out.indexOf(QLatin1String("ds1:0, ds2:0")) - r.out.lastIndexOf('\n', r.out.indexOf("ds1:0, ds2:0"));
    const int punch = r.out.indexOf(QLatin1String("ds1:12")) - r.out.lastIndexOf('\n', r.out.indexOf("ds1:12"));
    QCOMPARE(punch, column);
    QVERIFY(r.out.contains(QRegularExpression("\\nWordNet: (on|off) ")));
  }

  void vocabularyFromLabelFolders() {
    const mm::test::CliRun r = cli({"generate", "--vocabulary", "--labels",
                                    mm::test::testData("labels/ds1") + "," + mm::test::testData("labels/ds2")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("actions (26)"));  // + jump
    QVERIFY(r.out.contains(QRegularExpression("\\n  jump +whole body +ds2:2 ")));
    QVERIFY(r.err.contains("note: action 'jump' of ds2"));
    QCOMPARE(cli({"generate", "--vocabulary", "--labels", "/nonexistent"}).code, 1);
  }

  void explain() {
    const mm::test::CliRun r =
        cli({"generate", "an old man walks for 3 seconds, then waves with his right hand", "--explain"});
    QCOMPARE(r.code, 0);
    QCOMPARE(firstLine(r.out).section(';', 0, 0),
             QString("2 segments: walk (old, 3.0 s) \u2192 wave-right-hand (old, default 4.0 s)"));
    QVERIFY(r.out.contains("segment 2: wave-right-hand, style old (carried over)"));
    QVERIFY(r.out.contains("\nWordNet: "));
    QVERIFY(r.err.isEmpty());
  }

  void explainComposition() {
    const mm::test::CliRun r = cli({"generate", "walk while waving the right hand", "--explain", "--no-wordnet"});
    QCOMPARE(r.code, 0);
    QCOMPARE(firstLine(r.out), QString("1 segment: walk (normal, default 4.0 s; right arm: wave-right-hand); "
                                       "exact words only (no WordNet)"));
    QVERIFY(r.out.contains("right arm from wave-right-hand"));
  }

  // Some words unplaced: still exit 0, the words and suggestions named.
  void explainWithUnplacedWords() {
    const mm::test::CliRun r = cli({"generate", "walk, then dnace", "--explain", "--no-wordnet"});
    QCOMPARE(r.code, 0);
    QVERIFY(firstLine(r.out).startsWith("1 segment: walk (normal, default 4.0 s); could not place 'dnace' "
                                        "(closest: dance-short"));
    QVERIFY(r.out.contains("unplaced: 'dnace' (closest: dance-short"));
  }

  // Nothing placed: exit 1, one line naming the words and the closest names.
  void explainNothingUnderstood() {
    const mm::test::CliRun r = cli({"generate", "wlak", "--explain", "--no-wordnet"});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("motionmender-cli: nothing in the prompt names an action or a style: could not place "
                             "'wlak' (closest: walk"));
    QCOMPARE(r.err.count('\n'), 1);
  }

  // Weights without text conditioning: said plainly, exit 1, nothing written.
  void unconditionedWeightsRefused() {
    QTemporaryDir dir;
    const QString out = dir.filePath("out.bvh");
    const mm::test::CliRun r = cli({"generate", "walk then run", "-o", out, "--seconds", "4", "--weights",
                                    MM_SOURCE_DIR "/resources/models/motionmender-small.mmmodel"});
    QCOMPARE(r.code, 1);
    QVERIFY(firstLine(r.out).startsWith("2 segments: walk (normal, default 4.0 s) \u2192 run"));
    QVERIFY2(r.err.contains("not conditioned on actions and styles"), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
  }

  // A new take: the reading first, then a readable BVH of the frames asked for.
  void newTake() {
    if (mTextModel.isEmpty()) QSKIP("this build has no LibTorch");
    QTemporaryDir dir;
    const QString out = dir.filePath("walk.bvh");
    const mm::test::CliRun r = cli({"generate", "an old man walks", "-o", out, "--frames", "70", "--weights",
                                    mTextModel, "--steps", "3", "--seed", "4"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(firstLine(r.out).startsWith("1 segment: walk (old"));
    mm::LoadResult in = mm::loadMotion(out.toStdString());
    QVERIFY2(in.ok(), in.error.toString().c_str());
    QCOMPARE(in.clip->frameCount(), 70);
    QCOMPARE(in.clip->fps(), 30.0);
    QCOMPARE(in.clip->jointCount(), 22);  // the canonical (Bandai) rig
    QVERIFY(in.clip->validate().empty());
    // --seconds at the rig's rate, and K samples as OUT_1 .. OUT_K.
    const QString rigged = dir.filePath("kick.bvh");
    const mm::test::CliRun k = cli({"generate", "kick", "-o", rigged, "--seconds", "1.5", "--samples", "2", "--rig",
                                    mm::test::testData("bandai_kick_40.bvh"), "--weights", mTextModel, "--steps", "2"});
    QVERIFY2(k.code == 0, qPrintable(k.err));
    QVERIFY(!QFile::exists(rigged));
    for (const char* name : {"kick_1.bvh", "kick_2.bvh"}) {
      mm::LoadResult c = mm::loadMotion(dir.filePath(name).toStdString());
      QVERIFY2(c.ok(), name);
      QCOMPARE(c.clip->frameCount(), 45);
    }
  }

  // --into: the range is filled, the frames around it keep their values.
  void intoRange() {
    if (mTextModel.isEmpty()) QSKIP("this build has no LibTorch");
    QTemporaryDir dir;
    const QString in = QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
    const QString out = dir.filePath("filled.bvh");
    // These weights were trained on a walk and a kick only: another action is
    // refused by name, and nothing is written.
    const mm::test::CliRun wave = cli({"generate", "wave the right hand", "-o", out, "--into", in, "--frames",
                                       "30:60", "--parts", "right_arm", "--weights", mTextModel, "--steps", "2"});
    QCOMPARE(wave.code, 1);
    QVERIFY2(wave.err.contains("the model was not trained on the action 'wave-right-hand' (its training data held no "
                               "take of it)"),
             qPrintable(wave.err));
    QVERIFY(!QFile::exists(out));
    const mm::test::CliRun r = cli({"generate", "kick", "-o", out, "--into", in, "--frames", "30:60", "--parts",
                                    "right_arm", "--weights", mTextModel, "--steps", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    mm::LoadResult a = mm::loadMotion(in.toStdString()), b = mm::loadMotion(out.toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b.clip->frameCount(), a.clip->frameCount());
    // Errors name the file and the place.
    const mm::test::CliRun bad = cli({"generate", "walk", "-o", out, "--into", in, "--frames", "30:99999", "--weights",
                                      mTextModel});
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains(in + ": --frames 30:99999"));
    QCOMPARE(cli({"generate", "walk", "-o", out, "--into", in, "--frames", "30:60", "--parts", "tail"}).code, 2);
  }

  // WordNet compiled in but its dictionary missing: exact words, and the reading says so.
  void wordNetDictionaryMissing() {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("WNSEARCHDIR", "/nonexistent-wordnet");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MM_CLI_PATH), {"generate", "an old man walks, then bows", "--explain"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(firstLine(out).endsWith("; exact words only (no WordNet)"));
    QVERIFY(firstLine(out).startsWith("2 segments: walk (old, default 4.0 s) \u2192 bow (old, default 4.0 s)"));
    QVERIFY(out.contains("\nWordNet: off ("));
  }

  void usage() {
    QCOMPARE(cli({"generate"}).code, 2);
    QCOMPARE(cli({"generate", "walk"}).code, 2);  // neither -o nor --explain
    QCOMPARE(cli({"generate", "walk", "--explain", "--bogus"}).code, 2);
    QCOMPARE(cli({"generate", "walk", "run", "--explain"}).code, 2);
    QVERIFY(cli({"--help"}).out.contains("generate --vocabulary"));
  }
};

QTEST_GUILESS_MAIN(TestGenerate)
#include "tst_generate.moc"
