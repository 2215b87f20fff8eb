#pragma once
// Locates the development data (Bandai Namco dataset) for the optional
// full-data tests: $MM_DEV_DATA if set, else ../shared/data/unpack.sh beside
// the checkout (unpacks once, ~5 s). Empty when neither exists: such tests QSKIP.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>

namespace mm::test {

inline QString devDataDir() {
  const QString env = qEnvironmentVariable("MM_DEV_DATA");
  if (!env.isEmpty()) return QFileInfo(env).isDir() ? env : QString();
  const QString script = QDir(QStringLiteral(MM_SOURCE_DIR)).absoluteFilePath(QStringLiteral("../shared/data/unpack.sh"));
  if (!QFileInfo::exists(script)) return {};
  QProcess p;
  p.start(QStringLiteral("bash"), {script});
  if (!p.waitForFinished(300000) || p.exitCode() != 0) return {};
  const QString dir = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed().split('\n').last();
  return QFileInfo(dir).isDir() ? dir : QString();
}

inline QString testData(const QString& name) { return QStringLiteral(MM_TEST_DATA_DIR "/") + name; }

}  // namespace mm::test
