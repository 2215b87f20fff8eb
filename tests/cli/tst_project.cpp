// End-to-end tests of `project create | info` and `labels export | import`:
// runs the real motionmender-cli. In a build without Qt's editor core the
// commands must fail with one line saying so.
#include "common/clirun.h"
#include "common/devdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using mm::test::testData;

namespace {
using Run = mm::test::CliRun;

Run cli(const QStringList& args) { return mm::test::runCli(args); }

QJsonObject json(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
}  // namespace

class TestCliProject : public QObject {
  Q_OBJECT
 private Q_SLOTS:
#ifndef MM_CLI_HAS_EDITOR
  void withoutQtTheCommandsSaySo() {
    for (const QStringList& args : {QStringList{"project", "info", "x.mmproj"}, QStringList{"labels", "export", "x"}}) {
      const Run r = cli(args);
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains("no Qt") && r.err.count('\n') == 1, qPrintable(r.err));
    }
  }
#else
  void usage() {
    QCOMPARE(cli({"project"}).code, 2);
    QCOMPARE(cli({"project", "create", "only.mmproj"}).code, 2);
    QCOMPARE(cli({"project", "info"}).code, 2);
    QCOMPARE(cli({"labels", "export", "p.mmproj"}).code, 2);  // no -o
    QCOMPARE(cli({"labels", "export", "p.mmproj", "--format", "xml", "-o", "x.xml"}).code, 2);
    QCOMPARE(cli({"labels", "import", "p.mmproj"}).code, 2);
  }

  void createInfoExportImport() {
    QTemporaryDir dir;
    const QString project = dir.filePath("p.mmproj");
    const QString kick = testData("bandai_kick_40.bvh"), wave = testData("bandai_wave_tabs.bvh");
    Run r = cli({"project", "create", project, kick, wave});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("with 2 takes"), qPrintable(r.out));

