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

constexpr int kPoppedJoint = 8;  // LowerArm_L in the Bandai rig

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

// The kick with a 60-degree pop on the left forearm over frames 20-21: a
// take with an artifact for the analysis to find.
void writePoppedKick(const QString& path) {
  QFile in(QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh"));
  QVERIFY(in.open(QIODevice::ReadOnly));
  QStringList lines = QString::fromLatin1(in.readAll()).split(QLatin1Char('\n'));
  int first = -1;
  for (int i = 0; i < lines.size(); ++i)
    if (lines[i].startsWith(QStringLiteral("Frame Time"))) first = i + 1;
  QVERIFY(first > 0);
  for (int f = 20; f <= 21; ++f) {
    QStringList v = lines[first + f].split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int column = 6 * kPoppedJoint + 3;  // the joint's first rotation channel
    v[column] = QString::number(v[column].toDouble() + 60.0);
    lines[first + f] = v.join(QLatin1Char(' '));
  }
  QFile out(path);
  QVERIFY(out.open(QIODevice::WriteOnly));
  out.write(lines.join(QLatin1Char('\n')).toLatin1());
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

  void pipelineWritesIntoAProject() {
#ifndef MM_CLI_HAS_EDITOR
    QSKIP("this build has no Qt: no project files");
#endif
    QTemporaryDir tmp;
    const QString lib = tmp.filePath(QStringLiteral("lib"));
    makeLibrary(lib);
    const QString project = tmp.filePath(QStringLiteral("night.mmproj"));
    writePoppedKick(lib + QStringLiteral("/kick.bvh"));
    // The project starts with one take; the batch adds the others.
    auto r = runCli({QStringLiteral("project"), QStringLiteral("create"), project, lib + QStringLiteral("/kick.bvh")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // Overnight: analyse the folder into the project, then clean one take.
    r = runCli({QStringLiteral("analyze"), lib, QStringLiteral("-o"), tmp.filePath(QStringLiteral("q")),
                QStringLiteral("--project"), project, QStringLiteral("--jobs"), QStringLiteral("2")});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    r = runCli({QStringLiteral("clean"), lib + QStringLiteral("/kick.bvh"), QStringLiteral("-o"),
                tmp.filePath(QStringLiteral("kick_clean.bvh")), QStringLiteral("--method"), QStringLiteral("classic"),
                QStringLiteral("--project"), project});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    r = runCli({QStringLiteral("project"), QStringLiteral("info"), project, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("\"take_count\": 3")), qPrintable(r.out));
    // The pop was found by the analysis and accepted by the clean.
    QVERIFY2(!r.out.contains(QStringLiteral("\"total\": 0")), qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("\"accepted\": 0")), qPrintable(r.out));
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
