// The min/max pyramid and the label pyramid against brute force on
// arbitrary ranges, after builds and incremental updates; the report rows
// against QualityReport::frameQuality / partQuality.
#include "editor/qualitypyramid.h"
#include "timeline/labelpyramid.h"
#include "timeline/timelinerows.h"

#include "motion/labels/qualitylabels.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <random>
#include <vector>

using namespace mm;
using mm::timeline::LabelPyramid;
using mm::editor::QualityPyramid;

namespace {
void checkRanges(const QualityPyramid& p, const std::vector<float>& v, std::mt19937& rng, int count) {
  const int n = static_cast<int>(v.size());
  std::uniform_int_distribution<int> pick(-3, n + 3);
  for (int i = 0; i < count; ++i) {
    int a = pick(rng), b = pick(rng);
    if (a > b) std::swap(a, b);
    const int s = std::max(0, a), e = std::min(n, b);
    const QualityPyramid::MinMax got = p.query(a, b, -7.0f);
    const float gotMin = p.minOf(a, b, -7.0f);
    if (e <= s) {
      QCOMPARE(gotMin, -7.0f);
      QCOMPARE(got.min, -7.0f);
      QCOMPARE(got.max, -7.0f);
      continue;
    }
    const auto [mn, mx] = std::minmax_element(v.begin() + s, v.begin() + e);
    if (got.min != *mn || got.max != *mx || gotMin != *mn)
      QFAIL(qPrintable(QStringLiteral("range [%1, %2) of %3: got %4..%5, want %6..%7")
                           .arg(a).arg(b).arg(n).arg(got.min).arg(got.max).arg(*mn).arg(*mx)));
  }
}
}  // namespace

class TestQualityPyramid : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void minMaxEqualsBruteForce() {
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> value(0.0f, 1.0f);
    for (int n : {1, 2, 3, 7, 8, 9, 31, 64, 100, 1023, 1025, 4097}) {
      std::vector<float> v(static_cast<size_t>(n));
      for (float& x : v) x = value(rng);
      QualityPyramid p;
      p.build(v);
      QCOMPARE(p.size(), n);
      checkRanges(p, v, rng, 400);
      // Every single frame and the whole signal.
      for (int f = 0; f < n; ++f) QCOMPARE(p.query(f, f + 1).min, v[size_t(f)]);
      QCOMPARE(p.query(0, n).min, *std::min_element(v.begin(), v.end()));
    }
  }

  void oneBadFrameShowsAtEveryLevel() {
    std::vector<float> v(100000, 1.0f);
    v[54321] = 0.1f;
    QualityPyramid p;
    p.build(v);
    QCOMPARE(p.query(0, 100000).min, 0.1f);
    QCOMPARE(p.query(54000, 55000).min, 0.1f);
    QCOMPARE(p.query(54322, 100000).min, 1.0f);
    QCOMPARE(p.query(0, 54321).min, 1.0f);
  }

  void incrementalUpdateEqualsRebuild() {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> value(0.0f, 1.0f);
    const int n = 3001;
    std::vector<float> v(static_cast<size_t>(n));
    for (float& x : v) x = value(rng);
    QualityPyramid p;
    p.build(v);
    std::uniform_int_distribution<int> pick(0, n);
    for (int round = 0; round < 30; ++round) {
      int a = pick(rng), b = pick(rng);
      if (a > b) std::swap(a, b);
      for (int f = a; f < b; ++f) v[size_t(f)] = value(rng) * 2.0f - 0.5f;
      p.update(v.data(), a, b);
      checkRanges(p, v, rng, 100);
    }
  }

  void emptyPyramid() {
    QualityPyramid p;
    QVERIFY(p.empty());
    QCOMPARE(p.query(0, 10, 0.5f).min, 0.5f);
  }

  void labelMasksEqualBruteForce() {
    std::mt19937 rng(3);
    const int n = 777;
    QualityLabels labels(n);
    std::uniform_int_distribution<int> label(0, 3);
    for (int f = 0; f < n; ++f)
      for (BodyPart part : kAllBodyParts)
        if (rng() % 7 == 0) labels.set(f, part, static_cast<QualityLabel>(label(rng)));
    LabelPyramid p;
    p.build(labels, BodyPart::LeftArm);
    std::uniform_int_distribution<int> pick(0, n);
    const auto brute = [&](int a, int b) {
      std::uint8_t m = 0;
      for (int f = a; f < b; ++f) m |= std::uint8_t(1u << int(labels.label(f, BodyPart::LeftArm)));
      return m;
    };
    for (int i = 0; i < 300; ++i) {
      int a = pick(rng), b = pick(rng);
      if (a > b) std::swap(a, b);
      QCOMPARE(p.query(a, b), brute(a, b));
    }
    // Paint some frames, update, compare again.
    labels.fill(100, 180, 0x1F, QualityLabel::Bad);
    p.update(labels, 100, 180);
    for (int i = 0; i < 300; ++i) {
      int a = pick(rng), b = pick(rng);
      if (a > b) std::swap(a, b);
      QCOMPARE(p.query(a, b), brute(a, b));
    }
    QCOMPARE(LabelPyramid::dominant(p.query(90, 200)), QualityLabel::Bad);
    QCOMPARE(LabelPyramid::dominant(0), QualityLabel::Unlabelled);
    QCOMPARE(LabelPyramid::dominant(std::uint8_t(1u << int(QualityLabel::Good) | 1u << int(QualityLabel::Unsure))),
             QualityLabel::Unsure);
  }

  void reportRowsMatchTheReport() {
    const int n = 5000;
    QualityReport report(n);
    std::mt19937 rng(9);
    std::uniform_int_distribution<int> frame(0, n - 1), type(0, kArtifactTypeCount - 1), part(0, kBodyPartCount - 1);
    std::uniform_real_distribution<float> severity(0.1f, 1.0f);
    for (int i = 0; i < 600; ++i)
      report.flag(static_cast<ArtifactType>(type(rng)), frame(rng), static_cast<BodyPart>(part(rng)), severity(rng));
    timeline::TimelineRows rows;
    rows.setReport(&report);
    QVERIFY(rows.hasReport());
    for (int f = 0; f < n; ++f) {
      QCOMPARE(rows.quality(0).value(f), report.frameQuality(f));
      for (BodyPart p : kAllBodyParts) QCOMPARE(rows.quality(1 + bodyPartIndex(p)).value(f), report.partQuality(f, p));
    }
    rows.setReport(nullptr);
    QVERIFY(!rows.hasReport());
  }

  void buildTimeOfAnHour() {
    // Informative only (the benchmark prints it): an hour at 120 fps.
    std::vector<float> v(432000);
    std::mt19937 rng(1);
    for (float& x : v) x = float(rng() % 1000) / 1000.0f;
    QElapsedTimer t;
    t.start();
    QualityPyramid p;
    p.build(v);
    qInfo("one row of 432,000 frames built in %.2f ms", t.nsecsElapsed() / 1e6);
    QCOMPARE(p.query(0, 432000).min, *std::min_element(v.begin(), v.end()));
  }
};

QTEST_APPLESS_MAIN(TestQualityPyramid)
#include "tst_qualitypyramid.moc"
