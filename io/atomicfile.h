#pragma once
// Atomic file writing: data goes to a temporary file in the destination's
// folder, which replaces the destination only on commit() (fsync + rename).
// Destroying an uncommitted AtomicFile removes the temporary file, so a
// failed or cancelled export leaves any previous file intact.

#include <cstdio>
#include <string>
#include <string_view>

namespace mm {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // False (with error()) if the temporary file cannot be created.
  bool open();
  // Buffered write; failures are remembered and reported by commit().
  void write(std::string_view data);
  void write(const char* data, size_t size) { write(std::string_view(data, size)); }
  // Flushes, syncs and renames over the destination. False with error() on
  // any failure during writing or committing; the destination is untouched then.
  bool commit();
  const std::string& error() const { return mError; }
  const std::string& path() const { return mPath; }

 private:
  void fail(const std::string& what);
  std::string mPath;
  std::string mTempPath;
  std::FILE* mFile = nullptr;
  std::string mError;
  bool mCommitted = false;
};

// Writes `contents` to `path` atomically; on failure returns false and sets *error.
bool writeFileAtomically(const std::string& path, std::string_view contents, std::string* error);

}  // namespace mm
