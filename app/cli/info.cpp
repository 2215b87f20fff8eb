#include "cli.h"

#include "io/motionfile.h"
#include "motion/units.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace mm::cli {

int runInfo(Args args) {
  const bool json = args.takeFlag("--json");
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1) return fail(kUsage, "usage: info IN [--json]");
  LoadResult in = loadMotion(pos[0]);
  if (!in.ok()) return fail(kError, in.error.toString());
  const Clip& clip = *in.clip;
  const Skeleton& s = clip.skeleton();
  const UnitGuess units = detectUnits(s);
  if (json) {
    nlohmann::ordered_json j;
    j["file"] = pos[0];
    j["format"] = formatName(formatFromPath(pos[0]));
    j["joints"] = s.names();
    j["frames"] = clip.frameCount();
    j["fps"] = clip.fps();
    j["duration"] = clip.duration();
    j["units"] = unitName(units.unit);
    j["units_per_meter"] = units.unitsPerMeter;
    j["height_m"] = units.heightMeters();
    j["missing"] = clip.missingCount();
    j["warnings"] = in.warnings;
    std::printf("%s\n", j.dump(2).c_str());
    return kOk;
  }
  std::printf("file:      %s (%s)\n", pos[0].c_str(), formatName(formatFromPath(pos[0])));
  std::printf("joints:    %d\n", s.jointCount());
  std::printf("frames:    %d\n", clip.frameCount());
  std::printf("fps:       %g\n", clip.fps());
  std::printf("duration:  %.3f s\n", clip.duration());
  std::printf("units:     %s (%g per metre), estimated height %.2f m\n", unitName(units.unit), units.unitsPerMeter,
              units.heightMeters());
  std::printf("missing:   %d joint-frames\n", clip.missingCount());
  for (const std::string& w : in.warnings) std::printf("warning:   %s\n", w.c_str());
  return kOk;
}

}  // namespace mm::cli
