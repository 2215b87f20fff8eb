// The built-in canonical rig of generation without a take: the Bandai
// dataset's 22-joint skeleton (centimetres, Y up, 30 fps) in a standing pose,
// frame 0 of ds2 "raise-up-both-hands, normal" #001 moved to the origin.
// Bandai-Namco-Research-Motiondataset (c) Bandai Namco Research Inc., CC BY-NC 4.0.
#include "tasks/canonicalskeleton.h"

#include "io/bvh.h"
#include "tasks/generatejobs.h"

#include <stdexcept>

namespace mm::tasks {

namespace {

constexpr const char* kCanonicalBvh = R"BVH(HIERARCHY
ROOT joint_Root
{
 OFFSET 0.0 0.0 0.0
 CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
 JOINT Hips
 {
  OFFSET -0.726466 93.3139 -2.00062
  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
  JOINT Spine
  {
   OFFSET 15.7357 0.0 0.0
   CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
   JOINT Chest
   {
    OFFSET 8.98455 -0.406207 0.0
    CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
    JOINT Neck
    {
     OFFSET 16.3773 0.0 0.0
     CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
     JOINT Head
     {
      OFFSET 6.45672 0.0 0.0
      CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
      End Site
      {
       OFFSET 0.0 0.0 0.0
      }
     }
    }
    JOINT Shoulder_L
    {
     OFFSET 12.9942 -0.242716 4.98039
     CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
     JOINT UpperArm_L
     {
      OFFSET 5.34809 0.0 0.0
      CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
      JOINT LowerArm_L
      {
       OFFSET 24.3286 1.87007e-05 0.0
       CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
       JOINT Hand_L
       {
        OFFSET 22.2916 0.0 0.0
        CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
        End Site
        {
         OFFSET 0.0 0.0 0.0
        }
       }
      }
     }
    }
    JOINT Shoulder_R
    {
     OFFSET 12.9945 -0.242716 -4.98039
     CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
     JOINT UpperArm_R
     {
      OFFSET -5.34813 0.0 0.0
      CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
      JOINT LowerArm_R
      {
       OFFSET -24.3289 0.000322201 0.0
       CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
       JOINT Hand_R
       {
        OFFSET -22.2915 -0.000108084 0.0
        CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
        End Site
        {
         OFFSET 0.0 0.0 0.0
        }
       }
      }
     }
    }
   }
  }
  JOINT UpperLeg_L
  {
   OFFSET -2.19248 -6.46944 0.0
   CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
   JOINT LowerLeg_L
   {
    OFFSET 39.0811 0.0 -1.23785e-05
    CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
    JOINT Foot_L
    {
     OFFSET 40.9854 0.0 -1.26872e-05
     CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
     JOINT Toes_L
     {
      OFFSET 11.7543 0.0 0.0
      CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
      End Site
      {
       OFFSET 0.0 0.0 0.0
      }
     }
    }
   }
  }
  JOINT UpperLeg_R
  {
   OFFSET -2.19251 6.46944 0.0
   CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
   JOINT LowerLeg_R
   {
    OFFSET -39.0811 -0.00228153 -0.0401928
    CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
    JOINT Foot_R
    {
     OFFSET -40.9854 0.0 0.0
     CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
     JOINT Toes_R
     {
      OFFSET -11.7543 0.0 0.0
      CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation
      End Site
      {
       OFFSET 0.0 0.0 0.0
      }
     }
    }
   }
  }
 }
}
MOTION
Frames: 1
Frame Time: 0.0333333
0 0 0 0 0 -0 0 93.0387 0 89.0223 -2.8508 0.8518 15.7357 0 -0 92.4694 86.9342 -92.391 8.9846 -0.4062 -0 -1.6403 0.2577 0.1606 16.3773 -0 -0 3.3187 -2.0311 2.9457 6.4567 -0 -0 7.6156 -0.7014 -3.7988 12.9942 -0.2427 4.9804 -90.5732 1.7417 -71.7807 5.3481 -0 -0 -64.3849 40.1011 -14.9357 24.3286 0 0 8.0335 16.0211 -27.0781 22.2916 -0 0 -1.6001 5.4942 -6.2989 12.9945 -0.2427 -4.9804 87.5128 7.61 -71.8403 -5.3481 -0 -0 -61.4612 40.9325 -12.8343 -24.3289 0.0003 -0 6.4878 12.7782 -27.2072 -22.2915 -0.0001 -0 -2.6795 5.2983 0.1492 -2.1925 -6.4694 -0 -176.987 -8.4788 -3.0609 39.0811 -0 -0 -0.0533 0.181 16.409 40.9854 -0 -0 -0.1535 4.0482 -62.6542 11.7543 -0 0 -0 -0 -16.5785 -2.1925 6.4694 -0 179.159 10.9391 179.052 -39.0811 -0.0023 -0.0402 -0.0475 0.2127 13.4452 -40.9854 0 0 0.7934 7.3294 -61.8904 -11.7543 -0 -0 -0.0054 -0.0649 -19.2134
)BVH";

}  // namespace

Clip canonicalStandingPose() {
  // Parsed once: the text is part of the program, so a failure is a bug.
  static const Clip pose = [] {
    LoadResult r = parseBvh(kCanonicalBvh, "canonical rig");
    if (!r.ok()) throw std::logic_error("the built-in canonical rig does not parse: " + r.error.toString());
    return *r.clip;
  }();
  return pose;
}

Skeleton canonicalSkeleton() { return canonicalStandingPose().skeleton(); }

}  // namespace mm::tasks
