#include "editor/artifact.h"

#include <algorithm>
#include <cstring>

namespace mm::editor {

const char* decisionName(Decision d) {
  switch (d) {
    case Decision::Pending: return "pending";
    case Decision::Accepted: return "accepted";
    case Decision::Rejected: return "rejected";
    case Decision::Edited: return "edited";
  }
  return "pending";
}

const char* originName(ArtifactOrigin o) { return o == ArtifactOrigin::User ? "user" : "detected"; }

bool parseDecision(const char* name, Decision* out) {
  for (Decision d : {Decision::Pending, Decision::Accepted, Decision::Rejected, Decision::Edited})
    if (std::strcmp(name, decisionName(d)) == 0) {
      *out = d;
      return true;
    }
  return false;
}

bool parseOrigin(const char* name, ArtifactOrigin* out) {
  for (ArtifactOrigin o : {ArtifactOrigin::Detected, ArtifactOrigin::User})
    if (std::strcmp(name, originName(o)) == 0) {
      *out = o;
      return true;
    }
  return false;
}

std::vector<Artifact> mergeArtifacts(const std::vector<Artifact>& previous, const QualityReport& report,
                                     int* nextId) {
  std::vector<Artifact> out;
  std::vector<bool> carried(previous.size(), false);
  {
    for (const ArtifactSpan& s : report.artifacts()) {
      Artifact a;
      a.type = s.type;
      a.start = s.start;
      a.end = s.end;
      a.partMask = s.partMask;
      a.severity = s.severity;
      // A decided artifact in the same place keeps its decision and id.
      bool matched = false;
      for (size_t i = 0; i < previous.size() && !matched; ++i) {
        const Artifact& p = previous[i];
        if (carried[i] || p.origin != ArtifactOrigin::Detected || p.decision == Decision::Pending || !p.matches(a))
          continue;
        a.id = p.id;
        a.decision = p.decision;
        if (p.decision == Decision::Edited) {  // the user's span wins over the detector's
          a.start = p.start;
          a.end = p.end;
          a.partMask = p.partMask;
        }
        carried[i] = matched = true;
      }
      if (!matched) {
        // A pending artifact at the same place keeps its id (and proposal).
        for (size_t i = 0; i < previous.size() && !matched; ++i)
          if (!carried[i] && previous[i].origin == ArtifactOrigin::Detected && previous[i].matches(a) &&
              previous[i].start == a.start && previous[i].end == a.end && previous[i].partMask == a.partMask) {
            a.id = previous[i].id;
            carried[i] = matched = true;
          }
      }
      if (!matched) a.id = (*nextId)++;
      out.push_back(a);
    }
  }
  // Decided artifacts the analysis no longer reports (a fix was accepted, so
  // the artifact is gone) and everything the user added stay in the list.
  for (size_t i = 0; i < previous.size(); ++i)
    if (!carried[i] && (previous[i].origin == ArtifactOrigin::User || previous[i].decision != Decision::Pending))
      out.push_back(previous[i]);
  std::stable_sort(out.begin(), out.end(),
                   [](const Artifact& a, const Artifact& b) { return a.start < b.start; });
  return out;
}

}  // namespace mm::editor
