#include "io/atomicfile.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mm {

AtomicFile::AtomicFile(std::string path) : mPath(std::move(path)) {}

AtomicFile::~AtomicFile() {
  if (mFile) std::fclose(mFile);
  if (!mCommitted && !mTempPath.empty()) ::unlink(mTempPath.c_str());
}

void AtomicFile::fail(const std::string& what) {
  if (mError.empty()) mError = what + ": " + std::strerror(errno);
}

bool AtomicFile::open() {
  std::string templ = mPath + ".tmp-XXXXXX";
  const int fd = ::mkstemp(templ.data());
  if (fd < 0) {
    fail("cannot create a temporary file beside " + mPath);
    return false;
  }
  ::fchmod(fd, 0644);
  mTempPath = templ;
  mFile = ::fdopen(fd, "wb");
  if (!mFile) {
    ::close(fd);
    fail("cannot open " + mTempPath);
    return false;
  }
  std::setvbuf(mFile, nullptr, _IOFBF, 1 << 20);
  return true;
}

void AtomicFile::write(std::string_view data) {
  if (!mFile || !mError.empty() || data.empty()) return;
  if (std::fwrite(data.data(), 1, data.size(), mFile) != data.size()) fail("cannot write " + mPath);
}

bool AtomicFile::commit() {
  if (!mFile) {
    if (mError.empty()) mError = "file was not opened";
    return false;
  }
  if (mError.empty() && std::fflush(mFile) != 0) fail("cannot write " + mPath);
  if (mError.empty() && ::fsync(::fileno(mFile)) != 0) fail("cannot sync " + mPath);
  if (std::fclose(mFile) != 0 && mError.empty()) fail("cannot close " + mPath);
  mFile = nullptr;
  if (!mError.empty()) return false;
  if (::rename(mTempPath.c_str(), mPath.c_str()) != 0) {
    fail("cannot replace " + mPath);
    return false;
  }
  mCommitted = true;
  return true;
}

bool writeFileAtomically(const std::string& path, std::string_view contents, std::string* error) {
  AtomicFile file(path);
  if (file.open()) {
    file.write(contents);
    if (file.commit()) return true;
  }
  if (error) *error = file.error();
  return false;
}

}  // namespace mm
