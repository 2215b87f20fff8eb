// End-to-end tests of the motion-model commands of motionmender-cli (train,
// model detect|clean|complete|inbetween). Skipped when the CLI was built
// without LibTorch.
#include "common/clirun.h"
#include "io/motionfile.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
using Run = mm::test::CliRun;

Run cli(const QStringList& args) { return mm::test::runCli(args, 240000); }

const QString kSample = QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
}  // namespace

class TestCliModel : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  QString mModel;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(QDir(mDir.path()).mkpath("data"));
    QVERIFY(QFile::copy(kSample, mDir.filePath("data/walk.bvh")));
    mModel = mDir.filePath("tiny.mmmodel");
    const Run r = cli({"train", "--data", mDir.filePath("data"), "--config", "tiny", "--device", "cpu", "--steps", "6",
                       "--log-every", "2", "--out", mModel, "--seed", "4"});
    if (r.code == 1 && r.err.contains("no LibTorch")) QSKIP("built without LibTorch");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("step 6 loss"));
    QVERIFY(QFile::exists(mModel));
  }

  void inbetweenWritesClipOfSameShape() {
    const QString out = mDir.filePath("ib.bvh");
    const Run r = cli({"model", "inbetween", kSample, "-o", out, "--frames", "60:90", "--weights", mModel, "--steps", "4"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    mm::LoadResult a = mm::loadMotion(kSample.toStdString()), b = mm::loadMotion(out.toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b.clip->frameCount(), a.clip->frameCount());
    QCOMPARE(b.clip->skeleton().names(), a.clip->skeleton().names());
  }

  void cleanAndDetect() {
    const QString out = mDir.filePath("clean.bvh");
    Run r = cli({"model", "clean", kSample, "-o", out, "--weights", mModel, "--steps", "3"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(out));
    r = cli({"model", "detect", kSample, "--weights", mModel, "--json", mDir.filePath("p.json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(mDir.filePath("p.json")));
  }

  // model complete: the mask format of `complete`; a bad mask is an error naming it.
  void completeWritesClipOfSameShape() {
    const QString mask = mDir.filePath("mask.json"), out = mDir.filePath("complete.bvh");
    QFile m(mask);
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(R"({"spans":[{"start":40,"end":70,"parts":["right_leg"]}]})");
    m.close();
    Run r = cli({"model", "complete", kSample, "-o", out, "--mask", mask, "--weights", mModel, "--steps", "3"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("regenerated 30 (frame, body part) tokens"), qPrintable(r.out));
    mm::LoadResult a = mm::loadMotion(kSample.toStdString()), b = mm::loadMotion(out.toStdString());
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b.clip->frameCount(), a.clip->frameCount());
    r = cli({"model", "complete", kSample, "-o", mDir.filePath("never.bvh"), "--mask", mDir.filePath("none.json"),
             "--weights", mModel});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("none.json"), qPrintable(r.err));
    r = cli({"model", "--help"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("model complete IN -o OUT --mask MASK.json"));
  }

  // A missing or damaged weights file: one line naming it, exit 1, nothing written.
  void badWeightsFail() {
    const QString out = mDir.filePath("never.bvh");
    Run r = cli({"model", "clean", kSample, "-o", out, "--weights", mDir.filePath("missing.mmmodel")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("missing.mmmodel"), qPrintable(r.err));
    QFile whole(mModel);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    QFile cut(mDir.filePath("cut.mmmodel"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(whole.read(whole.size() - 100));
    cut.close();
    r = cli({"model", "inbetween", kSample, "-o", out, "--frames", "5:10", "--weights", cut.fileName()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("cut.mmmodel") && r.err.contains("truncated"), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count('\n'), 0);
    QVERIFY(!QFile::exists(out));
    r = cli({"model", "inbetween", kSample, "-o", out, "--weights", mModel});
    QCOMPARE(r.code, 2);
    r = cli({"train", "--data", mDir.filePath("data"), "--steps", "1"});
    QCOMPARE(r.code, 2);
  }
};

QTEST_GUILESS_MAIN(TestCliModel)
#include "tst_climodel.moc"
