#pragma once
// Skeletal animation import and export through Assimp (FBX, glTF 2.0 / GLB,
// Collada, and anything else Assimp reads). Compiled only with MM_WITH_ASSIMP.
// Assimp exceptions and error strings are caught and turned into IoError here.

#include "io/ioerror.h"

#include <string>

namespace mm {

// Imports the first animated skeleton of the scene (or the node hierarchy of
// the first animation) as a Clip: joints are the animated nodes and their
// ancestors below the scene root, sampled at the animation's tick rate
// (falling back to 30 fps), rotations as local quaternions.
LoadResult importWithAssimp(const std::string& path);

// Exports the clip as a node hierarchy with one animation channel per joint.
// `formatId` is Assimp's exporter id: "fbx", "gltf2", "glb2", "collada".
// Written atomically.
SaveResult exportWithAssimp(const Clip& clip, const std::string& path, const std::string& formatId);

// Only parses the file with Assimp (no conversion to a Clip); used as the
// reference in `motionmender-cli bench io`. Returns false with *error on failure.
bool parseWithAssimp(const std::string& path, std::string* error);

}  // namespace mm
