#pragma once
// Rotation conversions used at file boundaries and by the models.
// Conventions: unit quaternions (Eigen, w first in storage order x,y,z,w),
// column vectors, angles in radians unless a name says degrees.

#include <Eigen/Geometry>
#include <array>
#include <optional>
#include <string_view>

namespace mm {

// The order in which three elemental rotations are listed in a file, e.g. BVH
// "Zrotation Xrotation Yrotation" is ZXY. The rotation is the product in that
// order: ZXY means R = Rz(a0) * Rx(a1) * Ry(a2) (intrinsic Z, then X, then Y).
enum class EulerOrder : unsigned char { XYZ, XZY, YXZ, YZX, ZXY, ZYX };

constexpr std::array<EulerOrder, 6> kAllEulerOrders = {EulerOrder::XYZ, EulerOrder::XZY, EulerOrder::YXZ,
                                                      EulerOrder::YZX, EulerOrder::ZXY, EulerOrder::ZYX};

// "XYZ", "ZXY", ...
const char* eulerOrderName(EulerOrder order);
// Parses three axis letters (case-insensitive); nullopt for anything else.
std::optional<EulerOrder> parseEulerOrder(std::string_view text);
// Axis index (0 = X, 1 = Y, 2 = Z) of the i-th rotation of the order.
int eulerAxis(EulerOrder order, int i);
// Order from the axis indices of its three rotations; nullopt if not a permutation.
std::optional<EulerOrder> eulerOrderFromAxes(int a0, int a1, int a2);

// Angles (a0, a1, a2) in radians, listed in the order's sequence.
Eigen::Quaterniond eulerToQuat(const Eigen::Vector3d& angles, EulerOrder order);

// Same, with the three angles in degrees (file convention); a hot path of
// the readers, so it avoids the generic product.
Eigen::Quaterniond eulerDegreesToQuat(double a0, double a1, double a2, EulerOrder order);
// The same for `count` rotations at once (one frame of a file), with the
// same results: angles holds count triples (a0, a1, a2), orders one order
// per triple. Vectorises the sines and cosines.
void eulerDegreesToQuats(const double* angles, const EulerOrder* orders, int count, Eigen::Quaterniond* out);
// Rotation by `degrees` about axis 0 (X), 1 (Y) or 2 (Z).
Eigen::Quaterniond axisQuatDegrees(int axis, double degrees);

// Inverse of eulerToQuat. The middle angle is in [-pi/2, pi/2]. When `hint`
// is given (usually the previous frame's angles), the equivalent solution
// closest to it is returned, with each angle unwrapped by multiples of 2 pi,
// so writing a clip back to Euler channels produces no +-360 jumps.
Eigen::Vector3d quatToEuler(const Eigen::Quaterniond& q, EulerOrder order,
                            const Eigen::Vector3d* hint = nullptr);

// 6D rotation representation (Zhou et al. 2019): the first two columns of
// the rotation matrix, stacked as (c0.x, c0.y, c0.z, c1.x, c1.y, c1.z).
using Rot6 = Eigen::Matrix<double, 6, 1>;
Rot6 quatTo6D(const Eigen::Quaterniond& q);
// Gram-Schmidt back to a rotation; accepts any non-degenerate 6D vector.
Eigen::Quaterniond sixDToQuat(const Rot6& r);

// q or -q, whichever is closer to `reference` (4D dot product >= 0).
inline Eigen::Quaterniond alignSign(const Eigen::Quaterniond& q, const Eigen::Quaterniond& reference) {
  return q.coeffs().dot(reference.coeffs()) < 0.0 ? Eigen::Quaterniond(-q.coeffs()) : q;
}

// Rotation angle in radians (0..pi) between two rotations.
double angleBetween(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b);

constexpr double kPi = 3.14159265358979323846;
constexpr double degToRad(double d) { return d * (kPi / 180.0); }
constexpr double radToDeg(double r) { return r * (180.0 / kPi); }

}  // namespace mm
