// The timeline widget on a real analysis: a take with a one-frame pop
// injected at a known frame, analysed by QualityAnalyzer, painted, read back
// with QWidget::grab and checked pixel by pixel; then the mouse: seek on the
// ruler, Ctrl+wheel zoom, wheel scroll, click and edge-drag an artifact
// (one undo command), Shift+drag a selection, and a label stroke (one undo
// command). Runs under Xvfb (ctest with xvfb-run) or offscreen without a display.

#include "editor/testutil_editor.h"
#include "timeline/timelinewidget.h"

#include "editor/commands/commands.h"
#include "editor/document.h"
#include "editor/qualitycolors.h"
#include "motion/clip.h"
#include "motion/corrupt/corruptionlabels.h"
#include "motion/corrupt/injectors.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

using namespace mm;
using mm::editor::Document;
using mm::timeline::TimelineRow;
using mm::timeline::TimelineWidget;

namespace {

struct Take {
  Clip clean;
  Clip broken;
  InjectedArtifact pop;
};

// The kick take played forth and back (1800 frames at 30 fps) with a
// one-frame pop of 50 degrees injected near the middle.
Take poppedTake() {
  Take t;
  t.clean = mm::testing::kickTake(45);
  t.broken = t.clean;
  CorruptionLabels labels(t.broken.frameCount());
  std::mt19937_64 rng(3);
  CorruptionParams params;
  params.rootPopProbability = 0.0;
  params.popSeconds = {1.0 / 30.0, 1.0 / 30.0};
  params.popDegrees = {50.0, 50.0};
  Placement place;
  place.allowed = std::vector<FrameSpan>{FrameSpan{1000, 1010}};
  const auto pop = injectPop(t.broken, labels, rng, params, place);
  if (!pop) qFatal("pop injection failed");
  t.pop = *pop;
  t.broken.makeSignContinuous();
  return t;
}

bool near(const QColor& a, const QColor& b, int tolerance = 3) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

// On the bad half of the ramp (cividis: good is dark blue, bad bright yellow).
bool looksBad(const QColor& c) { return c.red() > 140 && c.blue() < 110; }

QPoint rowPoint(const TimelineWidget& w, TimelineRow row, int x) { return QPoint(x, w.rowRect(row).center().y()); }

}  // namespace

class TestTimeline : public QObject {
  Q_OBJECT

  Take mTake;
  std::shared_ptr<const QualityReport> mReport;

  void setUp(Document& doc) {
    doc.setClip(mTake.broken);
    doc.setReport(mReport);
  }

