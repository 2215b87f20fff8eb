#pragma once
// Files of the repair commands: fill masks (which joints to regenerate where,
// the `complete --mask` input of ARCHITECTURE.md) and the report of what a
// clean-up changed (`clean --report`).

#include "io/ioerror.h"
#include "motion/repair/artifactrepair.h"
#include "motion/repair/fillmask.h"

#include <string>
#include <vector>

namespace mm {

class BodyPartMap;
class Clip;

// Parses a fill mask for `clip`:
//   {"spans":[{"start":40,"end":90,"parts":["left_arm"]},{"start":10,"end":20,"joints":["Head"]}]}
// Each span marks frames [start, end) (0 <= start < end <= frames) of the
// joints of its body parts (bodyPartName spelling, through `parts`) and of
// its joints (exact skeleton names); a span needs at least one of the two.
// Unknown keys are errors (a misspelt "part" would otherwise mark nothing).
// `fileName` is used in messages only. On failure returns false and sets
// *error (file, line where known, and what is wrong); *mask is untouched.
bool parseFillMask(const std::string& text, const std::string& fileName, const Clip& clip, const BodyPartMap& parts,
                   FillMask* mask, IoError* error);
bool readFillMask(const std::string& path, const Clip& clip, const BodyPartMap& parts, FillMask* mask, IoError* error);

// JSON report of a clean-up:
//   {"file","output","frames","fps","method","repairs":[{"type","start","end","parts","method",
//    "edited_start","edited_end","joints_changed","max_change_m","detail"}],
//    "summary":{"artifacts","repaired","frames_edited"}}
// One entry per artifact span, in the results' order; "repaired" counts the
// spans that changed something and "frames_edited" the frames any of them
// may have changed.
std::string repairReportJson(const std::vector<RepairResult>& results, const std::string& file,
                             const std::string& output, int frames, double fps, const std::string& method);

}  // namespace mm
