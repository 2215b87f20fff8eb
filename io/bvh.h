#pragma once
// Biovision Hierarchy (BVH) reading and writing, our own implementation.
// Reads any number and order of channels per joint (position channels on
// non-root joints, per-joint rotation orders), tabs, CRLF, '#' and '//'
// comments, End Site blocks. Values are kept in the file's units; rotation
// channels are degrees in the file and quaternions in the Clip.

#include "io/ioerror.h"

#include <string>
#include <string_view>

namespace mm {

struct BvhReadOptions {
  // Refuse files that declare more frames than this (protects against a
  // damaged or hostile header claiming billions of frames).
  long long maxFrames = 50'000'000;
};

// Parses BVH text. `fileName` is only used in messages. Never throws; errors
// name the 1-based line. A "Frames:" count that disagrees with the data is a
// warning (the data wins) unless the data is cut mid-frame.
LoadResult parseBvh(std::string_view text, const std::string& fileName, const BvhReadOptions& options = {});
// Reads a file (streamed in blocks, so peak memory is the clip, not the file).
LoadResult readBvh(const std::string& path, const BvhReadOptions& options = {});

// Writes the clip with each joint's source channel layout (joints without one
// get rotations in ZXY order, plus positions on joint 0 and on joints with a
// translation track). Euler angles are chosen continuous over time. Missing
// data is written as the clip's current values (BVH cannot mark it).
std::string writeBvhString(const Clip& clip);
SaveResult writeBvh(const Clip& clip, const std::string& path);

}  // namespace mm
