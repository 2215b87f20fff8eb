// The viewport in review: bones coloured by their part's quality, the ghost
// of the proposal under review and the before/after toggle, picking a part
// by clicking a bone, the follow camera and the wheel's zoom steps. Real
// widgets under Xvfb (xvfb-run -a -s "-screen 0 1600x1000x24" ctest -R gui);
// one test renders the review scene and saves it as a PNG
// (MM_VIEWPORT_SCREENSHOT=path, else the build folder's
// viewport-review.png) for a person to look at.

#include "editor/document.h"
#include "editor/qualitycolors.h"
#include "editor/testutil_editor.h"
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"
#include "viewport/bonepicker.h"
#include "viewport/cameraframing.h"
#include "viewport/followtarget.h"
#include "viewport/skeletonentity.h"
#include "viewport/skeletonview.h"

#include <Qt3DExtras/Qt3DWindow>
#include <Qt3DRender/QCamera>
#include <Qt3DRender/QRenderCaptureReply>
#include <QAction>
#include <QDir>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace mm;
using mm::testing::walkerClip;

namespace {

constexpr int kPatchStart = 20, kPatchEnd = 40;  // the proposal's frames
constexpr int kBadStart = 25, kBadEnd = 36;      // the left arm's pop

QVector3D toVector(const Eigen::Vector3d& v) { return QVector3D(float(v.x()), float(v.y()), float(v.z())); }

// The walker with its left elbow bent 70 degrees further over the patch's
// frames: the proposal's "after".
Clip bentWalker(const Clip& clip) {
  Clip after = clip;
  const Eigen::Quaterniond bend(Eigen::AngleAxisd(-70.0 * 3.14159265358979 / 180.0, Eigen::Vector3d::UnitZ()));
  for (int f = kPatchStart; f < kPatchEnd; ++f) after.rotation(f, 6) = bend * after.rotation(f, 6);
  return after;
}

std::shared_ptr<QualityReport> leftArmPop(int frames) {
  auto report = std::make_shared<QualityReport>(frames);
  for (int f = kBadStart; f < kBadEnd; ++f) report->flag(ArtifactType::Pop, f, BodyPart::LeftArm, 0.9f);
  report->flag(ArtifactType::Jitter, 30, BodyPart::RightLeg, 0.45f);
  report->buildSpans(2);
  return report;
}

// Joint positions of `frame` of `clip`, metres.
std::vector<QVector3D> fk(const Clip& clip, int frame) {
  const GlobalPoses poses = computeGlobalPoses(clip);
  const float m = float(1.0 / clip.unitsPerMeter());
  std::vector<QVector3D> out;
  for (int j = 0; j < clip.jointCount(); ++j) out.push_back(toVector(poses.position(frame, j)) * m);
  return out;
}

bool samePositions(const viewport::SkeletonEntity* e, const std::vector<QVector3D>& expected) {
  if (!e || e->jointCount() != int(expected.size())) return false;
  for (int j = 0; j < e->jointCount(); ++j)
    if ((e->jointPosition(j) - expected[size_t(j)]).length() > 1e-4f) return false;
  return true;
}

QMatrix4x4 viewProjection(const viewport::SkeletonView& view) {
  return view.camera()->projectionMatrix() * view.camera()->viewMatrix();
}

QPointF screenOf(const viewport::SkeletonView& view, const QVector3D& world) {
  const auto p = viewport::projectToScreen(viewProjection(view), world, view.renderWindow()->size());
  return p ? *p : QPointF(-1, -1);
}

// The screen midpoint of the longest bone of `part` as drawn now.
QPointF boneMidpoint(const viewport::SkeletonView& view, BodyPart part) {
  const viewport::SkeletonEntity* s = view.skeleton();
  QPointF best(-1, -1);
  double longest = -1;
  for (int b = 0; b < s->boneCount(); ++b) {
    if (s->bonePart(b) != part) continue;
    const auto [a, c] = s->boneEnds(b);
    const QPointF pa = screenOf(view, a), pc = screenOf(view, c);
    const double length = std::hypot(pc.x() - pa.x(), pc.y() - pa.y());
    if (length > longest) longest = length, best = (pa + pc) / 2;
  }
  return best;
}

struct Review {
  Clip clip = walkerClip();
  Clip after = bentWalker(clip);
  std::shared_ptr<QualityReport> report = leftArmPop(clip.frameCount());
  editor::Document doc;
  int artifactId = 0;

