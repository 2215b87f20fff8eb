#pragma once
// One artifact under review: what the analysis found (or a person marked)
// and what the person decided about it. Plain data: the document's list,
// its undo commands and the project database all hold these.

#include "motion/bodyparts.h"
#include "motion/quality/artifacttype.h"
#include "motion/quality/qualityreport.h"

#include <cstdint>
#include <vector>

namespace mm::editor {

enum class Decision : std::uint8_t { Pending = 0, Accepted = 1, Rejected = 2, Edited = 3 };
enum class ArtifactOrigin : std::uint8_t { Detected = 0, User = 1 };

// "pending", "accepted", "rejected", "edited" / "detected", "user".
const char* decisionName(Decision d);
const char* originName(ArtifactOrigin o);
bool parseDecision(const char* name, Decision* out);
bool parseOrigin(const char* name, ArtifactOrigin* out);

struct Artifact {
  int id = 0;  // unique within a take, never reused
  ArtifactType type = ArtifactType::Pop;
  int start = 0;  // first frame
  int end = 0;    // one past the last frame
  std::uint8_t partMask = 0;  // bit (1 << int(BodyPart)) per part
  double severity = 0.0;      // 0..1
  ArtifactOrigin origin = ArtifactOrigin::Detected;
  Decision decision = Decision::Pending;

  bool hasPart(BodyPart p) const { return (partMask >> bodyPartIndex(p)) & 1u; }
  int frames() const { return end - start; }
  ArtifactSpan span() const {
    ArtifactSpan s;
    s.type = type;
    s.start = start;
    s.end = end;
    s.partMask = partMask;
    s.severity = severity;
    return s;
  }
  // Same type, overlapping frames and overlapping parts: how a decision is
  // carried over to the artifact a re-analysis reports in its place.
  bool matches(const Artifact& o) const {
    return type == o.type && start < o.end && o.start < end && (partMask & o.partMask) != 0;
  }
  bool operator==(const Artifact& o) const {
    return id == o.id && type == o.type && start == o.start && end == o.end && partMask == o.partMask &&
           severity == o.severity && origin == o.origin && decision == o.decision;
  }
};

// The artifact list after a new analysis: each span of `report` becomes an
// artifact; one matching a decided artifact of `previous` (Artifact::matches)
// keeps its decision and id (an edited one keeps the user's span), a pending
// one at the very same place keeps its id, others get new ids from
// *nextId. Artifacts the user added, and decided ones the analysis no
// longer reports (a fix was accepted, so the artifact is gone), stay; pending
// detections it no longer reports go. Sorted by start frame.
std::vector<Artifact> mergeArtifacts(const std::vector<Artifact>& previous, const QualityReport& report,
                                     int* nextId);

}  // namespace mm::editor
