#include "viewport/followtarget.h"

#include <cmath>
#include <cstdlib>

namespace mm::viewport {

void FollowTarget::reset(const QVector3D& root, int frame) {
  mValue = root;
  mFrame = frame;
}

QVector3D FollowTarget::update(const QVector3D& root, int frame, double fps) {
  if (!isValid() || fps <= 0 || !std::isfinite(root.x() + root.y() + root.z())) {
    if (std::isfinite(root.x() + root.y() + root.z())) reset(root, frame);
    return mValue;
  }
  const double seconds = std::abs(frame - mFrame) / fps;
  if (seconds > kSeekSeconds) {
    reset(root, frame);
    return mValue;
  }
  const float keep = float(std::exp(-seconds / kHeightSeconds));
  mValue = QVector3D(root.x(), keep * mValue.y() + (1.0f - keep) * root.y(), root.z());
  mFrame = frame;
  return mValue;
}

}  // namespace mm::viewport
