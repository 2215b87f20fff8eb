#pragma once
// Whole-file text reading for tests (binary-safe).

#include <QString>

#include <fstream>
#include <sstream>
#include <string>

namespace mm::test {

inline std::string readText(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace mm::test
