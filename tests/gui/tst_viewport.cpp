// The first window: document, playback and the Qt 3D skeleton view. The view
// test renders a programmatic clip and reads the pixels back through Qt 3D's
// render capture, so it needs a display with OpenGL (run under xvfb-run).

#include "editor/document.h"
#include "editor/testutil_editor.h"
#include "editor/playback.h"
#include "motion/clip.h"
#include "motion/kinematics.h"
#include "viewport/cameraframing.h"
#include "viewport/groundgrid.h"
#include "viewport/skeletonentity.h"
#include "viewport/skeletonview.h"

#include <Qt3DExtras/Qt3DWindow>
#include <Qt3DRender/QCamera>
#include <Qt3DRender/QRenderCaptureReply>
#include <QFile>
#include <QFileInfo>
#include <QMatrix4x4>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace mm;
using mm::testing::kFps;
using mm::testing::kFrames;
using mm::testing::walkerClip;

namespace {

QVector3D toVector(const Eigen::Vector3d& v) { return QVector3D(float(v.x()), float(v.y()), float(v.z())); }

bool isBackground(const QColor& c, const QColor& background) {
  // Exact clear colour up to rounding in the read-back.
  return std::abs(c.red() - background.red()) <= 2 && std::abs(c.green() - background.green()) <= 2 &&
         std::abs(c.blue() - background.blue()) <= 2;
}

// Screen position (pixels, origin top left) of a world point, as the camera
// of the view projects it onto an image of `size`; z is NDC depth.
QVector3D project(const QMatrix4x4& viewProjection, const QVector3D& world, const QSize& size) {
  const QVector4D clip = viewProjection * QVector4D(world, 1.0f);
  const QVector3D ndc = clip.toVector3DAffine();
  return QVector3D((ndc.x() + 1.0f) * 0.5f * size.width(), (1.0f - ndc.y()) * 0.5f * size.height(), ndc.z());
}

float distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double len2 = QPointF::dotProduct(ab, ab);
  const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return float(std::hypot(d.x(), d.y()));
}

// The 3x3 pixels around (x, y) that lie in the image.
template <typename F>
int countAround(const QImage& image, int x, int y, F predicate) {
  int n = 0;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) {
      const int px = x + dx, py = y + dy;
      if (px >= 0 && py >= 0 && px < image.width() && py < image.height() && predicate(image.pixelColor(px, py))) ++n;
    }
  return n;
}

}  // namespace

