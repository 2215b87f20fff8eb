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

namespace {

// The previous artifacts by start frame, to find those overlapping a span
// without scanning the whole list (re-analysing an hour-long take with
// thousands of artifacts was quadratic: a quarter second on the GUI thread).
class OverlapIndex {
 public:
  explicit OverlapIndex(const std::vector<Artifact>& all) : mAll(all) {
    mByStart.resize(all.size());
    for (size_t i = 0; i < all.size(); ++i) mByStart[i] = i;
    std::sort(mByStart.begin(), mByStart.end(), [&](size_t a, size_t b) { return all[a].start < all[b].start; });
    for (const Artifact& a : all) mLongest = std::max(mLongest, a.end - a.start);
  }
  // The lowest index i with accept(i) among the artifacts overlapping
  // [start, end); previous.size() if none.
  template <typename Accept>
  size_t first(int start, int end, Accept accept) const {
    // Overlap needs p.start < end and p.end > start, so p.start > start - longest.
    const int from = start - mLongest;
    auto it = std::upper_bound(mByStart.begin(), mByStart.end(), from,
                               [&](int f, size_t i) { return f < mAll[i].start; });
    size_t best = mAll.size();
    for (; it != mByStart.end() && mAll[*it].start < end; ++it)
      if (*it < best && mAll[*it].end > start && accept(*it)) best = *it;
    return best;
  }

 private:
  const std::vector<Artifact>& mAll;
  std::vector<size_t> mByStart;
  int mLongest = 0;
};

}  // namespace

std::vector<Artifact> mergeArtifacts(const std::vector<Artifact>& previous, const QualityReport& report,
                                     int* nextId) {
  std::vector<Artifact> out;
  out.reserve(report.artifacts().size());
  std::vector<bool> carried(previous.size(), false);
  const OverlapIndex index(previous);
  for (const ArtifactSpan& s : report.artifacts()) {
    Artifact a;
    a.type = s.type;
    a.start = s.start;
    a.end = s.end;
    a.partMask = s.partMask;
    a.severity = s.severity;
    // A decided artifact in the same place keeps its decision and id.
    size_t i = index.first(a.start, a.end, [&](size_t k) {
      const Artifact& p = previous[k];
      return !carried[k] && p.origin == ArtifactOrigin::Detected && p.decision != Decision::Pending && p.matches(a);
    });
    if (i < previous.size()) {
      const Artifact& p = previous[i];
      a.id = p.id;
      a.decision = p.decision;
      if (p.decision == Decision::Edited) {  // the user's span wins over the detector's
        a.start = p.start;
        a.end = p.end;
        a.partMask = p.partMask;
      }
    } else {
      // A pending artifact at the same place keeps its id (and proposal).
      i = index.first(a.start, a.end, [&](size_t k) {
        const Artifact& p = previous[k];
        return !carried[k] && p.origin == ArtifactOrigin::Detected && p.matches(a) && p.start == a.start &&
               p.end == a.end && p.partMask == a.partMask;
      });
      if (i < previous.size()) a.id = previous[i].id;
    }
    if (i < previous.size())
      carried[i] = true;
    else
      a.id = (*nextId)++;
    out.push_back(a);
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
