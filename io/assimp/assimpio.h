#pragma once
// Skeletal animation import and export through Assimp (FBX, glTF 2.0 / GLB,
// Collada, and anything else Assimp reads). Compiled only with MM_WITH_ASSIMP.
// Assimp exceptions and error strings are caught and turned into IoError here.

#include "io/ioerror.h"

#include <string>

namespace mm {

// Imports the first animation of the scene as a Clip: joints are the nodes it
// animates and the mesh bones, plus every node between them and their deepest
// common ancestor (joint 0); the fixed transform above joint 0 is folded into
// it, and uniform node scales into the offsets. Keys are sampled (SLERP for
// rotations) at the rate their spacing shows, or at 30 fps when they are not
// evenly spaced; joints whose position keys move get a translation track.
LoadResult importWithAssimp(const std::string& path);

// Exports the clip as a node hierarchy (below a neutral scene node) with one
// animation channel per joint. `formatId` is Assimp's exporter id: "fbx",
// "gltf2", "glb2", "collada". "fbx" is written as ASCII FBX when this Assimp's
// binary FBX writer is broken (5.2 writes unreadable files). Written
// atomically: the exporter writes into a hidden folder beside `path` and the
// files (a .gltf's .bin first) are renamed into place.
SaveResult exportWithAssimp(const Clip& clip, const std::string& path, const std::string& formatId);

// Only parses the file with Assimp (no conversion to a Clip); used as the
// reference in `motionmender-cli bench io`. Returns false with *error on failure.
bool parseWithAssimp(const std::string& path, std::string* error);

}  // namespace mm
