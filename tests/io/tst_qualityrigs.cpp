// The quality analysis reads every rig alike: the same motion on the Bandai
// rig, on a CMU-named 31-joint rig with other axis conventions, in inches and
// at 120 fps gives the same flags (tests/common/rigvariants.h builds the
// variants from development takes: the fixtures here, every 250th take of
// ../shared/data when present); and a knee bent 15 degrees backwards over 10
// frames is flagged on both rigs.
#include "common/devdata.h"
#include "common/rigvariants.h"
#include "io/motionfile.h"
#include "motion/bodyparts.h"
#include "motion/corrupt/bodygeometry.h"
#include "motion/corrupt/corruptclip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/resample.h"
#include "motion/units.h"
#include "motion/rotations.h"

#include <QDirIterator>
#include <QtTest>

using namespace mm;
using mm::test::testData;

namespace {

constexpr double kInchesPerCm = 1.0 / 2.54;

Clip load(const QString& path) {
  LoadResult in = loadMotion(path.toStdString());
  if (!in.ok()) qFatal("%s", in.error.toString().c_str());
  Clip c = std::move(*in.clip);
  c.makeSignContinuous();
  return c;
}

// Flagged (frame, part) cells of each type, "type frame part" strings, with
// frames divided by `frameStep` (120 fps variants map onto 30 fps frames);
// `sourceFramesOnly`: only the frames at the source's instants (multiples
// of frameStep), not the ones interpolated between them.
QStringList flags(const QualityReport& r, int frameStep = 1, bool sourceFramesOnly = false) {
  QStringList out;
  for (int t = 0; t < kArtifactTypeCount; ++t)
    for (int f = 0; f < r.frameCount(); f += sourceFramesOnly ? frameStep : 1)
      for (BodyPart p : kAllBodyParts)
        if (r.score(static_cast<ArtifactType>(t), f, p) >= 0.5f) {
          const QString cell = QString("%1 %2 %3").arg(artifactTypeName(static_cast<ArtifactType>(t))).arg(f / frameStep).arg(bodyPartName(p));
          if (out.isEmpty() || out.back() != cell) out << cell;
        }
  out.removeDuplicates();
  out.sort();
  return out;
}

// Symmetric difference of two flag lists, as text for a failure message.
QString differences(const QStringList& a, const QStringList& b) {
  QStringList d;
  for (const QString& x : a)
    if (!b.contains(x)) d << "-" + x;
  for (const QString& x : b)
    if (!a.contains(x)) d << "+" + x;
  return d.join(", ");
}

// Bends the leg's knee `degrees` backwards (against the natural side the take
// shows) over frames [start, start + count).
void bendKneeBackwards(Clip& c, BodyPart leg, int start, int count, double degrees) {
  const BodyPartMap parts = BodyPartMap::detect(c.skeleton());
  const std::optional<HingeChain> chain = findHingeChain(c.skeleton(), parts, leg);
  QVERIFY(chain);
  const std::optional<Eigen::Vector3d> axis = naturalHingeAxis(c, *chain);
  QVERIFY(axis);
  for (int f = start; f < start + count; ++f) {
    const Eigen::Vector3d upper = c.localTranslation(f, chain->middle).normalized();
    const Eigen::Vector3d lower = c.localTranslation(f, chain->lower).normalized();
    // The shin's direction in the thigh's frame: the thigh's, turned backwards.
    const Eigen::Vector3d want = Eigen::AngleAxisd(degToRad(-degrees), *axis) * upper;
    c.rotation(f, chain->middle) = Eigen::Quaterniond::FromTwoVectors(lower, want);
  }
  c.makeSignContinuous();
}

// The lab moves joint 0 to move the body (a root pop, penetration,
// floating); Bandai's files keep joint_Root still and move the body through
// Hips. Folds joint_Root's motion into Hips, as a Bandai file of the
// corrupted motion would hold it (the same motion, joint for joint).
void foldRootIntoHips(Clip& c) {
  const int hips = c.skeleton().findJoint("Hips");
  if (hips != 1 || c.skeleton().parent(hips) != 0 || !c.hasTrack(hips)) return;
  const Eigen::Vector3d rest = c.skeleton().offset(0);
  for (int f = 0; f < c.frameCount(); ++f) {
    const Eigen::Quaterniond r0 = c.rotation(f, 0);
    const Eigen::Vector3d t0 = c.translation(f, 0);
    c.translation(f, hips) = t0 + r0 * c.translation(f, hips);
    c.rotation(f, hips) = (r0 * c.rotation(f, hips)).normalized();
    c.rotation(f, 0).setIdentity();
    c.translation(f, 0) = rest;
  }
  c.makeSignContinuous();
}

const QList<ArtifactType> kHeldStates = {ArtifactType::Frozen, ArtifactType::Missing, ArtifactType::Penetration,
                                          ArtifactType::Floating, ArtifactType::Hyperextension};

// The cells of the given types.
QStringList only(const QStringList& cells, const QList<ArtifactType>& types) {
  QStringList out;
  for (const QString& c : cells)
    for (ArtifactType t : types)
      if (c.startsWith(QString(artifactTypeName(t)) + " ")) out << c;
  return out;
}

// Cells of either list with no cell of the same type and part within one
// frame in the other ("" when none).
QString nearlySame(const QStringList& a, const QStringList& b) {
  auto near = [](const QString& cell, const QStringList& in) {
    const QStringList w = cell.split(' ');
    for (int d = -1; d <= 1; ++d)
      if (in.contains(QString("%1 %2 %3").arg(w[0]).arg(w[1].toInt() + d).arg(w[2]))) return true;
    return false;
  };
  QStringList off;
  for (const QString& x : a)
    if (!near(x, b)) off << "-" + x;
  for (const QString& x : b)
    if (!near(x, a)) off << "+" + x;
  return off.join(", ");
}

int flaggedOn(const QualityReport& r, ArtifactType type, BodyPart part, int start, int end) {
  int n = 0;
  for (int f = start; f < end; ++f) n += r.score(type, f, part) >= 0.5f;
  return n;
}

}  // namespace

