#pragma once
// Fast decimal parsing for mocap text. Numbers such as "-12.3456" or
// "5.1072e-06" take Clinger's fast path: a mantissa of at most 19 digits that
// fits 2^53 exactly, scaled by an exact power of ten (|exponent| <= 22), is
// correctly rounded by one multiplication or division, so the result equals
// std::from_chars bit for bit. Everything else falls back to std::from_chars.
//
// The fast path is forced inline (it is the readers' inner loop) and the
// fallback kept out of line, so the loop stays small. A plain digit loop
// measured faster here than eight-digit SWAR: mocap numbers are short.

#include <charconv>
#include <cstdint>

namespace mm {
namespace numberparse_detail {

// std::from_chars, also accepting a leading '+'.
[[gnu::noinline]] inline const char* parseWithFromChars(const char* p, const char* end, double& value) {
  if (p < end && *p == '+') ++p;
  const auto r = std::from_chars(p, end, value);
  return r.ec == std::errc() ? r.ptr : nullptr;
}

}  // namespace numberparse_detail

// Parses a number starting at p (a leading '+' is accepted). Returns the end
// pointer, or nullptr if no number starts there.
[[gnu::always_inline]] inline const char* parseDouble(const char* p, const char* end, double& value) {
  static constexpr double kPow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* const start = p;
  bool negative = false;
  if (p < end && (*p == '-' || *p == '+')) {
    negative = *p == '-';
    ++p;
  }
  uint64_t mantissa = 0;
  const char* q = p;
  while (q < end && static_cast<unsigned>(*q - '0') < 10) {
    mantissa = mantissa * 10 + static_cast<unsigned>(*q - '0');
    ++q;
  }
  int digits = static_cast<int>(q - p);
  int exponent = 0;
  if (q < end && *q == '.') {
    ++q;
    const char* frac = q;
    while (q < end && static_cast<unsigned>(*q - '0') < 10) {
      mantissa = mantissa * 10 + static_cast<unsigned>(*q - '0');
      ++q;
    }
    exponent = -static_cast<int>(q - frac);
    digits -= exponent;
  }
  if (digits == 0) return numberparse_detail::parseWithFromChars(start, end, value);  // "inf", "nan", not a number
  if (q < end && (*q == 'e' || *q == 'E')) {
    const char* e = q + 1;
    bool expNegative = false;
    if (e < end && (*e == '-' || *e == '+')) {
      expNegative = *e == '-';
      ++e;
    }
    if (e == end || static_cast<unsigned>(*e - '0') >= 10) return numberparse_detail::parseWithFromChars(start, end, value);
    int x = 0;
    while (e < end && static_cast<unsigned>(*e - '0') < 10) {
      if (x < 100000) x = x * 10 + (*e - '0');
      ++e;
    }
    exponent += expNegative ? -x : x;
    q = e;
  }
  if (digits > 19 || mantissa > (uint64_t(1) << 53) || exponent < -22 || exponent > 22)
    return numberparse_detail::parseWithFromChars(start, end, value);
  double v = static_cast<double>(mantissa);
  v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
  value = negative ? -v : v;
  return q;
}

}  // namespace mm
