// editor/projectdatabase: the .mmproj file keeps everything bit for bit
// across a reopen, refuses damaged or foreign files without touching them,
// and survives a SIGKILL in the middle of a burst of edits.
//
// Run with "--crash-writer PROJECT" this binary is the child of the crash
// test: it edits the project's first take in a loop, printing each edit's
// index once it is committed, until it is killed.
#include "common/clipcompare.h"
#include "common/devdata.h"
#include "editor/projectdatabase.h"
#include "io/motionfile.h"
#include "motion/labels/qualitylabels.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace mm;
using namespace mm::editor;
using mm::test::clipDifference;
using mm::test::testData;

namespace {

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

Clip loadClip(const QString& path) {
  LoadResult r = loadMotion(path.toStdString());
  return r.ok() ? std::move(*r.clip) : Clip();
}

// Runs SQL on a file through a plain connection (not ProjectDatabase).
bool rawExec(const QString& path, const QStringList& statements) {
  static int counter = 0;
  const QString name = QStringLiteral("raw-%1").arg(++counter);
  bool ok = true;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
    db.setDatabaseName(path);
    ok = db.open();
    for (const QString& sql : statements) {
      QSqlQuery q(db);
      if (!q.exec(sql)) {
        qWarning() << sql << q.lastError().text();
        ok = false;
      }
    }
    db.close();
  }
  QSqlDatabase::removeDatabase(name);
  return ok;
}

// The crash test's edit number i: one rotation of joint 1 on frame i % frames.
void applyEdit(Clip* clip, int i) {
  clip->rotation(i % clip->frameCount(), 1) =
      Eigen::Quaterniond(Eigen::AngleAxisd(0.001 * (i + 1), Eigen::Vector3d::UnitZ()));
}

Artifact crashArtifact(int i) {
  Artifact a;
  a.id = i + 1;
  a.start = i % 30;
  a.end = a.start + 3;
  a.partMask = 1;
  a.severity = 1.0 / (i + 3);
  return a;
}

int runCrashWriter(const QString& path) {
  QString error;
  std::unique_ptr<ProjectDatabase> p = ProjectDatabase::open(path, &error);
  if (!p) {
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
  }
  const ProjectTake take = p->takes().front();
  Clip clip = loadClip(take.sourcePath);
  for (int i = 0; i < 1000000; ++i) {
    applyEdit(&clip, i);
    const int f = i % clip.frameCount();
    if (!p->saveClip(take.id, clip, {{f, f + 1}}, &error) || !p->saveArtifacts(take.id, {crashArtifact(i)}, &error) ||
        !p->setStatus(take.id, static_cast<QueueStatus>(i % kQueueStatusCount), &error)) {
      std::fprintf(stderr, "%s\n", qPrintable(error));
      return 1;
    }
    std::printf("%d\n", i);
    std::fflush(stdout);
  }
  return 0;
}

// A 700-frame clip on the wave take's skeleton: three 256-frame chunks.
Clip longClip() {
  const Clip wave = loadClip(testData("bandai_wave_tabs.bvh"));
  Clip clip(wave.skeleton(), 700, wave.fps());
  for (int f = 0; f < clip.frameCount(); ++f)
    for (int j = 0; j < clip.jointCount(); ++j)
      clip.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(0.002 * f * (j + 1), Eigen::Vector3d(0, 1, 1).normalized()));
  clip.setValid(500, 3, false);
  return clip;
}

std::vector<Artifact> sampleArtifacts() {
  std::vector<Artifact> out;
  const Decision decisions[] = {Decision::Pending, Decision::Accepted, Decision::Rejected, Decision::Edited};
  for (int i = 0; i < 6; ++i) {
    Artifact a;
    a.id = 3 * i + 2;
    a.type = static_cast<ArtifactType>(i * 2 % kArtifactTypeCount);
    a.start = i * 5;
    a.end = i * 5 + 4;
    a.partMask = static_cast<std::uint8_t>(1 + i);
    a.severity = 0.1 + i / 7.0;
    a.origin = i % 2 ? ArtifactOrigin::User : ArtifactOrigin::Detected;
    a.decision = decisions[i % 4];
    out.push_back(a);
  }
  return out;
}

}  // namespace

