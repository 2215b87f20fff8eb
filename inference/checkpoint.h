#pragma once
// Model checkpoint files. No torch here: weights travel as named float arrays.
//
// File layout (little-endian):
//   8 bytes  magic "MMMODEL\0"
//   u32      format version (kCheckpointVersion)
//   u64      payload size in bytes
//   payload  u32 length + JSON header (config, step, seed, array index),
//            then the normalisation statistics (2 x kFeatureCount f32),
//            then each array's f32 data in index order
//   u32      CRC-32 of the payload
// A file that is too short, has another magic or version, or whose CRC
// does not match is refused with an error naming the file.

#include "inference/modelconfig.h"
#include "inference/motionfeatures.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mm::inference {

// 2: the config may say `residual` (weights that take the classical answer
// as input); version 1 files still load (no prior input).
constexpr std::uint32_t kCheckpointVersion = 2;
constexpr std::uint32_t kOldestCheckpointVersion = 1;

struct NamedArray {
  std::string name;
  std::vector<std::int64_t> shape;
  std::vector<float> data;  // product of shape values
};

struct Checkpoint {
  ModelConfig config;
  FeatureStats stats;
  std::int64_t step = 0;    // training steps done
  std::uint64_t seed = 0;   // training seed
  std::string note;         // free text: data, command
  // Text-conditioned weights: the vocabulary their action and style ids
  // index (text::MotionVocabulary::serialize); empty for other weights.
  std::string vocabulary;
  // "ema.<param>" (what inference uses); training state, when kept:
  // "model.<param>", "adam_m.<param>", "adam_v.<param>".
  std::vector<NamedArray> arrays;

  const NamedArray* find(const std::string& name) const;
};

// Atomic write. False with *error ("PATH: message") on failure; the old file
// is then untouched.
bool saveCheckpoint(const Checkpoint& checkpoint, const std::string& path, std::string* error);
// False with *error ("PATH: message") for a missing, wrong or damaged file.
bool loadCheckpoint(const std::string& path, Checkpoint* out, std::string* error);

}  // namespace mm::inference
