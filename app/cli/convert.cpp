#include "cli.h"

#include "io/motionfile.h"

#include <cstdio>

namespace mm::cli {

int runConvert(Args args) {
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 2) return fail(kUsage, "usage: convert IN OUT");
  const MotionFormat out = formatFromPath(pos[1]);
  if (!canWrite(out))
    return fail(kUsage, pos[1] + ": cannot write this format (writable: .bvh" +
                            std::string(canWrite(MotionFormat::Fbx) ? ", .fbx, .gltf, .glb, .dae" : "") + ")");
  LoadResult in = loadMotion(pos[0]);
  if (!in.ok()) return fail(kError, in.error.toString());
  for (const std::string& w : in.warnings) std::fprintf(stderr, "motionmender-cli: warning: %s\n", w.c_str());
  const SaveResult saved = saveMotion(*in.clip, pos[1]);
  if (!saved.ok) return fail(kError, saved.error.toString());
  return kOk;
}

}  // namespace mm::cli
