#pragma once
// Subcommands of motionmender-bench-gui, one file each. Each gets the
// arguments after its name, prints its figures ("NAME: X ms (median of N)")
// on standard output and returns 0, 1 on error, 2 on a usage error. A
// QApplication exists when they run (offscreen unless QT_QPA_PLATFORM says otherwise).

#include <QStringList>

namespace mm::benchgui {

// timeline [--width PX] [--runs N]: repaint of a one-hour 120 fps take at fit-all and at full zoom.
int benchTimeline(const QStringList& args);
// viewport [--minutes M] [--runs N] [--play-seconds S]: the 3D view's update for one frame of a 60-joint take.
int benchViewport(const QStringList& args);
// latency [--minutes M] [--no-model]: the window's event-loop latency while a one-hour take is analysed and a model repair runs.
int benchLatency(const QStringList& args);

}  // namespace mm::benchgui