    // Never written over.
    const QByteArray before = fileBytes(project);
    r = cli({"project", "create", project, kick});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(project) && r.err.contains("already exists"), qPrintable(r.err));
    QCOMPARE(fileBytes(project), before);

    r = cli({"project", "info", project});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("takes:     2 (not started 2, in progress 0, done 0)"), qPrintable(r.out));
    QVERIFY(r.out.contains("artifacts: 0 (pending 0, accepted 0, rejected 0, edited 0)"));
    QVERIFY(r.out.contains("labelled:  0.0% of 295 frame-part cells"));

    r = cli({"project", "info", project, "--json"});
    QCOMPARE(r.code, 0);
    QJsonObject info = json(r.out);
    QCOMPARE(info["take_count"].toInt(), 2);
    QCOMPARE(info["queue"].toObject()["not_started"].toInt(), 2);
    QCOMPARE(info["artifacts"].toObject()["total"].toInt(), 0);
    const QJsonArray takes = info["takes"].toArray();
    QCOMPARE(takes[0].toObject()["frames"].toInt(), 40);
    QCOMPARE(takes[0].toObject()["fps"].toDouble(), 30.0);
    QCOMPARE(takes[0].toObject()["format"].toString(), QString("BVH"));  // mm::formatName
    QCOMPARE(takes[0].toObject()["sha256"].toString().size(), 64);
    const QString kickPath = takes[0].toObject()["path"].toString();
    QVERIFY(kickPath.endsWith("bandai_kick_40.bvh"));

    // Import: labelled cells land on the matching take.
    const QByteArray labels = QStringLiteral(
        R"({"format":"motionmender-labels","version":1,"takes":[{"path":"%1","fps":30,"frames":40,"runs":[)"
        R"({"part":"torso","start":0,"end":10,"label":"good"},)"
        R"({"part":"left_leg","start":10,"end":20,"label":"bad","type":"foot_skate"}]}]})")
                                  .arg(kickPath)
                                  .toUtf8();
    const QString labelsFile = dir.filePath("in.json");
    QVERIFY(writeFile(labelsFile, labels));
    r = cli({"labels", "import", project, labelsFile});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("imported 20 labelled cells into 1 take"), qPrintable(r.out));
    info = json(cli({"project", "info", project, "--json"}).out);
    QCOMPARE(info["labelled_cells"].toInt(), 20);
    QCOMPARE(info["takes"].toArray()[0].toObject()["labelled_share"].toDouble(), 20.0 / 200.0);

    // Export JSON: the same runs come back, with path and fps.
    const QString outJson = dir.filePath("out.json");
    r = cli({"labels", "export", project, "--format", "json", "-o", outJson});
    QCOMPARE(r.code, 0);
    QJsonObject exported = QJsonDocument::fromJson(fileBytes(outJson)).object();
    QCOMPARE(exported["takes"].toArray().size(), 2);
    const QJsonObject take0 = exported["takes"].toArray()[0].toObject();
    QCOMPARE(take0["path"].toString(), kickPath);
    QCOMPARE(take0["fps"].toDouble(), 30.0);
    QCOMPARE(take0["runs"].toArray(), json(QString::fromUtf8(labels))["takes"].toArray()[0].toObject()["runs"].toArray());

    // One take by id; CSV rows per frame; NPZ is a zip.
    r = cli({"labels", "export", project, "--format", "json", "-o", outJson, "--take", "2"});
    QCOMPARE(r.code, 0);
    exported = QJsonDocument::fromJson(fileBytes(outJson)).object();
    QCOMPARE(exported["takes"].toArray().size(), 1);
    QVERIFY(exported["takes"].toArray()[0].toObject()["path"].toString().endsWith("bandai_wave_tabs.bvh"));
    const QString outCsv = dir.filePath("out.csv");
    QCOMPARE(cli({"labels", "export", project, "-o", outCsv}).code, 0);  // format from the extension
    const QList<QByteArray> lines = fileBytes(outCsv).split('\n');
    QCOMPARE(lines.size(), 1 + 40 + 19 + 1);  // header, rows, the final newline
    QVERIFY(lines[1].endsWith(",0,good,unlabelled,unlabelled,unlabelled,unlabelled,,,,,"));
    QVERIFY(lines[11].endsWith(",10,unlabelled,unlabelled,unlabelled,bad,unlabelled,,,,foot_skate,"));
    const QString outNpz = dir.filePath("out.npz");
    r = cli({"labels", "export", project, "--format", "npz", "-o", outNpz});
    if (r.code == 0)
      QVERIFY(fileBytes(outNpz).startsWith("PK"));
    else
      QVERIFY2(r.code == 1 && r.err.contains("libzip"), qPrintable(r.err));

    r = cli({"labels", "export", project, "--format", "json", "-o", outJson, "--take", "99"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(project) && r.err.contains("no take 99"), qPrintable(r.err));
  }

  void importErrorsNameTheFile() {
    QTemporaryDir dir;
    const QString project = dir.filePath("p.mmproj");
    QCOMPARE(cli({"project", "create", project, testData("bandai_kick_40.bvh")}).code, 0);
    const QByteArray before = fileBytes(project);
    const QString unknown = dir.filePath("unknown.json");
    QVERIFY(writeFile(unknown, R"({"format":"motionmender-labels","version":1,"takes":[{"path":"/x/other.bvh","frames":40,"runs":[]}]})"));
    Run r = cli({"labels", "import", project, unknown});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(unknown) && r.err.contains("matches no take"), qPrintable(r.err));
    const QString frames = dir.filePath("frames.json");
    QVERIFY(writeFile(frames, R"({"format":"motionmender-labels","version":1,"takes":[{"path":"/x/bandai_kick_40.bvh","frames":41,"runs":[]}]})"));
    r = cli({"labels", "import", project, frames});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(frames) && r.err.contains("41 frames"), qPrintable(r.err));
    const QString broken = dir.filePath("broken.json");
    QVERIFY(writeFile(broken, "{\"format\":"));
    r = cli({"labels", "import", project, broken});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(broken), qPrintable(r.err));
    QCOMPARE(fileBytes(project), before);
  }

  // DIR: every readable motion file in it, sorted by name; unreadable ones are skipped with a warning.
  void createFromFolder() {
    QTemporaryDir dir;
    const QString takes = dir.filePath("takes");
    QVERIFY(QDir().mkpath(takes));
    QVERIFY(QFile::copy(testData("bandai_wave_tabs.bvh"), takes + "/b_wave.bvh"));
    QVERIFY(QFile::copy(testData("bandai_kick_40.bvh"), takes + "/a_kick.bvh"));
    QVERIFY(writeFile(takes + "/c_broken.bvh", "HIERARCHY\nnonsense\n"));
    QVERIFY(writeFile(takes + "/notes.txt", "not motion"));
    const QString project = dir.filePath("folder.mmproj");
    Run r = cli({"project", "create", project, takes});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("with 2 takes"), qPrintable(r.out));
    QVERIFY2(r.err.contains("warning: skipped") && r.err.contains("c_broken.bvh"), qPrintable(r.err));
    const QJsonArray list = json(cli({"project", "info", project, "--json"}).out)["takes"].toArray();
    QCOMPARE(list.size(), 2);
    QVERIFY(list[0].toObject()["path"].toString().endsWith("a_kick.bvh"));
    QVERIFY(list[1].toObject()["path"].toString().endsWith("b_wave.bvh"));

    // A take named on the command line must load; the half-made project is not left behind.
    const QString failed = dir.filePath("failed.mmproj");
    r = cli({"project", "create", failed, testData("bandai_kick_40.bvh"), takes + "/c_broken.bvh"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("c_broken.bvh") && r.err.count('\n') == 1, qPrintable(r.err));
    QVERIFY(!QFile::exists(failed));
  }

  void foreignFileIsRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath("notes.mmproj");
    QVERIFY(writeFile(path, "just some text, not a database at all, but long enough to look at"));
    const Run r = cli({"project", "info", path});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(path) && r.err.contains("not a MotionMender project"), qPrintable(r.err));
    QCOMPARE(fileBytes(path), QByteArray("just some text, not a database at all, but long enough to look at"));
  }
#endif
};

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_project.moc"
