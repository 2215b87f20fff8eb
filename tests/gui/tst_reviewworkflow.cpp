// The whole review and labelling workflow in the real main window, driven as
// a person drives it (mouse clicks on the table, keys on the window, a brush
// stroke dragged over the timeline): open the bundled broken take, wait for
// the analysis in the worker, see its artifacts listed and their columns on
// the heatmap, accept the first (only its frames x parts change), undo it
// (bit for bit), redo it, reject the next, paint labels, save the project,
// reopen it in a new window and find the decisions, labels and the fix.
// Runs under Xvfb.

#include "app/gui/mainwindow.h"
#include "app/gui/reviewdock.h"
#include "editor/artifact.h"
#include "editor/document.h"
#include "editor/qualitycolors.h"
#include "editor/reviewcontroller.h"
#include "editor/taskrunner.h"
#include "editor/testutil_editor.h"
#include "motion/clip.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <bitset>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using mm::app::MainWindow;
using namespace mm;
using editor::Artifact;
using editor::Decision;

namespace {

// resources/samples/bandai_walk_broken.bvh, as scripts/make-broken-sample.py
// injects it: a pop of the left arm at frames 40-41 and a frozen span over
// frames 91-110 (the analysis finds both; the injected jitter it misses).
const QString kSample = QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_broken.bvh");
constexpr FrameRange kPop{40, 42};
constexpr FrameRange kFrozen{91, 111};

constexpr int kTaskTimeoutMs = 120000;

// Waits until the analysis and the fixes it proposes are done.
bool waitIdle(MainWindow& w) {
  return QTest::qWaitFor([&] { return !w.taskRunner()->isBusy() && w.document()->report(); }, kTaskTimeoutMs);
}

void showActive(MainWindow& w) {
  w.show();
  w.activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(&w));
}

// Cells (frame, joint) whose rotation or translation bits differ.
std::vector<std::pair<int, int>> changedCells(const Clip& a, const Clip& b) {
  std::vector<std::pair<int, int>> cells;
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < a.jointCount(); ++j) {
      const bool rot = std::memcmp(a.rotation(f, j).coeffs().data(), b.rotation(f, j).coeffs().data(),
                                   4 * sizeof(double)) != 0;
      const bool tr = a.hasTrack(j) &&
                      std::memcmp(a.translation(f, j).data(), b.translation(f, j).data(), 3 * sizeof(double)) != 0;
      if (rot || tr) cells.emplace_back(f, j);
    }
  return cells;
}

const Artifact* findArtifact(const editor::Document& doc, ArtifactType type, FrameRange frames) {
  for (const Artifact& a : doc.artifacts())
    if (a.type == type && a.start < frames.end && frames.start < a.end) return &a;
  return nullptr;
}

// A quality colour in the ramp's bad half (yellow: red well above blue).
bool looksBad(const QColor& c) { return c.red() > c.blue() + 60; }

}  // namespace

