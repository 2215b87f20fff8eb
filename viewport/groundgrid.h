#pragma once
// The floor: a grid of lines on a horizontal plane, in metres, spaced by a
// round number of metres so a glance gives the scale of the motion. Every
// fifth line is stronger; the world X and Z axes are tinted red and blue.

#include <Qt3DCore/QEntity>
#include <QRectF>

namespace Qt3DCore {
class QAttribute;
class QBuffer;
class QTransform;
}  // namespace Qt3DCore
namespace Qt3DRender {
class QGeometryRenderer;
}

namespace mm::viewport {

class GroundGrid : public Qt3DCore::QEntity {
  Q_OBJECT
 public:
  explicit GroundGrid(Qt3DCore::QNode* parent = nullptr);

  // Covers `area` (x and z in metres; QRectF's y is the world z) with a margin
  // of at least a metre on every side, at height `groundY`.
  void cover(const QRectF& area, float groundY);

  // Metres between lines, and the rectangle (x, z) the lines span now.
  float spacing() const { return mSpacing; }
  const QRectF& extent() const { return mExtent; }
  float groundY() const { return mGroundY; }
  int lineCount() const { return mLineCount; }

  // 1, 2, 5, 10, 20, 50... metres: the smallest that keeps at most 40
  // spacings across `size` metres.
  static float spacingFor(float size);

 private:
  Qt3DCore::QBuffer* mBuffer = nullptr;
  Qt3DCore::QAttribute* mPosition = nullptr;
  Qt3DCore::QAttribute* mColor = nullptr;
  Qt3DRender::QGeometryRenderer* mRenderer = nullptr;
  Qt3DCore::QTransform* mTransform = nullptr;  // lifts the grid to mGroundY
  float mSpacing = 1.0f;
  QRectF mExtent;
  float mGroundY = 0.0f;
  int mLineCount = 0;
};

}  // namespace mm::viewport
