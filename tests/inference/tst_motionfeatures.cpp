#include "inference/motionfeatures.h"
#include "inference/tokenlayout.h"
#include "motion/bodyparts.h"
#include "motion/canonicalmirror.h"
#include "motion/canonicalrig.h"
#include "motion/kinematics.h"
#include "motion/rotations.h"
#include "testutil_inference.h"

#include <QtTest>

using namespace mm;
using namespace mm::inference;

class TestMotionFeatures : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // encode -> decode -> fromCanonical gives the clip back: rotations within
  // 1e-4 rad, the root path (integrated from velocities) within 1 mm.
  void roundTripReproducesClip() {
    const Clip clip = test::walkClip();
    CanonicalRig rig;
    MotionFeatures features;
    std::string error;
    QVERIFY2(encodeClip(clip, &rig, &features, &error), error.c_str());
    QCOMPARE(features.frames, clip.frameCount());
    QCOMPARE(int(features.values.size()), clip.frameCount() * kFeatureCount);

    const CanonicalMotion decoded = decodeMotion(features);
    double worstRoot = 0;
    for (int f = 0; f < features.frames; ++f)
      worstRoot = std::max(worstRoot, (decoded.position(f, CanonicalJoint::Pelvis) - features.rootPositions[f]).norm());
    QVERIFY2(worstRoot < 1e-3, qPrintable(QString("root path off by %1 m").arg(worstRoot)));

    // Start from a clip whose mapped rotations are scrambled, so the check
    // sees what decoding wrote, not what was there.
    Clip out = clip;
    for (int f = 0; f < out.frameCount(); ++f)
      for (int j = 0; j < out.jointCount(); ++j)
        if (rig.canonicalOf(j)) out.rotation(f, j) = Eigen::Quaterniond(Eigen::AngleAxisd(1.0, Eigen::Vector3d::UnitX()));
    for (int f = 0; f < out.frameCount(); ++f) out.translation(f, 0) += Eigen::Vector3d(50, 0, -30);
    QVERIFY2(rig.fromCanonical(decoded, out, &error), error.c_str());
    double worstAngle = 0;
    for (int f = 0; f < clip.frameCount(); ++f)
      for (int j = 0; j < clip.jointCount(); ++j) worstAngle = std::max(worstAngle, angleBetween(clip.rotation(f, j), out.rotation(f, j)));
    QVERIFY2(worstAngle < 1e-4, qPrintable(QString("rotation off by %1 rad").arg(worstAngle)));
    const GlobalPoses a = computeGlobalPoses(clip), b = computeGlobalPoses(out);
    const int pelvis = rig.sourceJoint(CanonicalJoint::Pelvis);
    double worstPelvis = 0;
    for (int f = 0; f < clip.frameCount(); ++f)
      worstPelvis = std::max(worstPelvis, (a.position(f, pelvis) - b.position(f, pelvis)).norm() / clip.unitsPerMeter());
    QVERIFY2(worstPelvis < 1e-3, qPrintable(QString("pelvis off by %1 m").arg(worstPelvis)));
  }

  // Anchored decoding: a gap whose velocities are wrong still joins the
  // known frames on both sides, and frames outside it are exact.
  void anchoredGapJoinsBothSides() {
    const Clip clip = test::walkClip();
    MotionFeatures features;
    std::string error;
    QVERIFY(encodeClip(clip, nullptr, &features, &error));
    std::vector<std::uint8_t> anchors(features.frames, 1);
    for (int f = 50; f < 80; ++f) {
      anchors[f] = 0;
      features.frame(f)[kRootVelocityFeature] += 0.5f;  // 0.5 m/s sideways error
      features.frame(f)[kYawRateFeature] += 0.3f;
    }
    const CanonicalMotion decoded = decodeMotion(features, &anchors);
    for (int f : {49, 80, 120})
      QVERIFY((decoded.position(f, CanonicalJoint::Pelvis) - features.rootPositions[f]).norm() < 1e-9);
    // Inside the gap the path is continuous: no step larger than a walking stride per frame.
    for (int f = 50; f <= 80; ++f) {
      const double step = (decoded.position(f, CanonicalJoint::Pelvis) - decoded.position(f - 1, CanonicalJoint::Pelvis)).norm();
      QVERIFY2(step < 0.1, qPrintable(QString("step %1 m at frame %2").arg(step).arg(f)));
    }
    // Without the anchors the error would accumulate to about 0.5 m.
    const CanonicalMotion free = decodeMotion(features);
    QVERIFY((free.position(80, CanonicalJoint::Pelvis) - features.rootPositions[80]).norm() > 0.2);
  }

  // With frames hidden, no feature of a known frame reads them: the known
  // frames next to a gap take their velocities and contacts from the other
  // side, so the frames in the gap can hold anything.
  void knownFramesNeverReadHiddenOnes() {
    const Clip clip = test::walkClip();
    Clip moved = clip;
    for (int f = 60; f < 90; ++f)
      for (int j = 0; j < clip.jointCount(); ++j) {
        moved.rotation(f, j) = clip.rotation(59, j);
        if (clip.hasTrack(j)) moved.translation(f, j) = clip.translation(59, j) + Eigen::Vector3d(0, -50, 0);
      }
    std::vector<std::uint8_t> hidden(static_cast<size_t>(clip.frameCount()) * kBodyPartCount, 0);
    std::fill(hidden.begin() + 60 * kBodyPartCount, hidden.begin() + 90 * kBodyPartCount, 1);
    MotionFeatures a, b, leaky;
    std::string error;
    QVERIFY(encodeClip(clip, nullptr, &a, &error, &hidden));
    QVERIFY(encodeClip(moved, nullptr, &b, &error, &hidden));
    QVERIFY(encodeClip(moved, nullptr, &leaky, &error));
    for (int f = 0; f < clip.frameCount(); ++f) {
      if (f >= 60 && f < 90) continue;
      for (int k = 0; k < kFeatureCount; ++k)
        QVERIFY2(a.frame(f)[k] == b.frame(f)[k], qPrintable(QString("frame %1 feature %2").arg(f).arg(k)));
    }
    // Without the mask, frame 90's root velocity reads frame 89.
    QVERIFY(std::abs(leaky.frame(90)[kRootVelocityFeature + 1] - a.frame(90)[kRootVelocityFeature + 1]) > 0.1f);
  }

  // The mirror image of a take (training data for a model with no preferred
  // side): the same root height and speed forward, sideways speed and turning
  // negated, every joint where its twin was with X negated, contacts of the
  // left foot those of the right.
  void mirrorImage() {
    const Clip clip = test::walkClip();
    MotionFeatures a, m;
    std::string error;
    QVERIFY2(encodeClip(clip, nullptr, &a, &error), error.c_str());
    QVERIFY2(encodeClip(clip, nullptr, &m, &error, nullptr, true), error.c_str());
    QCOMPARE(m.frames, a.frames);
    double turning = 0;
    for (int f = 1; f < a.frames; ++f) {
      const float* x = a.frame(f);
      const float* y = m.frame(f);
      QVERIFY(std::abs(y[kRootHeightFeature] - x[kRootHeightFeature]) < 1e-5f);
      QVERIFY(std::abs(y[kRootVelocityFeature] + x[kRootVelocityFeature]) < 1e-4f);
      QVERIFY(std::abs(y[kRootVelocityFeature + 1] - x[kRootVelocityFeature + 1]) < 1e-4f);
      QVERIFY2(std::abs(y[kYawRateFeature] + x[kYawRateFeature]) < 1e-4f, qPrintable(QString("frame %1").arg(f)));
      turning += std::abs(x[kYawRateFeature]);
      for (int j = 1; j < kCanonicalJointCount; ++j) {
        const int t = canonicalIndex(mirrorJoint(static_cast<CanonicalJoint>(j)));
        const float* p = x + kPositionFeature + 3 * (j - 1);
        const float* q = y + kPositionFeature + 3 * (t - 1);
        QVERIFY2(std::abs(q[0] + p[0]) < 1e-4f && std::abs(q[1] - p[1]) < 1e-4f && std::abs(q[2] - p[2]) < 1e-4f,
                 qPrintable(QString("frame %1 joint %2").arg(f).arg(j)));
      }
      QCOMPARE(y[kContactFeature], x[kContactFeature + 2]);
      QCOMPARE(y[kContactFeature + 1], x[kContactFeature + 3]);
    }
    QVERIFY(turning / a.frames > 0.01);  // the walk sways: the check above saw turning
    // The arms are exchanged: the right hand swings where the left one did.
    QVERIFY(mirrorJoint(CanonicalJoint::LeftHand) == CanonicalJoint::RightHand);
  }

  void tokensSplitAndMergeBack() {
    const Clip clip = test::walkClip();
    MotionFeatures features;
    std::string error;
    QVERIFY(encodeClip(clip, nullptr, &features, &error));
    const int F = features.frames;
    std::vector<float> tokens(static_cast<size_t>(F) * kBodyPartCount * kTokenChannels);
    splitTokens(features.values.data(), F, tokens.data());
    std::vector<float> back(features.values.size());
    mergeTokens(tokens.data(), F, nullptr, back.data());
    for (size_t i = 0; i < back.size(); ++i) QCOMPARE(back[i], features.values[i]);
    // Every feature lives in some token.
    std::vector<int> used(kFeatureCount, 0);
    for (const auto& part : tokenFeatureIndices()) {
      QVERIFY(int(part.size()) <= kTokenWidth);
      for (int k : part) ++used[k];
    }
    for (int k = 0; k < kFeatureCount; ++k) QVERIFY2(used[k] > 0, qPrintable(QString("feature %1 unused").arg(k)));
  }

  void normalisationRoundTrip() {
    const Clip clip = test::walkClip();
    MotionFeatures features;
    std::string error;
    QVERIFY(encodeClip(clip, nullptr, &features, &error));
    const FeatureStats stats = computeFeatureStats({&features.values});
    QVERIFY(stats.valid());
    std::vector<float> v = features.values;
    normalizeFeatures(stats, v.data(), features.frames);
    double mean = 0;
    for (int f = 0; f < features.frames; ++f) mean += v[static_cast<size_t>(f) * kFeatureCount + kRootHeightFeature];
    QVERIFY(std::abs(mean / features.frames) < 1e-3);
    denormalizeFeatures(stats, v.data(), features.frames);
    for (size_t i = 0; i < v.size(); ++i) QVERIFY(std::abs(v[i] - features.values[i]) < 1e-4);
  }
};

QTEST_GUILESS_MAIN(TestMotionFeatures)
#include "tst_motionfeatures.moc"
