// motionmender-bench-gui: speed of the editor's widgets, measured on
// synthetic or generated takes so it runs anywhere (no data folder needed).
#include "app/benchgui/benchgui.h"

#include <QApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {
struct Subcommand {
  const char* name;
  const char* help;
  int (*run)(const QStringList&);
};
// A new benchmark adds a line here and a file beside this one.
constexpr Subcommand kSubcommands[] = {
    {"timeline", "timeline [--width PX] [--runs N]   repaint of a one-hour 120 fps take at fit-all and full zoom",
     mm::benchgui::benchTimeline},
    {"viewport", "viewport [--minutes M] [--runs N] [--play-seconds S]   view update, 60 joints, one-hour take",
     mm::benchgui::benchViewport},
    {"latency", "latency [--minutes M] [--no-model]   event-loop latency of the window: analysis of a one-hour take, model repair",
     mm::benchgui::benchLatency},
};

void printHelp(FILE* out) {
  std::fputs("usage: motionmender-bench-gui COMMAND [ARGS]\n\ncommands:\n", out);
  for (const Subcommand& s : kSubcommands) std::fprintf(out, "  %s\n", s.help);
  std::fputs("\nruns offscreen unless QT_QPA_PLATFORM is set\n", out);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    printHelp(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  // No display needed: widgets paint into the offscreen platform's images.
  if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QApplication app(argc, argv);
  QStringList args = QApplication::arguments().mid(2);
  for (const Subcommand& s : kSubcommands)
    if (!std::strcmp(argv[1], s.name)) return s.run(args);
  std::fprintf(stderr, "motionmender-bench-gui: unknown command '%s' (try --help)\n", argv[1]);
  return 2;
}
