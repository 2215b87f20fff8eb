#include "tasks/loadtake.h"

#include "io/motionfile.h"

#include <utility>

namespace mm::tasks {

bool loadTake(const std::string& path, LoadedTake* out, std::string* error) {
  LoadResult in = loadMotion(path);
  if (!in.ok()) {
    if (error) *error = in.error.toString();
    return false;
  }
  in.clip->makeSignContinuous();
  out->clip = std::move(*in.clip);
  out->warnings = std::move(in.warnings);
  return true;
}

}  // namespace mm::tasks
