#pragma once
// Where to put a perspective camera so that a region of the scene fills the
// view. Pure geometry, no Qt 3D objects, so it can be tested on its own.

#include <QVector3D>

namespace mm::viewport {

struct CameraFraming {
  QVector3D position;
  QVector3D viewCenter;
  QVector3D upVector{0.0f, 1.0f, 0.0f};
  float nearPlane = 0.01f;
  float farPlane = 100.0f;
};

// The closest camera, looking along `viewDirection` (from the camera towards
// the box; any length, not straight up or down: the up vector is +Y) at the
// box centre, that sees all eight corners of the box [lo, hi] (metres) in a
// view with the given vertical field of view (degrees) and aspect (width /
// height), plus a small margin. A flat or point-like box gets a minimum size.
CameraFraming frameBox(const QVector3D& lo, const QVector3D& hi, float verticalFovDegrees, float aspect,
                       const QVector3D& viewDirection);

// A three-quarter view slightly from above, turned so that the longer
// horizontal side of a box of `size` runs across the screen: a walk along Z
// is seen from the side, not end-on. BVH and most mocap face +Z, so a short
// (in-place) motion is seen from the front right.
QVector3D viewDirectionFor(const QVector3D& size);

// Camera distance after `notches` wheel notches (120 eighths of a degree
// each; positive: towards the target): each notch takes kZoomStep of the
// distance off (or puts it back), clamped to [minDistance, maxDistance].
constexpr float kZoomStep = 0.15f;
float zoomedDistance(float distance, float notches, float minDistance, float maxDistance);

}  // namespace mm::viewport
