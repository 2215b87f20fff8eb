// bench gui timeline: a one-hour 120 fps take (432,000 frames) with a
// synthetic report (low noise everywhere, a few hundred artifact spans of
// every type), painted labels and a proposal under review; the timeline
// widget's full repaint at fit-all and at full zoom (24 px a frame), and the
// time to build its quality pyramids from the report. The skeleton is two
// joints: the timeline never reads the motion, only the report, labels,
// artifacts and the proposal's change curve.
#include "app/benchgui/benchgui.h"

#include "timeline/timelinerows.h"
#include "timeline/timelinewidget.h"

#include "editor/document.h"
#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <time.h>
#include <vector>

namespace mm::benchgui {

namespace {
constexpr int kFrames = 432000;
constexpr double kFps = 120.0;
constexpr int kArtifacts = 300;

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Timing {
  double wallMs = 0.0;  // median wall time
  double cpuMs = 0.0;   // median CPU time of this thread (what other processes' load does not add)
};

Timing median(int runs, const std::function<void()>& fn) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    QElapsedTimer t;
    const double c0 = threadCpuMs();
    t.start();
    fn();
    wall.push_back(t.nsecsElapsed() / 1e6);
    cpu.push_back(threadCpuMs() - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

Clip hourClip() {
  Skeleton s;
  s.addJoint("Hips", Skeleton::kNoParent, Eigen::Vector3d(0, 95, 0));
  s.addJoint("Spine", 0, Eigen::Vector3d(0, 12, 0));
  s.setChannels(0, {Channel::Xposition, Channel::Yposition, Channel::Zposition, Channel::Zrotation,
                    Channel::Xrotation, Channel::Yrotation});
  s.setChannels(1, {Channel::Zrotation, Channel::Xrotation, Channel::Yrotation});
  Clip clip(s, kFrames, kFps);
  for (int f = 0; f < kFrames; ++f) clip.translation(f, 0) = Eigen::Vector3d(f * 0.01, 95, 0);
  return clip;
}

// Low scores on every frame (so no column is flat) and kArtifacts spans.
std::shared_ptr<QualityReport> hourReport(std::mt19937& rng) {
  auto report = std::make_shared<QualityReport>(kFrames);
  std::uniform_real_distribution<float> noise(0.0f, 0.3f);
  for (int f = 0; f < kFrames; f += 7)
    report->flag(ArtifactType::Jitter, f, static_cast<BodyPart>(f % kBodyPartCount), noise(rng), 0.4f);
  std::uniform_int_distribution<int> start(1, kFrames - 400), length(1, 240), type(0, kArtifactTypeCount - 1);
  std::uniform_real_distribution<float> severity(0.5f, 1.0f);
  for (int i = 0; i < kArtifacts; ++i) {
    const int s = start(rng), n = length(rng);
    const auto t = static_cast<ArtifactType>(type(rng));
    const auto part = static_cast<BodyPart>(i % kBodyPartCount);
    for (int f = s; f < s + n; ++f) report->flag(t, f, part, severity(rng));
  }
  report->buildSpans(4);
  return report;
}
}  // namespace

int benchTimeline(const QStringList& args) {
  int width = 1600, runs = 31;
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--width") && i + 1 < args.size())
      width = args[++i].toInt();
    else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
      runs = args[++i].toInt();
    else {
      std::fprintf(stderr, "timeline: unknown argument '%s'\n", qPrintable(args[i]));
      return 2;
    }
  }
  if (width < 200 || runs < 1) {
    std::fprintf(stderr, "timeline: --width must be >= 200 and --runs >= 1\n");
    return 2;
  }

  std::mt19937 rng(42);
  editor::Document doc;
  doc.setClip(hourClip());
  const std::shared_ptr<QualityReport> report = hourReport(rng);

  timeline::TimelineRows rows;
  const Timing build = median(std::max(3, runs / 4), [&] { rows.setReport(report.get()); });

  doc.setReport(report);
  // Labels on a tenth of the take, decisions on some artifacts, a proposal
  // under review (a real patch: its change curve comes from forward kinematics).
  QualityLabels labels(kFrames);
  for (int f = 0; f < kFrames; f += 4000) labels.fill(f, f + 400, 0x1F, static_cast<QualityLabel>(1 + f / 4000 % 3));
  doc.setLabels(labels);
  std::vector<editor::Artifact> artifacts = doc.artifacts();
  for (size_t i = 0; i < artifacts.size(); ++i) {
    artifacts[i].decision = static_cast<editor::Decision>(i % 4);
    doc.putArtifact(artifacts[i]);
  }
  const editor::Artifact reviewed = doc.artifacts()[doc.artifacts().size() / 2];
  Clip fixed = doc.clip();
  for (int f = reviewed.start; f < reviewed.end; ++f)
    fixed.rotation(f, 1) = Eigen::Quaterniond(Eigen::AngleAxisd(0.02 * (f - reviewed.start), Eigen::Vector3d::UnitX()));
  editor::Proposal proposal;
  proposal.artifactId = reviewed.id;
  proposal.patch = Patch::diff(doc.clip(), fixed, {FrameRange{reviewed.start, reviewed.end}});
  doc.setProposal(std::move(proposal));
  doc.setReviewedArtifact(reviewed.id);
  doc.setCurrentFrame(reviewed.start);

  timeline::TimelineWidget w(&doc);
  w.resize(width, w.sizeHint().height());
  w.show();
  QApplication::processEvents();

  w.fitAll();
  const Timing fitAll = median(runs, [&] { w.repaint(); });
  // Full zoom (24 px a frame) at the reviewed artifact: a span narrower
  // than the view at full zoom is shown at full zoom.
  w.showFrames(reviewed.start, reviewed.start + 1);
  if (w.mapping().pixelsPerFrame() < timeline::TimeMapping::kMaxPixelsPerFrame - 1e-9) {
    std::fprintf(stderr, "timeline: could not reach full zoom\n");
    return 1;
  }
  const Timing fullZoom = median(runs, [&] { w.repaint(); });

  std::printf("take: %d frames at %.0f fps, %zu artifacts, widget %dx%d\n", kFrames, kFps, doc.artifacts().size(),
              w.width(), w.height());
  std::printf("timeline pyramid build: %.2f ms (median of %d; CPU %.2f ms; 6 quality rows from the report)\n",
              build.wallMs, std::max(3, runs / 4), build.cpuMs);
  std::printf("timeline repaint fit-all: %.2f ms (median of %d; CPU %.2f ms)\n", fitAll.wallMs, runs, fitAll.cpuMs);
  std::printf("timeline repaint full zoom: %.2f ms (median of %d; CPU %.2f ms)\n", fullZoom.wallMs, runs,
              fullZoom.cpuMs);
  return 0;
}

}  // namespace mm::benchgui
