#include "datasetfiles.h"

#include "io/motionfile.h"

#include <algorithm>
#include <filesystem>

namespace mm::eval {

std::vector<std::string> listMotionFiles(const std::string& dir, int limit, int every) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string p = it->path().string();
    const MotionFormat f = formatFromPath(p);
    if (f == MotionFormat::Bvh || (f == MotionFormat::AsfAmc && it->path().extension() == ".amc")) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  if (every > 1) {
    std::vector<std::string> kept;
    for (size_t i = 0; i < files.size(); i += every) kept.push_back(files[i]);
    files.swap(kept);
  }
  if (limit > 0 && static_cast<int>(files.size()) > limit) files.resize(limit);
  return files;
}

}  // namespace mm::eval
