// motionmender-cli generate: --vocabulary, --explain (the reading as the
// first line), errors for prompts with nothing understood, and the honest
// "not available yet" of generation itself.
#include "common/clirun.h"
#include "common/devdata.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
mm::test::CliRun cli(const QStringList& args) { return mm::test::runCli(args); }
QString firstLine(const QString& s) { return s.section('\n', 0, 0); }
}  // namespace

class TestGenerate : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void vocabulary() {
    const mm::test::CliRun r = cli({"generate", "--vocabulary"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("actions (25)"));
    QVERIFY(r.out.contains("styles (16)"));
    QVERIFY(r.out.contains(QRegularExpression("\\n  wave-right-hand +right arm +ds2:6 ")));
    QVERIFY(r.out.contains(QRegularExpression("\\n  walk +whole body +ds1:0, ds2:0")));
    QVERIFY(r.out.contains(QRegularExpression("\\n  old +ds1:9, ds2:1 elderly +elderly")));
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

  // Generation itself needs a conditioned model: said plainly, exit 2, nothing written.
  void generationNotAvailable() {
    QTemporaryDir dir;
    const QString out = dir.filePath("out.bvh");
    const mm::test::CliRun r = cli({"generate", "walk then run", "-o", out, "--seconds", "4"});
    QCOMPARE(r.code, 2);
    QVERIFY(firstLine(r.out).startsWith("2 segments: walk (normal, default 4.0 s) \u2192 run"));
    QVERIFY(r.err.contains("needs a motion model conditioned on actions and styles"));
    QVERIFY(!QFile::exists(out));
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