  Review() {
    doc.setClip(clip);
    doc.setReport(report);
    for (const editor::Artifact& a : doc.artifacts())
      if (a.type == ArtifactType::Pop) artifactId = a.id;
    editor::Proposal proposal;
    proposal.artifactId = artifactId;
    proposal.method = QStringLiteral("classic");
    proposal.patch = Patch::diff(clip, after, {FrameRange{kPatchStart, kPatchEnd}});
    doc.setProposal(std::move(proposal));
    doc.setReviewedArtifact(artifactId);
  }
};

void showView(viewport::SkeletonView& view, int width = 800, int height = 600) {
  view.resize(width, height);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
}

bool isBackground(const QColor& c, const QColor& background) {
  return std::abs(c.red() - background.red()) <= 2 && std::abs(c.green() - background.green()) <= 2 &&
         std::abs(c.blue() - background.blue()) <= 2;
}

// A capture of the view once every joint of the solid skeleton is drawn
// (Qt 3D uploads meshes over its first frames).
// Whether any joint of `e` is drawn (a hidden ghost draws none).
bool anyDrawn(const viewport::SkeletonEntity* e) {
  for (int j = 0; j < e->jointCount(); ++j)
    if (e->isJointDrawn(j)) return true;
  return false;
}

QImage completeCapture(viewport::SkeletonView& view) {
  QImage image;
  for (int attempt = 0; attempt < 10; ++attempt) {
    std::unique_ptr<Qt3DRender::QRenderCaptureReply> reply(view.requestCapture());
    QSignalSpy completed(reply.get(), &Qt3DRender::QRenderCaptureReply::completed);
    if (!reply->isComplete() && !completed.wait(10000)) return QImage();
    image = reply->image();
    const qreal dpr = view.renderWindow()->devicePixelRatio();
    bool all = true;
    for (int j = 0; j < view.jointCount() && all; ++j) {
      const QPointF s = screenOf(view, view.jointPosition(j)) * dpr;
      all = isBackground(image.pixelColor(int(s.x()), int(s.y())), view.backgroundColor()) == false;
    }
    if (all) return image;
  }
  return image;
}

}  // namespace

