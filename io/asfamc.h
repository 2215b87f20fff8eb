#pragma once
// Acclaim ASF (skeleton) / AMC (motion) reader, CMU style: ":units" (mass,
// length, angle deg|rad), ":root" order and axis, per-bone direction, length,
// axis with its order, dof in file order, limits; AMC frames with any subset
// of bones per frame in any order. Lengths (bone lengths, root position and
// the root translation of the AMC) are divided by the ":units length" value
// (Acclaim's length multiplier), so CMU files (length 0.45, file values are
// inches * 0.45) come out in inches.
//
// Joints: one for the root and one per bone, placed where the bone starts;
// a leaf bone's end is the joint's end site. Joint frames coincide with the
// world axes in the rest pose (bone directions are world vectors), so a
// bone's local rotation is C * M * C^-1, where C is its "axis" rotation and M
// its motion: for "dof rx ry rz", M = Rz * Ry * Rx (Acclaim applies the dofs,
// like the letters of an axis order such as "XYZ", first to last). Axis values
// are read as x, y, z angles. The root's rotation is built the same way, with
// C from its "orientation" and "axis"; its translation is the AMC's TX TY TZ
// (absolute), or the ":root position" for missing components. A bone absent
// from some frames (but present in others) is held at its previous value and
// marked missing. Translation and length dofs on bones are ignored with a warning.

#include "io/ioerror.h"

#include <string>

namespace mm {

// Reads a skeleton and its motion into a Clip at `fps` frames per second
// (AMC files carry no rate; CMU captures are 120 fps). Errors name the file
// (ASF or AMC) and the line.
LoadResult readAsfAmc(const std::string& asfPath, const std::string& amcPath, double fps = 120.0);

}  // namespace mm
