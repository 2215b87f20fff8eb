// io/clipblob: whole clips and frame chunks read back bit for bit; damaged
// or foreign data fails with a message and leaves the target untouched.
#include "common/clipcompare.h"
#include "common/devdata.h"
#include "io/clipblob.h"
#include "io/motionfile.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace mm;
using mm::test::clipDifference;
using mm::test::testData;

namespace {

// Everything a blob must keep: end sites, Euler styles, an added track,
// missing data, odd bit patterns (negative zero, a NaN payload, denormals).
Clip oddClip(int frames) {
  Skeleton s;
  s.addJoint("Hips", Skeleton::kNoParent, {0.5, 90.25, -0.0});
  s.addJoint("Spine", 0, {0, 10, 0});
  s.addJoint("Head \xc3\xa9", 1, {0, 20, 1e-310});
  s.addJoint("Hand", 1, {5, 0, 0});
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  s.setChannels(1, {Channel::Yrotation, Channel::Xrotation, Channel::Zrotation});
  s.setChannels(2, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Xrotation});
  s.setEndSite(2, Eigen::Vector3d(0, 7.125, 0));
  EulerStyle style;
  style.wrapped = true;
  style.first = Eigen::Vector3d(179.99, -0.0, 360.5);
  s.setEulerStyle(1, style);
  Clip clip(s, frames, 119.88);
  clip.addTrack(3);
  for (int f = 0; f < frames; ++f)
    for (int j = 0; j < clip.jointCount(); ++j) {
      clip.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(0.013 * f + j, Eigen::Vector3d(1, 2, 3).normalized()));
      if (clip.hasTrack(j)) clip.translation(f, j) = Eigen::Vector3d(f * 0.1, -f / 3.0, j);
    }
  clip.rotation(0, 1).x() = -0.0;
  clip.translation(1, 0).z() = std::numeric_limits<double>::quiet_NaN();
  clip.setValid(2, 3, false);
  if (frames > 300) clip.setValid(300, 0, false);
  return clip;
}

}  // namespace

class TestClipBlob : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void wholeClipRoundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("bandai") << testData("bandai_kick_40.bvh");
    QTest::newRow("orders") << testData("bvh/orders.bvh");
    QTest::newRow("amc") << testData("asf/tiny.amc");
  }
  void wholeClipRoundTrip() {
    QFETCH(QString, file);
    const LoadResult in = loadMotion(file.toStdString());
    QVERIFY2(in.ok(), in.error.toString().c_str());
    Clip back;
    std::string error;
    QVERIFY2(readClipBlob(clipBlob(*in.clip), &back, &error), error.c_str());
    const QString diff = clipDifference(*in.clip, back);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
  }

  void oddBitsRoundTrip() {
    const Clip clip = oddClip(40);
    Clip back;
    std::string error;
    QVERIFY2(readClipBlob(clipBlob(clip), &back, &error), error.c_str());
    const QString diff = clipDifference(clip, back);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(std::isnan(back.translation(1, 0).z()));
    QVERIFY(std::signbit(back.rotation(0, 1).x()));
    QCOMPARE(back.missingCount(), 1);
  }

  // Header and chunks stored apart (as the project file does) read back whole.
  void chunkedRoundTrip() {
    const Clip clip = oddClip(700);
    Clip back;
    int frames = -1;
    std::string error;
    QVERIFY2(readClipHeaderBlob(clipHeaderBlob(clip), &back, &frames, &error), error.c_str());
    QCOMPARE(frames, 700);
    QCOMPARE(back.frameCount(), 0);
    std::string concatenated = clipHeaderBlob(clip);
    for (int a = 0; a < 700; a += kClipChunkFrames) {
      const std::string chunk = clipChunkBlob(clip, a, a + kClipChunkFrames);
      QVERIFY2(appendClipChunkBlob(chunk, &back, &error), error.c_str());
      concatenated += chunk;
    }
    QString diff = clipDifference(clip, back);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(back.missingCount(), 2);
    // Header + chunks in order is a whole-clip blob too.
    Clip whole;
    QVERIFY2(readClipBlob(concatenated, &whole, &error), error.c_str());
    diff = clipDifference(clip, whole);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
  }

  void chunkOutOfOrderIsRefused() {
    const Clip clip = oddClip(40);
    Clip back;
    std::string error;
    QVERIFY(readClipHeaderBlob(clipHeaderBlob(clip), &back, nullptr, &error));
    QVERIFY(!appendClipChunkBlob(clipChunkBlob(clip, 10, 20), &back, &error));
    QVERIFY2(QString::fromStdString(error).contains("expected frame 0"), error.c_str());
    QCOMPARE(back.frameCount(), 0);
    // Trailing bytes are refused before the clip changes.
    QVERIFY(!appendClipChunkBlob(clipChunkBlob(clip, 0, 10) + "x", &back, &error));
    QCOMPARE(back.frameCount(), 0);
    // A chunk of another skeleton.
    const LoadResult other = loadMotion(testData("bandai_kick_40.bvh").toStdString());
    QVERIFY(!appendClipChunkBlob(clipChunkBlob(*other.clip, 0, 10), &back, &error));
    QVERIFY2(QString::fromStdString(error).contains("joints"), error.c_str());
  }

  // Every truncation fails cleanly (no crash, a message, the target untouched).
  void truncatedDataIsRefused() {
    const std::string blob = clipBlob(oddClip(12));
    Clip target = oddClip(3);
    for (size_t n = 0; n < blob.size(); n += (n < 400 ? 1 : 97)) {
      std::string error;
      QVERIFY2(!readClipBlob(std::string_view(blob).substr(0, n), &target, &error), qPrintable(QString::number(n)));
      QVERIFY(QString::fromStdString(error).startsWith("clip data: "));
    }
    QCOMPARE(target.frameCount(), 3);
    std::string error;
    QVERIFY(!readClipBlob(blob.substr(0, blob.size() - 5), &target, &error));
    QVERIFY2(QString::fromStdString(error).contains("truncated"), error.c_str());
  }

  void foreignAndNewerDataAreRefused() {
    Clip target;
    std::string error;
    QVERIFY(!readClipBlob("BVH HIERARCHY and some more bytes", &target, &error));
    QVERIFY2(QString::fromStdString(error).contains("not a MotionMender clip header"), error.c_str());
    std::string blob = clipBlob(oddClip(4));
    blob[4] = 7;  // version 7
    QVERIFY(!readClipBlob(blob, &target, &error));
    QVERIFY2(QString::fromStdString(error).contains("newer"), error.c_str());
    blob = clipBlob(oddClip(4));
    blob[blob.size() / 2] ^= 0x5a;  // damage inside the rotations still reads (no checksum) but never crashes
    readClipBlob(blob, &target, &error);
  }
};

QTEST_GUILESS_MAIN(TestClipBlob)
#include "tst_clipblob.moc"