  // Every visible column of the frame-quality row has the colour of the
  // worst frame it covers (the report, brute force), and the columns of the
  // injected frames are bad.
  void checkFrameRow(TimelineWidget& w, const char* where) {
    const QImage image = w.grab().toImage();
    const QRect row = w.rowRect(TimelineRow::FrameQuality);
    const int y = row.center().y();
    int badColumns = 0, injectedColumns = 0;
    // The play head's line is drawn over the rows: its columns are skipped.
    const int head = w.frameToX(w.document()->currentFrame()) - row.left();
    const int headWidth = static_cast<int>(std::ceil(w.mapping().pixelsPerFrame()));
    const auto underHead = [&](int c) { return c >= head - 1 && c <= head + headWidth + 1; };
    for (int c = 0; c < row.width(); ++c) {
      const FrameRange fr = w.mapping().columnFrames(c);
      if (fr.empty() || underHead(c)) continue;
      float worst = 1.0f;
      for (int f = fr.start; f < fr.end; ++f) worst = std::min(worst, mReport->frameQuality(f));
      const QColor got = image.pixelColor(row.left() + c, y);
      const QColor want = editor::qualityColor(worst);
      if (!near(got, want))
        QFAIL(qPrintable(QStringLiteral("%1: column %2 (frames %3-%4, worst %5): got %6, want %7")
                             .arg(QLatin1String(where)).arg(c).arg(fr.start).arg(fr.end - 1).arg(worst)
                             .arg(got.name(), want.name())));
      badColumns += looksBad(got) ? 1 : 0;
      if (fr.start < mTake.pop.end && mTake.pop.start < fr.end) {
        ++injectedColumns;
        QVERIFY2(looksBad(got), qPrintable(QStringLiteral("%1: the pop's column %2 is %3, not bad")
                                                .arg(QLatin1String(where)).arg(c).arg(got.name())));
      }
    }
    QVERIFY2(injectedColumns > 0, where);
    // Bad only near the pop: the analysis flags the frames around the jump,
    // nothing else in the take (so "good elsewhere").
    for (int c = 0; c < row.width(); ++c) {
      const FrameRange fr = w.mapping().columnFrames(c);
      if (fr.empty() || underHead(c) || !looksBad(image.pixelColor(row.left() + c, y))) continue;
      QVERIFY2(fr.end > mTake.pop.start - 6 && fr.start < mTake.pop.end + 6,
               qPrintable(QStringLiteral("%1: bad column %2 at frames %3-%4, far from the pop at %5")
                              .arg(QLatin1String(where)).arg(c).arg(fr.start).arg(fr.end - 1).arg(mTake.pop.start)));
    }
    qInfo("%s: %d bad columns, %d over the injected frame(s) %d-%d, %.2f frames a pixel", where, badColumns,
          injectedColumns, mTake.pop.start, mTake.pop.end - 1, w.mapping().framesPerPixel());
  }

 private Q_SLOTS:
  void initTestCase() {
    mTake = poppedTake();
    Document doc;
    doc.setClip(mTake.broken);
    QualityAnalyzer analyzer;
    mReport = std::make_shared<const QualityReport>(analyzer.analyze(doc.clip(), doc.parts(), QualityPreset{}));
    QVERIFY(mReport->frameQuality(mTake.pop.start) < 0.5f);
  }