class TestProject : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void roundTripAfterReopen() {
    QTemporaryDir dir;
    const QString path = dir.filePath("session.mmproj");
    QString error;
    std::unique_ptr<ProjectDatabase> p = ProjectDatabase::create(path, &error);
    QVERIFY2(p, qPrintable(error));

    // A second create never writes over the first.
    const QByteArray before = fileBytes(path);
    QVERIFY(!ProjectDatabase::create(path, &error));
    QVERIFY2(error.contains(path) && error.contains("already exists"), qPrintable(error));
    QCOMPARE(fileBytes(path), before);
    // Nor next to a stale WAL, which SQLite would replay into the new file.
    const QString stale = dir.filePath("stale.mmproj");
    QVERIFY(QFile::copy(testData("bandai_kick_40.bvh"), stale + "-wal"));
    QVERIFY(!ProjectDatabase::create(stale, &error));
    QVERIFY2(error.contains("leftover stale.mmproj-wal"), qPrintable(error));
    QVERIFY(!QFile::exists(stale));

    const QStringList files = {testData("bandai_kick_40.bvh"), testData("bandai_wave_tabs.bvh"), testData("asf/tiny.amc")};
    std::vector<int> ids;
    for (const QString& f : files) {
      ids.push_back(p->addTake(f, &error));
      QVERIFY2(ids.back() > 0, qPrintable(error));
    }
    QCOMPARE(p->addTake(files[0], &error), 0);
    QVERIFY2(error.contains("already in the project"), qPrintable(error));
    QCOMPARE(p->addTake(dir.filePath("missing.bvh"), &error), 0);
    QVERIFY2(error.contains("missing.bvh"), qPrintable(error));

    const std::vector<ProjectTake> takes = p->takes();
    QCOMPARE(takes.size(), size_t(3));
    for (size_t i = 0; i < takes.size(); ++i) {
      QCOMPARE(takes[i].id, ids[i]);
      QCOMPARE(takes[i].queuePosition, int(i));
      QCOMPARE(takes[i].sourcePath, QFileInfo(files[i]).absoluteFilePath());
      QCOMPARE(takes[i].sha256, QString::fromLatin1(QCryptographicHash::hash(fileBytes(files[i]), QCryptographicHash::Sha256).toHex()));
      const Clip source = loadClip(files[i]);
      QCOMPARE(takes[i].frames, source.frameCount());
      QCOMPARE(takes[i].fps, source.fps());
      QCOMPARE(takes[i].format, QString::fromLatin1(formatName(formatFromPath(files[i].toStdString()))));
      QCOMPARE(takes[i].status, QueueStatus::NotStarted);
    }

    // The queue can be reordered; positions stay 0..n-1.
    QVERIFY2(p->moveTake(ids[2], 0, &error), qPrintable(error));
    QVERIFY(p->moveTake(ids[0], 99, &error));  // clamped: to the end
    std::vector<int> order;
    for (const ProjectTake& t : p->takes()) order.push_back(t.id);
    QCOMPARE(order, (std::vector<int>{ids[2], ids[1], ids[0]}));
    QCOMPARE(p->takes().back().queuePosition, 2);
    QVERIFY(p->moveTake(ids[0], 0, &error) && p->moveTake(ids[2], 2, &error));  // back to the file order

