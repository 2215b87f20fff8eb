// The document: loading, the current frame, playback, and the review state
// (reports, artifacts and their decisions, labels, selection).

#include "editor/document.h"
#include "editor/playback.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "testutil_editor.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace mm;
using namespace mm::testing;

namespace {

// A report of `frames` frames with the given spans flagged (severity 0.9).
std::shared_ptr<const QualityReport> reportWith(int frames, const std::vector<ArtifactSpan>& spans) {
  auto r = std::make_shared<QualityReport>(frames);
  for (const ArtifactSpan& s : spans)
    for (int f = s.start; f < s.end; ++f)
      for (BodyPart p : kAllBodyParts)
        if (s.hasPart(p)) r->flag(s.type, f, p, 0.9f);
  r->buildSpans(0);
  return r;
}

ArtifactSpan span(ArtifactType type, int start, int end, std::uint8_t parts) {
  ArtifactSpan s;
  s.type = type;
  s.start = start;
  s.end = end;
  s.partMask = parts;
  return s;
}

constexpr std::uint8_t kLeftArm = 1u << 1, kRightLeg = 1u << 4, kTorso = 1u;

}  // namespace

class TestDocument : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void documentLoadFailureKeepsDocument() {
    editor::Document doc;
    doc.setClip(walkerClip(), QStringLiteral("/somewhere/walker.bvh"));
    doc.setCurrentFrame(7);
    QSignalSpy clipSpy(&doc, &editor::Document::clipChanged);
    QSignalSpy frameSpy(&doc, &editor::Document::currentFrameChanged);

