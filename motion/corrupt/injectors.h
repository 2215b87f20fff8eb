#pragma once
// The corruption lab's injectors: each one writes one synthetic artifact of
// its kind into a clip, sets the ground-truth labels of exactly the frames
// and parts it changed, and returns what it did.
//
// Common contract:
//  * Magnitudes and durations are drawn from CorruptionParams, in metres,
//    degrees and seconds, converted with clip.unitsPerMeter() and clip.fps(),
//    so a 120 fps clip in metres gets the same artifact as a 30 fps one in
//    centimetres. Span lengths are rounded to whole frames (at least 1).
//  * Only frames [start, end) of the returned artifact change; everything
//    else (values and validity) is left bit-identical.
//  * Changed quaternions stay unit and are sign-aligned with the previous
//    frame. Only a joint that turns by more than 180 degrees between the
//    span's last frame and the next can leave a sign jump at the span's end;
//    Clip::makeSignContinuous (which corruptClip calls) removes it by
//    flipping the later frames' signs (same rotations, different bits).
//  * Labels: `labels` must have clip.frameCount() frames, or be empty
//    (frames == 0), in which case it is sized to the clip.
//  * Every random draw goes through `rng` with portable distributions
//    (portablerandom.h): same clip, params, placement and engine state give
//    bit-identical results on every platform.
//  * nullopt when the clip (or the allowed frames) is too short, the
//    skeleton has no suitable part, or the labels do not match the clip;
//    the clip and labels are then untouched (rng may have advanced).
//
// Which parts an artifact labels: rotation artifacts label the part whose
// joints' local rotations were changed (a popped spine labels the torso,
// not the arms that ride along: their own channels are intact). Artifacts
// that move the root translation or the whole pose (root pop, frozen, drift,
// over-smoothing) label all five parts, since every part's world trajectory
// is wrong and no single part's channels can fix it. Floating raises the
// root and labels all five parts too; penetration, which lowers it, labels
// only the legs that end up below the floor (the artifact is where the body
// meets the floor, and the parts above it move but collide with nothing).

#include "motion/bodyparts.h"
#include "motion/clip.h"
#include "motion/corrupt/corruptionlabels.h"

#include <Eigen/Core>
#include <optional>
#include <random>
#include <vector>

namespace mm {

// Closed interval [min, max] of a real quantity; a value is drawn uniformly.
struct ValueRange {
  double min = 0.0;
  double max = 0.0;
};

// How an occluded part's values are filled (they must stay finite so the
// clip validates; consumers must read the validity mask, not the values).
enum class MissingFill : unsigned char {
  HoldLast,  // frozen at the last frame before the span (the first frame after it when the span starts the clip)
  RestPose,  // identity rotations and rest offsets: the part snaps to the rest pose
};

struct CorruptionParams {
  // Pop: a jump that lasts popSeconds and comes back, on one joint's local
  // rotation (a fixed extra rotation of popDegrees about a random axis) or,
  // with probability rootPopProbability, on the root translation (a fixed
  // offset of rootPopMeters in a random 3D direction). 1/30..0.1 s is 1-3
  // frames at 30 fps, 4-12 at 120 fps.
  ValueRange popSeconds{1.0 / 30.0, 0.1};
  ValueRange popDegrees{20.0, 60.0};
  ValueRange rootPopMeters{0.05, 0.30};
  double rootPopProbability = 0.25;  // 0..1

  // Frozen: every joint's rotation and translation held at the frame before the span.
  ValueRange frozenSeconds{0.2, 1.0};

  // Jitter on one part: per frame, each of the part's joints gets an extra
  // local rotation whose rotation vector has independent Gaussian components
  // of sigma jitterDegrees (drawn once per artifact). When the part is the
  // torso, the root translation also gets Gaussian noise of sigma
  // jitterRootMeters per axis ({0, 0} turns that off).
  ValueRange jitterSeconds{0.3, 2.0};
  ValueRange jitterDegrees{1.5, 5.0};
  ValueRange jitterRootMeters{0.003, 0.01};

  // Foot skating: inside a span where one ankle is planted (within
  // plantHeightMeters of the lowest ankle height of the clip and slower than
  // plantSpeed m/s), the ankle is dragged horizontally in a random direction
  // by skateMeters * sin(pi u), u running over the span (out and back, so the
  // frames after the span still join), through two-bone IK on the leg's hip
  // and knee; the foot keeps its global orientation. Labels that leg only.
  ValueRange skateSeconds{0.3, 1.0};
  ValueRange skateMeters{0.05, 0.20};
  double plantHeightMeters = 0.05;
  double plantSpeed = 0.25;  // m/s

  // Root drift: a horizontal root offset that grows smoothly to driftMeters
  // over driftGrowSeconds and returns over the same time (raised cosine, so
  // the span is twice driftGrowSeconds and both ends join without a step).
  ValueRange driftGrowSeconds{1.0, 4.0};
  ValueRange driftMeters{0.05, 0.20};

  // Over-smoothing: a Gaussian low-pass (sigma smoothSigmaSeconds, i.e. 3-6
  // frames at 30 fps; kernel reaches 3 sigma, reads frames outside the span
  // but writes only inside it) of every local rotation (weighted quaternion
  // mean) and every translation track over the span.
  ValueRange smoothSeconds{0.5, 2.0};
  ValueRange smoothSigmaSeconds{0.1, 0.2};

  // Missing: one part's joints marked invalid (Clip::setValid false) over the
  // span and filled as missingFill says.
  ValueRange missingSeconds{0.2, 2.0};
  MissingFill missingFill = MissingFill::HoldLast;

