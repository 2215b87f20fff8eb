#include "io/bvhformat.h"

#include <cmath>

namespace mm {

double fpsFromFrameTime(double seconds) {
  const double fps = 1.0 / seconds;
  const double whole = std::round(fps);
  return (whole >= 1.0 && std::abs(fps - whole) <= 1e-4 * whole) ? whole : fps;
}

bool isPrincipalEuler(double a0, double a1, double a2) {
  constexpr double eps = 1e-9;
  return std::abs(a0) <= 180.0 + eps && std::abs(a1) <= 90.0 + eps && std::abs(a2) <= 180.0 + eps;
}

BvhRotationWriter::BvhRotationWriter(const std::vector<Channel>& layout, const EulerStyle& style)
    : mWrapped(style.wrapped) {
  if (style.first) {
    mPrevious = *style.first * (kPi / 180.0);
    mHasPrevious = true;
  }
  bool used[3] = {false, false, false};
  for (Channel c : layout) {
    const int code = static_cast<int>(c);
    if (code >= 3 && mCount < 3 && !used[code - 3]) {
      mAxes[mCount++] = code - 3;
      used[code - 3] = true;
    }
  }
  // Layouts with fewer than three rotations decompose with the missing axes
  // last; for data read from such a file those angles are zero.
  int n = mCount;
  for (int a = 0; a < 3 && n < 3; ++a)
    if (!used[a]) {
      int axes[3] = {mAxes[0], mAxes[1], mAxes[2]};
      axes[n++] = a;
      mAxes[0] = axes[0];
      mAxes[1] = axes[1];
      mAxes[2] = axes[2];
      used[a] = true;
    }
  mOrder = *eulerOrderFromAxes(mAxes[0], mAxes[1], mAxes[2]);
}

void BvhRotationWriter::next(const Eigen::Quaterniond& q, double* degrees) {
  if (mCount == 0) return;
  Eigen::Vector3d e = quatToEuler(q, mOrder, mHasPrevious && !mWrapped ? &mPrevious : nullptr);
  if (mWrapped && mHasPrevious) {
    // +180 and -180 are the same angle; a file that writes principal angles
    // picks either, and the last bit of the quaternion decides which one
    // atan2 returns. Side with the previous frame.
    for (int i : {0, 2})
      if (std::abs(std::abs(e[i]) - kPi) < 1e-7 && (e[i] > 0) != (mPrevious[i] > 0)) e[i] = -e[i];
  }
  mPrevious = e;
  mHasPrevious = true;
  for (int i = 0; i < mCount; ++i) degrees[i] = radToDeg(e[i]);
}

}  // namespace mm