    QString error;
    QVERIFY(!doc.load(QStringLiteral("/nonexistent/dir/missing.bvh"), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.bvh")), qPrintable(error));

    // A file that exists but is not a BVH.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString garbage = dir.filePath(QStringLiteral("garbage.bvh"));
    {
      QFile f(garbage);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("this is not motion capture\n");
    }
    error.clear();
    QVERIFY(!doc.load(garbage, &error));
    QVERIFY2(!error.isEmpty(), "a failed load must say why");
    QVERIFY(!doc.load(garbage, nullptr));  // no error string wanted: still fails cleanly

    QVERIFY(doc.hasClip());
    QCOMPARE(doc.frameCount(), kFrames);
    QCOMPARE(doc.clip().jointCount(), 17);
    QCOMPARE(doc.filePath(), QStringLiteral("/somewhere/walker.bvh"));
    QCOMPARE(doc.currentFrame(), 7);
    QCOMPARE(clipSpy.count(), 0);
    QCOMPARE(frameSpy.count(), 0);
  }

  void documentLoadsFile() {
    editor::Document doc;
    QVERIFY(!doc.hasClip());
    QCOMPARE(doc.frameCount(), 0);
    doc.setClip(walkerClip());
    doc.setCurrentFrame(12);
    doc.undoStack()->setUndoLimit(5);  // the stack exists and is the document's

    QSignalSpy clipSpy(&doc, &editor::Document::clipChanged);
    QSignalSpy frameSpy(&doc, &editor::Document::currentFrameChanged);
    QString error;
    const QString path = QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh");
    QVERIFY2(doc.load(path, &error), qPrintable(error));
    QCOMPARE(doc.frameCount(), 40);
    QCOMPARE(doc.clip().jointCount(), 22);
    QCOMPARE(doc.filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(doc.currentFrame(), 0);  // a new clip starts at its first frame
    QCOMPARE(clipSpy.count(), 1);
    QCOMPARE(frameSpy.count(), 1);
  }

  void documentClampsFrame() {
    editor::Document doc;
    doc.setCurrentFrame(5);  // no clip: stays 0
    QCOMPARE(doc.currentFrame(), 0);
    doc.setClip(walkerClip());
    QSignalSpy frameSpy(&doc, &editor::Document::currentFrameChanged);
    doc.setCurrentFrame(-3);
    QCOMPARE(doc.currentFrame(), 0);
    QCOMPARE(frameSpy.count(), 0);  // no change, no signal
    doc.setCurrentFrame(1000);
    QCOMPARE(doc.currentFrame(), kFrames - 1);
    QCOMPARE(frameSpy.count(), 1);
    QCOMPARE(frameSpy.at(0).at(0).toInt(), kFrames - 1);
  }

  void playbackFrameArithmetic() {
    using editor::Playback;
    QCOMPARE(Playback::frameAfter(0, 0, 30.0, 60), 0);
    QCOMPARE(Playback::frameAfter(0, 1'000'000'000, 30.0, 60), 30);
    QCOMPARE(Playback::frameAfter(10, 500'000'000, 30.0, 60), 25);
    QCOMPARE(Playback::frameAfter(50, 500'000'000, 30.0, 60), 5);  // wraps
    QCOMPARE(Playback::frameAfter(0, 33'333'000, 30.0, 60), 0);    // frame 1 is due at 33.33 ms
    QCOMPARE(Playback::frameAfter(0, 33'334'000, 30.0, 60), 1);
    QCOMPARE(Playback::frameAfter(0, 10'000'000'000LL, 120.0, 60), 0);  // 1200 frames = 20 loops
    QCOMPARE(Playback::frameAfter(3, 1'000'000'000, 0.0, 60), 3);
    QCOMPARE(Playback::frameAfter(3, 1'000'000'000, 30.0, 0), 0);
  }

  void playbackAdvancesAndLoops() {
    editor::Document doc;
    editor::Playback playback(&doc);
    playback.play();  // nothing to play
    QVERIFY(!playback.isPlaying());

    doc.setClip(walkerClip());
    doc.setCurrentFrame(kFrames - 10);
    QSignalSpy playingSpy(&playback, &editor::Playback::playingChanged);
    playback.play();
    QVERIFY(playback.isPlaying());
    QCOMPARE(playingSpy.count(), 1);
    // 10 frames at 30 fps is 0.33 s; generous for a loaded machine.
    QTRY_VERIFY_WITH_TIMEOUT(doc.currentFrame() < kFrames - 10, 5000);  // looped past the end
    QTRY_VERIFY_WITH_TIMEOUT(doc.currentFrame() >= 3 && doc.currentFrame() < kFrames - 10, 5000);  // and goes on

    playback.pause();
    QVERIFY(!playback.isPlaying());
    const int stopped = doc.currentFrame();
    QTest::qWait(150);
    QCOMPARE(doc.currentFrame(), stopped);

    // A new clip stops playback.
    playback.play();
    QVERIFY(playback.isPlaying());
    doc.setClip(walkerClip());
    QVERIFY(!playback.isPlaying());
    QCOMPARE(doc.currentFrame(), 0);
  }

  void loadNormalisesLikeTheCli() {
    // The editor loads through tasks::loadTake: quaternion signs continuous.
    editor::Document doc;
    QString error;
    QVERIFY2(doc.load(QStringLiteral(MM_TEST_DATA_DIR "/bandai_kick_40.bvh"), &error), qPrintable(error));
    const Clip& c = doc.clip();
    for (int f = 1; f < c.frameCount(); ++f)
      for (int j = 0; j < c.jointCount(); ++j) QVERIFY(c.rotation(f, j).dot(c.rotation(f - 1, j)) >= 0.0);
    QVERIFY(sameBits(doc.clip(), doc.original()));
  }

  void reportBuildsArtifacts() {
    editor::Document doc;
    doc.setClip(kickTake());
    QSignalSpy reset(&doc, &editor::Document::artifactsReset);
    doc.setReport(reportWith(doc.frameCount(), {span(ArtifactType::Pop, 10, 13, kLeftArm),
                                                 span(ArtifactType::Frozen, 50, 60, kTorso)}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(int(doc.artifacts().size()), 2);
    QCOMPARE(doc.artifacts()[0].type, ArtifactType::Pop);
    QCOMPARE(doc.artifacts()[0].start, 10);
    QCOMPARE(doc.artifacts()[0].end, 13);
    QCOMPARE(doc.artifacts()[0].decision, editor::Decision::Pending);
    QVERIFY(doc.artifacts()[0].id != doc.artifacts()[1].id);
    QCOMPARE(doc.nextPending(0, true), doc.artifacts()[0].id);
    QCOMPARE(doc.nextPending(20, true), doc.artifacts()[1].id);
    QCOMPARE(doc.nextPending(100, true), doc.artifacts()[0].id);  // wraps
    QCOMPARE(doc.nextPending(20, false), doc.artifacts()[0].id);
  }

  void decisionsSurviveReanalysis() {
    editor::Document doc;
    doc.setClip(kickTake());
    doc.setReport(reportWith(doc.frameCount(), {span(ArtifactType::Pop, 10, 13, kLeftArm),
                                                 span(ArtifactType::Frozen, 50, 60, kTorso),
                                                 span(ArtifactType::Jitter, 80, 95, kRightLeg)}));
    editor::Artifact rejected = doc.artifacts()[1];
    rejected.decision = editor::Decision::Rejected;
    doc.putArtifact(rejected);
    editor::Artifact edited = doc.artifacts()[2];
    edited.decision = editor::Decision::Edited;
    edited.start = 78;
    doc.putArtifact(edited);
    const int popId = doc.artifacts()[0].id;

    // The re-analysis finds the frozen span a frame longer, the jitter
    // shifted, the pop again, and something new.
    doc.setReport(reportWith(doc.frameCount(), {span(ArtifactType::Pop, 10, 13, kLeftArm),
                                                 span(ArtifactType::Frozen, 49, 60, kTorso),
                                                 span(ArtifactType::Jitter, 82, 96, kRightLeg),
                                                 span(ArtifactType::Pop, 110, 112, kLeftArm)}));
    QCOMPARE(int(doc.artifacts().size()), 4);
    const editor::Artifact* f = doc.artifact(rejected.id);
    QVERIFY(f);
    QCOMPARE(f->decision, editor::Decision::Rejected);  // not back as pending
    QCOMPARE(f->start, 49);
    const editor::Artifact* j = doc.artifact(edited.id);
    QVERIFY(j);
    QCOMPARE(j->decision, editor::Decision::Edited);
    QCOMPARE(j->start, 78);  // the user's span wins
    QVERIFY(doc.artifact(popId));  // same pending artifact: same id
    int pending = 0;
    for (const editor::Artifact& a : doc.artifacts()) pending += a.decision == editor::Decision::Pending;
    QCOMPARE(pending, 2);

    // A decided artifact that the analysis no longer reports stays listed.
    doc.setReport(reportWith(doc.frameCount(), {}));
    QCOMPARE(int(doc.artifacts().size()), 2);
    QVERIFY(doc.artifact(rejected.id) && doc.artifact(edited.id));
  }

  void selectionIsClamped() {
    editor::Document doc;
    doc.setClip(walkerClip());
    QSignalSpy spy(&doc, &editor::Document::selectionChanged);
    doc.setSelection({FrameRange{-5, 500}, 0xFF});
    QCOMPARE(spy.count(), 1);
    QCOMPARE(doc.selection().frames.start, 0);
    QCOMPARE(doc.selection().frames.end, kFrames);
    QCOMPARE(int(doc.selection().partMask), 0x1F);
    doc.setSelection({FrameRange{0, kFrames}, 0x1F});
    QCOMPARE(spy.count(), 1);  // no change, no signal
  }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
