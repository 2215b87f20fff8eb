// tasks/resourcepaths.h: the shipped files are found in $MM_DATA_DIR, then
// next to the program (<exe>/../share/motionmender), then in the source tree,
// which MM_NO_SOURCE_TREE switches off; the model runtime likewise.

#include "tasks/resourcepaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <string>
#include <vector>

using namespace mm::tasks;

namespace {
const std::string kWeights = "models/motionmender-small.mmmodel";
const std::string kSourceData = MM_SOURCE_DIR "/resources";

QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

class TestResourcePaths : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void init() {
    qunsetenv("MM_DATA_DIR");
    qunsetenv("MM_NO_SOURCE_TREE");
    qunsetenv("MM_MODEL_RUNTIME");
  }
  void cleanupTestCase() { init(); }

  void executableDirIsThisTest() {
    QCOMPARE(QFileInfo(q(executableDir())).canonicalFilePath(),
             QFileInfo(QCoreApplication::applicationDirPath()).canonicalFilePath());
  }

  void searchOrder() {
    qputenv("MM_DATA_DIR", "/somewhere/data");
    const std::vector<std::string> dirs = dataDirs();
    QCOMPARE(int(dirs.size()), 3);
    QCOMPARE(q(dirs[0]), QStringLiteral("/somewhere/data"));
    QCOMPARE(q(dirs[1]), q(executableDir()) + QStringLiteral("/../share/motionmender"));
    QCOMPARE(q(dirs[2]), q(kSourceData));
  }

  void sourceTreeInDevelopmentBuilds() {
    // Nothing is installed next to the test: the source tree has the weights.
    QCOMPARE(q(findDataFile(kWeights)), q(kSourceData + "/" + kWeights));
    QVERIFY(fileReadable(findDataFile(kWeights)));
  }

  void overrideComesFirst() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("models")));
    QFile f(dir.filePath(q(kWeights)));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    qputenv("MM_DATA_DIR", QFile::encodeName(dir.path()));
    QCOMPARE(q(findDataFile(kWeights)), dir.path() + QStringLiteral("/") + q(kWeights));
    // A file the override lacks still comes from the next folder.
    QCOMPARE(q(findDataFile("samples/bandai_walk_normal.bvh")),
             q(kSourceData + "/samples/bandai_walk_normal.bvh"));
  }

  void noSourceTree() {
    qputenv("MM_NO_SOURCE_TREE", "1");
    for (const std::string& dir : dataDirs()) QVERIFY2(dir != kSourceData, dir.c_str());
    // Not found anywhere: the path names the last place searched (installed).
    const std::string missing = findDataFile(kWeights);
    QVERIFY(!fileReadable(missing));
    QCOMPARE(q(missing), q(executableDir()) + QStringLiteral("/../share/motionmender/") + q(kWeights));
    for (const std::string& path : modelRuntimeCandidates())
      QVERIFY2(path.find("/share/") == std::string::npos && QFileInfo(q(path)).dir().dirName() == "motionmender",
               path.c_str());
  }

  void modelRuntime() {
    if (modelRuntimeCandidates().empty()) QSKIP("this build has no LibTorch");
    qputenv("MM_MODEL_RUNTIME", "/somewhere/libmm_modelruntime.so");
    const std::vector<std::string> paths = modelRuntimeCandidates();
    QCOMPARE(int(paths.size()), 3);
    QCOMPARE(q(paths[0]), QStringLiteral("/somewhere/libmm_modelruntime.so"));
    // <exe>/../lib/motionmender/ (or lib/<multiarch>/ with an install prefix of /usr).
    QVERIFY2(q(paths[1]).startsWith(q(executableDir()) + QStringLiteral("/../lib/")) &&
                 q(paths[1]).endsWith(QStringLiteral("/motionmender/libmm_modelruntime.so")),
             paths[1].c_str());
    // The build tree's module, the one found here.
    QCOMPARE(q(findModelRuntime()), q(paths[2]));
  }
};

QTEST_MAIN(TestResourcePaths)
#include "tst_resourcepaths.moc"
