#include "editor/artifact.h"

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

}  // namespace mm::editor
