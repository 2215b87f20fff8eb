#pragma once
// Takes the GUI benchmarks build in memory, so they run without a data
// folder: a 60-joint humanoid walking a wide circle at 120 fps.

#include "motion/clip.h"

namespace mm::benchgui {

constexpr double kLongTakeFps = 120.0;
constexpr int kLongTakeJoints = 60;

// A humanoid of exactly 60 joints in centimetres: a torso chain, two arms
// with five three-joint fingers, two legs with toes.
Skeleton sixtyJointSkeleton();
// `frames` frames at 120 fps of that skeleton walking a 20 m circle every two
// minutes, every joint swinging a little: each frame differs (about 2 KB a
// frame: 0.9 GB for an hour).
Clip longTake(int frames);

}  // namespace mm::benchgui