    // Edited clips: a whole save, then edits that rewrite only their chunks.
    Clip kick = loadClip(files[0]);
    kick.rotation(7, 3) = Eigen::Quaterniond(0.5, -0.5, 0.5, -0.5);
    kick.setValid(9, 2, false);
    int chunks = -1;
    QVERIFY2(p->saveClip(ids[0], kick, {}, &error, &chunks), qPrintable(error));
    QCOMPARE(chunks, 1);
    Clip wave = longClip();
    QVERIFY2(p->saveClip(ids[1], wave, {{300, 301}}, &error, &chunks), qPrintable(error));
    QCOMPARE(chunks, 3);  // first save: everything, whatever the ranges say
    wave.rotation(300, 4) = Eigen::Quaterniond(Eigen::AngleAxisd(1.25, Eigen::Vector3d::UnitX()));
    QVERIFY2(p->saveClip(ids[1], wave, {{300, 301}}, &error, &chunks), qPrintable(error));
    QCOMPARE(chunks, 1);
    for (int f = 250; f < 260; ++f) wave.rotation(f, 0) = Eigen::Quaterniond(0, 1, 0, 0);
    QVERIFY2(p->saveClip(ids[1], wave, {{250, 260}}, &error, &chunks), qPrintable(error));
    QCOMPARE(chunks, 2);
    wave.setFps(60);  // a header change rewrites every chunk
    QVERIFY2(p->saveClip(ids[1], wave, {{0, 1}}, &error, &chunks), qPrintable(error));
    QCOMPARE(chunks, 3);
    QVERIFY(!p->hasClip(ids[2]));
    Clip none;
    QVERIFY(!p->loadClip(ids[2], &none, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const std::vector<Artifact> artifacts = sampleArtifacts();
    QVERIFY2(p->saveArtifacts(ids[0], artifacts, &error), qPrintable(error));
    QCOMPARE(p->nextArtifactId(ids[0]), 18);
    QCOMPARE(p->allocateArtifactId(ids[0], &error), 18);
    QCOMPARE(p->nextArtifactId(ids[0]), 19);
    QVERIFY(p->saveArtifacts(ids[0], {artifacts[0]}, &error));
    QVERIFY(p->saveArtifacts(ids[0], artifacts, &error));
    QCOMPARE(p->nextArtifactId(ids[0]), 19);  // never goes back: ids are not reused

    QualityLabels labels(kick.frameCount());
    labels.fill(0, 10, 0x1f, QualityLabel::Good);
    labels.fill(10, 14, 0x02, QualityLabel::Bad, ArtifactType::Jitter);
    labels.fill(20, 40, 0x10, QualityLabel::Unsure);
    QVERIFY2(p->saveLabels(ids[0], labels, &error), qPrintable(error));
    QVERIFY(p->setStatus(ids[0], QueueStatus::Done, &error));
    QVERIFY(p->setStatus(ids[1], QueueStatus::InProgress, &error));
    QVERIFY(!p->setStatus(999, QueueStatus::Done, &error));
    QVERIFY2(error.contains(path) && error.contains("999"), qPrintable(error));

    // A second instance (its own connection) sees every committed change at once.
    {
      std::unique_ptr<ProjectDatabase> reader = ProjectDatabase::open(path, &error);
      QVERIFY2(reader, qPrintable(error));
      QCOMPARE(reader->status(ids[0]), QueueStatus::Done);
      QVERIFY(reader->loadArtifacts(ids[0]) == artifacts);
    }
    QCOMPARE(p->takes().size(), size_t(3));  // the first connection still works

    p.reset();
    QCOMPARE(int(fileBytes(path).at(18)), 2);  // file format 2: WAL journal
    QVERIFY(!QFile::exists(path + "-wal"));     // checkpointed and removed on close
    p = ProjectDatabase::open(path, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->takes().size(), size_t(3));
    Clip back;
    QVERIFY2(p->loadClip(ids[0], &back, &error), qPrintable(error));
    QString diff = clipDifference(kick, back);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY2(p->loadClip(ids[1], &back, &error), qPrintable(error));
    diff = clipDifference(wave, back);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(p->loadArtifacts(ids[0], &error) == artifacts);
    QVERIFY(p->loadArtifacts(ids[1], &error).empty());
    QCOMPARE(p->nextArtifactId(ids[0]), 19);
    QualityLabels labelsBack;
    QVERIFY2(p->loadLabels(ids[0], &labelsBack, &error), qPrintable(error));
    QVERIFY(labelsBack == labels);
    QVERIFY(p->loadLabels(ids[2], &labelsBack, &error));
    QCOMPARE(labelsBack.frameCount(), takes[2].frames);
    QCOMPARE(labelsBack.labelledCount(), 0LL);
    QCOMPARE(p->status(ids[0]), QueueStatus::Done);
    QCOMPARE(p->status(ids[1]), QueueStatus::InProgress);
    QCOMPARE(p->status(ids[2]), QueueStatus::NotStarted);

    const ProjectInfo info = p->info();
    QCOMPARE(info.takes, 3);
    QCOMPARE(info.takesByStatus[int(QueueStatus::Done)], 1);
    QCOMPARE(info.takesByStatus[int(QueueStatus::InProgress)], 1);
    QCOMPARE(info.takesByStatus[int(QueueStatus::NotStarted)], 1);
    QCOMPARE(info.artifacts, 6);
    QCOMPARE(info.artifactsByDecision[int(Decision::Pending)], 2);
    QCOMPARE(info.artifactsByDecision[int(Decision::Edited)], 1);
    QCOMPARE(info.labelledCells, labels.labelledCount());
    QCOMPARE(info.cells, 5LL * (takes[0].frames + takes[1].frames + takes[2].frames));
    QVERIFY2(p->checkIntegrity(&error), qPrintable(error));
  }

  // Nothing that is not a project of this or an older version is opened,
  // and such a file keeps every byte.
  void damagedFilesAreRefusedAndUntouched() {
    QTemporaryDir dir;
    QString error;
    const QString good = dir.filePath("good.mmproj");
    {
      std::unique_ptr<ProjectDatabase> p = ProjectDatabase::create(good, &error);
      QVERIFY2(p, qPrintable(error));
      const int id = p->addTake(testData("bandai_kick_40.bvh"), &error);
      QVERIFY(p->saveClip(id, longClip(), {}, &error));
    }
    const QByteArray goodBytes = fileBytes(good);
    QVERIFY(goodBytes.size() > 100000);

    struct Case {
      QString name;
      QString expected;
    };
    std::vector<Case> cases;
    {
      QFile f(dir.filePath("random.mmproj"));
      QVERIFY(f.open(QIODevice::WriteOnly));
      QByteArray noise(8192, '\0');
      for (char& c : noise) c = static_cast<char>(QRandomGenerator::global()->bounded(256));
      f.write(noise);
      cases.push_back({f.fileName(), "not an SQLite database"});
    }
    {
      QFile f(dir.filePath("truncated.mmproj"));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(goodBytes.left(goodBytes.size() / 2));
      cases.push_back({f.fileName(), "truncated"});
    }
    {
      QFile f(dir.filePath("empty.mmproj"));
      QVERIFY(f.open(QIODevice::WriteOnly));
      cases.push_back({f.fileName(), "not an SQLite database"});
    }
    const QString foreign = dir.filePath("foreign.mmproj");
    QVERIFY(rawExec(foreign, {"CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('hello')"}));
    cases.push_back({foreign, "not a MotionMender project"});
    const QString noSchema = dir.filePath("noschema.mmproj");
    QVERIFY(rawExec(noSchema, {QStringLiteral("PRAGMA application_id = %1").arg(ProjectDatabase::kApplicationId),
                               "CREATE TABLE takes (id INTEGER)"}));
    cases.push_back({noSchema, "no schema version"});
    const QString newer = dir.filePath("newer.mmproj");
    QVERIFY(QFile::copy(good, newer));
    QVERIFY(rawExec(newer, {"UPDATE schema_version SET version = 99", "PRAGMA user_version = 99"}));
    cases.push_back({newer, "newer MotionMender"});
    cases.push_back({dir.filePath("absent.mmproj"), "no such file"});

    for (const Case& c : cases) {
      const QByteArray before = fileBytes(c.name);
      QVERIFY(!ProjectDatabase::open(c.name, &error));
      QVERIFY2(error.startsWith(c.name + ": ") && error.contains(c.expected), qPrintable(c.name + " -> " + error));
      qInfo("%s", qPrintable(error));
      QCOMPARE(fileBytes(c.name), before);
      QVERIFY(!QFile::exists(c.name + "-wal") && !QFile::exists(c.name + "-shm"));  // no litter either
    }
    QCOMPARE(fileBytes(good), goodBytes);
    QVERIFY2(ProjectDatabase::open(good, &error), qPrintable(error));
  }

  // SIGKILL in the middle of a burst of committed edits: the project opens,
  // is sound, and holds every edit committed more than 2 s before the kill.
  void killMidBurstKeepsCommittedEdits() {
    QTemporaryDir dir;
    const QString path = dir.filePath("crash.mmproj");
    QString error;
    {
      std::unique_ptr<ProjectDatabase> p = ProjectDatabase::create(path, &error);
      QVERIFY2(p, qPrintable(error));
      QVERIFY2(p->addTake(testData("bandai_kick_40.bvh"), &error) > 0, qPrintable(error));
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {"--crash-writer", path});
    QVERIFY(child.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> receivedAt;  // per edit index: when its line arrived (ms)
    QByteArray pending;
    while (clock.elapsed() < 30000 && child.state() == QProcess::Running) {
      child.waitForReadyRead(20);
      pending += child.readAllStandardOutput();
      int nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        QCOMPARE(pending.left(nl).toInt(), int(receivedAt.size()));
        receivedAt.push_back(clock.elapsed());
        pending.remove(0, nl + 1);
      }
      if (!receivedAt.empty() && clock.elapsed() - receivedAt.front() >= 3000) break;
    }
    QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
    const qint64 killedAt = clock.elapsed();
    ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    int required = -1;
    for (size_t i = 0; i < receivedAt.size(); ++i)
      if (receivedAt[i] <= killedAt - 2000) required = int(i);
    qInfo("%d edits reported before the kill, %d of them more than 2 s before", int(receivedAt.size()), required + 1);
    QVERIFY2(required >= 10, qPrintable(QString("only %1 edits before the kill").arg(receivedAt.size())));

    std::unique_ptr<ProjectDatabase> p = ProjectDatabase::open(path, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY2(p->checkIntegrity(&error), qPrintable(error));
    const int take = p->takes().front().id;
    const std::vector<Artifact> artifacts = p->loadArtifacts(take, &error);
    QCOMPARE(artifacts.size(), size_t(1));
    const int last = artifacts[0].id - 1;  // the last edit whose artifacts were committed
    QVERIFY2(last >= required, qPrintable(QString("edit %1 committed, %2 expected").arg(last).arg(required)));
    QVERIFY(artifacts[0] == crashArtifact(last));
    // Each edit saves the clip, then the artifacts, then the status, one
    // transaction each: the status holds edit `last` or, killed between the
    // artifacts and the status, `last - 1`.
    const QueueStatus status = p->status(take);
    QVERIFY2(status == static_cast<QueueStatus>(last % kQueueStatusCount) ||
                 status == static_cast<QueueStatus>((last + kQueueStatusCount - 1) % kQueueStatusCount),
             qPrintable(QString("status %1 after edit %2").arg(int(status)).arg(last)));
    // The clip was saved before the artifacts: it holds edit `last` or `last + 1`.
    Clip stored;
    QVERIFY2(p->loadClip(take, &stored, &error), qPrintable(error));
    Clip expected = loadClip(testData("bandai_kick_40.bvh"));
    for (int i = 0; i <= last; ++i) applyEdit(&expected, i);
    if (!clipDifference(expected, stored).isEmpty()) applyEdit(&expected, last + 1);
    const QString diff = clipDifference(expected, stored);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
  }
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc == 3 && QByteArray(argv[1]) == "--crash-writer") return runCrashWriter(QString::fromLocal8Bit(argv[2]));
  TestProject test;
  QTEST_SET_MAIN_SOURCE_PATH
  return QTest::qExec(&test, argc, argv);
}

#include "tst_project.moc"
