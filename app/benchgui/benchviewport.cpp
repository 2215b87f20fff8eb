// bench gui viewport: what showing one frame costs the GUI thread in the 3D
// view on a one-hour 120 fps take (432,000 frames) of a 60-joint skeleton:
// forward kinematics of that frame, the joint and bone transforms, the
// quality colours and the proposal's ghost (its pose built for that frame
// only, then its own forward kinematics), and the follow camera. Frames are
// visited spread over the whole take, as a scrub does. The take is built in
// memory (about 0.9 GB for an hour); --minutes makes it shorter.
//
// Then playback: Playback runs the take for --play-seconds and the frame it
// reaches is compared with the wall clock (the frame comes from the clock,
// so a slow update drops display frames instead of slowing time).
//
// Declared in app/benchgui/benchgui.h as
//   int benchViewport(const QStringList& args);
// (`viewport [--minutes M] [--runs N] [--play-seconds S]`). Under the
// offscreen platform the view is not shown (Qt 3D needs OpenGL to render);
// with a display (xvfb-run) it is shown and renders while measured. The
// numbers are the GUI thread's synchronous update; Qt 3D's render thread
// and its per-vsync sync of the changed nodes are not in them.
#include "app/benchgui/benchgui.h"
#include "app/benchgui/benchtakes.h"

#include "editor/document.h"
#include "editor/playback.h"
#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "tasks/patch.h"
#include "viewport/skeletonview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QWindow>

#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace mm::benchgui {

namespace {

constexpr double kFps = kLongTakeFps;
constexpr int kJoints = kLongTakeJoints;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}
double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

}  // namespace

int benchViewport(const QStringList& args) {
  double minutes = 60.0;
  int runs = 2000;
  double playSeconds = 3.0;
  for (int i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    const bool hasValue = i + 1 < args.size();
    if (a == QLatin1String("--minutes") && hasValue) {
      minutes = args[++i].toDouble();
    } else if (a == QLatin1String("--runs") && hasValue) {
      runs = args[++i].toInt();
    } else if (a == QLatin1String("--play-seconds") && hasValue) {
      playSeconds = args[++i].toDouble();
    } else {
      std::fprintf(stderr, "usage: viewport [--minutes M] [--runs N] [--play-seconds S]\n");
      return 2;
    }
  }
  const int frames = static_cast<int>(minutes * 60.0 * kFps);
  if (frames < 1000 || runs < 1) {
    std::fprintf(stderr, "viewport: at least 1000 frames (--minutes) and one run\n");
    return 2;
  }

  QElapsedTimer build;
  build.start();
  editor::Document doc;
  doc.setClip(longTake(frames));
  const Clip& clip = doc.clip();

  // A report with a bad left arm over a stretch in the middle, and a
  // proposal for it (made on a window of the take: a second hour-long copy
  // would double the memory).
  const int mid = frames / 2, span = 240;
  auto report = std::make_shared<QualityReport>(frames);
  for (int f = mid; f < mid + span; ++f) report->flag(ArtifactType::Pop, f, BodyPart::LeftArm, 0.8f);
  report->buildSpans(2);
  doc.setReport(report);
  int artifactId = 0;
  for (const editor::Artifact& a : doc.artifacts()) artifactId = a.id;
  const Clip window = clip.subClip(mid, mid + span);
  Clip fixed = window;
  for (int f = 0; f < span; ++f)
    for (int j = 0; j < kJoints; ++j)
      if (doc.parts().part(j) == BodyPart::LeftArm) fixed.rotation(f, j) = Eigen::Quaterniond::Identity();
  editor::Proposal proposal;
  proposal.artifactId = artifactId;
  proposal.patch = Patch::diff(window, fixed, {FrameRange{0, span}}).shifted(mid);
  doc.setProposal(std::move(proposal));
  doc.setReviewedArtifact(artifactId);
  const double buildSeconds = build.elapsed() / 1e3;

  viewport::SkeletonView view;
  view.setDocument(&doc);
  view.resize(1280, 720);
  const bool shown = QGuiApplication::platformName() != QLatin1String("offscreen");
  if (shown) {
    view.show();
    QElapsedTimer wait;
    wait.start();
    while (!(view.windowHandle() && view.windowHandle()->isExposed()) && wait.elapsed() < 5000)
      QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  QCoreApplication::processEvents();

  // Frames spread over the take (a scrub), and frames in the proposal's
  // span (quality colours and the ghost as well).
  const auto measure = [&](int first, int count, int step) {
    std::vector<double> us;
    us.reserve(static_cast<size_t>(runs));
    QElapsedTimer t;
    for (int i = 0; i < runs; ++i) {
      const int f = first + static_cast<int>((static_cast<long long>(i) * step) % count);
      t.start();
      doc.setCurrentFrame(f);
      us.push_back(t.nsecsElapsed() / 1e3);
      if (shown && i % 16 == 0) QCoreApplication::processEvents();  // let Qt 3D take the changes
    }
    return us;
  };
  const std::vector<double> scrub = measure(0, frames, 7919 * 13);
  const std::vector<double> review = measure(mid, span, 37);
  const bool ghost = view.ghostShown();

  std::printf("take: %d frames at %.0f fps, %d joints (built in %.1f s); view %s\n", frames, kFps,
              clip.jointCount(), buildSeconds, shown ? "shown" : "not shown (offscreen)");
  std::printf("viewport frame update (60 joints): %.1f us (median of %d; p95 %.1f us)\n", median(scrub), runs,
              percentile(scrub, 0.95));
  std::printf("viewport frame update with quality colours and ghost (60 joints): %.1f us (median of %d; p95 %.1f us)%s\n",
              median(review), runs, percentile(review, 0.95), ghost ? "" : " [ghost not shown!]");

  // Playback on the long take: the frame follows the clock.
  if (playSeconds > 0) {
    editor::Playback playback(&doc);
    doc.setCurrentFrame(0);
    int updates = 0;
    QObject::connect(&doc, &editor::Document::currentFrameChanged, [&updates](int) { ++updates; });
    QElapsedTimer clock;
    playback.play();
    clock.start();
    while (clock.elapsed() < playSeconds * 1000) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double elapsed = clock.nsecsElapsed() / 1e9;
    playback.pause();
    const double expected = elapsed * kFps;
    std::printf("playback (%.0f fps take, %.1f s): reached frame %d, clock says %.0f (%+.1f frames); %d display "
                "updates (%.0f/s)\n",
                kFps, elapsed, doc.currentFrame(), expected, doc.currentFrame() - expected, updates, updates / elapsed);
  }
  return 0;
}

}  // namespace mm::benchgui
