#include "common/devdata.h"
#include "common/textfile.h"
#include "io/asfamc.h"
#include "io/motionfile.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace mm;
using mm::test::readText;
using mm::test::testData;

namespace {

bool writeText(const QString& path, const std::string& text) {
  std::ofstream out(path.toStdString(), std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// 1-based number of the first line equal to `line` (ignoring surrounding blanks), or 0.
int lineOf(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  std::string l;
  for (int n = 1; std::getline(in, l); ++n) {
    const auto b = l.find_first_not_of(" \t\r");
    const auto e = l.find_last_not_of(" \t\r");
    if (b != std::string::npos && l.substr(b, e - b + 1) == line) return n;
  }
  return 0;
}

// Replaces the first line equal to `line` by `replacement` (same line number).
std::string replaceLine(const std::string& text, const std::string& line, const std::string& replacement) {
  std::istringstream in(text);
  std::string l, out;
  bool done = false;
  while (std::getline(in, l)) {
    const auto b = l.find_first_not_of(" \t\r");
    const auto e = l.find_last_not_of(" \t\r");
    if (!done && b != std::string::npos && l.substr(b, e - b + 1) == line) {
      l = replacement;
      done = true;
    }
    out += l + "\n";
  }
  return out;
}

// The first `lines` lines of a text.
std::string firstLines(const std::string& text, int lines) {
  size_t pos = 0;
  for (int i = 0; i < lines && pos != std::string::npos; ++i) {
    pos = text.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  return pos == std::string::npos ? text : text.substr(0, pos);
}

bool near(const Eigen::Vector3d& a, const Eigen::Vector3d& b, double tol = 1e-9) { return (a - b).norm() < tol; }

QByteArray show(const Eigen::Vector3d& v) {
  return QByteArray::number(v.x()) + " " + QByteArray::number(v.y()) + " " + QByteArray::number(v.z());
}

// ---------------------------------------------------------------------------
// Independent reference: the Acclaim formulation in global axis frames, as the
// CMU mocap player does it (not the parent-local form the reader uses).
// Each bone has a frame F = F_parent * C_parent^-1 * C * M; its end is
// start + F * C^-1 * direction * length. Values of tiny.asf written out here.
Eigen::Matrix3d rot(int axis, double degrees) {
  return Eigen::AngleAxisd(degToRad(degrees), Eigen::Vector3d::Unit(axis)).toRotationMatrix();
}
// Acclaim "XYZ" with x, y, z angles: X applied first.
Eigen::Matrix3d axisXyz(double x, double y, double z) { return rot(2, z) * rot(1, y) * rot(0, x); }

struct RefBone {
  const char* name;
  int parent;  // index into the table, -1 = root
  Eigen::Vector3d direction;
  double length;
  Eigen::Matrix3d c;
  std::vector<int> dofAxes;  // file order
};

std::vector<RefBone> tinyReference() {
  return {
      {"lowerback", -1, {0, 1, 0}, 2.0, axisXyz(0, 0, 90), {0}},
      {"upperback", 0, {1, 0, 0}, 1.5, axisXyz(90, 0, 0), {2}},
      {"head", 1, {0, 0, 1}, 1.0, axisXyz(0, 0, 0), {0, 1, 2}},
      {"rhip", -1, Eigen::Vector3d(0.6, -0.8, 0).normalized(), 2.5, axisXyz(20, -30, 45), {0, 2}},
  };
}

// Start position of each bone and the end of each bone, for one AMC frame
// given as root (tx ty tz rx ry rz) and per-bone values in file order.
void referencePose(const std::vector<double>& root, const std::vector<std::vector<double>>& bones,
                   std::vector<Eigen::Vector3d>& starts, std::vector<Eigen::Vector3d>& ends) {
  const double scale = 1.0 / 0.5;  // :units length 0.5
  const std::vector<RefBone> ref = tinyReference();
  const Eigen::Vector3d rootPos = Eigen::Vector3d(root[0], root[1], root[2]) * scale;
  const Eigen::Matrix3d rootFrame = rot(2, root[5]) * rot(1, root[4]) * rot(0, root[3]);  // C_root = I
  std::vector<Eigen::Matrix3d> frames(ref.size());
  starts.assign(ref.size(), Eigen::Vector3d::Zero());
  ends.assign(ref.size(), Eigen::Vector3d::Zero());
  for (size_t b = 0; b < ref.size(); ++b) {
    Eigen::Matrix3d m = Eigen::Matrix3d::Identity();
    for (size_t i = 0; i < ref[b].dofAxes.size(); ++i) m = rot(ref[b].dofAxes[i], bones[b][i]) * m;
    const int p = ref[b].parent;
    const Eigen::Matrix3d parentFrame = p < 0 ? rootFrame : frames[p];
    const Eigen::Matrix3d parentC = p < 0 ? Eigen::Matrix3d::Identity() : ref[p].c;
    frames[b] = parentFrame * parentC.transpose() * ref[b].c * m;
    starts[b] = p < 0 ? rootPos : ends[p];
    ends[b] = starts[b] + frames[b] * ref[b].c.transpose() * ref[b].direction * (ref[b].length * scale);
  }
}

}  // namespace

class TestAsfAmc : public QObject {
  Q_OBJECT

 private:
  QString asfPath() const { return testData(QStringLiteral("asf/tiny.asf")); }
  QString amcPath() const { return testData(QStringLiteral("asf/tiny.amc")); }

  LoadResult loadTiny() const { return readAsfAmc(asfPath().toStdString(), amcPath().toStdString(), 60.0); }

  // End of a leaf joint: its global position plus its global rotation applied to the end site.
  static Eigen::Vector3d endOf(const Clip& clip, const GlobalPoses& g, int frame, int joint) {
    return g.position(frame, joint) + g.rotation(frame, joint) * clip.skeleton().endSite(joint).value();
  }

 private slots:
  void skeletonLayout() {
    const LoadResult r = loadTiny();
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QVERIFY(r.warnings.empty());
    const Skeleton& s = r.clip->skeleton();
    QCOMPARE(s.validate(), std::string());
    QCOMPARE(s.names(), (std::vector<std::string>{"root", "lowerback", "upperback", "head", "rhip"}));
    QCOMPARE(s.parents(), (std::vector<int>{-1, 0, 1, 2, 0}));
    // Offsets: the parent bone's direction * length / 0.5; the root's children start at the root.
    QVERIFY(near(s.offset(1), {0, 0, 0}));
    QVERIFY(near(s.offset(2), {0, 4, 0}));
    QVERIFY(near(s.offset(3), {3, 0, 0}));
    QVERIFY(near(s.offset(4), {0, 0, 0}));
    QVERIFY(!s.endSite(0) && !s.endSite(1) && !s.endSite(2));
    QVERIFY(near(s.endSite(3).value(), {0, 0, 2}));
    QVERIFY(near(s.endSite(4).value(), {3, -4, 0}));
    using C = Channel;
    QVERIFY(s.channels(0) ==
            (std::vector<C>{C::Xposition, C::Yposition, C::Zposition, C::Zrotation, C::Yrotation, C::Xrotation}));
    // Tilted axis: one dof still needs three Euler channels.
    QVERIFY(s.channels(1) == (std::vector<C>{C::Xrotation, C::Yrotation, C::Zrotation}));
    QVERIFY(s.channels(2) == (std::vector<C>{C::Zrotation, C::Xrotation, C::Yrotation}));
    QVERIFY(s.channels(3) == (std::vector<C>{C::Zrotation, C::Yrotation, C::Xrotation}));
    QVERIFY(s.channels(4) == (std::vector<C>{C::Zrotation, C::Xrotation, C::Yrotation}));
    QCOMPARE(r.clip->frameCount(), 4);
    QCOMPARE(r.clip->fps(), 60.0);
    QVERIFY(!r.clip->hasMissing());
    QCOMPARE(r.clip->validate(), std::string());
  }

  void handComputedFrame() {
    const LoadResult r = loadTiny();
    QVERIFY2(r.ok(), r.error.toString().c_str());
    const Clip& clip = *r.clip;
    const GlobalPoses g = computeGlobalPoses(clip);
    // Frame 1 (index 0) is the rest pose.
    QVERIFY(near(g.position(0, 0), {0, 0, 0}));
    QVERIFY(near(g.position(0, 2), {0, 4, 0}));
    QVERIFY(near(g.position(0, 3), {3, 4, 0}));
    QVERIFY(near(endOf(clip, g, 0, 3), {3, 4, 2}));
    QVERIFY(near(endOf(clip, g, 0, 4), {3, -4, 0}));

    // Frame 2 (index 1), by hand. Column vectors; Rx(90) maps y->z, z->-y;
    // Ry(90) maps x->-z, z->x; Ry(180) maps x->-x, z->-z; scale 1/0.5 = 2.
    //  root: T = (1,2,3)*2 = (2,4,6); RX RY RZ = 0 90 0 -> W_root = Ry(90).
    //  lowerback: C = Rz(90) (axis 0 0 90 XYZ), dof rx = 90:
    //    C Rx(90) C^-1 = rotation by 90 about C*x = +y -> Ry(90);
    //    W = Ry(90) Ry(90) = Ry(180). Joint at the root: (2,4,6).
    //  upperback: starts at lowerback's end = (2,4,6) + Ry(180)*(0,4,0) = (2,8,6).
    //    dof rz = 0 -> local identity, W = Ry(180).
    //  head: starts at (2,8,6) + Ry(180)*(3,0,0) = (2,8,6) + (-3,0,0) = (-1,8,6).
    //    C = I, dof rx ry rz = 90 90 0 -> M = Rz(0) Ry(90) Rx(90);
    //    W = Ry(180) Ry(90) Rx(90) = Ry(-90) Rx(90).
    //    end = (-1,8,6) + Ry(-90) Rx(90) (0,0,2) = (-1,8,6) + Ry(-90)(0,-2,0) = (-1,6,6).
    //  Wrong conventions land elsewhere: M = Rx Ry puts the end at (-3,8,6);
    //  C^-1 M C for lowerback makes W = I and puts head at (5,8,6).
    QVERIFY2(near(g.position(1, 0), {2, 4, 6}), show(g.position(1, 0)));
    QVERIFY2(near(g.position(1, 1), {2, 4, 6}), show(g.position(1, 1)));
    QVERIFY2(near(g.position(1, 2), {2, 8, 6}), show(g.position(1, 2)));
    QVERIFY2(near(g.position(1, 3), {-1, 8, 6}), show(g.position(1, 3)));
    QVERIFY2(near(endOf(clip, g, 1, 3), {-1, 6, 6}), show(endOf(clip, g, 1, 3)));
  }

  // Every frame against the global-frame Acclaim formulation.
  void matchesAcclaimReference() {
    const LoadResult r = loadTiny();
    QVERIFY2(r.ok(), r.error.toString().c_str());
    const Clip& clip = *r.clip;
    const GlobalPoses g = computeGlobalPoses(clip);
    struct Frame {
      std::vector<double> root;
      std::vector<std::vector<double>> bones;  // lowerback, upperback, head, rhip
    };
    const std::vector<Frame> frames = {
        {{0, 0, 0, 0, 0, 0}, {{0}, {0}, {0, 0, 0}, {0, 0}}},
        {{1, 2, 3, 0, 90, 0}, {{90}, {0}, {90, 90, 0}, {10, 20}}},
        {{-1, 0.5, 2, 30, -45, 60}, {{25}, {-40}, {10, -20, 35}, {15, -5}}},
        {{0.25, -0.5, 1.5, -70, 15, 110}, {{-80}, {120}, {-65, 40, -150}, {-30, 45}}},
    };
    QCOMPARE(clip.frameCount(), static_cast<int>(frames.size()));
    const int joints[4] = {1, 2, 3, 4};  // lowerback, upperback, head, rhip
    for (int f = 0; f < clip.frameCount(); ++f) {
      std::vector<Eigen::Vector3d> starts, ends;
      referencePose(frames[f].root, frames[f].bones, starts, ends);
      for (int b = 0; b < 4; ++b) QVERIFY2(near(g.position(f, joints[b]), starts[b]), show(g.position(f, joints[b])));
      QVERIFY2(near(endOf(clip, g, f, 3), ends[2]), show(endOf(clip, g, f, 3)) + " vs " + show(ends[2]));
      QVERIFY2(near(endOf(clip, g, f, 4), ends[3]), show(endOf(clip, g, f, 4)) + " vs " + show(ends[3]));
    }
  }

  void loadMotionFindsAsf() {
    const LoadResult r = loadMotion(amcPath().toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.clip->jointCount(), 5);
    QCOMPARE(r.clip->frameCount(), 4);
    QCOMPARE(r.clip->fps(), 120.0);  // CMU's rate: AMC files do not carry one
    // CMU naming: 01_02.amc goes with 01.asf.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeText(dir.filePath("07.asf"), readText(asfPath())));
    QVERIFY(writeText(dir.filePath("07_03.amc"), readText(amcPath())));
    const LoadResult cmu = loadMotion(dir.filePath("07_03.amc").toStdString());
    QVERIFY2(cmu.ok(), cmu.error.toString().c_str());
    QCOMPARE(cmu.clip->frameCount(), 4);
  }

  void radiansAndCrlf() {
    // The same motion in radians (AMC header) with CRLF line ends and tabs.
    std::string amc = readText(amcPath());
    amc = replaceLine(amc, ":DEGREES", ":RADIANS");
    amc = replaceLine(amc, "root 1 2 3 0 90 0", "root\t1 2 3 0 1.5707963267948966 0");
    amc = replaceLine(amc, "lowerback 90", "lowerback 1.5707963267948966");
    amc = replaceLine(amc, "rhip 10 20", "rhip 0.17453292519943295 0.3490658503988659");
    amc = replaceLine(amc, "head 90 90 0", "head 1.5707963267948966 1.5707963267948966 0");
    std::string crlf;
    for (char c : firstLines(amc, lineOf(amc, "3") - 1)) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeText(dir.filePath("r.amc"), crlf));
    const LoadResult r = readAsfAmc(asfPath().toStdString(), dir.filePath("r.amc").toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.clip->frameCount(), 2);
    const GlobalPoses g = computeGlobalPoses(*r.clip);
    QVERIFY2(near(g.position(1, 3), {-1, 8, 6}), show(g.position(1, 3)));
    QVERIFY(near(endOf(*r.clip, g, 1, 3), {-1, 6, 6}));
  }

  void missingBonesAreMasked() {
    // The last frame is cut after its first bone line: valid data, with the
    // other bones of that frame marked missing and a warning.
    const std::string amc = readText(amcPath());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeText(dir.filePath("cut.amc"), firstLines(amc, lineOf(amc, "rhip -30 45"))));
    const LoadResult r = readAsfAmc(asfPath().toStdString(), dir.filePath("cut.amc").toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.clip->frameCount(), 4);
    QVERIFY(!r.warnings.empty());
    QVERIFY(r.clip->isValid(3, 0));   // root and rhip were given
    QVERIFY(r.clip->isValid(3, 4));
    QVERIFY(!r.clip->isValid(3, 1));  // lowerback, upperback and head were not
    QVERIFY(!r.clip->isValid(3, 2));
    QVERIFY(!r.clip->isValid(3, 3));
    QVERIFY(r.clip->isValid(2, 3));
    // Missing values hold the previous frame's.
    QVERIFY(r.clip->rotation(3, 3).isApprox(r.clip->rotation(2, 3)));
  }

  void malformed_data() {
    QTest::addColumn<bool>("inAsf");        // which file is damaged
    QTest::addColumn<QString>("line");      // the line to replace ("" = cut the file instead)
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<int>("cutAfter");      // keep this many lines when cutting
    QTest::addColumn<QString>("expected");  // part of the message

    QTest::newRow("asf truncated in a bone") << true << QString() << QString() << 33 << "truncated";
    QTest::newRow("asf truncated before hierarchy") << true << QString() << QString() << 55 << "hierarchy";
    QTest::newRow("asf non-numeric length") << true << "length 1.5" << "     length 1.5x" << 0 << "not a number";
    QTest::newRow("asf bad dof") << true << "dof rx rz" << "    dof rx rq" << 0 << "rq";
    QTest::newRow("asf unknown bone in hierarchy") << true << "upperback head" << "    upperback neck" << 0 << "neck";
    QTest::newRow("asf binary") << true << ":version 1.10" << QString::fromLatin1("\x01\x02\xff:version") << 0 << "expected";
    QTest::newRow("amc unknown bone") << false << "rhip 15 -5" << "lfoot 15 -5" << 0 << "lfoot";
    QTest::newRow("amc non-numeric") << false << "head 10 -20 35" << "head 10 -2x0 35" << 0 << "-2x0";
    QTest::newRow("amc missing value") << false << "upperback -40" << "upperback" << 0 << "0 values";
    QTest::newRow("amc extra value") << false << "lowerback 25" << "lowerback 25 3" << 0 << "2 values";
    QTest::newRow("amc frame skipped") << false << "3" << "5" << 0 << "consecutively";
    QTest::newRow("amc bone twice") << false << "head 90 90 0" << "rhip 1 2" << 0 << "twice";
    QTest::newRow("amc nan") << false << "rhip 15 -5" << "rhip nan -5" << 0 << "not a number";
    QTest::newRow("amc truncated mid-line") << false << QString() << QString() << -1 << "values";
  }

  void malformed() {
    QFETCH(bool, inAsf);
    QFETCH(QString, line);
    QFETCH(QString, replacement);
    QFETCH(int, cutAfter);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString asf = dir.filePath("t.asf"), amc = dir.filePath("t.amc");
    std::string asfText = readText(asfPath()), amcText = readText(amcPath());
    std::string& text = inAsf ? asfText : amcText;
    int expectedLine = 0;
    if (!line.isEmpty()) {
      expectedLine = lineOf(text, line.toStdString());
      QVERIFY(expectedLine > 0);
      text = replaceLine(text, line.toStdString(), replacement.toLatin1().toStdString());
    } else if (cutAfter > 0) {
      text = firstLines(text, cutAfter);
      expectedLine = cutAfter;
    } else {
      text.resize(text.size() - 5);  // "lowerback -80\n" -> "lowerback"
      expectedLine = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    }
    QVERIFY(writeText(asf, asfText));
    QVERIFY(writeText(amc, amcText));
    const LoadResult r = readAsfAmc(asf.toStdString(), amc.toStdString());
    QVERIFY(!r.ok());
    const QString message = QString::fromStdString(r.error.toString());
    QCOMPARE(QString::fromStdString(r.error.file), inAsf ? asf : amc);
    QVERIFY2(r.error.line == expectedLine, qPrintable(message + " expected line " + QString::number(expectedLine)));
    QVERIFY2(message.contains(expected), qPrintable(message));
  }

  void missingFiles() {
    const LoadResult a = readAsfAmc("/nonexistent/x.asf", amcPath().toStdString());
    QVERIFY(!a.ok());
    QCOMPARE(a.error.file, std::string("/nonexistent/x.asf"));
    const LoadResult b = readAsfAmc(asfPath().toStdString(), "/nonexistent/x.amc");
    QVERIFY(!b.ok());
    QCOMPARE(b.error.file, std::string("/nonexistent/x.amc"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeText(dir.filePath("empty.amc"), "# nothing\n:FULLY-SPECIFIED\n"));
    const LoadResult c = readAsfAmc(asfPath().toStdString(), dir.filePath("empty.amc").toStdString());
    QVERIFY(!c.ok());
    QVERIFY(QString::fromStdString(c.error.message).contains("no frames"));
  }
};

QTEST_APPLESS_MAIN(TestAsfAmc)
#include "tst_asfamc.moc"
