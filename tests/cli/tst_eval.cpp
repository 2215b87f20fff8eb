// Smoke tests of the `eval` commands of motionmender-cli (app/eval): each
// runs the real executable on a tiny data folder and checks the exit code and
// that its table has the expected header and rows, not the numbers.
//
// The folder holds ten files, sorted by name: copies of the two short
// fixtures (40 and 19 frames) and, last, the bundled 195-frame walk. The walk
// is file 9, the one a model would never have trained on (index % 10 == 9),
// and the only clip long enough for the in-betweening windows (50 frames)
// and the model's 30-frame gap. `--every 3` keeps files 0, 3, 6 and 9.
// `eval generate` skips that folder (no labels) and runs on a labelled one of
// its own (30 takes in the Bandai layout) with the shipped text weights.
#include "common/clirun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace {
using mm::test::CliRun;
using mm::test::runCli;

const QString kKick = QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh");
const QString kWave = QStringLiteral(MM_TEST_DATA_DIR "/bandai_wave_tabs.bvh");
const QString kWalk = QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
const QString kWeights = QStringLiteral(MM_SOURCE_DIR "/resources/models/motionmender-small.mmmodel");

QString failure(const CliRun& r) {
  return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.code).arg(r.out, r.err);
}
}  // namespace

