#pragma once
// Shared helpers of the inference tests: fixture clips and a tiny trained model.

#include "io/motionfile.h"
#include "motion/clip.h"

#include <QtTest>

#include <string>

namespace mm::test {

inline Clip loadFixture(const char* relativePath) {
  LoadResult r = loadMotion(std::string(MM_SOURCE_DIR "/") + relativePath);
  if (!r.ok()) qFatal("cannot load %s: %s", relativePath, r.error.toString().c_str());
  Clip c = *r.clip;
  c.makeSignContinuous();
  return c;
}

inline Clip walkClip() { return loadFixture("resources/samples/bandai_walk_normal.bvh"); }

}  // namespace mm::test
