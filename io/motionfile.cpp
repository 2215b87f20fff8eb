#include "io/motionfile.h"

#include "io/asfamc.h"
#include "io/bvh.h"
#ifdef MM_HAVE_ASSIMP
#include "io/assimp/assimpio.h"
#endif

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace mm {
namespace fs = std::filesystem;

namespace {
std::string lowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool isAssimpFormat(MotionFormat f) {
  return f == MotionFormat::Fbx || f == MotionFormat::Gltf || f == MotionFormat::Glb || f == MotionFormat::Collada;
}

const char* assimpExporterId(MotionFormat f) {
  switch (f) {
    case MotionFormat::Fbx: return "fbx";
    case MotionFormat::Gltf: return "gltf2";
    case MotionFormat::Glb: return "glb2";
    case MotionFormat::Collada: return "collada";
    default: return "";
  }
}

// The .asf that goes with an .amc: same stem, CMU's "01" for "01_02.amc", or
// the only .asf in the folder.
std::string findAsfFor(const std::string& amcPath) {
  const fs::path amc(amcPath);
  const fs::path dir = amc.has_parent_path() ? amc.parent_path() : fs::path(".");
  const std::string stem = amc.stem().string();
  std::vector<std::string> candidates = {stem};
  if (auto u = stem.find('_'); u != std::string::npos) candidates.push_back(stem.substr(0, u));
  std::error_code ec;
  for (const std::string& c : candidates)
    for (const char* ext : {".asf", ".ASF"})
      if (fs::exists(dir / (c + ext), ec)) return (dir / (c + ext)).string();
  std::string only;
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (lowerExtension(entry.path().string()) == "asf") {
      only = entry.path().string();
      ++count;
    }
  return count == 1 ? only : std::string();
}
}  // namespace

MotionFormat formatFromPath(const std::string& path) {
  const std::string ext = lowerExtension(path);
  if (ext == "bvh") return MotionFormat::Bvh;
  if (ext == "amc" || ext == "asf") return MotionFormat::AsfAmc;
  if (ext == "fbx") return MotionFormat::Fbx;
  if (ext == "gltf") return MotionFormat::Gltf;
  if (ext == "glb") return MotionFormat::Glb;
  if (ext == "dae") return MotionFormat::Collada;
  return MotionFormat::Unknown;
}

const char* formatName(MotionFormat f) {
  switch (f) {
    case MotionFormat::Bvh: return "BVH";
    case MotionFormat::AsfAmc: return "ASF/AMC";
    case MotionFormat::Fbx: return "FBX";
    case MotionFormat::Gltf: return "glTF";
    case MotionFormat::Glb: return "GLB";
    case MotionFormat::Collada: return "Collada";
    case MotionFormat::Unknown: break;
  }
  return "unknown";
}

bool canRead(MotionFormat f) {
  if (f == MotionFormat::Bvh || f == MotionFormat::AsfAmc) return true;
#ifdef MM_HAVE_ASSIMP
  return isAssimpFormat(f);
#else
  return false;
#endif
}

bool canWrite(MotionFormat f) {
  if (f == MotionFormat::Bvh) return true;
#ifdef MM_HAVE_ASSIMP
  return isAssimpFormat(f);
#else
  return false;
#endif
}

std::vector<std::string> readableExtensions() {
  std::vector<std::string> out;
  for (const char* e : {"bvh", "amc", "fbx", "gltf", "glb", "dae"})
    if (canRead(formatFromPath(std::string("x.") + e))) out.push_back(e);
  return out;
}

std::vector<std::string> writableExtensions() {
  std::vector<std::string> out;
  for (const char* e : {"bvh", "fbx", "gltf", "glb", "dae"})
    if (canWrite(formatFromPath(std::string("x.") + e))) out.push_back(e);
  return out;
}

LoadResult loadMotion(const std::string& path) {
  const MotionFormat format = formatFromPath(path);
  LoadResult fail;
  fail.error.file = path;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    fail.error.message = "no such file";
    return fail;
  }
  switch (format) {
    case MotionFormat::Bvh: return readBvh(path);
    case MotionFormat::AsfAmc: {
      if (lowerExtension(path) == "asf") {
        fail.error.message = "an .asf file holds only a skeleton: open its .amc motion file instead";
        return fail;
      }
      const std::string asf = findAsfFor(path);
      if (asf.empty()) {
        fail.error.message = "no matching .asf skeleton found beside this .amc file";
        return fail;
      }
      return readAsfAmc(asf, path);
    }
    default: break;
  }
#ifdef MM_HAVE_ASSIMP
  if (isAssimpFormat(format)) return importWithAssimp(path);
#endif
  fail.error.message = format == MotionFormat::Unknown
                           ? "unknown file type (expected .bvh, .amc, .fbx, .gltf, .glb or .dae)"
                           : std::string("this build cannot read ") + formatName(format) + " (built without Assimp)";
  return fail;
}

SaveResult saveMotion(const Clip& clip, const std::string& path) {
  const MotionFormat format = formatFromPath(path);
  if (format == MotionFormat::Bvh) return writeBvh(clip, path);
#ifdef MM_HAVE_ASSIMP
  if (isAssimpFormat(format)) return exportWithAssimp(clip, path, assimpExporterId(format));
#endif
  if (format == MotionFormat::AsfAmc) return SaveResult::failure(path, "writing ASF/AMC is not supported: use .bvh");
  if (format == MotionFormat::Unknown)
    return SaveResult::failure(path, "unknown file type (expected .bvh, .fbx, .gltf, .glb or .dae)");
  return SaveResult::failure(path, std::string("this build cannot write ") + formatName(format) + " (built without Assimp)");
}

}  // namespace mm