class TestQualityRigs : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // The variant keeps every source joint's world position.
  void variantKeepsPositions() {
    const Clip bandai = load(testData("bandai_kick_40.bvh"));
    const Clip cmu = test::cmuStyleVariant(bandai, kInchesPerCm);
    QCOMPARE(cmu.jointCount(), 31);
    QCOMPARE(detectUnits(cmu.skeleton()).unit, LengthUnit::Inch);
    const GlobalPoses a = computeGlobalPoses(bandai), b = computeGlobalPoses(cmu);
    for (const char* name : {"Hips", "Head", "Hand_L", "LowerArm_R", "Foot_L", "Toes_R"}) {
      const int ja = bandai.skeleton().findJoint(name), jb = test::variantJointOf(cmu, name);
      QVERIFY2(jb >= 0, name);
      for (int f = 0; f < bandai.frameCount(); ++f)
        QVERIFY2((a.position(f, ja) * kInchesPerCm - b.position(f, jb)).norm() < 1e-6, name);
    }
    // Other rest pose and local rotations: the conventions changed.
    const int knee = cmu.skeleton().findJoint("ltibia");
    QVERIFY(angleBetween(cmu.rotation(10, knee), bandai.rotation(10, bandai.skeleton().findJoint("LowerLeg_L"))) > 0.1);
  }

  // Clean and lab-corrupted copies of the fixture takes: the CMU-style rig
  // in centimetres and in inches flags exactly the same cells.
  void sameFlagsOnCmuRig_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("type");  // -1: clean
    for (const char* file : {"bandai_kick_40.bvh", "bandai_wave_tabs.bvh"}) {
      QTest::newRow(qPrintable(QString("%1 clean").arg(file))) << QString(file) << -1;
      for (ArtifactType t : {ArtifactType::Pop, ArtifactType::Frozen, ArtifactType::Jitter, ArtifactType::Flip,
                             ArtifactType::Penetration, ArtifactType::Floating, ArtifactType::Hyperextension,
                             ArtifactType::Missing})
        QTest::newRow(qPrintable(QString("%1 %2").arg(file, artifactTypeName(t)))) << QString(file) << int(t);
    }
  }
  void sameFlagsOnCmuRig() {
    QFETCH(QString, file);
    QFETCH(int, type);
    Clip bandai = load(testData(file));
    if (type >= 0) {
      CorruptionConfig config;
      config.set(static_cast<ArtifactType>(type), 1);
      CorruptionResult c = corruptClip(bandai, config, 7);
      if (c.artifacts.empty()) QSKIP("the lab cannot inject this type into so short a take");
      bandai = std::move(c.clip);
      foldRootIntoHips(bandai);
    }
    const QStringList original = flags(analyzeQuality(bandai));
    for (double scale : {1.0, kInchesPerCm}) {
      const QStringList variant = flags(analyzeQuality(test::cmuStyleVariant(bandai, scale)));
      QVERIFY2(variant == original, qPrintable(QString("scale %1: %2").arg(scale).arg(differences(original, variant))));
    }
  }

  // A knee bent 15 degrees backwards over 10 frames is flagged on that leg,
  // on both rigs, in both units and at 30 and 120 fps.
  void kneeBentBackwardsOnBothRigs() {
    Clip bandai = load(testData("bandai_kick_40.bvh"));
    bendKneeBackwards(bandai, BodyPart::RightLeg, 15, 10, 15.0);
    const QualityReport a = analyzeQuality(bandai);
    QCOMPARE(flaggedOn(a, ArtifactType::Hyperextension, BodyPart::RightLeg, 15, 25), 10);
    QCOMPARE(flaggedOn(a, ArtifactType::Hyperextension, BodyPart::LeftLeg, 0, bandai.frameCount()), 0);
    const Clip cmu = test::cmuStyleVariant(bandai, kInchesPerCm);
    const QualityReport b = analyzeQuality(cmu);
    QCOMPARE(flaggedOn(b, ArtifactType::Hyperextension, BodyPart::RightLeg, 15, 25), 10);
    QCOMPARE(flaggedOn(b, ArtifactType::Hyperextension, BodyPart::LeftLeg, 0, cmu.frameCount()), 0);
    const Clip fast = resample(cmu, 120.0);
    const QualityReport c = analyzeQuality(fast);
    QVERIFY(flaggedOn(c, ArtifactType::Hyperextension, BodyPart::RightLeg, 60, 97) >= 34);
    QCOMPARE(flaggedOn(c, ArtifactType::Hyperextension, BodyPart::LeftLeg, 0, fast.frameCount()), 0);
  }

  // Development takes (every 250th, when ../shared/data is present), clean
  // and with each type the lab injects: the CMU-style rig in inches gives the
  // same flags; at 120 fps the clean takes give the same flags, and the held
  // states (frozen, missing, penetration, floating, hyperextension) the same
  // frames to within one source frame.
  void sameFlagsOnDevelopmentTakes() {
    const QString dir = test::devDataDir();
    if (dir.isEmpty()) QSKIP("development data (../shared/data) not present");
    QStringList files;
    QDirIterator it(dir, {"*.bvh"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
    files.sort();
    int compared = 0;
    for (int i = 0; i < files.size(); i += 250) {
      const Clip clean = load(files[i]);
      const QualityReport r = analyzeQuality(clean);
      const Clip fast = resample(test::cmuStyleVariant(clean, kInchesPerCm), 120.0);
      QVERIFY2(flags(analyzeQuality(fast), 4) == flags(r), qPrintable(files[i] + " at 120 fps: " +
                                                                         differences(flags(r), flags(analyzeQuality(fast), 4))));
      for (int t = -1; t < kArtifactTypeCount; ++t) {
        Clip c = clean;
        if (t >= 0) {
          CorruptionConfig config;
          config.set(static_cast<ArtifactType>(t), 2);
          CorruptionResult cr = corruptClip(clean, config, 100 + i);
          if (cr.artifacts.empty() || static_cast<ArtifactType>(t) == ArtifactType::Stretch) continue;
          c = std::move(cr.clip);
          foldRootIntoHips(c);
        }
        const QStringList original = flags(t < 0 ? r : analyzeQuality(c));
        const QStringList variant = flags(analyzeQuality(test::cmuStyleVariant(c, kInchesPerCm)));
        // At 120 fps (SLERP from 30): a glitch made at 30 fps is no longer
        // the same signal (a one-frame pop becomes a four-frame ramp, noise
        // becomes smooth), but held states are: frozen, missing data,
        // penetration, floating and hyperextension flag the same frames
        // to within one 30 fps frame at their edges.
        if (t < 0 || kHeldStates.contains(static_cast<ArtifactType>(t))) {
          const QStringList fast = flags(analyzeQuality(resample(test::cmuStyleVariant(c, kInchesPerCm), 120.0)), 4, true);
          // (The injected type's flags: frames interpolated across a glitch's
          // edge, as a frozen span's catch-up, are new poses and may dip.)
          const QList<ArtifactType> types = t < 0 ? kHeldStates : QList<ArtifactType>{static_cast<ArtifactType>(t)};
          const QString off = nearlySame(only(original, types), only(fast, types));
          QVERIFY2(off.isEmpty(), qPrintable(files[i] + " at 120 fps " + (t < 0 ? "clean" : artifactTypeName(static_cast<ArtifactType>(t))) +
                                               ": " + off));
        }
        QVERIFY2(variant == original, qPrintable(files[i] + " " + (t < 0 ? "clean" : artifactTypeName(static_cast<ArtifactType>(t))) +
                                                 ": " + differences(original, variant)));
        ++compared;
      }
    }
    qInfo("%d takes compared", compared);
  }
};

QTEST_APPLESS_MAIN(TestQualityRigs)
#include "tst_qualityrigs.moc"
