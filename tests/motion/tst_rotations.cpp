#include "motion/fastmath.h"
#include "motion/rotations.h"

#include <QtTest>
#include <random>

using namespace mm;

namespace {
Eigen::Quaterniond axisAngle(double deg, const Eigen::Vector3d& axis) {
  return Eigen::Quaterniond(Eigen::AngleAxisd(degToRad(deg), axis.normalized()));
}
bool sameRotation(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b, double tolRad = 1e-9) {
  return angleBetween(a, b) < tolRad;
}
}  // namespace

class TestRotations : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void orderNames() {
    for (EulerOrder o : kAllEulerOrders) {
      QCOMPARE(parseEulerOrder(eulerOrderName(o)), std::optional<EulerOrder>(o));
    }
    QVERIFY(!parseEulerOrder("XXY"));
    QVERIFY(!parseEulerOrder("XY"));
    QCOMPARE(parseEulerOrder("zxy"), std::optional<EulerOrder>(EulerOrder::ZXY));
  }

  // Each order is the product of elemental rotations in listed order.
  void eulerDefinition_data() {
    QTest::addColumn<int>("order");
    for (EulerOrder o : kAllEulerOrders) QTest::newRow(eulerOrderName(o)) << static_cast<int>(o);
  }
  void eulerDefinition() {
    QFETCH(int, order);
    const EulerOrder o = static_cast<EulerOrder>(order);
    const Eigen::Vector3d a(degToRad(30), degToRad(-50), degToRad(75));
    const Eigen::Vector3d axes[3] = {Eigen::Vector3d::UnitX(), Eigen::Vector3d::UnitY(), Eigen::Vector3d::UnitZ()};
    const Eigen::Quaterniond expected = Eigen::Quaterniond(Eigen::AngleAxisd(a[0], axes[eulerAxis(o, 0)])) *
                                        Eigen::AngleAxisd(a[1], axes[eulerAxis(o, 1)]) *
                                        Eigen::AngleAxisd(a[2], axes[eulerAxis(o, 2)]);
    QVERIFY(sameRotation(eulerToQuat(a, o), expected));
    QVERIFY(sameRotation(eulerDegreesToQuat(30, -50, 75, o), expected));
  }

  // Hand-computed: BVH "Zrotation Xrotation Yrotation" 90 0 0 turns +X into +Y.
  void knownValue() {
    const Eigen::Vector3d v = eulerDegreesToQuat(90, 0, 0, EulerOrder::ZXY) * Eigen::Vector3d::UnitX();
    QVERIFY((v - Eigen::Vector3d::UnitY()).norm() < 1e-12);
    const Eigen::Vector3d w = eulerDegreesToQuat(0, 90, 0, EulerOrder::ZXY) * Eigen::Vector3d::UnitY();
    QVERIFY((w - Eigen::Vector3d::UnitZ()).norm() < 1e-12);
  }

  void roundTripAllOrders_data() { eulerDefinition_data(); }
  void roundTripAllOrders() {
    QFETCH(int, order);
    const EulerOrder o = static_cast<EulerOrder>(order);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(-kPi, kPi), m(-kPi / 2 + 1e-3, kPi / 2 - 1e-3);
    for (int i = 0; i < 2000; ++i) {
      const Eigen::Vector3d a(u(rng), m(rng), u(rng));
      const Eigen::Quaterniond q = eulerToQuat(a, o);
      const Eigen::Vector3d back = quatToEuler(q, o);
      QVERIFY2((back - a).norm() < 1e-9, qPrintable(QString::number((back - a).norm())));
    }
  }

  // At gimbal lock the rotation is still reproduced exactly.
  void gimbalLock_data() { eulerDefinition_data(); }
  void gimbalLock() {
    QFETCH(int, order);
    const EulerOrder o = static_cast<EulerOrder>(order);
    for (double mid : {kPi / 2, -kPi / 2}) {
      const Eigen::Vector3d a(0.4, mid, -0.9);
      const Eigen::Quaterniond q = eulerToQuat(a, o);
      QVERIFY(sameRotation(eulerToQuat(quatToEuler(q, o), o), q, 1e-7));
      const Eigen::Vector3d hint(0.3, mid, -0.9);
      QVERIFY(sameRotation(eulerToQuat(quatToEuler(q, o, &hint), o), q, 1e-7));
    }
  }

  // With a hint, angles are unwrapped to the hint's neighbourhood.
  void hintUnwraps() {
    const Eigen::Vector3d a(degToRad(179), degToRad(10), degToRad(-179));
    const Eigen::Quaterniond q = eulerToQuat(Eigen::Vector3d(degToRad(-179), degToRad(10), degToRad(179)), EulerOrder::ZXY);
    const Eigen::Vector3d e = quatToEuler(q, EulerOrder::ZXY, &a);
    QVERIFY((e - Eigen::Vector3d(degToRad(181), degToRad(10), degToRad(-181))).norm() < 1e-9);
    // The alternative solution (a + 180, 180 - b, c + 180) is chosen when closer.
    const Eigen::Vector3d b(degToRad(10), degToRad(100), degToRad(20));
    const Eigen::Quaterniond qb = eulerToQuat(b, EulerOrder::XYZ);
    const Eigen::Vector3d hint(degToRad(12), degToRad(99), degToRad(18));
    QVERIFY((quatToEuler(qb, EulerOrder::XYZ, &hint) - b).norm() < 1e-9);
  }

  void sinCosDegreesAccuracy() {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(-1000, 1000);
    double worst = 0;
    for (int i = 0; i < 200000; ++i) {
      const double d = i < 1441 ? (i - 720) * 0.5 : u(rng);
      double s, c;
      sinCosDegrees(d, &s, &c);
      worst = std::max({worst, std::abs(s - std::sin(degToRad(d))), std::abs(c - std::cos(degToRad(d)))});
    }
    QVERIFY2(worst < 1e-14, qPrintable(QString::number(worst)));
    double s, c;
    sinCosDegrees(90, &s, &c);
    QCOMPARE(s, 1.0);
    QCOMPARE(c, 0.0);
    sinCosDegrees(1e12, &s, &c);  // libm fallback
    QVERIFY(std::abs(s - std::sin(degToRad(1e12))) < 1e-9 || std::abs(s * s + c * c - 1) < 1e-12);
  }

  void sixD() {
    std::mt19937 rng(7);
    std::normal_distribution<double> n;
    for (int i = 0; i < 500; ++i) {
      const Eigen::Quaterniond q = Eigen::Quaterniond(n(rng), n(rng), n(rng), n(rng)).normalized();
      const Rot6 r = quatTo6D(q);
      QVERIFY(sameRotation(sixDToQuat(r), q));
      // Gram-Schmidt accepts a perturbed, unnormalised input.
      Rot6 noisy = r * 3.0;
      noisy[4] += 0.01;
      QVERIFY(angleBetween(sixDToQuat(noisy), q) < 0.02);
    }
    QVERIFY(sameRotation(sixDToQuat(quatTo6D(axisAngle(90, Eigen::Vector3d::UnitZ()))), axisAngle(90, Eigen::Vector3d::UnitZ())));
  }

  void alignSignAndAngle() {
    const Eigen::Quaterniond q = axisAngle(30, Eigen::Vector3d(1, 2, 3));
    const Eigen::Quaterniond neg(-q.coeffs());
    QVERIFY(alignSign(neg, q).coeffs().isApprox(q.coeffs()));
    QVERIFY(std::abs(angleBetween(q, neg)) < 1e-7);
    QVERIFY(std::abs(radToDeg(angleBetween(q, axisAngle(70, Eigen::Vector3d(1, 2, 3)))) - 40) < 1e-9);
  }
};

QTEST_APPLESS_MAIN(TestRotations)
#include "tst_rotations.moc"