  // Left/right swap (labelled Flip on both limbs): the local rotations of the
  // left and right arms (or legs), paired joint by joint, are exchanged over
  // the span. With swapMirror, and when the rest pose is mirror symmetric
  // about a coordinate plane (LimbPairing::mirrorAxis), each rotation is also
  // reflected through that plane, so the right limb performs the left limb's
  // motion mirrored, as a marker-label swap looks; otherwise the raw
  // rotations are exchanged. Translation tracks (bone lengths) stay on their
  // side.
  ValueRange swapSeconds{0.2, 1.0};
  bool swapMirror = true;

  // Penetration, floating, stretch and hyperextension ramp in and out with a
  // raised cosine over taperSeconds at each end of their span (at most half
  // the span) and hold in between.
  ValueRange taperSeconds{0.1, 0.25};

  // Penetration: inside a span where one leg is planted (its lowest foot
  // point within 2 cm of its contact level, quality/floorestimate.h, and
  // its ankle slower than plantSpeed), the whole body sinks by
  // penetrationMeters (the root translation moves down the up axis). Labels
  // the legs whose foot points go more than 1 cm below their contact level.
  ValueRange penetrationSeconds{0.2, 1.0};
  ValueRange penetrationMeters{0.05, 0.15};

  // Floating: the root translation rises by floatMeters along up over the
  // span; labels all parts.
  ValueRange floatSeconds{0.5, 2.0};
  ValueRange floatMeters{0.1, 0.4};

  // Stretch: one bone, the translation track of a joint that is not the
  // body's placement (placementJoints) and at least 1 cm long, is scaled by
  // 1 + stretchFraction over the span; labels that joint's part. Clips with
  // no such track are refused (a track is never added: that would change
  // the clip outside the span).
  ValueRange stretchSeconds{0.3, 1.5};
  ValueRange stretchFraction{0.1, 0.3};

  // Hyperextension: an elbow or knee whose natural bending direction the
  // clip shows (naturalHingeAxis) turns about that axis until it is bent
  // backwards by hyperextensionDegrees past straight; labels the limb.
  ValueRange hyperextensionSeconds{0.2, 1.0};
  ValueRange hyperextensionDegrees{20.0, 50.0};

  // World up axis for "horizontal" and "height": 0 = X, 1 = Y, 2 = Z
  // (positive direction), or -1 to detect it from the motion (detectUpAxis).
  int upAxis = -1;
};

// Half-open frame range [start, end).
struct FrameSpan {
  int start = 0;
  int end = 0;
  int length() const { return end - start; }
};

// What injectors read about a clip's body; build once per clip and reuse.
struct BodyContext {
  BodyPartMap parts;
  Eigen::Vector3d up = Eigen::Vector3d::UnitY();  // unit, signed coordinate axis
  double unitsPerMeter = 1.0;
  static BodyContext detect(const Clip& clip, const CorruptionParams& params);
};

// Where an injector may put its span.
struct Placement {
  // Frame ranges the whole span must fit into (any order; overlaps merge,
  // parts outside the clip are cut off); nullopt: anywhere in the clip.
  std::optional<std::vector<FrameSpan>> allowed;
  // Not owned; must describe this clip. nullptr: detected on each call.
  const BodyContext* body = nullptr;
};

// Each returns the injected artifact, or nullopt (see the contract above).
std::optional<InjectedArtifact> injectPop(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                          const CorruptionParams& params, const Placement& placement = {});
// Needs a frame before the span (start >= 1).
std::optional<InjectedArtifact> injectFrozen(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                             const CorruptionParams& params, const Placement& placement = {});
std::optional<InjectedArtifact> injectJitter(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                             const CorruptionParams& params, const Placement& placement = {});
// Needs a leg with a hip-knee-ankle chain (findLegChain) planted long enough.
std::optional<InjectedArtifact> injectFootSkate(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                const CorruptionParams& params, const Placement& placement = {});
std::optional<InjectedArtifact> injectDrift(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                            const CorruptionParams& params, const Placement& placement = {});
std::optional<InjectedArtifact> injectOverSmoothing(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                    const CorruptionParams& params, const Placement& placement = {});
std::optional<InjectedArtifact> injectMissing(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                              const CorruptionParams& params, const Placement& placement = {});
// Needs two limbs that pair (pairLimbs): arms or legs, chosen at random.
std::optional<InjectedArtifact> injectLimbSwap(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                               const CorruptionParams& params, const Placement& placement = {});

// Needs a leg (findLegChain) planted long enough.
std::optional<InjectedArtifact> injectPenetration(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                  const CorruptionParams& params, const Placement& placement = {});
std::optional<InjectedArtifact> injectFloating(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                               const CorruptionParams& params, const Placement& placement = {});
// Needs a bone with a translation track (see CorruptionParams).
std::optional<InjectedArtifact> injectStretch(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                              const CorruptionParams& params, const Placement& placement = {});
// Needs an elbow or knee whose natural direction the clip shows.
std::optional<InjectedArtifact> injectHyperextension(Clip& clip, CorruptionLabels& labels, std::mt19937_64& rng,
                                                     const CorruptionParams& params, const Placement& placement = {});

// True for the types above: every ArtifactType has an injector.
bool hasInjector(ArtifactType type);
// Dispatches to the injector of `type`; nullopt for types without one.
std::optional<InjectedArtifact> injectArtifact(ArtifactType type, Clip& clip, CorruptionLabels& labels,
                                               std::mt19937_64& rng, const CorruptionParams& params,
                                               const Placement& placement = {});

}  // namespace mm
