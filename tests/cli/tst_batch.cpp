// analyze and clean over a folder: every take gets its output, a second run
// skips what is done (resumable after a kill), and the shards of a folder
// together give exactly the single run's files.

#include "common/clirun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QtTest>

using mm::test::runCli;

namespace {

// Three takes in two folders (BVH and ASF/AMC).
void makeLibrary(const QString& dir) {
  QDir().mkpath(dir + QStringLiteral("/sub"));
  QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh"), dir + QStringLiteral("/kick.bvh"));
  QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/bandai_wave_tabs.bvh"), dir + QStringLiteral("/sub/wave.bvh"));
  QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/asf/tiny.asf"), dir + QStringLiteral("/sub/tiny.asf"));
  QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/asf/tiny.amc"), dir + QStringLiteral("/sub/tiny.amc"));
}

// Relative path -> SHA-256 of every file under dir.
QMap<QString, QByteArray> digests(const QString& dir) {
  QMap<QString, QByteArray> out;
  QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) continue;
    out[QDir(dir).relativeFilePath(path)] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
  }
  return out;
}

}  // namespace

class TestBatch : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void analyzeFolderShardsAndResumes() {
    QTemporaryDir tmp;
    const QString lib = tmp.filePath(QStringLiteral("lib"));
    makeLibrary(lib);
    const QString all = tmp.filePath(QStringLiteral("all")), sharded = tmp.filePath(QStringLiteral("sharded"));
    auto r = runCli({QStringLiteral("analyze"), lib, QStringLiteral("-o"), all, QStringLiteral("--jobs"),
                     QStringLiteral("2")});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const auto single = digests(all);
    QCOMPARE(single.size(), 3);
    QVERIFY(single.contains(QStringLiteral("sub/wave.bvh.quality.json")));
    QVERIFY(single.contains(QStringLiteral("sub/tiny.amc.quality.json")));
    // Two shards, as two array jobs of a scheduler would run them.
    for (const char* shard : {"0/2", "1/2"}) {
      r = runCli({QStringLiteral("analyze"), lib, QStringLiteral("-o"), sharded, QStringLiteral("--shard"),
                  QString::fromLatin1(shard)});
      QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    }
    QCOMPARE(digests(sharded), single);
    // A second run finds everything done and changes nothing.
    r = runCli({QStringLiteral("analyze"), lib, QStringLiteral("-o"), all});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("3 already done, 0 to run")), qPrintable(r.out));
    // A take whose output is missing (killed before it was written) runs again.
    QVERIFY(QFile::remove(all + QStringLiteral("/kick.bvh.quality.json")));
    r = runCli({QStringLiteral("analyze"), lib, QStringLiteral("-o"), all});
    QVERIFY2(r.out.contains(QStringLiteral("2 already done, 1 to run")), qPrintable(r.out));
    QCOMPARE(digests(all), single);
  }

  void cleanFolder() {
    QTemporaryDir tmp;
    const QString lib = tmp.filePath(QStringLiteral("lib"));
    makeLibrary(lib);
    const QString out = tmp.filePath(QStringLiteral("clean"));
    const auto r = runCli({QStringLiteral("clean"), lib, QStringLiteral("-o"), out, QStringLiteral("--method"),
                           QStringLiteral("classic")});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY(QFile::exists(out + QStringLiteral("/kick.bvh")));
    QVERIFY(QFile::exists(out + QStringLiteral("/kick.bvh.report.json")));
    QVERIFY(QFile::exists(out + QStringLiteral("/sub/tiny.bvh")));  // ASF/AMC is written as BVH
  }

  void badShardIsAUsageError() {
    const auto r = runCli({QStringLiteral("analyze"), QStringLiteral(MM_TEST_DATA_DIR), QStringLiteral("-o"),
                           QStringLiteral("/tmp/x"), QStringLiteral("--shard"), QStringLiteral("2/2")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--shard")));
  }

  void jsonToStandardOutput() {
    QTemporaryDir tmp;
    QVERIFY(QDir::setCurrent(tmp.path()));
    const auto r = runCli({QStringLiteral("analyze"), QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh"),
                           QStringLiteral("--json"), QStringLiteral("-")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.trimmed().startsWith(QLatin1Char('{')));
    QVERIFY(r.out.contains(QStringLiteral("\"frame_quality\"")));
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("-"))));  // no file named "-"
  }
};

QTEST_MAIN(TestBatch)
#include "tst_batch.moc"
