#pragma once
// Thresholds of the quality analysis, in real units (metres, degrees,
// seconds), never per-frame constants: the detectors convert them with the
// clip's frame rate and units, so 30 and 120 fps, cm and m clips behave alike.
// Defaults are calibrated on the clean development takes (see the README).

namespace mm {

struct QualityPreset {
  // Pops: a joint's local rotation (or the root's position) jumps away and
  // comes back within popMaxSeconds.
  double popMinDegrees = 20.0;      // smallest rotation jump reported
  double popMinMeters = 0.03;       // smallest root jump reported
  double popRelative = 6.0;         // jump must exceed this many times the joint's typical frame-to-frame change
  double popReturnFraction = 0.5;   // the way back must cancel the way out to within this fraction
  double popMaxSeconds = 0.1;       // longest excursion that is a pop (3 frames at 30 fps)

  // Frozen: the pose repeats (angular speed under frozenDegreesPerSecond for
  // every joint of a part) for at least frozenMinSeconds while the
  // surrounding frozenContextSeconds move faster than movingDegreesPerSecond.
  double frozenDegreesPerSecond = 0.05;
  double frozenMinSeconds = 0.05;
  double frozenContextSeconds = 0.5;
  double movingDegreesPerSecond = 5.0;

  // Jitter (see jitterdetector.cpp): over jitterWindowSeconds, the median
  // joint of a part carries frame-to-frame rotation noise of at least
  // jitterMinDegrees (estimated per axis from the anti-correlation of
  // successive second differences, which smooth motion never produces) with
  // whiteness of at least jitterWhiteness (0.67 for pure noise); a flagged
  // run keeps the frames whose noise power reaches jitterEdgeFraction of its peak.
  double jitterWindowSeconds = 0.3;
  double jitterMinDegrees = 1.1;
  double jitterWhiteness = 0.4;
  double jitterEdgeFraction = 0.35;

  // Foot skating (see footdetector.cpp): a foot point is low within
  // contactMeters of the floor (the lowest level the feet reach) while moving
  // vertically slower than contactVerticalMetersPerSecond; the ends of a low
  // run that move faster than swingMetersPerSecond are a swing, not contact.
  // In contact, a point slides when it is more than skateDriftMeters from
  // where the contact began and ended, or moves faster than
  // skateMetersPerSecond both into and out of a frame; a foot skates when
  // every point in contact slides, for at least skateMinSeconds (pauses up to
  // skateGapSeconds bridged).
  double contactMeters = 0.03;
  double contactVerticalMetersPerSecond = 0.1;
  double swingMetersPerSecond = 0.5;
  double skateMetersPerSecond = 0.25;
  double skateDriftMeters = 0.025;
  double skateMinSeconds = 0.1;
  double skateGapSeconds = 0.2;

  // The floor (floorestimate.h): each foot point (ankle, toe) rests at its
  // own contact level, the most common height of its still frames.
  // Penetration: a foot point more than penetrationMeters below its contact
  // level (or below a credible support 10 cm or more under it: a step
  // down), and not standing on a credible support itself
  // (supportcontacts.h); flagged on that leg.
  double penetrationMeters = 0.03;

  // Floating: the body is airborne while the lowest foot point of both feet
  // is more than floatMeters above its contact level. An airborne span that
  // lasts at least floatMinSeconds must be a jump: the hips' vertical
  // acceleration over it (least-squares parabola) within
  // floatGravityTolerance * g of -g (g = 9.81 m/s^2), and no longer than
  // floatMaxAirSeconds (a one-metre vertical jump lasts 0.9 s). Otherwise it
  // is flagged on all parts, with the frames around it where the feet are
  // still more than floatMeters / 4 up, unless credible supports (a foot on
  // a box, a step or a ladder rung, hands hanging from a bar; see
  // supportcontacts.h) hold the body on half its frames or more. Shorter
  // spans (a run's flight phase) say too little to judge.
  double floatMeters = 0.05;
  double floatMinSeconds = 0.2;
  double floatMaxAirSeconds = 1.0;
  double floatGravityTolerance = 0.5;  // fraction of g

  // Stretch: a translation track of a joint other than the body's placement
  // (bodygeometry.h placementJoints) whose length, the bone length, is
  // further from its own length (the skeleton's rest offset when a fifth of
  // the frames keep it, else the most common length over the clip) than
  // stretchRelative times that length and than stretchMeters (millimetre
  // noise on short bones is no stretch); flagged on the joint's part.
  double stretchRelative = 0.05;
  double stretchMeters = 0.003;

  // Hyperextension: an elbow or knee bent backwards, against the natural
  // direction learnt from the clip (naturalHingeAxis), by more than
  // hyperextensionDegrees; flagged on the limb, with the frames around it
  // where the joint swings fast (90 degrees/s) into or out of it while bent
  // the natural way by less than twice hyperextensionDegrees (30 degrees at
  // least). The bend is measured from the joint positions along the limb
  // chain (upper, middle and lower joint) in the upper bone's frame, and the
  // natural side learnt from how the limb bends over the whole take, so any
  // rig, unit and frame rate reads alike. 10 degrees: a knee bent 15 degrees
  // backwards is flagged, and the development takes have no clean frame
  // past 10 (eval detect: same F1 as at 15).
  double hyperextensionDegrees = 10.0;

  // Over-smoothing: over smoothWindowSeconds, a moving joint's ratio of
  // high-frequency energy (third difference) to speed falls below
  // 1/smoothRelative of its own median, on smoothJointShare of the moving
  // joints at once (a filter over a span smooths the whole body).
  double smoothWindowSeconds = 0.3;
  double smoothRelative = 5.0;
  double smoothJointShare = 0.6;
  double smoothMovingDegreesPerSecond = 20.0;

  // Flips: a left/right limb swap starts where most of a limb pair's moving
  // joints jump by more than flipMinDegrees onto (the mirror of) the other
  // side's previous rotation, and lasts until the swap back, at most
  // flipMaxSeconds later.
  double flipMinDegrees = 30.0;
  double flipMaxSeconds = 1.5;

  // The world under the take. A take on a flat floor (the default) is judged
  // against the floor its feet show; a take with no reliable floor
  // (climbing, stairs, uneven terrain, a performer on props the take does
  // not show) turns the floor-relative checks (penetration, floating, foot
  // skating) into hints of confidence noFloorConfidence (< 0.5, see
  // QualityReport::flag): listed, never in the quality or the artifacts.
  bool reliableFloor = true;
  double noFloorConfidence = 0.3;

  // Spans of the same artifact closer than this merge into one.
  double mergeGapSeconds = 0.1;
};

}  // namespace mm