class TestReviewWorkflow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    // The window remembers geometry and recent files: keep the user's away.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(kSample), qPrintable(kSample));
    // A message box (an error the window reports) would wait for a click
    // forever: close it and fail with its text instead.
    connect(&mDialogWatch, &QTimer::timeout, this, [this] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        mDialogs << box->text();
        box->reject();
      }
    });
    mDialogWatch.start(100);
  }

  void cleanup() { QVERIFY2(mDialogs.isEmpty(), qPrintable(mDialogs.join(QStringLiteral("; ")))); }

  void reviewLabelSaveReopen() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString projectPath = dir.filePath(QStringLiteral("review.mmproj"));

    Clip fixed;  // the take after the accepted fix
    long long labelled = 0;
    {
      MainWindow w;
      showActive(w);
      QVERIFY(w.openFile(kSample));
      QVERIFY(waitIdle(w));
      editor::Document* doc = w.document();
      const Clip broken = doc->clip();

      // The table lists both injected artifacts, sorted by frame.
      QTableView* table = w.reviewDock()->table();
      QTRY_VERIFY(table->model()->rowCount() >= 2);
      const Artifact* pop = findArtifact(*doc, ArtifactType::Pop, kPop);
      const Artifact* frozen = findArtifact(*doc, ArtifactType::Frozen, kFrozen);
      QVERIFY(pop && frozen);
      const int popId = pop->id, frozenId = frozen->id;
      const FrameRange popFrames{pop->start, pop->end};
      const std::uint8_t popParts = pop->partMask;

      // Their columns on the frame heatmap read bad, the clean walk between them good.
      timeline::TimelineWidget* tl = w.timeline();
      const QImage strip = tl->grab().toImage();
      const int y = tl->layout().rowRect(timeline::TimelineRow::FrameQuality).center().y();
      const auto columnBad = [&](int frame) { return looksBad(strip.pixelColor(tl->frameToX(frame) + 1, y)); };
      const qreal dpr = strip.devicePixelRatio();
      QCOMPARE(dpr, 1.0);
      for (int f = kFrozen.start + 1; f < kFrozen.end - 1; ++f) QVERIFY2(columnBad(f), qPrintable(QString::number(f)));
      QVERIFY(columnBad(kPop.start) || columnBad(kPop.start + 1));
      for (int f : {5, 20, 60, 75, 130, 180}) QVERIFY2(!columnBad(f), qPrintable(QString::number(f)));

      // Click the first row (the pop), then A.
      const QModelIndex first = table->model()->index(0, 0);
      QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
      QCOMPARE(doc->reviewedArtifact(), popId);
      QTRY_VERIFY_WITH_TIMEOUT(doc->proposal(popId) != nullptr, kTaskTimeoutMs);
      QTest::keyClick(&w, Qt::Key_A);
      QCOMPARE(doc->artifact(popId)->decision, Decision::Accepted);

      // Only the pop's frames x parts changed.
      fixed = doc->clip();
      const auto cells = changedCells(broken, fixed);
      QVERIFY(!cells.empty());
      for (const auto& [f, j] : cells) {
        QVERIFY2(f >= popFrames.start && f < popFrames.end, qPrintable(QStringLiteral("frame %1 changed").arg(f)));
        QVERIFY2((popParts >> bodyPartIndex(doc->parts().part(j))) & 1u,
                 qPrintable(QStringLiteral("joint %1 (not in the pop's parts) changed").arg(j)));
      }

      // Ctrl+Z restores the take bit for bit; Ctrl+Shift+Z applies the fix again.
      QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
      QVERIFY(testing::sameBits(doc->clip(), broken));
      QCOMPARE(doc->artifact(popId)->decision, Decision::Pending);
      QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
      QVERIFY(testing::sameBits(doc->clip(), fixed));
      QCOMPARE(doc->artifact(popId)->decision, Decision::Accepted);

      // N moves to the frozen span, R rejects it (nothing in the take moves).
      QTest::keyClick(&w, Qt::Key_N);
      QCOMPARE(doc->reviewedArtifact(), frozenId);
      QCOMPARE(doc->currentFrame(), doc->artifact(frozenId)->start);
      QTest::keyClick(&w, Qt::Key_R);
      QCOMPARE(doc->artifact(frozenId)->decision, Decision::Rejected);
      QVERIFY(testing::sameBits(doc->clip(), fixed));

      // Labelling: Ctrl+L, brush 2 (bad), one stroke along the left leg's label row.
      QTest::keyClick(&w, Qt::Key_L, Qt::ControlModifier);
      QVERIFY(w.action(QStringLiteral("labelMode"))->isChecked());
      QTest::keyClick(&w, Qt::Key_2);
      const int row = tl->layout().rowRect(timeline::TimelineRow::LeftLegLabels).center().y();
      QTest::mousePress(tl, Qt::LeftButton, {}, QPoint(tl->frameToX(150) + 1, row));
      QTest::mouseMove(tl, QPoint(tl->frameToX(160) + 1, row));
      QTest::mouseMove(tl, QPoint(tl->frameToX(170) + 1, row));
      QTest::mouseRelease(tl, Qt::LeftButton, {}, QPoint(tl->frameToX(170) + 1, row));
      // Accepting labelled the pop's cells bad, rejecting the frozen span's good.
      const Artifact* frozenNow = doc->artifact(frozenId);
      const FrameRange frozenFrames{frozenNow->start, frozenNow->end};
      const std::uint8_t frozenParts = frozenNow->partMask;
      const auto expectedLabel = [&](int f, BodyPart part) {
        const unsigned bit = 1u << bodyPartIndex(part);
        if (part == BodyPart::LeftLeg && f >= 150 && f <= 170) return QualityLabel::Bad;
        if ((popParts & bit) && f >= popFrames.start && f < popFrames.end) return QualityLabel::Bad;
        if ((frozenParts & bit) && f >= frozenFrames.start && f < frozenFrames.end) return QualityLabel::Good;
        return QualityLabel::Unlabelled;
      };
      for (int f = 0; f < doc->frameCount(); ++f)
        for (int p = 0; p < kBodyPartCount; ++p) {
          const auto part = static_cast<BodyPart>(p);
          QVERIFY2(doc->labels().label(f, part) == expectedLabel(f, part),
                   qPrintable(QStringLiteral("frame %1, %2: label %3").arg(f).arg(bodyPartName(part)).arg(int(doc->labels().label(f, part)))));
        }
      labelled = doc->labels().labelledCount();
      QCOMPARE(labelled, 21LL + popFrames.length() * std::bitset<8>(popParts).count() +
                             frozenFrames.length() * std::bitset<8>(frozenParts).count());
      // The stroke is one command: one Ctrl+Z takes it all back, Ctrl+Shift+Z brings it back.
      QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
      QCOMPARE(doc->labels().label(160, BodyPart::LeftLeg), QualityLabel::Unlabelled);
      QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
      QCOMPARE(doc->labels().label(160, BodyPart::LeftLeg), QualityLabel::Bad);

      QVERIFY(w.saveProjectAs(projectPath));
      QVERIFY(w.close());  // flushes the session
    }

    MainWindow w;
    showActive(w);
    QVERIFY(w.openProject(projectPath));
    QVERIFY(waitIdle(w));
    const editor::Document* doc = w.document();
    QVERIFY(testing::sameBits(doc->clip(), fixed));
    const Artifact* pop = findArtifact(*doc, ArtifactType::Pop, kPop);
    const Artifact* frozen = findArtifact(*doc, ArtifactType::Frozen, kFrozen);
    QVERIFY(pop && frozen);
    QCOMPARE(pop->decision, Decision::Accepted);
    QCOMPARE(frozen->decision, Decision::Rejected);
    QCOMPARE(doc->labels().label(150, BodyPart::LeftLeg), QualityLabel::Bad);
    QCOMPARE(doc->labels().label(170, BodyPart::LeftLeg), QualityLabel::Bad);
    QCOMPARE(doc->labels().label(171, BodyPart::LeftLeg), QualityLabel::Unlabelled);
    QCOMPARE(doc->labels().label(160, BodyPart::RightLeg), QualityLabel::Unlabelled);
    QCOMPARE(doc->labels().labelledCount(), labelled);
  }

 private:
  QTimer mDialogWatch;
  QStringList mDialogs;
};

QTEST_MAIN(TestReviewWorkflow)
#include "tst_reviewworkflow.moc"