class TestViewport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void gridSpacing() {
    using viewport::GroundGrid;
    QCOMPARE(GroundGrid::spacingFor(4.0f), 1.0f);
    QCOMPARE(GroundGrid::spacingFor(40.0f), 1.0f);
    QCOMPARE(GroundGrid::spacingFor(41.0f), 2.0f);
    QCOMPARE(GroundGrid::spacingFor(100.0f), 5.0f);
    QCOMPARE(GroundGrid::spacingFor(1000.0f), 50.0f);
    QCOMPARE(GroundGrid::spacingFor(std::numeric_limits<float>::infinity()), 1.0f);
  }

  // Bandai-style files hang the body under a joint fixed at the origin; it is
  // no bone of the body and must neither be drawn nor stretch the bounds.
  void fixedWorldRootIsNotPartOfTheBody() {
    Skeleton s;
    s.addJoint("Root", Skeleton::kNoParent, Eigen::Vector3d(0, 0, 0));
    s.addJoint("Hips", 0, Eigen::Vector3d(0, 95, 0));
    s.addJoint("LeftFoot", 1, Eigen::Vector3d(10, -90, 0));
    s.addJoint("RightFoot", 1, Eigen::Vector3d(-10, -90, 0));
    s.addJoint("Head", 1, Eigen::Vector3d(0, 70, 0));
    s.setChannels(1, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                      Channel::Xrotation, Channel::Yrotation});
    Clip clip(s, 20, kFps);
    for (int f = 0; f < clip.frameCount(); ++f) clip.translation(f, 1) = Eigen::Vector3d(0, 95, 300 + 10 * f);
    const float m = float(1.0 / clip.unitsPerMeter());

    viewport::SkeletonEntity fixedRoot(clip);
    QCOMPARE(fixedRoot.referenceJoint(), 0);
    QVERIFY(fixedRoot.boundsMin().z() > 2.9f * 100 * m);  // the origin is not in the box
    // The hips' path, not the origin's.
    QVERIFY(std::abs(fixedRoot.rootArea().top() - 300 * m) < 1e-4);
    QVERIFY(std::abs(fixedRoot.rootArea().bottom() - 490 * m) < 1e-4);
    QVERIFY(std::abs(fixedRoot.rootArea().left()) < 1e-4 && fixedRoot.rootArea().width() < 1e-4);

    // A root that moves is the body's own.
    clip.translation(5, 0) = Eigen::Vector3d(1, 0, 0);
    QCOMPARE(viewport::SkeletonEntity(clip).referenceJoint(), -1);
    // So is a fixed root with several children (hips of a stationary pose).
    QCOMPARE(viewport::SkeletonEntity(walkerClip()).referenceJoint(), -1);
  }

  void framingSeesWholeBox() {
    const QVector3D lo(-3.0f, 0.0f, -0.5f), hi(4.0f, 1.8f, 0.7f);
    const float aspect = 16.0f / 9.0f;
    for (const QVector3D& dir : {viewport::viewDirectionFor(hi - lo), QVector3D(0.2f, -0.5f, -1.0f)}) {
      const viewport::CameraFraming f = viewport::frameBox(lo, hi, 40.0f, aspect, dir);
      QMatrix4x4 projection, view;
      projection.perspective(40.0f, aspect, f.nearPlane, f.farPlane);
      view.lookAt(f.position, f.viewCenter, f.upVector);
      float widest = 0.0f;
      for (int i = 0; i < 8; ++i) {
        const QVector3D corner((i & 1) ? hi.x() : lo.x(), (i & 2) ? hi.y() : lo.y(), (i & 4) ? hi.z() : lo.z());
        const QVector3D ndc = (projection * view * QVector4D(corner, 1.0f)).toVector3DAffine();
        QVERIFY2(std::abs(ndc.x()) <= 1.0f && std::abs(ndc.y()) <= 1.0f && std::abs(ndc.z()) <= 1.0f,
                 qPrintable(QStringLiteral("corner %1 outside the view").arg(i)));
        widest = std::max({widest, std::abs(ndc.x()), std::abs(ndc.y())});
      }
      // Tight: the box fills the view up to the margin.
      QVERIFY2(widest > 0.85f, qPrintable(QString::number(widest)));
    }
  }

  void viewShowsSkeletonPixels() {
    const Clip clip = walkerClip();
    const GlobalPoses poses = computeGlobalPoses(clip);
    const float metresPerUnit = float(1.0 / clip.unitsPerMeter());
    constexpr int kFrame = 20;

    editor::Document doc;
    doc.setClip(clip);
    doc.setCurrentFrame(kFrame);
    viewport::SkeletonView view;
    view.setDocument(&doc);
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // The view poses the joints by forward kinematics, in metres.
    QCOMPARE(view.jointCount(), clip.jointCount());
    QCOMPARE(view.shownFrame(), kFrame);
    for (int j = 0; j < clip.jointCount(); ++j) {
      const QVector3D expected = toVector(poses.position(kFrame, j)) * metresPerUnit;
      QVERIFY2((view.jointPosition(j) - expected).length() < 1e-4f, qPrintable(QString::fromStdString(clip.skeleton().name(j))));
    }
    // The floor covers the root's path with at least a metre to spare.
    const QRectF grid = view.groundGrid()->extent();
    QVERIFY(grid.left() <= -0.3 - 1.0 && grid.right() >= 0.29 + 1.0);
    QVERIFY(grid.top() <= -1.0 && grid.bottom() >= 1.0);
    QCOMPARE(view.groundGrid()->spacing(), 1.0f);

    // Qt 3D uploads meshes and builds shaders over its first frames, so an
    // early capture may lack parts of the scene: capture until the scene is
    // complete (every joint drawn), a bounded number of times.
    const QColor background = view.backgroundColor();
    QImage image;
    QMatrix4x4 viewProjection;
    std::vector<QVector3D> screen(static_cast<size_t>(clip.jointCount()));
    QStringList missing;
    for (int attempt = 0; attempt < 10; ++attempt) {
      std::unique_ptr<Qt3DRender::QRenderCaptureReply> reply(view.requestCapture());
      QVERIFY(reply);
      QSignalSpy completed(reply.get(), &Qt3DRender::QRenderCaptureReply::completed);
      QVERIFY2(reply->isComplete() || completed.wait(10000), "render capture did not complete within 10 s");
      image = reply->image();
      QVERIFY(!image.isNull());
      const qreal dpr = view.renderWindow()->devicePixelRatio();
      QCOMPARE(image.size(), view.renderWindow()->size() * dpr);

      viewProjection = view.camera()->projectionMatrix() * view.camera()->viewMatrix();
      missing.clear();
      for (int j = 0; j < clip.jointCount(); ++j) {
        screen[size_t(j)] = project(viewProjection, view.jointPosition(j), image.size());
        const QVector3D& s = screen[size_t(j)];
        QVERIFY2(s.x() >= 5 && s.y() >= 5 && s.x() < image.width() - 5 && s.y() < image.height() - 5,
                 "auto-framing must keep every joint in the view");
        const int drawn = countAround(image, int(s.x()), int(s.y()),
                                      [&](const QColor& c) { return !isBackground(c, background); });
        if (drawn < 9) missing << QString::fromStdString(clip.skeleton().name(j));
      }
      if (missing.isEmpty()) break;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("background at joints: ") + missing.join(QLatin1Char(' '))));

    // Screen segments of every bone and end site, to know which pixels are
    // near the figure.
    std::vector<std::pair<QPointF, QPointF>> segments;
    for (int j = 0; j < clip.jointCount(); ++j) {
      const QPointF a(screen[size_t(j)].x(), screen[size_t(j)].y());
      const int parent = clip.skeleton().parent(j);
      segments.emplace_back(a, parent >= 0 ? QPointF(screen[size_t(parent)].x(), screen[size_t(parent)].y()) : a);
      if (const auto& site = clip.skeleton().endSite(j)) {
        const Eigen::Vector3d tip = poses.position(kFrame, j) + poses.rotation(kFrame, j) * *site;
        const QVector3D t = project(viewProjection, toVector(tip) * metresPerUnit, image.size());
        segments.emplace_back(a, QPointF(t.x(), t.y()));
      }
    }
    const auto farFromFigure = [&](const QPointF& p) {
      for (const auto& [a, b] : segments)
        if (distanceToSegment(p, a, b) < 25.0f) return false;
      return true;
    };

    // Pixels whose ray goes upwards cannot meet the floor; away from the
    // figure they must show the background.
    const QMatrix4x4 inverse = viewProjection.inverted();
    const QVector3D eye = view.camera()->position();
    int skyChecked = 0;
    for (int y = 0; y < image.height(); y += 4) {
      for (int x = 0; x < image.width(); x += 8) {
        const QVector3D ndc(2.0f * (x + 0.5f) / image.width() - 1.0f, 1.0f - 2.0f * (y + 0.5f) / image.height(), 1.0f);
        const QVector3D farPoint = (inverse * QVector4D(ndc, 1.0f)).toVector3DAffine();
        if (farPoint.y() - eye.y() <= 0.0f || !farFromFigure(QPointF(x, y))) continue;
        ++skyChecked;
        QVERIFY2(isBackground(image.pixelColor(x, y), background),
                 qPrintable(QStringLiteral("pixel (%1, %2) is %3, expected background %4")
                                .arg(x)
                                .arg(y)
                                .arg(image.pixelColor(x, y).name(), background.name())));
      }
    }
    QVERIFY2(skyChecked >= 50, qPrintable(QStringLiteral("only %1 background samples").arg(skyChecked)));

    // The floor is drawn: points on grid lines away from the figure are not
    // background (lines are one pixel wide, so look at the 3x3 around).
    const viewport::GroundGrid* floor = view.groundGrid();
    int floorChecked = 0, floorDrawn = 0;
    for (float x = float(grid.left()); x <= float(grid.right()) + 1e-3f; x += floor->spacing()) {
      for (float t = 0.1f; t < 1.0f; t += 0.2f) {
        const QVector3D onLine(x, floor->groundY(), float(grid.top() + t * grid.height()));
        const QVector3D s = project(viewProjection, onLine, image.size());
        if (s.x() < 2 || s.y() < 2 || s.x() >= image.width() - 2 || s.y() >= image.height() - 2 ||
            std::abs(s.z()) > 1.0f || !farFromFigure(QPointF(s.x(), s.y())))
          continue;
        ++floorChecked;
        if (countAround(image, int(s.x()), int(s.y()), [&](const QColor& c) { return !isBackground(c, background); }) > 0)
          ++floorDrawn;
      }
    }
    QVERIFY2(floorChecked >= 5, qPrintable(QStringLiteral("only %1 floor samples").arg(floorChecked)));
    QCOMPARE(floorDrawn, floorChecked);

    // Moving the document's frame moves the skeleton.
    doc.setCurrentFrame(kFrame + 30);
    QCOMPARE(view.shownFrame(), kFrame + 30);
    const QVector3D rootNow = toVector(poses.position(kFrame + 30, 0)) * metresPerUnit;
    QVERIFY((view.jointPosition(0) - rootNow).length() < 1e-4f);
    QCOMPARE(qRound(view.jointPosition(0).x() * 100.0f), -30 + kFrame + 30);  // 1 cm per frame along X
  }
};

QTEST_MAIN(TestViewport)
#include "tst_viewport.moc"
