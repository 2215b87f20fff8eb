#pragma once
// A compact binary form of a whole Clip that reads back bit for bit: every
// quaternion coefficient, translation and offset keeps its exact IEEE bits
// (NaN payloads included), names and channel layouts are kept, and so are the
// Euler styles and end sites a writer needs to reproduce the source file.
//
// The motion can be split into frame chunks stored apart from the header, so
// a project file keeps a long take as 256-frame chunks and rewrites only the
// chunks an edit touched. The whole-clip blob is simply the header followed
// by one chunk of all frames; any header followed by its chunks in frame
// order is a valid whole-clip blob too.
//
// Layout (all integers and doubles little-endian):
//   header: "MMCH" u32 version, f64 fps, u32 frames, u32 joints,
//           per joint: u32 name length + UTF-8 bytes, i32 parent, 3 f64 offset,
//           u8 channel count + channel codes, u8 has end site [+ 3 f64],
//           u8 Euler wrapped, u8 has first angles [+ 3 f64];
//           u32 tracks + i32 joint per track (track order)
//   chunk:  "MMCF" u32 version, u32 joints, u32 tracks, u32 first frame,
//           u32 frame count, u8 has mask, then frames x joints quaternions
//           (x, y, z, w), frames x tracks translations (x, y, z) and, when the
//           mask flag is set, frames x joints validity bytes.
// Qt-free; no exceptions.

#include <string>
#include <string_view>

namespace mm {

class Clip;

// Frames per chunk in project files (a 22-joint chunk is about 200 KB).
constexpr int kClipChunkFrames = 256;

// The skeleton, fps, frame count and track layout (no per-frame data).
std::string clipHeaderBlob(const Clip& clip);
// Frames [begin, end) of the clip; clamps the range to the clip.
std::string clipChunkBlob(const Clip& clip, int begin, int end);
// Header followed by one chunk of all frames.
std::string clipBlob(const Clip& clip);

// Reads a header into `out`: the skeleton, fps and tracks of a clip with no
// frames yet; `frames` (may be null) receives the frame count the header
// announces. False with `error` ("clip data: what is wrong at which byte")
// on a foreign, newer or truncated blob; `out` is untouched then.
bool readClipHeaderBlob(std::string_view data, Clip* out, int* frames, std::string* error);
// Appends one chunk to `clip`, which must have exactly the chunk's first
// frame as its frame count and the joints and tracks the chunk was written
// with. False with `error` on a mismatch or damaged data; `clip` is untouched then.
bool appendClipChunkBlob(std::string_view data, Clip* clip, std::string* error);
// Writes one chunk over the frames it holds of `clip`, which must have those
// frames and the chunk's joints and tracks (a take stored sparsely over its
// source file). False with `error` on a mismatch or damaged data.
bool overwriteClipChunkBlob(std::string_view data, Clip* clip, std::string* error);
// Reads a whole-clip blob (header then chunks in frame order, up to the end
// of `data`) and checks that the frame count matches the header.
bool readClipBlob(std::string_view data, Clip* out, std::string* error);

}  // namespace mm
