#pragma once
// Allocator for the clip's large per-frame buffers. Allocations of 8 MB or
// more are 2 MB aligned and advised as transparent huge pages: an hour of
// 120 fps mocap is about 1 GB of quaternions, and faulting it in 4 KB pages
// costs more than parsing it (measured: 0.33 s vs 0.15 s per 830 MB).
// A few freed large blocks are kept for reuse (see largebufferallocator.cpp):
// a batch that loads take after take would otherwise have the kernel zero
// every clip's memory afresh, which costs a quarter of a BVH load.
// Smaller allocations use plain operator new.

#include <cstddef>
#include <cstdlib>
#include <new>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace mm {

namespace largeblocks {
// A freed block of exactly `bytes` (a multiple of 2 MB) to reuse, or nullptr.
void* take(std::size_t bytes) noexcept;
// Keeps a freed block for reuse; false if the cache is full (then free it).
bool keep(void* block, std::size_t bytes) noexcept;
}  // namespace largeblocks

template <typename T>
struct LargeBufferAllocator {
  using value_type = T;
  static constexpr std::size_t kHugeThreshold = std::size_t(8) << 20;
  static constexpr std::size_t kHugePage = std::size_t(2) << 20;

  LargeBufferAllocator() noexcept = default;
  template <typename U>
  LargeBufferAllocator(const LargeBufferAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= kHugeThreshold) {
      const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      if (void* reused = largeblocks::take(rounded)) return static_cast<T*>(reused);
      void* p = std::aligned_alloc(kHugePage, rounded);
      if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
      ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure is harmless
#endif
      return static_cast<T*>(p);
    }
    return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T) < 16 ? 16 : alignof(T))));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= kHugeThreshold) {
      const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      if (!largeblocks::keep(p, rounded)) std::free(p);
    } else {
      ::operator delete(p, std::align_val_t(alignof(T) < 16 ? 16 : alignof(T)));
    }
  }
  template <typename U>
  bool operator==(const LargeBufferAllocator<U>&) const noexcept { return true; }
  template <typename U>
  bool operator!=(const LargeBufferAllocator<U>&) const noexcept { return false; }
};

}  // namespace mm
