#pragma once
// Checks of what the repair commands write (tests/cli): the BVH channel
// values as text, so "identical" means bit-identical output, and the Bandai
// fixture written the way the writer writes it.

#include "common/devdata.h"
#include "io/bvh.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace mm::test {

// The MOTION section's channel values, frame by frame, read with a plain
// istringstream (independently of the reader under test): as text tokens
// (T = std::string, so "identical" means bit-identical output) or numbers.
template <typename T>
std::vector<std::vector<T>> motionFields(const std::string& text) {
  std::vector<std::vector<T>> frames;
  const size_t pos = text.find("MOTION");
  if (pos == std::string::npos) return frames;
  std::istringstream in(text.substr(pos));
  std::string line;
  int header = 0;
  while (std::getline(in, line)) {
    if (header < 3) {  // MOTION, Frames:, Frame Time:
      ++header;
      continue;
    }
    std::istringstream ls(line);
    std::vector<T> v;
    T t;
    while (ls >> t) v.push_back(t);
    if (!v.empty()) frames.push_back(v);
  }
  return frames;
}

inline std::vector<std::vector<std::string>> motionTokens(const std::string& text) {
  return motionFields<std::string>(text);
}

// The Bandai fixture as the writer writes it (every joint: 6 channels).
inline QString writeFixture(const QTemporaryDir& dir, const QString& name,
                            const std::function<void(mm::Clip&)>& edit = {}) {
  mm::LoadResult in = mm::readBvh(testData("bandai_kick_40.bvh").toStdString());
  if (!in.ok()) return {};
  if (edit) edit(*in.clip);
  const QString path = dir.filePath(name);
  return mm::writeBvh(*in.clip, path.toStdString()).ok ? path : QString();
}

inline QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(text);
  return path;
}

// Checks: same frame count and layout; frame f, joint j's six tokens are
// identical unless mayChange(f, j). *changedCount: the tokens that differ
// where mustChangeSomewhere(f, j) (callers check that some do).
inline void compareTokens(const std::string& before, const std::string& after,
                          const std::function<bool(int, int)>& mayChange,
                          const std::function<bool(int, int)>& mustChangeSomewhere, int* changedCount) {
  const auto a = motionTokens(before), b = motionTokens(after);
  QCOMPARE(b.size(), a.size());
  *changedCount = 0;
  for (size_t f = 0; f < a.size(); ++f) {
    QCOMPARE(b[f].size(), a[f].size());
    for (size_t k = 0; k < a[f].size(); ++k) {
      const int joint = static_cast<int>(k / 6);
      if (a[f][k] != b[f][k]) {
        QVERIFY2(mayChange(static_cast<int>(f), joint),
                 qPrintable(QString("frame %1 joint %2 changed: %3 -> %4")
                                .arg(f)
                                .arg(joint)
                                .arg(QString::fromStdString(a[f][k]), QString::fromStdString(b[f][k]))));
        if (mustChangeSomewhere(static_cast<int>(f), joint)) ++*changedCount;
      }
    }
  }
}

}  // namespace mm::test