  void heatmapShowsThePopAtFitAll() {
    // The report arrives after the widget exists (Document::reportChanged).
    Document doc;
    doc.setClip(mTake.broken);
    TimelineWidget w(&doc);
    w.resize(1000, w.sizeHint().height());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.rows().hasReport());
    doc.setReport(mReport);
    QVERIFY(w.rows().hasReport());
    QVERIFY(w.mapping().isFitAll());
    QVERIFY(w.mapping().framesPerPixel() > 1.5);  // one pixel covers about two frames
    checkFrameRow(w, "fit-all");
  }

  void ctrlWheelZoomsAboutTheMouse() {
    Document doc;
    setUp(doc);
    TimelineWidget w(&doc);
    w.resize(1000, w.sizeHint().height());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy zoom(&w, &TimelineWidget::zoomChanged);
    const double before = w.mapping().framesPerPixel();
    const QPoint at = rowPoint(w, TimelineRow::FrameQuality, w.frameToX(mTake.pop.start));
    const int frameUnder = w.xToFrame(at.x());
    for (int i = 0; i < 8; ++i) {
      QWheelEvent wheel(at, w.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                        Qt::NoScrollPhase, false);
      QApplication::sendEvent(&w, &wheel);
    }
    QVERIFY(zoom.count() >= 1);
    const double after = w.mapping().framesPerPixel();
    QVERIFY2(after < before / 5.0, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QVERIFY(std::abs(w.xToFrame(at.x()) - frameUnder) <= 1);  // the frame under the mouse stayed
    checkFrameRow(w, "zoomed");
    // Plain wheel scrolls in time.
    const double offset = w.mapping().offset();
    QWheelEvent scroll(at, w.mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                       Qt::NoScrollPhase, false);
    QApplication::sendEvent(&w, &scroll);
    QVERIFY(w.mapping().offset() > offset);
    QCOMPARE(w.mapping().framesPerPixel(), after);
    w.fitAll();
    QVERIFY(w.mapping().isFitAll());
  }

  void clickOnTheRulerSeeks() {
    Document doc;
    setUp(doc);
    TimelineWidget w(&doc);
    w.resize(1000, w.sizeHint().height());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(doc.currentFrame(), 0);
    const int x = w.frameToX(700) + 1;
    QTest::mouseClick(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::Ruler, x));
    QCOMPARE(doc.currentFrame(), w.xToFrame(x));
    QVERIFY(std::abs(doc.currentFrame() - 700) <= 2);
    // Dragging on a heatmap row keeps seeking.
    QTest::mousePress(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::LeftArmQuality, x));
    QTest::mouseMove(&w, rowPoint(w, TimelineRow::LeftArmQuality, w.frameToX(1200) + 1));
    QTest::mouseRelease(&w, Qt::LeftButton, Qt::NoModifier,
                        rowPoint(w, TimelineRow::LeftArmQuality, w.frameToX(1200) + 1));
    QVERIFY(std::abs(doc.currentFrame() - 1200) <= 2);
  }

  void artifactClickAndEdgeDrag() {
    Document doc;
    setUp(doc);
    const editor::Artifact* found = nullptr;
    for (const editor::Artifact& a : doc.artifacts())
      if (a.start <= mTake.pop.start && mTake.pop.start < a.end) found = &a;
    QVERIFY2(found, "the analysis lists no artifact at the pop");
    const editor::Artifact pop = *found;
    TimelineWidget w(&doc);
    w.resize(1000, w.sizeHint().height());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showFrames(pop.start - 20, pop.end + 20);  // edges far enough apart to grab

    QSignalSpy activated(&w, &TimelineWidget::artifactActivated);
    const int mid = (w.frameToX(pop.start) + w.frameToX(pop.end)) / 2;
    QTest::mouseClick(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::Artifacts, mid));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), pop.id);
    QCOMPARE(doc.reviewedArtifact(), pop.id);

    // Drag the right edge 6 frames later in three moves: one command.
    const int commands = doc.undoStack()->count();
    const int ppf = static_cast<int>(w.mapping().pixelsPerFrame());
    QVERIFY(ppf >= 4);
    const int edge = w.frameToX(pop.end);
    QTest::mousePress(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::Artifacts, edge));
    for (int step = 2; step <= 6; step += 2)
      QTest::mouseMove(&w, rowPoint(w, TimelineRow::Artifacts, w.frameToX(pop.end + step)));
    QTest::mouseRelease(&w, Qt::LeftButton, Qt::NoModifier,
                        rowPoint(w, TimelineRow::Artifacts, w.frameToX(pop.end + 6)));
    QCOMPARE(doc.artifact(pop.id)->start, pop.start);
    QCOMPARE(doc.artifact(pop.id)->end, pop.end + 6);
    QCOMPARE(doc.undoStack()->count(), commands + 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.artifact(pop.id)->end, pop.end);
    QCOMPARE(doc.artifact(pop.id)->start, pop.start);

    // The left edge, earlier by 3 frames.
    QTest::mousePress(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::Artifacts, w.frameToX(pop.start)));
    QTest::mouseMove(&w, rowPoint(w, TimelineRow::Artifacts, w.frameToX(pop.start - 3)));
    QTest::mouseRelease(&w, Qt::LeftButton, Qt::NoModifier,
                        rowPoint(w, TimelineRow::Artifacts, w.frameToX(pop.start - 3)));
    QCOMPARE(doc.artifact(pop.id)->start, pop.start - 3);
    doc.undoStack()->undo();
    QCOMPARE(doc.artifact(pop.id)->start, pop.start);
  }

  void shiftDragSelectsFramesAndParts() {
    Document doc;
    setUp(doc);
    TimelineWidget w(&doc);
    w.resize(1000, w.sizeHint().height());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showFrames(400, 600);
    const int x0 = w.frameToX(450) + 1, x1 = w.frameToX(520) + 1;
    QTest::mousePress(&w, Qt::LeftButton, Qt::ShiftModifier, rowPoint(w, TimelineRow::LeftArmQuality, x0));
    QTest::mouseMove(&w, rowPoint(w, TimelineRow::LeftLegQuality, x1));
    QTest::mouseRelease(&w, Qt::LeftButton, Qt::ShiftModifier, rowPoint(w, TimelineRow::LeftLegQuality, x1));
    QCOMPARE(doc.selection().frames.start, 450);
    QCOMPARE(doc.selection().frames.end, 521);
    // Left arm, right arm, left leg.
    QCOMPARE(int(doc.selection().partMask), (1 << 1) | (1 << 2) | (1 << 3));
    QCOMPARE(doc.currentFrame(), 0);  // selecting does not seek
    // From the frame row: every part.
    QTest::mousePress(&w, Qt::LeftButton, Qt::ShiftModifier, rowPoint(w, TimelineRow::FrameQuality, x1));
    QTest::mouseMove(&w, rowPoint(w, TimelineRow::TorsoQuality, x0));
    QTest::mouseRelease(&w, Qt::LeftButton, Qt::ShiftModifier, rowPoint(w, TimelineRow::TorsoQuality, x0));
    QCOMPARE(int(doc.selection().partMask), 0x1F);
    QCOMPARE(doc.selection().frames.start, 450);
  }

  void labelStrokeIsOneCommand() {
    Document doc;
    setUp(doc);
    TimelineWidget w(&doc);
    w.resize(1000, w.sizeHint().height());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showFrames(100, 300);
    w.setLabelMode(true);
    w.setBrush(QualityLabel::Bad);
    const int commands = doc.undoStack()->count();
    const int from = 150, to = 230;
    const auto at = [&](int frame) { return rowPoint(w, TimelineRow::RightArmLabels, w.frameToX(frame) + 1); };
    QTest::mousePress(&w, Qt::LeftButton, Qt::NoModifier, at(from));
    for (int f = from + 20; f <= to; f += 20)  // fast moves: frames in between are painted too
      QTest::mouseMove(&w, at(f));
    QTest::mouseRelease(&w, Qt::LeftButton, Qt::NoModifier, at(to));
    QCOMPARE(doc.undoStack()->count(), commands + 1);
    for (int f = 0; f < doc.frameCount(); ++f)
      for (BodyPart p : kAllBodyParts) {
        const bool painted = p == BodyPart::RightArm && f >= from && f <= to;
        if (doc.labels().label(f, p) != (painted ? QualityLabel::Bad : QualityLabel::Unlabelled))
          QFAIL(qPrintable(QStringLiteral("frame %1 part %2").arg(f).arg(bodyPartName(p))));
      }
    QCOMPARE(doc.currentFrame(), 0);  // painting does not seek
    // The label row shows it.
    const QImage image = w.grab().toImage();
    const QColor bad = editor::labelColor(QualityLabel::Bad);
    QVERIFY(near(image.pixelColor(w.frameToX(190) + 1, w.rowRect(TimelineRow::RightArmLabels).center().y()), bad));
    QVERIFY(!near(image.pixelColor(w.frameToX(190) + 1, w.rowRect(TimelineRow::LeftArmLabels).center().y()), bad));
    doc.undoStack()->undo();
    QCOMPARE(doc.labels().labelledCount(), 0LL);
    // On the frame row the brush paints every part; Unlabelled erases.
    w.setBrush(QualityLabel::Good);
    QTest::mouseClick(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::FrameQuality, w.frameToX(200) + 1));
    QCOMPARE(doc.labels().labelledCount(), static_cast<long long>(kBodyPartCount));
    w.setBrush(QualityLabel::Unlabelled);
    QTest::mouseClick(&w, Qt::LeftButton, Qt::NoModifier, rowPoint(w, TimelineRow::TorsoLabels, w.frameToX(200) + 1));
    QCOMPARE(doc.labels().label(200, BodyPart::Torso), QualityLabel::Unlabelled);
    QCOMPARE(doc.labels().label(200, BodyPart::LeftLeg), QualityLabel::Good);
  }

  // A readable picture of every row: decisions, labels, a proposal, the
  // selection and the play head. Written to the build folder to look at.
  void screenshot() {
    Document doc;
    setUp(doc);
    std::vector<editor::Artifact> artifacts = doc.artifacts();
    QVERIFY(!artifacts.empty());
    // A user-marked artifact of each decision beside the detected ones.
    const std::array<std::pair<ArtifactType, editor::Decision>, 4> extra{{
        {ArtifactType::Jitter, editor::Decision::Accepted},
        {ArtifactType::Frozen, editor::Decision::Rejected},
        {ArtifactType::FootSkate, editor::Decision::Edited},
        {ArtifactType::Stretch, editor::Decision::Pending},
    }};
    int start = 200;
    for (const auto& [type, decision] : extra) {
      editor::Artifact a;
      a.id = doc.takeArtifactId();
      a.type = type;
      a.start = start;
      a.end = start + 90;
      a.partMask = 0x1F;
      a.origin = editor::ArtifactOrigin::User;
      a.decision = decision;
      doc.putArtifact(a);
      start += 180;
    }
    const editor::Artifact* pop = nullptr;
    for (const editor::Artifact& a : doc.artifacts())
      if (a.start <= mTake.pop.start && mTake.pop.start < a.end) pop = &a;
    QVERIFY(pop);
    // The proposal: the clean frames back over the pop (a real change curve).
    editor::Proposal proposal;
    proposal.artifactId = pop->id;
    proposal.patch = Patch::diff(doc.clip(), mTake.clean, {FrameRange{pop->start - 2, pop->end + 2}});
    QVERIFY(!proposal.patch.empty());
    doc.setProposal(std::move(proposal));
    doc.setReviewedArtifact(pop->id);
    QualityLabels labels(doc.frameCount());
    labels.fill(200, 290, 0x1F, QualityLabel::Bad);
    labels.fill(560, 650, 0x1F, QualityLabel::Good);
    labels.fill(1300, 1500, 0x06, QualityLabel::Unsure);
    doc.setLabels(labels);
    editor::Selection sel;
    sel.frames = FrameRange{1300, 1500};
    sel.partMask = 0x06;
    doc.setSelection(sel);
    doc.setCurrentFrame(1100);  // beside the pop, not over it

    TimelineWidget w(&doc);
    w.resize(1200, w.sizeHint().height() + 20);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString dir = QStringLiteral(MM_BINARY_DIR "/tests/timeline-screenshots");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(w.grab().save(dir + QStringLiteral("/timeline-fitall.png")));
    w.setTimecode(true);
    w.showFrames(mTake.pop.start - 30, mTake.pop.end + 30);
    doc.setCurrentFrame(mTake.pop.start + 4);
    QVERIFY(w.grab().save(dir + QStringLiteral("/timeline-zoomed.png")));
    qInfo("screenshots in %s", qPrintable(dir));
    // The proposal row is drawn: some pixel of it takes the pop's type colour.
    const QImage image = w.grab().toImage();
    const QRect row = w.rowRect(TimelineRow::Proposal);
    const QColor type = editor::artifactTypeColor(ArtifactType::Pop);
    bool curve = false;
    for (int x = row.left(); x <= row.right() && !curve; ++x)
      for (int y = row.top(); y <= row.bottom() && !curve; ++y) {
        const QColor c = image.pixelColor(x, y);
        curve = std::abs(c.hue() - type.hue()) < 12 && c.saturation() > 60;
      }
    QVERIFY(curve);
  }
};

int main(int argc, char** argv) {
  // Xvfb when ctest runs under xvfb-run; offscreen when there is no display at all.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
      qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  TestTimeline test;
  return QTest::qExec(&test, argc, argv);
}

#include "tst_timeline.moc"
