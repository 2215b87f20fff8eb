#include "viewport/groundgrid.h"

#include "viewport/unlitvertexcolormaterial.h"

#include <Qt3DCore/QAttribute>
#include <Qt3DCore/QBuffer>
#include <Qt3DCore/QGeometry>
#include <Qt3DCore/QTransform>
#include <Qt3DRender/QGeometryRenderer>
#include <QByteArray>
#include <QColor>

#include <algorithm>
#include <cmath>

namespace mm::viewport {

namespace {
constexpr int kFloatsPerVertex = 6;  // position xyz, colour rgb
constexpr int kStride = kFloatsPerVertex * sizeof(float);

const QColor kMinor(72, 78, 88);
const QColor kMajor(100, 108, 120);
const QColor kAxisX(156, 74, 74);   // the line z = 0 runs along X
const QColor kAxisZ(74, 106, 166);  // the line x = 0 runs along Z

void appendLine(QByteArray& out, float x0, float z0, float x1, float z1, const QColor& c) {
  const float r = c.redF(), g = c.greenF(), b = c.blueF();
  const float v[2 * kFloatsPerVertex] = {x0, 0, z0, r, g, b, x1, 0, z1, r, g, b};
  out.append(reinterpret_cast<const char*>(v), sizeof(v));
}
}  // namespace

GroundGrid::GroundGrid(Qt3DCore::QNode* parent) : Qt3DCore::QEntity(parent) {
  mBuffer = new Qt3DCore::QBuffer(this);
  auto* geometry = new Qt3DCore::QGeometry(this);
  mPosition = new Qt3DCore::QAttribute(mBuffer, Qt3DCore::QAttribute::defaultPositionAttributeName(),
                                       Qt3DCore::QAttribute::Float, 3, 0, 0, kStride, geometry);
  mColor = new Qt3DCore::QAttribute(mBuffer, Qt3DCore::QAttribute::defaultColorAttributeName(),
                                    Qt3DCore::QAttribute::Float, 3, 0, 3 * sizeof(float), kStride, geometry);
  geometry->addAttribute(mPosition);
  geometry->addAttribute(mColor);
  mRenderer = new Qt3DRender::QGeometryRenderer(this);
  mRenderer->setPrimitiveType(Qt3DRender::QGeometryRenderer::Lines);
  mRenderer->setGeometry(geometry);
  mTransform = new Qt3DCore::QTransform(this);
  addComponent(mRenderer);
  addComponent(new UnlitVertexColorMaterial(this));
  addComponent(mTransform);
  cover(QRectF(-1, -1, 2, 2), 0.0f);
}

float GroundGrid::spacingFor(float size) {
  if (!std::isfinite(size)) return 1.0f;
  constexpr float kSteps[3] = {2.0f, 2.5f, 2.0f};  // 1, 2, 5, 10, 20, 50, ...
  float spacing = 1.0f;
  for (int i = 0; size / spacing > 40.0f; ++i) spacing *= kSteps[i % 3];
  return spacing;
}

void GroundGrid::cover(const QRectF& area, float groundY) {
  const QRectF a = area.normalized();
  const float size = static_cast<float>(std::max(a.width(), a.height()));
  const float margin = std::max(1.0f, 0.25f * size);
  const float spacing = spacingFor(size + 2 * margin);
  // Snap outwards to whole spacings so lines sit on round coordinates.
  const auto snapDown = [spacing](double v) { return static_cast<int>(std::floor(v / spacing)); };
  const auto snapUp = [spacing](double v) { return static_cast<int>(std::ceil(v / spacing)); };
  const int x0 = snapDown(a.left() - margin), x1 = snapUp(a.right() + margin);
  const int z0 = snapDown(a.top() - margin), z1 = snapUp(a.bottom() + margin);
  const float left = x0 * spacing, right = x1 * spacing, back = z0 * spacing, front = z1 * spacing;

  QByteArray vertices;
  vertices.reserve((x1 - x0 + z1 - z0 + 2) * 2 * kStride);
  // Lines of constant x run along Z.
  for (int i = x0; i <= x1; ++i) {
    const QColor& c = i == 0 ? kAxisZ : (i % 5 == 0 ? kMajor : kMinor);
    appendLine(vertices, i * spacing, back, i * spacing, front, c);
  }
  for (int k = z0; k <= z1; ++k) {
    const QColor& c = k == 0 ? kAxisX : (k % 5 == 0 ? kMajor : kMinor);
    appendLine(vertices, left, k * spacing, right, k * spacing, c);
  }
  const int count = static_cast<int>(vertices.size() / kStride);
  mBuffer->setData(vertices);
  mPosition->setCount(count);
  mColor->setCount(count);
  mRenderer->setVertexCount(count);

  mLineCount = count / 2;
  mSpacing = spacing;
  mExtent = QRectF(left, back, right - left, front - back);
  mGroundY = groundY;
  mTransform->setTranslation(QVector3D(0.0f, groundY, 0.0f));
}

}  // namespace mm::viewport
