#pragma once
// Which bone a click hits: the bones' end points are projected with the
// camera and the nearest segment on screen wins, within a tolerance that
// grows with the bone's drawn thickness. No Qt 3D picking (which would need
// ray casts against every mesh in the render thread and a round trip):
// a projection of 60 segments is microseconds and exact for thin bones.

#include <QMatrix4x4>
#include <QPointF>
#include <QSize>
#include <QVector3D>

#include <optional>
#include <vector>

namespace mm::viewport {

struct WorldSegment {
  QVector3D a, b;  // metres
};

// Screen position (pixels of a view of `size`, origin top left) of a world
// point seen through `viewProjection`; nullopt behind the camera.
std::optional<QPointF> projectToScreen(const QMatrix4x4& viewProjection, const QVector3D& world, const QSize& size);

// Index of the segment nearest to `pixel` on screen if within `tolerance`
// pixels; -1 otherwise. Segments with an end behind the camera are skipped.
int nearestSegment(const std::vector<WorldSegment>& segments, const QMatrix4x4& viewProjection, const QSize& size,
                   const QPointF& pixel, double tolerance);

// Distance from `p` to the segment [a, b].
double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b);

}  // namespace mm::viewport
