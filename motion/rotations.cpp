#include "motion/rotations.h"

#include "motion/fastmath.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace mm {
namespace {
constexpr int kAxes[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
constexpr const char* kNames[6] = {"XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX"};

Eigen::Quaterniond axisRotation(int axis, double angle) {
  const double h = 0.5 * angle;
  Eigen::Quaterniond q(std::cos(h), 0.0, 0.0, 0.0);
  q.coeffs()[axis] = std::sin(h);  // coeffs() is (x, y, z, w)
  return q;
}

double wrapNear(double angle, double target) {
  const double twoPi = 2.0 * kPi;
  return angle + twoPi * std::round((target - angle) / twoPi);
}

// q = qi * qj * qk from the sines and cosines of the half angles, with
// (i, j, k) the order's axes, written out: the sign of the cross terms flips
// with the order's parity.
Eigen::Quaterniond composeEuler(double s0, double c0, double s1, double c1, double s2, double c2, EulerOrder order) {
  const int* ax = kAxes[static_cast<int>(order)];
  const double parity = ((ax[1] - ax[0] + 3) % 3 == 1) ? 1.0 : -1.0;
  double v[3];
  const double w = c0 * c1 * c2 - parity * s0 * s1 * s2;
  v[ax[0]] = s0 * c1 * c2 + parity * c0 * s1 * s2;
  v[ax[1]] = c0 * s1 * c2 - parity * s0 * c1 * s2;
  v[ax[2]] = c0 * c1 * s2 + parity * s0 * s1 * c2;
  return Eigen::Quaterniond(w, v[0], v[1], v[2]);
}
}  // namespace

const char* eulerOrderName(EulerOrder order) { return kNames[static_cast<int>(order)]; }

std::optional<EulerOrder> parseEulerOrder(std::string_view text) {
  if (text.size() != 3) return std::nullopt;
  int axes[3];
  for (int i = 0; i < 3; ++i) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    if (c < 'X' || c > 'Z') return std::nullopt;
    axes[i] = c - 'X';
  }
  return eulerOrderFromAxes(axes[0], axes[1], axes[2]);
}

int eulerAxis(EulerOrder order, int i) { return kAxes[static_cast<int>(order)][i]; }

std::optional<EulerOrder> eulerOrderFromAxes(int a0, int a1, int a2) {
  for (int o = 0; o < 6; ++o)
    if (kAxes[o][0] == a0 && kAxes[o][1] == a1 && kAxes[o][2] == a2) return static_cast<EulerOrder>(o);
  return std::nullopt;
}

Eigen::Quaterniond eulerToQuat(const Eigen::Vector3d& angles, EulerOrder order) {
  const int* ax = kAxes[static_cast<int>(order)];
  return axisRotation(ax[0], angles[0]) * axisRotation(ax[1], angles[1]) * axisRotation(ax[2], angles[2]);
}

Eigen::Quaterniond axisQuatDegrees(int axis, double degrees) { return axisRotation(axis, degToRad(degrees)); }

Eigen::Quaterniond eulerDegreesToQuat(double a0, double a1, double a2, EulerOrder order) {
  double s0, c0, s1, c1, s2, c2;  // of the half angles
  sinCosDegrees(0.5 * a0, &s0, &c0);
  sinCosDegrees(0.5 * a1, &s1, &c1);
  sinCosDegrees(0.5 * a2, &s2, &c2);
  return composeEuler(s0, c0, s1, c1, s2, c2, order);
}

