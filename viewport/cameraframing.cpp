#include "viewport/cameraframing.h"

#include <algorithm>
#include <cmath>

namespace mm::viewport {

CameraFraming frameBox(const QVector3D& lo, const QVector3D& hi, float verticalFovDegrees, float aspect,
                       const QVector3D& viewDirection) {
  constexpr float kPi = 3.14159265358979f;
  constexpr float kMinHalfSize = 0.25f;  // metres
  const QVector3D centre = (lo + hi) * 0.5f;
  QVector3D half = (hi - lo) * 0.5f;
  half = QVector3D(std::max(std::abs(half.x()), kMinHalfSize), std::max(std::abs(half.y()), kMinHalfSize),
                   std::max(std::abs(half.z()), kMinHalfSize));
  aspect = aspect > 0 ? aspect : 1.0f;
  const float tanY = std::tan(verticalFovDegrees * kPi / 360.0f);
  const float tanX = tanY * aspect;

  const QVector3D forward = viewDirection.normalized();
  const QVector3D right = QVector3D::crossProduct(forward, QVector3D(0, 1, 0)).normalized();
  const QVector3D up = QVector3D::crossProduct(right, forward);

  // A corner at offset r from the centre lies at depth d + r.forward from a
  // camera d behind the centre; it is inside the view when its sideways and
  // vertical offsets are within tan(half angle) times that depth.
  float distance = 0.0f;
  for (int i = 0; i < 8; ++i) {
    const QVector3D r((i & 1) ? half.x() : -half.x(), (i & 2) ? half.y() : -half.y(),
                      (i & 4) ? half.z() : -half.z());
    const float depth = QVector3D::dotProduct(r, forward);
    distance = std::max(distance, std::abs(QVector3D::dotProduct(r, right)) / tanX - depth);
    distance = std::max(distance, std::abs(QVector3D::dotProduct(r, up)) / tanY - depth);
  }
  distance *= 1.08f;  // breathing room at the edges
  const float radius = half.length();
  distance = std::max(distance, radius * 1.05f);  // never inside the box

  CameraFraming f;
  f.viewCenter = centre;
  f.position = centre - forward * distance;
  // Near as far out as depth precision wants, but leaving room to zoom in;
  // far reaches past the ground grid, which extends beyond the motion.
  f.nearPlane = std::max(0.005f, distance * 0.01f);
  f.farPlane = distance + radius * 20.0f + 50.0f;
  return f;
}

QVector3D viewDirectionFor(const QVector3D& size) {
  const bool alongZ = std::abs(size.z()) > 1.5f * std::abs(size.x()) && std::abs(size.z()) > 1.0f;
  // From the front right, or from the right side a little to the front.
  return alongZ ? QVector3D(-1.0f, -0.32f, -0.45f) : QVector3D(-0.55f, -0.3f, -1.0f);
}

float zoomedDistance(float distance, float notches, float minDistance, float maxDistance) {
  const float d = distance * std::pow(1.0f - kZoomStep, notches);
  return std::clamp(d, minDistance, std::max(minDistance, maxDistance));
}

}  // namespace mm::viewport
