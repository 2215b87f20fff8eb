#pragma once
// The standing pose on the built-in canonical rig (generatejobs.h's
// canonicalSkeleton): the first frame of a new take generated without a take.

#include "motion/clip.h"

namespace mm::tasks {

// One frame at 30 fps on canonicalSkeleton().
Clip canonicalStandingPose();

}  // namespace mm::tasks
