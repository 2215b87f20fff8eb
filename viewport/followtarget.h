#pragma once
// Where a following camera looks: the character's root, across the floor
// exactly (the character stays put on screen while the world moves under
// it, as with a camera parented to the hips), and in height smoothed over
// clip time, so that the bob of a walk or a jump does not shake the view.
// A seek (a jump of more than kSeekSeconds, or backwards by more than a
// step) snaps. Pure, so it can be tested without a window.

#include <QVector3D>

namespace mm::viewport {

class FollowTarget {
 public:
  static constexpr double kSeekSeconds = 0.5;
  // Time constant of the height smoothing, seconds of clip time.
  static constexpr double kHeightSeconds = 0.35;

  // Starts at `root` (metres) on `frame`.
  void reset(const QVector3D& root, int frame);
  // The target for `root` shown at `frame` of a clip at `fps`; moves the
  // height towards the root's by the clip time since the last update.
  QVector3D update(const QVector3D& root, int frame, double fps);
  const QVector3D& value() const { return mValue; }
  bool isValid() const { return mFrame >= 0; }

 private:
  QVector3D mValue;
  int mFrame = -1;
};

}  // namespace mm::viewport
