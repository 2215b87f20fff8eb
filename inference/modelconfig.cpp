#include "inference/modelconfig.h"

namespace mm::inference {

bool modelConfigByName(const std::string& name, ModelConfig* out) {
  ModelConfig c;
  c.name = name;
  if (name == "tiny") {
    c.width = 32;
    c.layers = 1;
    c.heads = 2;
    c.mlpRatio = 2;
    c.condWidth = 8;
    c.window = 24;
    c.overlap = 8;
    c.batch = 8;
    c.learningRate = 3e-3;
    c.emaDecay = 0.9;
  } else if (name == "small") {
    // defaults
  } else if (name == "medium") {
    // small's window and batch, 1.8x its width and depth: the next size a
    // 2-core CPU can still train in hours (resources/models/README.md, "Capacity").
    c.width = 128;
    c.layers = 4;
    c.heads = 4;
    c.condWidth = 64;
  } else if (name == "base") {
    c.width = 256;
    c.layers = 8;
    c.heads = 8;
    c.condWidth = 128;
    c.window = 96;
    c.overlap = 24;
    c.batch = 64;
    c.learningRate = 2e-4;
    c.emaDecay = 0.999;
  } else {
    return false;
  }
  if (out) *out = c;
  return true;
}

}  // namespace mm::inference
