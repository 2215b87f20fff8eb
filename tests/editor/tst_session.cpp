// A project session: a take opened from the project, edited with commands,
// saved within the save delay, and reopened with its edits, decisions and
// labels (not the undo history); the take queue model follows the project.

#include "editor/commands/commands.h"
#include "editor/document.h"
#include "editor/projectsession.h"
#include "editor/takequeuemodel.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "editor/projectdatabase.h"
#include "io/motionfile.h"
#include "tasks/loadtake.h"
#include "tasks/repairjobs.h"
#include "testutil_editor.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace mm;
using namespace mm::testing;

class TestSession : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void editsAreSavedAndReopened() {
    QTemporaryDir dir;
    const QString kick = dir.filePath(QStringLiteral("kick.bvh")), wave = dir.filePath(QStringLiteral("wave.bvh"));
    QVERIFY(QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh"), kick));
    QVERIFY(QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/bandai_wave_tabs.bvh"), wave));
    const QString path = dir.filePath(QStringLiteral("p.mmproj"));

    Clip editedClip;
    std::vector<editor::Artifact> artifacts;
    QualityLabels labels;
    int kickId = 0, waveId = 0;
    {
      editor::Document doc;
      editor::ProjectSession session(&doc);
      session.setSaveDelay(100);
      QString error;
      QVERIFY2(session.create(path, &error), qPrintable(error));
      kickId = session.database()->addTake(kick, &error);
      waveId = session.database()->addTake(wave, &error);
      QVERIFY2(kickId && waveId, qPrintable(error));
      editor::TakeQueueModel queue(&session);
      queue.reload();
      QCOMPARE(queue.rowCount(), 2);
      QCOMPARE(queue.progressText(), QStringLiteral("0 of 2 done"));

      QVERIFY2(session.openTake(kickId, &error), qPrintable(error));
      QCOMPARE(doc.frameCount(), 40);
      QCOMPARE(session.database()->status(kickId), editor::QueueStatus::InProgress);
      QCOMPARE(session.neighbourTake(true), waveId);

      // Review: an analysis, a user artifact, an in-betweening, a label stroke.
      QualityAnalyzer analyzer;
      doc.setReport(std::make_shared<const QualityReport>(analyzer.analyze(doc.clip(), doc.parts(), {})));
      doc.undoStack()->push(new editor::AddArtifactCommand(&doc, ArtifactType::Jitter, 5, 12, 1u << 1));
      const tasks::JobOutcome job = tasks::inbetweenJob(doc.clip(), FrameRange{20, 26}, tasks::Method::Classic, {});
      QVERIFY(job.ok() && !job.patch.empty());
      doc.undoStack()->push(new editor::ApplyPatchCommand(&doc, job.patch, QStringLiteral("In-between")));
      doc.undoStack()->push(new editor::PaintLabelsCommand(&doc, 30, 38, 0x1F, QualityLabel::Good, {}, 1));
      QVERIFY(session.hasUnsavedChanges());
      QSignalSpy saved(&session, &editor::ProjectSession::saved);
      QVERIFY(saved.wait(3000));  // within the save delay, without asking
      QVERIFY(!session.hasUnsavedChanges());
      QVERIFY(session.setStatus(kickId, editor::QueueStatus::Done, &error));
      QCOMPARE(queue.progressText(), QStringLiteral("1 of 2 done"));
      editedClip = doc.clip();
      artifacts = doc.artifacts();
      labels = doc.labels();
    }
    // Reopen in a fresh document.
    editor::Document doc;
    editor::ProjectSession session(&doc);
    QString error;
    QVERIFY2(session.open(path, &error), qPrintable(error));
    QVERIFY2(session.openTake(kickId, &error), qPrintable(error));
    QVERIFY(sameBits(doc.clip(), editedClip));
    QVERIFY(!sameBits(doc.clip(), doc.original()));  // the original is the source file
    QCOMPARE(doc.artifacts(), artifacts);
    QVERIFY(doc.labels() == labels);
    QCOMPARE(doc.undoStack()->count(), 0);  // not the undo history
    QCOMPARE(session.database()->status(kickId), editor::QueueStatus::Done);
    // Opening the next take flushes and switches.
    QVERIFY2(session.openTake(waveId, &error), qPrintable(error));
    QCOMPARE(session.currentTake(), waveId);
    QCOMPARE(doc.frameCount(), 19);
  }
  // A window creates its document before its session, so the document dies
  // first: the edits still pending are saved from the whole document (the
  // session once read the freed one and wrote garbage artifacts).
  void documentDestroyedBeforeTheSession() {
    QTemporaryDir dir;
    const QString kick = dir.filePath(QStringLiteral("kick.bvh"));
    QVERIFY(QFile::copy(QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh"), kick));
    const QString path = dir.filePath(QStringLiteral("p.mmproj"));
    int takeId = 0;
    std::vector<editor::Artifact> artifacts;
    QualityLabels labels;
    {
      QObject window;
      auto* doc = new editor::Document(&window);
      auto* session = new editor::ProjectSession(doc, &window);
      session->setSaveDelay(60000);  // nothing saved on its own before the end
      QString error;
      QVERIFY2(session->create(path, &error), qPrintable(error));
      takeId = session->database()->addTake(kick, &error);
      QVERIFY2(session->openTake(takeId, &error), qPrintable(error));
      for (int i = 0; i < 6; ++i)
        doc->undoStack()->push(new editor::AddArtifactCommand(doc, ArtifactType::Jitter, 2 + 5 * i, 5 + 5 * i, 1u << 1));
      doc->undoStack()->push(new editor::PaintLabelsCommand(doc, 30, 38, 0x1F, QualityLabel::Bad, {}, 1));
      QVERIFY(session->hasUnsavedChanges());
      artifacts = doc->artifacts();
      labels = doc->labels();
    }
    editor::Document doc;
    editor::ProjectSession session(&doc);
    QString error;
    QVERIFY2(session.open(path, &error), qPrintable(error));
    QVERIFY2(session.openTake(takeId, &error), qPrintable(error));
    QCOMPARE(doc.artifacts(), artifacts);
    QVERIFY(doc.labels() == labels);
    QVERIFY(doc.labels().labelledCount() >= 8LL * kBodyPartCount);
  }

  void firstEditOfALongTakeWritesOneChunk() {
    // 480 frames = 2 chunks; an edit of frame 300 stores chunk 1 only, and
    // the take reads back as the source with that chunk over it.
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("long.bvh"));
    const Clip clip = kickTake(12);
    QVERIFY(saveMotion(clip, source.toStdString()).ok);
    tasks::LoadedTake loaded;
    std::string e;
    QVERIFY(tasks::loadTake(source.toStdString(), &loaded, &e));
    QString error;
    auto db = editor::ProjectDatabase::create(dir.filePath(QStringLiteral("p.mmproj")), &error);
    QVERIFY2(db, qPrintable(error));
    const int id = db->addTake(source, &error);
    QVERIFY(id);
    Clip edited = loaded.clip;
    edited.rotation(300, 9) = Eigen::Quaterniond(Eigen::AngleAxisd(0.4, Eigen::Vector3d::UnitX()));
    int chunks = 0;
    QVERIFY2(db->saveClip(id, edited, {{300, 301}}, &error, &chunks, &loaded.clip), qPrintable(error));
    QCOMPARE(chunks, 1);
    Clip back;
    QVERIFY2(db->loadClip(id, &back, &error, &loaded.clip), qPrintable(error));
    QVERIFY(sameBits(back, edited));
    // Without its source the sparse take cannot be rebuilt, and says so.
    QVERIFY(!db->loadClip(id, &back, &error));
    QVERIFY(error.contains(QStringLiteral("missing")));
  }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
