#include "motion/largebufferallocator.h"

#include <mutex>

namespace mm::largeblocks {
namespace {

// At most kSlots blocks and kMaxBytes in all: enough for the two buffers of
// a long take (rotations and translations) to be reused by the next one,
// little enough that a closed document does not pin much memory. Blocks are
// reused only at their exact (2 MB-rounded) size, so nothing is wasted.
constexpr int kSlots = 4;
constexpr std::size_t kMaxBytes = std::size_t(512) << 20;

struct Cache {
  std::mutex mutex;
  void* block[kSlots] = {};
  std::size_t bytes[kSlots] = {};
  std::size_t total = 0;
};

Cache& cache() {
  // Never destroyed: clips freed during static destruction may still call in.
  static Cache* c = new Cache;
  return *c;
}

}  // namespace

void* take(std::size_t bytes) noexcept {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  for (int i = 0; i < kSlots; ++i)
    if (c.block[i] && c.bytes[i] == bytes) {
      void* p = c.block[i];
      c.block[i] = nullptr;
      c.total -= bytes;
      return p;
    }
  return nullptr;
}

bool keep(void* block, std::size_t bytes) noexcept {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  if (c.total + bytes > kMaxBytes) return false;
  for (int i = 0; i < kSlots; ++i)
    if (!c.block[i]) {
      c.block[i] = block;
      c.bytes[i] = bytes;
      c.total += bytes;
      return true;
    }
  return false;
}

}  // namespace mm::largeblocks
