// TimeMapping (frame <-> pixel, zoom limits, anchored zoom, scrolling,
// column coverage, snapping) and the ruler's tick steps and timecode.
#include "timeline/rulerticks.h"
#include "timeline/timemapping.h"

#include <QtTest>

#include <cmath>

using mm::FrameRange;
using mm::timeline::TimeMapping;

class TestTimeMapping : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fitAllCoversTheTake() {
    TimeMapping m;
    m.setViewWidth(1000);
    m.setFrameCount(432000);
    QVERIFY(m.isFitAll());
    QCOMPARE(m.framesPerPixel(), 432.0);
    QCOMPARE(m.offset(), 0.0);
    QCOMPARE(m.frameToX(0), 0.0);
    QCOMPARE(m.frameToX(432000), 1000.0);
    QCOMPARE(m.visibleRange().start, 0);
    QCOMPARE(m.visibleRange().end, 432000);
    // Fit-all follows the width.
    m.setViewWidth(500);
    QVERIFY(m.isFitAll());
    QCOMPARE(m.framesPerPixel(), 864.0);
  }

  void zoomIsClampedBetweenFullZoomAndFitAll() {
    TimeMapping m;
    m.setViewWidth(800);
    m.setFrameCount(8000);
    m.setFramesPerPixel(1e-6);
    QCOMPARE(m.pixelsPerFrame(), TimeMapping::kMaxPixelsPerFrame);
    QVERIFY(!m.isFitAll());
    m.setFramesPerPixel(1e6);
    QVERIFY(m.isFitAll());
    QCOMPARE(m.framesPerPixel(), 10.0);
    // A take shorter than the view at full zoom: fit-all is the only zoom.
    m.setFrameCount(10);
    QVERIFY(m.isFitAll());
    QCOMPARE(m.pixelsPerFrame(), 80.0);
    m.zoomAbout(4.0, 100);
    QCOMPARE(m.pixelsPerFrame(), 80.0);
  }

  void zoomKeepsTheAnchorFrame() {
    TimeMapping m;
    m.setViewWidth(1000);
    m.setFrameCount(100000);
    const double anchorX = 333.0;
    const double before = m.xToFrame(anchorX);
    m.zoomAbout(8.0, anchorX);
    QVERIFY(!m.isFitAll());
    QVERIFY(std::abs(m.xToFrame(anchorX) - before) < 1e-6);
    QVERIFY(std::abs(m.framesPerPixel() - 100.0 / 8.0) < 1e-9);
    m.zoomAbout(1.0 / 8.0, anchorX);
    QVERIFY(m.isFitAll());
    QCOMPARE(m.offset(), 0.0);
  }

  void scrollingStaysInsideTheTake() {
    TimeMapping m;
    m.setViewWidth(100);
    m.setFrameCount(1000);
    m.setFramesPerPixel(1.0);
    m.setOffset(-50);
    QCOMPARE(m.offset(), 0.0);
    m.setOffset(5000);
    QCOMPARE(m.offset(), 900.0);  // the last 100 frames fill the view
    m.scrollByPixels(-10);
    QCOMPARE(m.offset(), 890.0);
    QCOMPARE(m.visibleRange().start, 890);
    QCOMPARE(m.visibleRange().end, 990);
    m.ensureVisible(100);
    QCOMPARE(m.offset(), 100.0);
    m.ensureVisible(250);
    QCOMPARE(m.offset(), 151.0);  // frame 250 is the last visible one
    QCOMPARE(m.frameAt(99.5), 250);
  }

  void framesAndPixels() {
    TimeMapping m;
    m.setViewWidth(240);
    m.setFrameCount(1000);
    m.setFramesPerPixel(1.0 / 24.0);  // full zoom: 24 px a frame
    m.setOffset(10.0);
    QCOMPARE(m.frameToX(10), 0.0);
    QCOMPARE(m.frameToX(11), 24.0);
    QCOMPARE(m.frameAt(0), 10);
    QCOMPARE(m.frameAt(23.9), 10);
    QCOMPARE(m.frameAt(24), 11);
    QCOMPARE(m.frameAt(-1e9), 0);
    QCOMPARE(m.frameAt(1e9), 999);
    // Edges snap to the nearest boundary.
    QCOMPARE(m.snapToBoundary(11), 10);
    QCOMPARE(m.snapToBoundary(13), 11);
    QCOMPARE(m.snapToBoundary(1e9), 1000);
    // A column at full zoom lies in one frame.
    const FrameRange c = m.columnFrames(30);
    QCOMPARE(c.start, 11);
    QCOMPARE(c.end, 12);
  }

  void columnsCoverEveryFrameOnce() {
    // Zoomed out, the columns cover every frame; neighbours share at most one.
    for (double fpp : {432.0, 7.3, 1.0, 0.37}) {
      TimeMapping m;
      m.setViewWidth(997);
      m.setFrameCount(432000);
      m.setFramesPerPixel(fpp);
      m.setOffset(1234.56);
      int expected = m.columnFrames(0).start;
      for (int x = 0; x < m.viewWidth(); ++x) {
        const FrameRange r = m.columnFrames(x);
        QVERIFY2(!r.empty(), qPrintable(QStringLiteral("fpp %1 x %2").arg(fpp).arg(x)));
        QVERIFY(r.start <= expected && r.start >= expected - 1);
        QVERIFY(r.end >= r.start + 1);
        expected = r.end;
        // The frames really overlap the column.
        QVERIFY(m.frameToX(r.start) < x + 1 && m.frameToX(r.end) > x);
      }
    }
    // Columns past the end cover nothing.
    TimeMapping m;
    m.setViewWidth(100);
    m.setFrameCount(50);
    QVERIFY(m.columnFrames(100).empty());
    QVERIFY(m.columnFrames(-1).empty());
  }

  void frameRangeFillsTheView() {
    TimeMapping m;
    m.setViewWidth(500);
    m.setFrameCount(100000);
    m.frameRange(FrameRange{2000, 2500}, 0);
    QCOMPARE(m.framesPerPixel(), 1.0);
    QCOMPARE(m.offset(), 2000.0);
    m.frameRange(FrameRange{0, 5});  // narrower than full zoom allows
    QCOMPARE(m.pixelsPerFrame(), TimeMapping::kMaxPixelsPerFrame);
  }

  void rulerSteps() {
    using mm::timeline::rulerStep;
    // 60 px apart at 1 frame / px: 100 frames (50 would be too close).
    auto s = rulerStep(1.0, 30.0, false, 60.0);
    QCOMPARE(s.major, 100);
    QCOMPARE(s.major % s.minor, 0);
    s = rulerStep(1.0 / 24.0, 30.0, false, 60.0);
    QCOMPARE(s.major, 5);
    // Timecode at 120 fps, 432 frames a pixel (an hour in 1000 px), 80 px labels:
    // at least 34560 frames = 4.8 min -> 5 min.
    s = rulerStep(432.0, 120.0, true, 80.0);
    QCOMPARE(s.major, 5 * 60 * 120);
    s = rulerStep(0.5, 120.0, true, 80.0);
    QCOMPARE(s.major, 120);  // 40 frames -> one second
    QCOMPARE(s.major % s.minor, 0);
  }

  void timecode() {
    using mm::timeline::formatTimecode;
    QCOMPARE(formatTimecode(0, 30.0), QStringLiteral("00:00:00:00"));
    QCOMPARE(formatTimecode(29, 30.0), QStringLiteral("00:00:00:29"));
    QCOMPARE(formatTimecode(30 * 3661 + 5, 30.0), QStringLiteral("01:01:01:05"));
    QCOMPARE(formatTimecode(432000 - 1, 120.0), QStringLiteral("00:59:59:119"));
    QCOMPARE(formatTimecode(60, 120.0), QStringLiteral("00:00:00:060"));
    QCOMPARE(formatTimecode(24, 23.976), QStringLiteral("00:00:01:00"));
  }
};

QTEST_APPLESS_MAIN(TestTimeMapping)
#include "tst_timemapping.moc"
