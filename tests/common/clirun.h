#pragma once
// Runs the real motionmender-cli (MM_CLI_PATH, set by tests/CMakeLists.txt
// for the cli tests) and collects its exit code and output.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace mm::test {

struct CliRun {
  int code = -1;  // -1: did not finish in time, -2: crashed
  QString out;
  QString err;
};

inline CliRun runCli(const QStringList& args, int timeoutMs = 120000) {
  QProcess p;
  p.start(QStringLiteral(MM_CLI_PATH), args);
  CliRun r;
  if (!p.waitForFinished(timeoutMs)) return r;
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

}  // namespace mm::test