class TestEval : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  QString mData;

  CliRun eval(const QStringList& args) {
    QElapsedTimer t;
    t.start();
    const CliRun r = runCli(QStringList{QStringLiteral("eval")} + args, 60000);
    qInfo("eval %s: %.1f s", qPrintable(args.first()), t.elapsed() / 1000.0);
    return r;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(mDir.isValid());
    mData = mDir.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(mData));
    for (int i = 0; i < 10; ++i) {
      const QString source = i == 9 ? kWalk : i % 2 ? kWave : kKick;
      const QString name = QStringLiteral("%1/clip%2.bvh").arg(mData).arg(i, 2, 10, QLatin1Char('0'));
      QVERIFY2(QFile::copy(source, name), qPrintable(source));
    }
  }

  void detect() {
    const CliRun r = eval({"detect", "--data", mData, "--every", "3", "--seed", "2"});
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QStringLiteral("eval detect: 4 clips from ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("type +kind +injected +precision +recall +F1 \\|"))));
    for (const char* type : {"pop", "jitter", "frozen"})
      QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n%1 +\\w+ +\\d+ ").arg(QLatin1String(type)))),
               qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("untouched frames of corrupted clips: ")));
    QVERIFY(r.out.contains(QStringLiteral("clean clips: 4, ")));
  }

  void clean() {
    const CliRun r = eval({"clean", "--data", mData, "--every", "3", "--method", "classic"});
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QStringLiteral("eval clean: 4 clips from ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("method classic")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\ninjected +artifacts +frames +flagged"))));
    QVERIFY(r.out.contains(QStringLiteral("pops and frozen frames still flagged after cleaning: ")));
    QVERIFY(r.out.contains(QStringLiteral("untouched frames: ")));
    QVERIFY(r.out.contains(QStringLiteral("spans found ")));
  }

  void complete() {
    const CliRun r = eval({"complete", "--data", mData, "--every", "3", "--method", "classic"});
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QStringLiteral("eval complete: 4 clips from ")), qPrintable(r.out));
    for (const char* method : {"linear", "cubic", "pattern"})
      QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n%1 ").arg(QLatin1String(method)),
                                                 QRegularExpression::CaseInsensitiveOption)),
               qPrintable(r.out));
  }

  void inbetween() {
    const CliRun r = eval({"inbetween", "--data", mData, "--every", "3", "--method", "classic"});
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QStringLiteral("eval inbetween: 4 clips from ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("LAFAN1 protocol")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\n[1-9]\\d* windows\\n"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("method +L2P@5 +L2P@15"))));
    for (const char* method : {"slerp", "hermite"})
      QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n%1").arg(QLatin1String(method)),
                                                 QRegularExpression::CaseInsensitiveOption)),
               qPrintable(r.out));
  }

  // A data folder with no motion file is an error naming it.
  void noData() {
    QTemporaryDir empty;
    const CliRun r = eval({"detect", "--data", empty.path()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(empty.path()), qPrintable(r.err));
    QCOMPARE(eval({"bogus", "--data", mData}).code, 2);
  }

  // eval generate on a folder without labels: a clear skip, exit 0, no model needed.
  void generateSkipsWithoutLabels() {
    const CliRun r = eval({"generate", "--data", mData});
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.startsWith(QStringLiteral("eval generate: skipped: no labelled takes in ")), qPrintable(r.out));
    QCOMPARE(eval({"generate"}).code, 2);
    QCOMPARE(eval({"generate", "--data", mData, "--samples", "0"}).code, 2);
    QCOMPARE(eval({"generate", "--data", mData, "--actions", "zorp"}).code, 2);
  }

  // eval generate on 30 labelled takes in the Bandai layout (held out: files
  // 9, 19 and 29: walk, kick, walk), one short take per prompt with the
  // shipped text weights: every table is printed.
  void generate() {
    const QString textWeights = QStringLiteral(MM_SOURCE_DIR "/resources/models/motionmender-small-text.mmmodel");
    if (!QFile::exists(textWeights)) QSKIP("no text weights in resources/models");
    QTemporaryDir dir;
    const QString ds1 = dir.filePath(QStringLiteral("ds1"));
    QVERIFY(QDir().mkpath(ds1));
    auto write = [](const QString& path, const QByteArray& text) {
      QFile f(path);
      return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    // ds1's content labels up to kick (13) and its first style.
    QVERIFY(write(ds1 + "/content_label.txt",
                  "dataset-1_walk\ndataset-1_run\ndataset-1_dash\ndataset-1_walk-back\ndataset-1_walk-left\n"
                  "dataset-1_walk-right\ndataset-1_bow\ndataset-1_bye\ndataset-1_guide\ndataset-1_byebye\n"
                  "dataset-1_respond\ndataset-1_call\ndataset-1_punch\ndataset-1_kick\n"));
    QVERIFY(write(ds1 + "/style_label.txt", "dataset-1_normal\n"));
    for (int i = 0; i < 30; ++i) {
      const bool walk = i == 19 ? false : i == 9 || i == 29 || i % 2 == 0;
      const QString name = QStringLiteral("%1/take%2").arg(ds1).arg(i, 2, 10, QLatin1Char('0'));
      QVERIFY(QFile::copy(walk ? kWalk : kKick, name + ".bvh"));
      QVERIFY(write(name + ".json", walk ? "{\"content\": 0, \"style\": 0}" : "{\"content\": 13, \"style\": 0}"));
    }
    const CliRun r = eval({"generate", "--data", dir.path(), "--actions", "walk,kick", "--samples", "2", "--seconds",
                           "1", "--weights", textWeights, "--device", "cpu"});
    if (r.code == 1 && (r.err.contains(QStringLiteral("LibTorch")) || r.err.contains(QStringLiteral("model runtime"))))
      QSKIP("no model runtime in this build");
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QStringLiteral("eval generate: 3 real held-out takes of 2 actions and 1 styles")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("generated 4 takes in ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\nreal held-out, leave-one-out +[01]\\.\\d{3} +1\\.000 "))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\ngenerated +[01]\\.\\d{3} +[01]\\.\\d{3}\\n"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\ntarget +\\d"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\nreal half vs half \\(reference\\) +\\d"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\ngenerated vs real +\\d+\\.\\d+ +\\d"))));
    QVERIFY(r.out.contains(QStringLiteral("quality analysis")));
    QVERIFY(r.out.contains(QStringLiteral("joins above the real 90th percentile: ")));
    QVERIFY(r.out.contains(QStringLiteral("memorisation (feature distance to the nearest of 27 training takes)")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\n  generated +\\d+\\.\\d+ +\\d+\\.\\d+ +\\d+\\.\\d%"))));

    // Without --actions, every action with --min-held-out held-out takes is
    // scored and the others are named: here walk has 2, kick 1.
    const CliRun none = eval({"generate", "--data", dir.path(), "--min-held-out", "3", "--weights", textWeights,
                              "--device", "cpu"});
    QVERIFY2(none.code == 0, qPrintable(failure(none)));
    QVERIFY2(none.out.contains(QStringLiteral("actions with fewer than 3 held-out takes, not scored: walk (2), run (0)")),
             qPrintable(none.out));
    QVERIFY2(none.out.contains(QStringLiteral("kick (1)")), qPrintable(none.out));
    QVERIFY2(none.out.contains(QStringLiteral("eval generate: skipped: no labelled held-out takes of an action with enough")),
             qPrintable(none.out));
    QCOMPARE(eval({"generate", "--data", dir.path(), "--min-held-out", "1"}).code, 2);
  }

  // eval model (motionmender-cli-torch): on the held-out file only, the walk.
  void model() {
    if (!QFile::exists(kWeights)) QSKIP("no model weights in resources/models");
    const CliRun r = eval({"model", "--data", mData, "--steps", "2", "--weights", kWeights, "--device", "cpu"});
    if (r.code == 1 && r.err.contains(QStringLiteral("no LibTorch"))) QSKIP("built without LibTorch");
    QVERIFY2(r.code == 0, qPrintable(failure(r)));
    QVERIFY2(r.out.contains(QStringLiteral("on 1 held-out clips")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("in-betweening a 30-frame gap, MPJPE on the gap (mm)")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Hermite +\\d"))));
    QVERIFY(r.out.contains(QStringLiteral("cleanup of lab-corrupted copies")));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("model indicator +P \\d"))));
    QVERIFY(r.out.contains(QStringLiteral("detection F1 per type")));
  }
};

QTEST_GUILESS_MAIN(TestEval)
#include "tst_eval.moc"