class TestViewportReview : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void zoomSteps() {
    using viewport::zoomedDistance;
    QCOMPARE(zoomedDistance(10.0f, 1.0f, 0.1f, 100.0f), 8.5f);
    QVERIFY(std::abs(zoomedDistance(10.0f, -1.0f, 0.1f, 100.0f) - 10.0f / 0.85f) < 1e-4f);
    QCOMPARE(zoomedDistance(10.0f, 100.0f, 0.5f, 100.0f), 0.5f);
    QCOMPARE(zoomedDistance(10.0f, -100.0f, 0.5f, 100.0f), 100.0f);
  }

  void followTargetSmoothsHeightAndSnapsOnSeek() {
    viewport::FollowTarget t;
    t.reset(QVector3D(0, 1, 0), 0);
    // Across the floor exactly; the height eases towards the root.
    const QVector3D a = t.update(QVector3D(0.1f, 1.2f, 0.3f), 1, 120.0);
    QCOMPARE(a.x(), 0.1f);
    QCOMPARE(a.z(), 0.3f);
    QVERIFY(a.y() > 1.0f && a.y() < 1.05f);
    // A seek snaps.
    const QVector3D b = t.update(QVector3D(5, 0.5f, 5), 1000, 120.0);
    QCOMPARE(b, QVector3D(5, 0.5f, 5));
  }

  void bonesTakeTheirPartsQuality() {
    Review r;
    viewport::SkeletonView view;
    view.setDocument(&r.doc);
    showView(view);
    const viewport::SkeletonEntity* s = view.skeleton();
    QVERIFY(s);

    r.doc.setCurrentFrame(30);
    for (BodyPart part : kAllBodyParts)
      QCOMPARE(s->partColor(part), editor::qualityColor(r.report->partQuality(30, part)));
    QVERIFY(r.report->partQuality(30, BodyPart::LeftArm) < 0.2f);  // the pop shows as bad
    QVERIFY(s->partColor(BodyPart::LeftArm) != s->partColor(BodyPart::Torso));
    QVERIFY(s->partColor(BodyPart::RightLeg) != s->partColor(BodyPart::Torso));  // a mild jitter

    // Outside the artifact the arm is clean again.
    r.doc.setCurrentFrame(10);
    QCOMPARE(s->partColor(BodyPart::LeftArm), editor::qualityColor(1.0f));

    // Without a report: the neutral colours.
    r.doc.setReport(nullptr);
    QCOMPARE(s->partColor(BodyPart::LeftArm), viewport::SkeletonEntity::neutralBoneColor());
  }

  void ghostShowsTheProposalOverItsFrames() {
    Review r;
    viewport::SkeletonView view;
    view.setDocument(&r.doc);
    showView(view);
    QVERIFY(view.ghostVisible() && !view.showAfter());

    r.doc.setCurrentFrame(30);
    QVERIFY(view.ghostShown());
    QVERIFY(anyDrawn(view.ghost()));
    QVERIFY(samePositions(view.ghost(), fk(r.after, 30)));  // the patch's pose
    QVERIFY(samePositions(view.skeleton(), fk(r.clip, 30)));  // the motion as it is
    // The bend moves the left wrist, so the two really differ.
    QVERIFY((view.ghost()->jointPosition(7) - view.skeleton()->jointPosition(7)).length() > 0.05f);
    // Only what the proposal moves is drawn: the bent forearm, not the body.
    QVERIFY(view.ghost()->isJointDrawn(7));
    QVERIFY(!view.ghost()->isJointDrawn(0) && !view.ghost()->isJointDrawn(4) && !view.ghost()->isJointDrawn(13));

    // Outside the patch: no ghost.
    r.doc.setCurrentFrame(kPatchEnd + 5);
    QVERIFY(!view.ghostShown());
    QVERIFY(!anyDrawn(view.ghost()));
    r.doc.setCurrentFrame(kPatchStart);
    QVERIFY(view.ghostShown());
    QVERIFY(samePositions(view.ghost(), fk(r.after, kPatchStart)));

    // G hides it (the action's shortcut, or the key over the 3D window).
    QTest::keyClick(view.renderWindow(), Qt::Key_G);
    QVERIFY(!view.ghostVisible());
    QVERIFY(!view.ghostShown() && !anyDrawn(view.ghost()));
    view.setGhostVisible(true);
    QVERIFY(view.ghostShown());
    QVERIFY(view.ghostAction()->isChecked());

    // No reviewed artifact: no ghost.
    r.doc.setReviewedArtifact(0);
    QVERIFY(!view.ghostShown());
    r.doc.setReviewedArtifact(r.artifactId);
    QVERIFY(view.ghostShown());

    // Dropping the proposal removes the ghost.
    r.doc.clearProposal(r.artifactId);
    QVERIFY(!view.ghostShown());
  }

  void beforeAfterSwapsSkeletonAndGhost() {
    Review r;
    viewport::SkeletonView view;
    view.setDocument(&r.doc);
    showView(view);
    r.doc.setCurrentFrame(30);
    QSignalSpy toggled(&view, &viewport::SkeletonView::showAfterChanged);

    QTest::keyClick(view.renderWindow(), Qt::Key_B);
    QVERIFY(view.showAfter());
    QCOMPARE(toggled.count(), 1);
    QVERIFY(view.afterAction()->isChecked());
    QVERIFY(samePositions(view.skeleton(), fk(r.after, 30)));
    QVERIFY(samePositions(view.ghost(), fk(r.clip, 30)));
    // The report says nothing about the proposal: its part goes neutral.
    QCOMPARE(view.skeleton()->partColor(BodyPart::LeftArm), viewport::SkeletonEntity::neutralBoneColor());
    QCOMPARE(view.skeleton()->partColor(BodyPart::Torso), editor::qualityColor(1.0f));

    // Outside the patch "after" is the motion itself.
    r.doc.setCurrentFrame(50);
    QVERIFY(samePositions(view.skeleton(), fk(r.clip, 50)));

    QTest::keyClick(view.renderWindow(), Qt::Key_B);
    QVERIFY(!view.showAfter());
    r.doc.setCurrentFrame(30);
    QVERIFY(samePositions(view.skeleton(), fk(r.clip, 30)));
    // The document's clip was never touched.
    QVERIFY(mm::testing::sameBits(r.doc.clip(), r.clip));
  }

  void clickingABoneSelectsItsPart() {
    Review r;
    viewport::SkeletonView view;
    view.setDocument(&r.doc);
    showView(view);
    r.doc.setCurrentFrame(30);
    QSignalSpy clicked(&view, &viewport::SkeletonView::partClicked);
    QVERIFY(r.doc.selection().frames.empty());

    // Empty selection: the part at the current frame.
    const QPointF arm = boneMidpoint(view, BodyPart::LeftArm);
    QCOMPARE(view.partAt(arm.toPoint()), std::optional<BodyPart>(BodyPart::LeftArm));
    QTest::mouseClick(view.renderWindow(), Qt::LeftButton, Qt::NoModifier, arm.toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).value<BodyPart>(), BodyPart::LeftArm);
    QCOMPARE(r.doc.selection().frames.start, 30);
    QCOMPARE(r.doc.selection().frames.end, 31);
    QCOMPARE(int(r.doc.selection().partMask), 1 << bodyPartIndex(BodyPart::LeftArm));

    // A selected range keeps its frames; the click picks the part.
    editor::Selection range;
    range.frames = FrameRange{10, 50};
    r.doc.setSelection(range);
    const QPointF leg = boneMidpoint(view, BodyPart::RightLeg);
    QTest::mouseClick(view.renderWindow(), Qt::LeftButton, Qt::NoModifier, leg.toPoint());
    QCOMPARE(r.doc.selection().frames.start, 10);
    QCOMPARE(r.doc.selection().frames.end, 50);
    QCOMPARE(int(r.doc.selection().partMask), 1 << bodyPartIndex(BodyPart::RightLeg));
    // Ctrl adds a part (and takes it away again).
    QTest::mouseClick(view.renderWindow(), Qt::LeftButton, Qt::ControlModifier, arm.toPoint());
    QCOMPARE(int(r.doc.selection().partMask),
             (1 << bodyPartIndex(BodyPart::RightLeg)) | (1 << bodyPartIndex(BodyPart::LeftArm)));
    QTest::mouseClick(view.renderWindow(), Qt::LeftButton, Qt::ControlModifier, arm.toPoint());
    QCOMPARE(int(r.doc.selection().partMask), 1 << bodyPartIndex(BodyPart::RightLeg));
    QCOMPARE(clicked.count(), 4);

    // Empty space and a drag select nothing.
    const editor::Selection before = r.doc.selection();
    QTest::mouseClick(view.renderWindow(), Qt::LeftButton, Qt::NoModifier, QPoint(5, 5));
    QCOMPARE(view.partAt(QPoint(5, 5)), std::nullopt);
    QTest::mousePress(view.renderWindow(), Qt::LeftButton, Qt::NoModifier, arm.toPoint());
    QTest::mouseMove(view.renderWindow(), arm.toPoint() + QPoint(60, 40));
    QTest::mouseRelease(view.renderWindow(), Qt::LeftButton, Qt::NoModifier, arm.toPoint() + QPoint(60, 40));
    QVERIFY(r.doc.selection() == before);
    QCOMPARE(clicked.count(), 4);
  }

  void followCameraKeepsTheRootCentred() {
    // A 12 m walk at 120 fps: the fixed camera frames the path, the follow
    // camera the figure.
    Clip walk(walkerClip().skeleton(), 1200, 120.0);
    for (int f = 0; f < walk.frameCount(); ++f) walk.translation(f, 0) = Eigen::Vector3d(f * 1.0, 95, 0);
    editor::Document doc;
    doc.setClip(walk);
    viewport::SkeletonView view;
    view.setDocument(&doc);
    showView(view);
    QVERIFY(view.followCharacter());
    const QSize size = view.renderWindow()->size();

    const auto rootOnScreen = [&] { return screenOf(view, view.jointPosition(0)); };
    const auto figureHeight = [&] {
      return std::abs(screenOf(view, view.jointPosition(4)).y() - screenOf(view, view.jointPosition(13)).y());
    };
    const auto nearCentre = [&](const QPointF& p) {
      return std::abs(p.x() - size.width() / 2.0) < 0.1 * size.width() &&
             std::abs(p.y() - size.height() / 2.0) < 0.15 * size.height();
    };
    QVERIFY2(nearCentre(rootOnScreen()), qPrintable(QStringLiteral("root at %1, %2").arg(rootOnScreen().x()).arg(rootOnScreen().y())));
    // Framed by the figure's height, not by the 12 m path.
    QVERIFY2(figureHeight() > 0.4 * size.height(), qPrintable(QString::number(figureHeight())));
    const QPointF first = rootOnScreen();
    const float distance = (view.camera()->position() - view.camera()->viewCenter()).length();
    const QVector3D direction = (view.camera()->viewCenter() - view.camera()->position()).normalized();

    for (int f : {300, 1100, 40}) {
      doc.setCurrentFrame(f);
      const QPointF p = rootOnScreen();
      QVERIFY2(std::abs(p.x() - first.x()) < 2 && std::abs(p.y() - first.y()) < 2,
               qPrintable(QStringLiteral("frame %1: root at %2, %3").arg(f).arg(p.x()).arg(p.y())));
      QVERIFY(std::abs((view.camera()->position() - view.camera()->viewCenter()).length() - distance) < 1e-3f);
      QVERIFY(((view.camera()->viewCenter() - view.camera()->position()).normalized() - direction).length() < 1e-4f);
    }

    // The wheel zooms by 15 % of the distance per notch, and following keeps it.
    QWheelEvent wheel(QPointF(size.width() / 2, size.height() / 2), view.renderWindow()->mapToGlobal(QPointF(10, 10)),
                      QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.renderWindow(), &wheel);
    const float zoomed = (view.camera()->position() - view.camera()->viewCenter()).length();
    QVERIFY2(std::abs(zoomed - 0.85f * distance) < 1e-3f * distance, qPrintable(QString::number(zoomed / distance)));
    doc.setCurrentFrame(600);
    QVERIFY(std::abs((view.camera()->position() - view.camera()->viewCenter()).length() - zoomed) < 1e-3f);
    QVERIFY(nearCentre(rootOnScreen()));

    // Fixed camera: frames the whole path and stays where it is.
    view.setFollowCharacter(false);
    QVERIFY(!view.followAction()->isChecked());
    const QVector3D eye = view.camera()->position(), centre = view.camera()->viewCenter();
    QVERIFY(figureHeight() < 0.4 * size.height());
    for (int f : {0, 1199}) {
      doc.setCurrentFrame(f);
      QCOMPARE(view.camera()->position(), eye);
      QCOMPARE(view.camera()->viewCenter(), centre);
      const QPointF p = rootOnScreen();
      QVERIFY(p.x() > 0 && p.x() < size.width() && p.y() > 0 && p.y() < size.height());
    }
    const QPointF a = rootOnScreen();
    doc.setCurrentFrame(0);
    QVERIFY(std::abs(rootOnScreen().x() - a.x()) > 0.3 * size.width());  // the figure crosses the view
  }

  // Renders the review scene, checks the colours where the bones are, and
  // saves the picture for a person to look at.
  void reviewScreenshot() {
    Review r;
    viewport::SkeletonView view;
    view.setDocument(&r.doc);
    showView(view, 960, 720);
    r.doc.setCurrentFrame(30);
    QVERIFY(view.ghostShown());

    const QImage image = completeCapture(view);
    QVERIFY(!image.isNull());
    const QString path = qEnvironmentVariableIsSet("MM_VIEWPORT_SCREENSHOT")
                             ? qEnvironmentVariable("MM_VIEWPORT_SCREENSHOT")
                             : QStringLiteral(MM_BINARY_DIR "/viewport-review.png");
    QVERIFY(image.save(path));
    qInfo("screenshot: %s", qPrintable(path));

    const qreal dpr = view.renderWindow()->devicePixelRatio();
    const QColor bg = view.backgroundColor();
    // The mean of the drawn pixels within 2 pixels (a thin bone, shaded
    // across, with a highlight).
    const auto pixel = [&](const QPointF& p) {
      int r = 0, g = 0, b = 0, n = 0;
      for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
          const QColor c = image.pixelColor(int(p.x() * dpr) + dx, int(p.y() * dpr) + dy);
          if (isBackground(c, bg)) continue;
          r += c.red(), g += c.green(), b += c.blue(), ++n;
        }
      return n ? QColor(r / n, g / n, b / n) : bg;
    };
    // The bad arm reads yellow (red over blue), the clean spine blue.
    const QColor arm = pixel(boneMidpoint(view, BodyPart::LeftArm));
    const QColor torso = pixel(screenOf(view, (view.jointPosition(1) + view.jointPosition(2)) / 2));
    QVERIFY2(arm.red() > arm.blue() + 40, qPrintable(arm.name()));
    QVERIFY2(torso.blue() > torso.red() + 20, qPrintable(torso.name()));
    // The clean bones stand out from the background.
    QVERIFY2(std::abs(torso.lightness() - bg.lightness()) > 30 || std::abs(torso.blue() - bg.blue()) > 40,
             qPrintable(torso.name()));
    // The ghost's wrist, away from the solid arm, is drawn lighter than the
    // background.
    const QColor ghost = pixel(screenOf(view, view.ghost()->jointPosition(7)));
    QVERIFY2(ghost.lightness() > bg.lightness() + 30, qPrintable(ghost.name()));
  }
};

QTEST_MAIN(TestViewportReview)
#include "tst_viewportreview.moc"
