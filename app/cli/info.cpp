#include "cli.h"

#include "io/motionfile.h"
#include "motion/bodyparts.h"
#include "motion/canonicalrig.h"
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
  std::string rigError;
  const CanonicalRig rig = CanonicalRig::map(s, &rigError);
  const BodyPartMap& parts = rig.bodyParts();
  std::vector<std::string> unmapped, missing;
  for (int j : rig.unmappedJoints()) unmapped.push_back(s.name(j));
  for (CanonicalJoint c : rig.missingCanonical()) missing.push_back(canonicalJointName(c));
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
    nlohmann::ordered_json bp;
    for (BodyPart p : kAllBodyParts) {
      std::vector<std::string> names;
      for (int joint : parts.jointsOf(p)) names.push_back(s.name(joint));
      bp[bodyPartName(p)] = names;
    }
    j["body_parts"] = bp;
    nlohmann::ordered_json canon;
    for (int c = 0; c < kCanonicalJointCount; ++c) {
      const int src = rig.sourceJoint(static_cast<CanonicalJoint>(c));
      canon[canonicalJointName(static_cast<CanonicalJoint>(c))] = src >= 0 ? nlohmann::json(s.name(src)) : nlohmann::json();
    }
    j["canonical"] = canon;
    j["canonical_usable"] = rig.isUsable();
    j["unmapped_joints"] = unmapped;
    j["missing_canonical"] = missing;
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
  std::printf("body parts:\n");
  for (BodyPart p : kAllBodyParts) {
    std::printf("  %-10s", bodyPartName(p));
    for (int joint : parts.jointsOf(p)) std::printf(" %s", s.name(joint).c_str());
    std::printf("\n");
  }
  std::printf("canonical rig: %s\n", rig.isUsable() ? "usable" : ("not usable" + (rigError.empty() ? "" : ": " + rigError)).c_str());
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& x : v) out += (out.empty() ? "" : " ") + x;
    return out.empty() ? std::string("none") : out;
  };
  std::printf("  unmapped joints:   %s\n", list(unmapped).c_str());
  std::printf("  missing canonical: %s\n", list(missing).c_str());
  for (const std::string& w : in.warnings) std::printf("warning:   %s\n", w.c_str());
  return kOk;
}

}  // namespace mm::cli
