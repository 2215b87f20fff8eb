#include "viewport/unlitvertexcolormaterial.h"

#include <Qt3DRender/QEffect>
#include <Qt3DRender/QFilterKey>
#include <Qt3DRender/QGraphicsApiFilter>
#include <Qt3DRender/QRenderPass>
#include <Qt3DRender/QShaderProgram>
#include <Qt3DRender/QTechnique>

namespace mm::viewport {

namespace {

const char* const kGl3Vertex = R"(#version 150 core
in vec3 vertexPosition;
in vec3 vertexColor;
out vec3 color;
uniform mat4 modelViewProjection;
void main() {
  color = vertexColor;
  gl_Position = modelViewProjection * vec4(vertexPosition, 1.0);
}
)";

const char* const kGl3Fragment = R"(#version 150 core
in vec3 color;
out vec4 fragColor;
void main() { fragColor = vec4(color, 1.0); }
)";

// The RHI renderer fills the block at binding 1 with per-draw matrices in a
// fixed std140 layout; only the members up to the one used are declared.
const char* const kRhiVertex = R"(#version 450
layout(location = 0) in vec3 vertexPosition;
layout(location = 1) in vec3 vertexColor;
layout(location = 0) out vec3 color;
layout(std140, binding = 1) uniform qt3d_command_uniforms {
  mat4 modelMatrix;
  mat4 inverseModelMatrix;
  mat4 modelViewMatrix;
  mat3 modelNormalMatrix;
  mat4 inverseModelViewMatrix;
  mat4 mvp;
};
void main() {
  color = vertexColor;
  gl_Position = mvp * vec4(vertexPosition, 1.0);
}
)";

const char* const kRhiFragment = R"(#version 450
layout(location = 0) in vec3 color;
layout(location = 0) out vec4 fragColor;
void main() { fragColor = vec4(color, 1.0); }
)";

Qt3DRender::QTechnique* makeTechnique(Qt3DCore::QNode* parent, Qt3DRender::QGraphicsApiFilter::Api api, int major,
                                      int minor, Qt3DRender::QGraphicsApiFilter::OpenGLProfile profile,
                                      const char* vertex, const char* fragment) {
  auto* technique = new Qt3DRender::QTechnique(parent);
  technique->graphicsApiFilter()->setApi(api);
  technique->graphicsApiFilter()->setMajorVersion(major);
  technique->graphicsApiFilter()->setMinorVersion(minor);
  technique->graphicsApiFilter()->setProfile(profile);
  // The forward renderer of Qt3DWindow only draws techniques with this key.
  auto* key = new Qt3DRender::QFilterKey(technique);
  key->setName(QStringLiteral("renderingStyle"));
  key->setValue(QStringLiteral("forward"));
  technique->addFilterKey(key);

  auto* program = new Qt3DRender::QShaderProgram(technique);
  program->setVertexShaderCode(vertex);
  program->setFragmentShaderCode(fragment);
  auto* pass = new Qt3DRender::QRenderPass(technique);
  pass->setShaderProgram(program);
  technique->addRenderPass(pass);
  return technique;
}

}  // namespace

UnlitVertexColorMaterial::UnlitVertexColorMaterial(Qt3DCore::QNode* parent) : Qt3DRender::QMaterial(parent) {
  auto* effect = new Qt3DRender::QEffect(this);
  effect->addTechnique(makeTechnique(effect, Qt3DRender::QGraphicsApiFilter::OpenGL, 3, 2,
                                     Qt3DRender::QGraphicsApiFilter::CoreProfile, kGl3Vertex, kGl3Fragment));
  effect->addTechnique(makeTechnique(effect, Qt3DRender::QGraphicsApiFilter::RHI, 1, 0,
                                     Qt3DRender::QGraphicsApiFilter::NoProfile, kRhiVertex, kRhiFragment));
  setEffect(effect);
}

}  // namespace mm::viewport
