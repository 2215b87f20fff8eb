#pragma once
// `analyze --project P.mmproj` and `clean --project P.mmproj`: what a batch
// found and did, written into a project so that artists open the result.
// The take is added when the project does not hold it yet; artifacts merge
// with the ones already there exactly as a re-analysis in the editor does
// (decisions kept); `clean` also stores the cleaned clip as the take's edit
// and marks the artifacts it repaired as accepted. Safe to call from the
// batch's threads (one writer at a time).

#include <string>
#include <vector>

namespace mm {
class Clip;
class QualityReport;
struct RepairResult;
}  // namespace mm

namespace mm::cli {

// "" on success, else the error for the user (naming the project file).
std::string recordInProject(const std::string& project, const std::string& take, const QualityReport& report,
                            const Clip* cleaned = nullptr, const std::vector<RepairResult>* repairs = nullptr);

}  // namespace mm::cli
