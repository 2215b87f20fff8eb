#include "io/numberparse.h"

#include <QtTest>
#include <cmath>
#include <cstring>
#include <random>

using namespace mm;

class TestNumberParse : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // The fast path must agree with std::from_chars bit for bit.
  void matchesFromChars() {
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> u(-1000, 1000);
    std::uniform_int_distribution<int> prec(0, 17), fmt(0, 2);
    char buf[64];
    for (int i = 0; i < 200000; ++i) {
      const double x = u(rng) * std::pow(10.0, (i % 13) - 6);
      const int p = prec(rng);
      const int f = fmt(rng);
      const int n = std::snprintf(buf, sizeof buf, f == 0 ? "%.*f" : f == 1 ? "%.*e" : "%.*g", p, x);
      double ours = 0, ref = 0;
      const char* e = parseDouble(buf, buf + n, ours);
      const auto r = std::from_chars(buf, buf + n, ref);
      QVERIFY2(e == r.ptr, buf);
      QVERIFY2(std::memcmp(&ours, &ref, sizeof ours) == 0, buf);
    }
  }

  // Mocap-shaped numbers followed by more text (the frame-line case, where
  // the eight-digit loads see the next value) and cut at every length (loads
  // must stop at `end`): still equal to std::from_chars.
  void matchesFromCharsInLines() {
    std::mt19937_64 rng(2);
    std::uniform_real_distribution<double> u(-1000, 1000);
    std::uniform_int_distribution<int> prec(0, 9), fmt(0, 2), scale(-9, 9);
    char buf[96];
    for (int i = 0; i < 50000; ++i) {
      const double x = u(rng) * std::pow(10.0, scale(rng));
      const int p = prec(rng);
      const int f = fmt(rng);
      const int n = std::snprintf(buf, sizeof buf, f == 0 ? "%.*f 12.5 -3e-07\n" : f == 1 ? "%.*e\t7\r\n" : "%.*g 1",
                                  p, x);
      for (int len = n; len >= 0; len = len == n ? std::min(n - 1, 40) : len - 1) {
        double ours = 0, ref = 0;
        const char* e = parseDouble(buf, buf + len, ours);
        const auto r = std::from_chars(buf, buf + len, ref);
        QVERIFY2(e == (r.ec == std::errc() ? r.ptr : nullptr), buf);
        if (e) QVERIFY2(std::memcmp(&ours, &ref, sizeof ours) == 0, buf);
      }
    }
  }

  void forms_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("consumed");
    QTest::newRow("int") << QByteArray("42 ") << 42.0 << 2;
    QTest::newRow("plus") << QByteArray("+1.5") << 1.5 << 4;
    QTest::newRow("neg zero") << QByteArray("-0") << -0.0 << 2;
    QTest::newRow("leading dot") << QByteArray(".25") << 0.25 << 3;
    QTest::newRow("trailing dot") << QByteArray("3.") << 3.0 << 2;
    QTest::newRow("exp") << QByteArray("5.1072e-06") << 5.1072e-06 << 10;
    QTest::newRow("big exp") << QByteArray("1E+300") << 1e300 << 6;
    QTest::newRow("long mantissa") << QByteArray("3.14159265358979323846264") << 3.14159265358979323846264 << 25;
    QTest::newRow("dangling e") << QByteArray("2e") << 2.0 << 1;
  }
  void forms() {
    QFETCH(QByteArray, text);
    QFETCH(double, value);
    QFETCH(int, consumed);
    double v = 0;
    const char* e = parseDouble(text.constData(), text.constData() + text.size(), v);
    QVERIFY(e);
    QCOMPARE(int(e - text.constData()), consumed);
    QCOMPARE(v, value);
    QCOMPARE(std::signbit(v), std::signbit(value));
  }

  void nonNumbers() {
    double v = 0;
    for (const char* t : {"", "x", "-", "+", ".", "e5", "-x"}) QVERIFY2(!parseDouble(t, t + std::strlen(t), v), t);
    const char* inf = "inf";
    QVERIFY(parseDouble(inf, inf + 3, v) && std::isinf(v));
    const char* nan = "nan";
    QVERIFY(parseDouble(nan, nan + 3, v) && std::isnan(v));
  }
};

QTEST_APPLESS_MAIN(TestNumberParse)
#include "tst_numberparse.moc"
