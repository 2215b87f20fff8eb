#include "siblingexec.h"

#include "cli.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace mm::cli {

int execSibling(const std::string& program, std::vector<std::string> args, const std::string& hint) {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  const std::string self = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  const size_t slash = self.find_last_of('/');
  const std::string path = (slash == std::string::npos ? std::string() : self.substr(0, slash + 1)) + program;
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(path.c_str(), argv.data());
  return fail(kError, "cannot start " + path + " (" + std::strerror(errno) + "): " + hint);
}

}  // namespace mm::cli
