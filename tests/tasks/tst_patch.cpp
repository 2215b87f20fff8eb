// Patches (the proposal, ghost and undo payload of every edit) and the jobs
// that make them: a patch holds exactly the samples that changed, applies
// and reverts bit for bit, and a job never changes the clip it reads.

#include "io/motionfile.h"
#include "motion/clip.h"
#include "motion/quality/qualityanalyzer.h"
#include "motion/quality/qualityreport.h"
#include "tasks/loadtake.h"
#include "tasks/repairjobs.h"

#include <QtTest>

#include <cstring>

using namespace mm;

namespace {

Clip kick() {
  tasks::LoadedTake take;
  std::string error;
  if (!tasks::loadTake(MM_TEST_DATA_DIR "/bandai_kick_40.bvh", &take, &error)) qFatal("%s", error.c_str());
  return take.clip;
}

bool sameBits(const Clip& a, const Clip& b) {
  if (a.frameCount() != b.frameCount() || a.jointCount() != b.jointCount()) return false;
  for (int f = 0; f < a.frameCount(); ++f)
    for (int j = 0; j < a.jointCount(); ++j) {
      if (std::memcmp(a.rotation(f, j).coeffs().data(), b.rotation(f, j).coeffs().data(), 32) != 0) return false;
      if (a.hasTrack(j) && std::memcmp(a.translation(f, j).data(), b.translation(f, j).data(), 24) != 0) return false;
      if (a.isValid(f, j) != b.isValid(f, j)) return false;
    }
  return true;
}

}  // namespace

class TestPatch : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void diffHoldsExactlyWhatChanged() {
    const Clip before = kick();
    Clip after = before;
    // Two edits far apart: two blocks; one joint's rotation, the root's
    // translation, and one sample marked missing.
    after.rotation(5, 7) = Eigen::Quaterniond(Eigen::AngleAxisd(0.3, Eigen::Vector3d::UnitX())) * after.rotation(5, 7);
    after.rotation(6, 7) = Eigen::Quaterniond(Eigen::AngleAxisd(0.2, Eigen::Vector3d::UnitX())) * after.rotation(6, 7);
    after.translation(30, 1) += Eigen::Vector3d(10, 0, 0);
    after.setValid(31, 3, false);
    const Patch p = Patch::diffAll(before, after);
    QCOMPARE(int(p.blocks().size()), 2);
    QCOMPARE(p.blocks()[0].start, 5);
    QCOMPARE(p.blocks()[0].end, 7);
    QCOMPARE(p.blocks()[0].joints, std::vector<int>{7});
    QCOMPARE(p.blocks()[1].start, 30);
    QCOMPARE(p.blocks()[1].end, 32);
    QCOMPARE(p.blocks()[1].joints, (std::vector<int>{1, 3}));
    QCOMPARE(p.sampleCount(), 2LL + 4LL);
    QVERIFY(p.maxChangeMm() > 90.0 && p.maxChangeMm() < 110.0);  // the 10 cm root move
    QVERIFY(p.fits(before));

    Clip c = before;
    p.apply(c);
    QVERIFY(sameBits(c, after));
    p.revert(c);
    QVERIFY(sameBits(c, before));
    QVERIFY(!c.hasMissing());
    QVERIFY(Patch::diffAll(before, before).empty());
  }

  void shiftedPatchAppliesToTheTake() {
    const Clip take = kick();
    Clip window = take.subClip(10, 30);
    Clip edited = window;
    edited.rotation(4, 9) = Eigen::Quaterniond(Eigen::AngleAxisd(0.5, Eigen::Vector3d::UnitY()));
    const Patch p = Patch::diffAll(window, edited).shifted(10);
    QCOMPARE(p.bounds().start, 14);
    Clip c = take;
    p.apply(c);
    QVERIFY(c.rotation(14, 9).coeffs() == edited.rotation(4, 9).coeffs());
    p.revert(c);
    QVERIFY(sameBits(c, take));
    std::string why;
    QVERIFY(!p.shifted(100).fits(take, &why));
    QVERIFY(why.find("frame") != std::string::npos);
  }

  void jobsReadWithoutWriting() {
    const Clip clip = kick();
    const Clip copy = clip;
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    const tasks::JobOutcome in = tasks::inbetweenJob(clip, FrameRange{10, 20}, tasks::Method::Classic, {});
    QVERIFY2(in.ok(), in.error.c_str());
    QVERIFY(!in.patch.empty());
    QVERIFY(in.patch.bounds().start >= 10 && in.patch.bounds().end <= 20);
    QCOMPARE(in.methodLine, std::string("method: classic"));
    FillMask mask(clip.frameCount(), clip.jointCount());
    for (int j : parts.jointsOf(BodyPart::LeftArm)) mask.mark(FrameRange{12, 24}, {j});
    const tasks::JobOutcome comp = tasks::completeJob(clip, mask, parts, tasks::Method::Classic, {});
    QVERIFY2(comp.ok(), comp.error.c_str());
    for (int j : comp.patch.joints()) QCOMPARE(parts.part(j), BodyPart::LeftArm);
    const tasks::JobOutcome filt =
        tasks::filterJob(clip, FrameRange{5, 35}, 1u << 2, parts, FilterSpec::butterworth(4.0));
    QVERIFY2(filt.ok(), filt.error.c_str());
    for (int j : filt.patch.joints()) QCOMPARE(parts.part(j), BodyPart::RightArm);
    QVERIFY(sameBits(clip, copy));
    // Bad input is an error, not a crash, and names the problem.
    const tasks::JobOutcome bad = tasks::inbetweenJob(clip, FrameRange{30, 90}, tasks::Method::Classic, {});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.errorSource, tasks::ErrorSource::Input);
    QVERIFY(!bad.error.empty());
  }

  void cleanJobMatchesRepairAll() {
    // The job gives exactly what the in-place classical clean gives.
    Clip clip = kick();
    for (int f = 20; f < 22; ++f)
      clip.rotation(f, 8) = Eigen::Quaterniond(Eigen::AngleAxisd(1.0, Eigen::Vector3d::UnitZ())) * clip.rotation(f, 8);
    const BodyPartMap parts = BodyPartMap::detect(clip.skeleton());
    QualityAnalyzer analyzer;
    const QualityReport report = analyzer.analyze(clip, parts, {});
    QVERIFY(!report.artifacts().empty());
    const tasks::JobOutcome job = tasks::cleanJob(clip, report, parts, tasks::Method::Classic, {});
    QVERIFY2(job.ok(), job.error.c_str());
    Clip inPlace = clip;
    RepairOptions options;
    options.parts = &parts;
    repairAll(inPlace, report, options);
    Clip patched = clip;
    job.patch.apply(patched);
    QVERIFY(sameBits(patched, inPlace));
  }

  void autoPolicy() {
    QVERIFY(tasks::modelRepairsBetter(ArtifactType::Floating));
    QVERIFY(!tasks::modelRepairsBetter(ArtifactType::Pop));
    tasks::Method m;
    QVERIFY(tasks::parseMethod("model", &m) && m == tasks::Method::Model);
    QVERIFY(!tasks::parseMethod("magic", &m));
  }
};

QTEST_MAIN(TestPatch)
#include "tst_patch.moc"
