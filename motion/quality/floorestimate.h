#pragma once
// The floor under the feet, shared by the ground-contact detectors (foot
// skating, penetration, floating) and the corruption lab's penetration. The
// floor is not in the file: it is where the feet rest. Each kind of foot
// point (ankle, toe) has its own contact level, because an ankle joint rests
// several centimetres higher than a toe joint.

#include <cmath>
#include <vector>

namespace mm {

class Clip;
struct AnalysisContext;

// Contact level (metres along up) of one kind of foot point, from the height
// (metres along up) and speed (metres per second) of every frame of every
// point of that kind, pooled over both feet: the most common height of the
// frames where the point holds still (slower than 0.25 m/s): the median of
// the lowest 2 cm band of those heights that holds at least half as many
// frames as the fullest band. A planted foot rests at one level again and
// again, while a span of penetration holds it at another level for less
// time, so the floor does not follow the artifact (as a low quantile of all
// heights would); and a foot can rest above the floor (held up while the
// other stands, or floating) but not below it, so of two comparable levels
// the lower wins. NaN when the fullest band holds fewer than `minFrames`
// frames (>= 1): a point that never rests says nothing about the floor.
// `speeds` has one value per height.
// `restFrames`, if given, receives the number of still frames in the band
// of the level (0 when NaN).
double contactLevel(const std::vector<float>& heights, const std::vector<float>& speeds, int minFrames,
                    size_t* restFrames = nullptr);

struct FloorEstimate {
  // Contact level of each foot point, metres along the context's up axis:
  // [side: 0 left, 1 right][0 ankle, 1 toe]; NaN where the point is absent
  // or never rests for 0.1 s in all (contactLevel).
  double level[2][2] = {{NAN, NAN}, {NAN, NAN}};
  // The floor, for foot skating: the bottom of the lowest contact band (the
  // toes', usually), the 2 % quantile of the foot points' heights from 2 cm
  // under the lowest level up; when no point ever rests, of all their
  // heights (the floor foot skating always used). NaN without feet.
  double floor = NAN;
  // How firmly the take shows its floor, 0.5..1: 0.5, plus 0.5 times the
  // still foot frames in the contact levels' bands (ankles and toes pooled)
  // over two seconds' worth, up to 1; the confidence of the floor-relative
  // flags on a take with a reliable floor (QualityPreset::reliableFloor).
  double confidence = 0.0;
  bool valid() const { return !std::isnan(floor); }
};
// From the context's ankles and toes (AnalysisContext::ankle, ::toe) over
// the frames where they hold data (jointPathValid). AnalysisContext::build
// stores it in AnalysisContext::floor.
FloorEstimate estimateFloor(const AnalysisContext& ctx);

// True when the joint and every joint on its path to the root hold data in
// the frame (Clip::isValid), so its global position means something.
bool jointPathValid(const Clip& clip, int frame, int joint);

}  // namespace mm
