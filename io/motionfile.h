#pragma once
// Format dispatch by file extension: the one entry point the CLI and the
// editor use to read and write motion files.

#include "io/ioerror.h"

#include <string>
#include <vector>

namespace mm {

enum class MotionFormat { Unknown, Bvh, AsfAmc, Fbx, Gltf, Glb, Collada };

// From the extension (case-insensitive): .bvh, .amc/.asf, .fbx, .gltf, .glb, .dae.
MotionFormat formatFromPath(const std::string& path);
const char* formatName(MotionFormat format);
bool canRead(MotionFormat format);   // false for Assimp formats when built without Assimp
bool canWrite(MotionFormat format);  // BVH, FBX, glTF/GLB, Collada (not ASF/AMC)
// Extensions (without dot) readable / writable in this build.
std::vector<std::string> readableExtensions();
std::vector<std::string> writableExtensions();

// Reads any supported file. For .amc the skeleton .asf is looked up beside it
// (same name, the name before the first '_' as in CMU's 01_02.amc -> 01.asf,
// or the only .asf in the folder).
LoadResult loadMotion(const std::string& path);
// Writes atomically in the format of the extension.
SaveResult saveMotion(const Clip& clip, const std::string& path);

}  // namespace mm
