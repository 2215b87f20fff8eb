#include "common/bvhtokens.h"
#include "common/devdata.h"
#include "common/textfile.h"
#include "io/bvh.h"
#include "io/motionfile.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include <charconv>
#include <fstream>
#include <sstream>

#include <sched.h>

using namespace mm;
using mm::test::readText;
using mm::test::testData;

namespace {

// Largest absolute difference between two sets of channel values; -1 if
// shapes differ. +180 and -180 count as equal: both spellings of that one
// angle occur in the development data and a quaternion cannot tell them apart.
double maxDifference(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b) {
  if (a.size() != b.size()) return -1;
  double worst = 0;
  for (size_t f = 0; f < a.size(); ++f) {
    if (a[f].size() != b[f].size()) return -1;
    for (size_t i = 0; i < a[f].size(); ++i) {
      double d = std::abs(a[f][i] - b[f][i]);
      if (std::abs(std::abs(a[f][i]) - 180) < 1e-5 && std::abs(std::abs(b[f][i]) - 180) < 1e-5) d = std::abs(d - 360);
      worst = std::max(worst, std::min(d, std::abs(a[f][i] - b[f][i])));
    }
  }
  return worst;
}

void compareSkeletons(const Skeleton& a, const Skeleton& b) {
  QCOMPARE(a.jointCount(), b.jointCount());
  for (int j = 0; j < a.jointCount(); ++j) {
    QCOMPARE(a.name(j), b.name(j));
    QCOMPARE(a.parent(j), b.parent(j));
    QVERIFY((a.offset(j) - b.offset(j)).norm() < 1e-5);
    QVERIFY(a.channels(j) == b.channels(j));
  }
}

// Read -> write -> read; channel values of the written text equal the source's.
double roundTripDifference(const QString& path, QString* why) {
  const LoadResult a = readBvh(path.toStdString());
  if (!a.ok()) {
    *why = QString::fromStdString(a.error.toString());
    return -2;
  }
  const std::string written = writeBvhString(*a.clip);
  const LoadResult b = parseBvh(written, "written");
  if (!b.ok()) {
    *why = QString::fromStdString(b.error.toString());
    return -2;
  }
  compareSkeletons(a.clip->skeleton(), b.clip->skeleton());
  if (a.clip->frameCount() != b.clip->frameCount() || a.clip->fps() != b.clip->fps()) {
    *why = "frame count or rate differs";
    return -2;
  }
  return maxDifference(mm::test::motionFields<double>(readText(path)), mm::test::motionFields<double>(written));
}

const char* kValid =
    "HIERARCHY\n"
    "ROOT Hips\n"
    "{\n"
    "  OFFSET 0 0 0\n"
    "  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
    "  JOINT Head\n"
    "  {\n"
    "    OFFSET 0 1 0\n"
    "    CHANNELS 3 Zrotation Xrotation Yrotation\n"
    "    End Site\n"
    "    {\n"
    "      OFFSET 0 1 0\n"
    "    }\n"
    "  }\n"
    "}\n"
    "MOTION\n"
    "Frames: 2\n"
    "Frame Time: 0.04\n"
    "0 0 0 0 0 0 0 0 0\n"   // line 19
    "1 2 3 4 5 6 7 8 9\n";  // line 20

std::string replaced(const std::string& from, const std::string& to) {
  std::string s = kValid;
  s.replace(s.find(from), from.size(), to);
  return s;
}

}  // namespace

