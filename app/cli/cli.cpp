#include "cli.h"

#include "motion/clip.h"
#include "tasks/loadtake.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstdio>

namespace mm::cli {

bool Args::takeOption(const std::string& name, std::string* value) {
  for (size_t i = 0; i < mArgs.size(); ++i) {
    if (mArgs[i] == name && i + 1 < mArgs.size()) {
      *value = mArgs[i + 1];
      mArgs.erase(mArgs.begin() + i, mArgs.begin() + i + 2);
      return true;
    }
    if (mArgs[i].rfind(name + "=", 0) == 0) {
      *value = mArgs[i].substr(name.size() + 1);
      mArgs.erase(mArgs.begin() + i);
      return true;
    }
  }
  return false;
}

bool Args::takeFlag(const std::string& name) {
  auto it = std::find(mArgs.begin(), mArgs.end(), name);
  if (it == mArgs.end()) return false;
  mArgs.erase(it);
  return true;
}

std::string Args::shift() {
  for (size_t i = 0; i < mArgs.size(); ++i)
    if (mArgs[i].empty() || mArgs[i][0] != '-') {
      std::string v = mArgs[i];
      mArgs.erase(mArgs.begin() + i);
      return v;
    }
  return {};
}

bool Args::positionals(std::vector<std::string>* out, std::string* error) const {
  out->clear();
  for (const std::string& a : mArgs) {
    if (a.size() > 1 && a[0] == '-' && !(a.size() > 1 && (std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.'))) {
      *error = "unknown option '" + a + "'";
      return false;
    }
    out->push_back(a);
  }
  return true;
}

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "motionmender-cli: %s\n", message.c_str());
  return code;
}

bool parseNumber(const std::string& text, double* value) {
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0' && std::isfinite(*value);
}

bool parseNumber(const std::string& text, double lo, double hi, double* value) {
  return parseNumber(text, value) && *value >= lo && *value <= hi;
}

std::optional<Clip> loadTakeOrFail(const std::string& path) {
  tasks::LoadedTake take;
  std::string error;
  if (!tasks::loadTake(path, &take, &error)) {
    fail(kError, error);
    return std::nullopt;
  }
  for (const std::string& w : take.warnings) std::fprintf(stderr, "motionmender-cli: warning: %s\n", w.c_str());
  return std::move(take.clip);
}

}  // namespace mm::cli
