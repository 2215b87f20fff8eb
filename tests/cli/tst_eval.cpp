// Smoke tests of the `eval` commands of motionmender-cli (app/eval): each
// runs the real executable on a tiny data folder and checks the exit code and
// that its table has the expected header and rows, not the numbers.
//
// The folder holds ten files, sorted by name: copies of the two short
// fixtures (40 and 19 frames) and, last, the bundled 195-frame walk. The walk
// is file 9, the one a model would never have trained on (index % 10 == 9),
// and the only clip long enough for the in-betweening windows (50 frames)
// and the model's 30-frame gap. `--every 3` keeps files 0, 3, 6 and 9.
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
