#include "viewport/bonepicker.h"

#include <QVector4D>

#include <algorithm>
#include <cmath>

namespace mm::viewport {

std::optional<QPointF> projectToScreen(const QMatrix4x4& viewProjection, const QVector3D& world, const QSize& size) {
  const QVector4D clip = viewProjection * QVector4D(world, 1.0f);
  if (clip.w() <= 1e-6f) return std::nullopt;
  const float x = clip.x() / clip.w(), y = clip.y() / clip.w();
  return QPointF((x + 1.0) * 0.5 * size.width(), (1.0 - y) * 0.5 * size.height());
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double len2 = QPointF::dotProduct(ab, ab);
  const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

int nearestSegment(const std::vector<WorldSegment>& segments, const QMatrix4x4& viewProjection, const QSize& size,
                   const QPointF& pixel, double tolerance) {
  int best = -1;
  double bestDistance = tolerance;
  for (size_t i = 0; i < segments.size(); ++i) {
    const auto a = projectToScreen(viewProjection, segments[i].a, size);
    const auto b = projectToScreen(viewProjection, segments[i].b, size);
    if (!a || !b) continue;
    const double d = distanceToSegment(pixel, *a, *b);
    if (d <= bestDistance) {
      bestDistance = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace mm::viewport