// AVX2 doubles the vector width where the CPU has it; no FMA, so both
// versions round identically.
#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target_clones("avx2", "default")))
#endif
void eulerDegreesToQuats(const double* angles, const EulerOrder* orders, int count, Eigen::Quaterniond* out) {
  constexpr int kChunk = 64;  // rotations per pass: the scratch stays on the stack
  double half[3 * kChunk], s[3 * kChunk], c[3 * kChunk];
  for (int first = 0; first < count; first += kChunk) {
    const int n = std::min(kChunk, count - first);
    for (int i = 0; i < 3 * n; ++i) half[i] = 0.5 * angles[3 * first + i];
    sinCosDegrees(half, s, c, 3 * n);
    for (int r = 0; r < n; ++r) {
      const double* sr = s + 3 * r;
      const double* cr = c + 3 * r;
      out[first + r] = composeEuler(sr[0], cr[0], sr[1], cr[1], sr[2], cr[2], orders[first + r]);
    }
  }
}

Eigen::Vector3d quatToEuler(const Eigen::Quaterniond& q, EulerOrder order, const Eigen::Vector3d* hint) {
  // R = R_i(a) R_j(b) R_k(c) with (i, j, k) a permutation. With parity
  // s = +1 for cyclic (XYZ, YZX, ZXY) and -1 otherwise:
  //   sin b = s * R(i,k),  a = atan2(-s R(j,k), R(k,k)),  c = atan2(-s R(i,j), R(i,i)).
  const int* ax = kAxes[static_cast<int>(order)];
  const int i = ax[0], j = ax[1], k = ax[2];
  const double s = ((j - i + 3) % 3 == 1) ? 1.0 : -1.0;
  const Eigen::Matrix3d R = q.normalized().toRotationMatrix();
  const double sb = std::clamp(s * R(i, k), -1.0, 1.0);
  Eigen::Vector3d e;
  e[1] = std::asin(sb);
  const double cb = std::sqrt(R(i, i) * R(i, i) + R(i, j) * R(i, j));
  if (cb > 1e-9) {
    e[0] = std::atan2(-s * R(j, k), R(k, k));
    e[2] = std::atan2(-s * R(i, j), R(i, i));
  } else {
    // Gimbal lock: only a0 + s*sin(b)*a2 is determined; keep the hint's a2.
    e[2] = hint ? (*hint)[2] : 0.0;
    const Eigen::Quaterniond rest = axisRotation(j, e[1]) * axisRotation(k, e[2]);
    const Eigen::Quaterniond first = q.normalized() * rest.conjugate();  // = R_i(a)
    e[0] = 2.0 * std::atan2(first.coeffs()[i], first.w());
  }
  if (!hint) return e;
  // The other solution (a + pi, pi - b, c + pi) may lie closer to the hint.
  Eigen::Vector3d alt(e[0] + kPi, kPi - e[1], e[2] + kPi);
  for (int n = 0; n < 3; ++n) {
    e[n] = wrapNear(e[n], (*hint)[n]);
    alt[n] = wrapNear(alt[n], (*hint)[n]);
  }
  return (alt - *hint).squaredNorm() < (e - *hint).squaredNorm() ? alt : e;
}

Rot6 quatTo6D(const Eigen::Quaterniond& q) {
  const Eigen::Matrix3d R = q.toRotationMatrix();
  Rot6 r;
  r << R.col(0), R.col(1);
  return r;
}

Eigen::Quaterniond sixDToQuat(const Rot6& r) {
  Eigen::Vector3d a = r.head<3>(), b = r.tail<3>();
  const double na = a.norm();
  a = na > 1e-12 ? Eigen::Vector3d(a / na) : Eigen::Vector3d::UnitX();
  b -= a * a.dot(b);
  const double nb = b.norm();
  if (nb > 1e-12) {
    b /= nb;
  } else {
    b = a.unitOrthogonal();
  }
  Eigen::Matrix3d R;
  R.col(0) = a;
  R.col(1) = b;
  R.col(2) = a.cross(b);
  return Eigen::Quaterniond(R).normalized();
}

double angleBetween(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b) {
  // atan2 of the relative rotation stays accurate near zero, where acos of
  // the dot product loses half the digits.
  const Eigen::Quaterniond d = a.conjugate() * b;
  return 2.0 * std::atan2(d.vec().norm(), std::abs(d.w()));
}

}  // namespace mm
