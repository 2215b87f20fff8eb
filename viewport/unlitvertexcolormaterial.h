#pragma once
// A material that draws each vertex in its own colour with no lighting, for
// overlays such as the ground grid. The lit Qt3DExtras materials multiply
// every term by the light, which turns thin lines black or lets their colour
// drift with the light setup.
//
// Geometry must provide "vertexPosition" (vec3) and "vertexColor" (vec3, 0..1).
// Techniques exist for the OpenGL renderer (GL 3.2 core) and the RHI renderer.

#include <Qt3DRender/QMaterial>

namespace mm::viewport {

class UnlitVertexColorMaterial : public Qt3DRender::QMaterial {
  Q_OBJECT
 public:
  explicit UnlitVertexColorMaterial(Qt3DCore::QNode* parent = nullptr);
};

}  // namespace mm::viewport