class TestBvh : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void validMinimal() {
    const LoadResult r = parseBvh(kValid, "mem.bvh");
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.clip->frameCount(), 2);
    QCOMPARE(r.clip->fps(), 25.0);
    QVERIFY(r.warnings.empty());
    QVERIFY(r.clip->validate().empty());
    QVERIFY(r.clip->skeleton().endSite(1).has_value());
  }

  // Hand-computed Head position in frame 1 of orders.bvh (see the file):
  // root at (1,2,3) turned Rz(90); Chest offset (0,10,0) -> (-10,0,0), chest
  // at (-9,2,3); chest Rx(90); Head's own translation channels give (0,7,0),
  // Rx(90) -> (0,0,7), Rz(90) keeps it: Head at (-9,2,10).
  void perJointOrders_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("lf") << "bvh/orders.bvh";
    QTest::newRow("crlf+tabs") << "bvh/crlf_tabs.bvh";
  }
  void perJointOrders() {
    QFETCH(QString, file);
    const LoadResult r = readBvh(testData(file).toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    const Clip& c = *r.clip;
    QCOMPARE(c.frameCount(), 3);
    QCOMPARE(c.fps(), 30.0);
    const Skeleton& s = c.skeleton();
    QCOMPARE(s.jointCount(), 5);
    QCOMPARE(s.name(0), std::string("Hips"));
    QVERIFY(c.hasTrack(2));
    QVERIFY(!c.hasTrack(1));
    QVERIFY((s.channels(2) == std::vector<Channel>{Channel::Yrotation, Channel::Zrotation, Channel::Xrotation,
                                                   Channel::Xposition, Channel::Yposition, Channel::Zposition}));
    const GlobalPoses g = computeGlobalPoses(c);
    QVERIFY((g.position(1, 1) - Eigen::Vector3d(-9, 2, 3)).norm() < 1e-9);
    QVERIFY((g.position(1, 2) - Eigen::Vector3d(-9, 2, 10)).norm() < 1e-9);
    // Each joint's rotation is built in its own order.
    QVERIFY(angleBetween(c.rotation(1, 3), eulerDegreesToQuat(10, 20, 30, EulerOrder::ZYX)) < 1e-12);
    QVERIFY(angleBetween(c.rotation(1, 4), eulerDegreesToQuat(-15, 25, -35, EulerOrder::YXZ)) < 1e-12);
    QVERIFY(angleBetween(c.rotation(2, 2), eulerDegreesToQuat(170, -80, 5, EulerOrder::YZX)) < 1e-12);
    QVERIFY(angleBetween(c.rotation(2, 1), eulerDegreesToQuat(1e-3, -20, 45, EulerOrder::XYZ)) < 1e-12);
  }

  void frameCountMismatchWarns() {
    const LoadResult r = readBvh(testData("bvh/mismatch_frames.bvh").toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.clip->frameCount(), 3);
    QCOMPARE(r.warnings.size(), size_t(1));
    QVERIFY(r.warnings[0].find(":17:") != std::string::npos);  // names the Frames: line
    QCOMPARE(r.clip->fps(), 120.0);
  }

  void roundTripFixtures_data() {
    QTest::addColumn<QString>("file");
    QDirIterator it(QStringLiteral(MM_TEST_DATA_DIR), {"*.bvh"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      const QString path = it.next();
      QTest::newRow(qPrintable(QDir(MM_TEST_DATA_DIR).relativeFilePath(path))) << path;
    }
    QTest::newRow("sample") << QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh");
  }
  void roundTripFixtures() {
    QFETCH(QString, file);
    QString why;
    const double d = roundTripDifference(file, &why);
    QVERIFY2(d >= 0, qPrintable(why.isEmpty() ? QStringLiteral("value layout differs") : why));
    QVERIFY2(d < 1e-5, qPrintable(QString("max channel difference %1").arg(d)));
  }


  // On one CPU the reader decodes on its own thread, on several in a worker:
  // both give the same clip, bit for bit (the sample has more frames than a
  // decoding batch, so batch hand-overs and sign continuity across them count).
  void sameClipOnOneCpu() {
    // The sample's frames three times over (the Frames: line then disagrees,
    // which only adds a warning).
    std::string text = readText(QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh"));
    const size_t motion = text.find("Frame Time:");
    QVERIFY(motion != std::string::npos);
    const std::string frames = text.substr(text.find('\n', motion) + 1);
    text += frames + frames;
    const LoadResult threaded = parseBvh(text, "walk3.bvh");
    QVERIFY2(threaded.ok(), threaded.error.toString().c_str());
    cpu_set_t previous, one;
    QVERIFY(sched_getaffinity(0, sizeof previous, &previous) == 0);
    CPU_ZERO(&one);
    for (int c = 0; c < CPU_SETSIZE; ++c)
      if (CPU_ISSET(c, &previous)) {
        CPU_SET(c, &one);
        break;
      }
    QVERIFY(sched_setaffinity(0, sizeof one, &one) == 0);
    const LoadResult single = parseBvh(text, "walk3.bvh");
    sched_setaffinity(0, sizeof previous, &previous);
    QVERIFY2(single.ok(), single.error.toString().c_str());
    const Clip& a = *threaded.clip;
    const Clip& b = *single.clip;
    QVERIFY(a.frameCount() > 512);
    QCOMPARE(b.frameCount(), a.frameCount());
    for (int f = 0; f < a.frameCount(); ++f) {
      QVERIFY(a.rootTranslation(f) == b.rootTranslation(f));
      for (int j = 0; j < a.skeleton().jointCount(); ++j) QVERIFY(a.rotation(f, j).coeffs() == b.rotation(f, j).coeffs());
    }
  }
  // Writing is atomic: a failure leaves nothing behind; success leaves no temporary file.
  void atomicWrite() {
    QTemporaryDir dir;
    const LoadResult r = parseBvh(kValid, "mem.bvh");
    QVERIFY(r.ok());
    const std::string target = dir.filePath("out.bvh").toStdString();
    QVERIFY(writeBvh(*r.clip, target).ok);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"out.bvh"});
    const SaveResult bad = writeBvh(*r.clip, dir.filePath("missing/out.bvh").toStdString());
    QVERIFY(!bad.ok);
    QVERIFY(bad.error.toString().find("missing/out.bvh") != std::string::npos);
    // An invalid clip is refused and the existing file is untouched.
    Clip broken = *r.clip;
    broken.rotation(0, 0) = Eigen::Quaterniond(0, 0, 0, 0);
    const std::string before = readText(dir.filePath("out.bvh"));
    QVERIFY(!writeBvh(broken, target).ok);
    QCOMPARE(readText(dir.filePath("out.bvh")), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"out.bvh"});
  }

  void malformed_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, const std::string& text, int line, const char* message) {
      QTest::newRow(name) << QByteArray(text.data(), static_cast<int>(text.size())) << line << QString(message);
    };
    row("empty", "", 0, "empty");
    row("whitespace only", "  \n\t\n", 0, "empty");
    row("binary garbage", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\xff\xfe", 14) + "\n\x01\x02", 1, "binary");
    row("not bvh", "hello world\n", 1, "HIERARCHY");
    row("truncated in hierarchy", std::string(kValid).substr(0, std::string(kValid).find("    End Site")), 9, "ends early");
    row("missing MOTION", std::string(kValid).substr(0, std::string(kValid).find("MOTION")), 15, "MOTION");
    row("non-numeric value", replaced("1 2 3 4 5", "1 2 x3 4 5"), 20, "'x3' is not a number");
    row("nan value", replaced("1 2 3 4 5", "1 2 nan 4 5"), 20, "not finite");
    row("inf value", replaced("0 0 0 0 0 0 0 0 0", "0 0 0 0 inf 0 0 0 0"), 19, "not finite");
    row("too few values", replaced("1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 8"), 20, "has 8 values, expected 9");
    row("too many values", replaced("1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 8 9 10"), 20, "more than the 9 values");
    row("unknown channel", replaced("CHANNELS 3 Zrotation Xrotation Yrotation", "CHANNELS 3 Zrotation Xrotation Wrotation"), 9,
        "unknown channel 'Wrotation'");
    row("channel count", replaced("CHANNELS 3", "CHANNELS 4"), 9, "declares 4 channels but lists 3");
    row("bad offset", replaced("OFFSET 0 1 0\n    CHANNELS", "OFFSET 0 one 0\n    CHANNELS"), 8, "'one' is not a number");
    row("bad frame time", replaced("Frame Time: 0.04", "Frame Time: -1"), 18, "frame time");
    row("bad frames", replaced("Frames: 2", "Frames: many"), 17, "frame count");
    row("2G frame claim", replaced("Frames: 2", "Frames: 2000000000"), 17, "limit");
    row("truncated mid-frame", std::string(kValid).substr(0, std::string(kValid).size() - 6), 20, "has 6 values");
    row("duplicate joint", replaced("JOINT Head", "JOINT Hips"), 6, "used twice");
    row("missing brace", replaced("  JOINT Head\n  {", "  JOINT Head\n"), 8, "expected '{'");
  }
  void malformed() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, message);
    const LoadResult r = parseBvh(std::string_view(text.constData(), text.size()), "bad.bvh");
    QVERIFY(!r.ok());
    QCOMPARE(r.error.file, std::string("bad.bvh"));
    QVERIFY2(QString::fromStdString(r.error.message).contains(message),
             qPrintable(QString::fromStdString(r.error.toString())));
    QCOMPARE(r.error.line, line);
  }

  // A header claiming 40 million frames (below the limit) with two real
  // frames: read with a warning, and no allocation sized by the claim.
  void hugeClaimDoesNotAllocate() {
    const std::string text = replaced("Frames: 2", "Frames: 40000000");
    const LoadResult r = parseBvh(text, "claim.bvh");
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.clip->frameCount(), 2);
    QVERIFY(r.clip->rotations().capacity() < 1000);
    QCOMPARE(r.warnings.size(), size_t(1));
  }

  void fileErrors() {
    const LoadResult r = loadMotion("/nonexistent/x.bvh");
    QVERIFY(!r.ok());
    QVERIFY(r.error.toString().find("/nonexistent/x.bvh") != std::string::npos);
    QTemporaryDir dir;
    const QString garbage = dir.filePath("garbage.bvh");
    {
      std::ofstream o(garbage.toStdString(), std::ios::binary);
      for (int i = 0; i < 100000; ++i) o.put(static_cast<char>((i * 7919) % 256));
    }
    const LoadResult g = readBvh(garbage.toStdString());
    QVERIFY(!g.ok());
    QVERIFY(g.error.toString().find("garbage.bvh") != std::string::npos);
  }

  // Every take of the development data (when present) round-trips exactly.
  void roundTripDevelopmentData() {
    const QString dir = mm::test::devDataDir();
    if (dir.isEmpty()) QSKIP("development data (../shared/data) not present");
    QDirIterator it(dir, {"*.bvh"}, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    double worst = 0;
    while (it.hasNext()) {
      const QString path = it.next();
      QString why;
      const double d = roundTripDifference(path, &why);
      QVERIFY2(d >= 0, qPrintable(path + ": " + why));
      QVERIFY2(d < 1e-5, qPrintable(path + QString(": max channel difference %1").arg(d)));
      worst = std::max(worst, d);
      ++files;
    }
    QVERIFY(files >= 2500);
    qInfo("%d takes round-tripped, worst channel difference %.3g", files, worst);
  }
};

QTEST_APPLESS_MAIN(TestBvh)
#include "tst_bvh.moc"
