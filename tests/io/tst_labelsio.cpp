// io/labelsio: labels JSON round trips, the CSV's rows, and the NPZ as NumPy
// itself reads it (skipped with a message where python3 + numpy are missing).
#include "common/textfile.h"
#include "io/labelsio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mm;
using mm::test::readText;

namespace {

std::vector<TakeLabels> sampleTakes() {
  TakeLabels a;
  a.path = "/takes/kick, take 1.bvh";  // a comma: the CSV must quote it
  a.fps = 30;
  a.labels = QualityLabels(12);
  a.labels.fill(0, 4, 0x1f, QualityLabel::Good);
  a.labels.fill(4, 7, 1u << bodyPartIndex(BodyPart::LeftArm), QualityLabel::Bad, ArtifactType::Pop);
  a.labels.fill(7, 9, 1u << bodyPartIndex(BodyPart::RightLeg), QualityLabel::Bad);
  a.labels.set(11, BodyPart::Torso, QualityLabel::Unsure);
  TakeLabels b;
  b.path = "/takes/\xe6\xad\xa9\xe3\x81\x8f.bvh";  // non-ASCII (UTF-8)
  b.fps = 119.88;
  b.labels = QualityLabels(5);
  b.labels.fill(1, 5, 0x18, QualityLabel::Bad, ArtifactType::FootSkate);
  return {a, b};
}

// The first python3 that imports numpy ("" if none): PATH first, then the system one.
QString pythonWithNumpy() {
  for (const QString& exe : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
    QProcess p;
    p.start(exe, {"-c", "import numpy"});
    if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) return exe;
  }
  return {};
}

// Every array of an NPZ as {name: {"dtype", "shape", "values"}}, as NumPy reads it.
QJsonObject readNpz(const QString& python, const QString& path) {
  const char* script =
      "import json, sys, numpy\n"
      "d = numpy.load(sys.argv[1])\n"
      "out = {}\n"
      "for k in d.files:\n"
      "    a = d[k]\n"
      "    v = a.tolist()\n"
      "    if isinstance(v, bytes): v = v.decode('utf-8', 'replace')\n"
      "    out[k] = {'dtype': a.dtype.str, 'shape': list(a.shape), 'values': v}\n"
      "print(json.dumps(out))\n";
  QProcess p;
  p.start(python, {"-c", script, path});
  if (!p.waitForFinished(60000) || p.exitCode() != 0) {
    qWarning() << p.readAllStandardError();
    return {};
  }
  return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QJsonArray flatValues(const QualityLabels& l, bool types) {
  QJsonArray rows;
  const auto& v = types ? l.typeCodes() : l.values();
  for (int f = 0; f < l.frameCount(); ++f) {
    QJsonArray row;
    for (int k = 0; k < kBodyPartCount; ++k) row.append(int(v[f * kBodyPartCount + k]));
    rows.append(row);
  }
  return rows;
}

}  // namespace

class TestLabelsIo : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void jsonRoundTrip() {
    const std::vector<TakeLabels> takes = sampleTakes();
    QTemporaryDir dir;
    const std::string path = dir.filePath("labels.json").toStdString();
    QVERIFY(writeLabelsJson(path, takes).ok);
    std::vector<TakeLabels> back;
    IoError error;
    QVERIFY2(readLabelsJson(path, &back, &error), error.toString().c_str());
    QCOMPARE(back.size(), takes.size());
    for (size_t i = 0; i < takes.size(); ++i) {
      QCOMPARE(back[i].path, takes[i].path);
      QCOMPARE(back[i].fps, takes[i].fps);
      QVERIFY(back[i].labels == takes[i].labels);
    }
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(readText(dir.filePath("labels.json")))).object();
    QCOMPARE(o["format"].toString(), QString("motionmender-labels"));
    QCOMPARE(o["parts"].toArray().size(), 5);
    QCOMPARE(o["artifact_types"].toArray().size(), kArtifactTypeCount);
    // Runs are part-major: torso good [0,4), torso unsure [11,12), left arm good [0,4), left arm bad [4,7).
    const QJsonObject run = o["takes"].toArray()[0].toObject()["runs"].toArray()[3].toObject();
    QCOMPARE(run["part"].toString(), QString("left_arm"));
    QCOMPARE(run["type"].toString(), QString("pop"));
    QCOMPARE(run["start"].toInt(), 4);
    QCOMPARE(run["end"].toInt(), 7);
  }

  void jsonErrorsNameFileAndPlace_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString head = R"({"format":"motionmender-labels","version":1,"takes":[{"path":"a.bvh","frames":10,"runs":[)";
    QTest::newRow("not json") << "[1,2" << "not a JSON object";
    QTest::newRow("foreign") << R"({"file":"x"})" << "not a labels file";
    QTest::newRow("newer") << R"({"format":"motionmender-labels","version":9,"takes":[]})" << "newer";
    QTest::newRow("part") << head + R"({"part":"tail","start":0,"end":2,"label":"good"}]}]})" << "take 0 run 0: unknown part 'tail'";
    QTest::newRow("range") << head + R"({"part":"torso","start":5,"end":11,"label":"good"}]}]})" << "not inside the take's 10 frames";
    QTest::newRow("type on good") << head + R"({"part":"torso","start":0,"end":1,"label":"good","type":"pop"}]}]})"
                                  << "only a \"bad\" run";
    QTest::newRow("type") << head + R"({"part":"torso","start":0,"end":1,"label":"bad","type":"wobble"}]}]})"
                          << "unknown artifact type";
  }
  void jsonErrorsNameFileAndPlace() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    std::vector<TakeLabels> out(1);
    IoError error;
    QVERIFY(!parseLabelsJson(text.toStdString(), "in.json", &out, &error));
    const QString message = QString::fromStdString(error.toString());
    QVERIFY2(message.startsWith("in.json: ") && message.contains(expected), qPrintable(message));
    QCOMPARE(out.size(), size_t(1));  // untouched
  }

  void csvContent() {
    const std::string csv = labelsCsv(sampleTakes());
    const QStringList lines = QString::fromStdString(csv).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 12 + 5);
    QCOMPARE(lines[0], QString("take,path,fps,frame,torso,left_arm,right_arm,left_leg,right_leg,"
                               "torso_type,left_arm_type,right_arm_type,left_leg_type,right_leg_type"));
    QCOMPARE(lines[1], QString("0,\"/takes/kick, take 1.bvh\",30,0,good,good,good,good,good,,,,,"));
    QCOMPARE(lines[5], QString("0,\"/takes/kick, take 1.bvh\",30,4,unlabelled,bad,unlabelled,unlabelled,unlabelled,,pop,,,"));
    QCOMPARE(lines[8], QString("0,\"/takes/kick, take 1.bvh\",30,7,unlabelled,unlabelled,unlabelled,unlabelled,bad,,,,,"));
    QCOMPARE(lines[12], QString("0,\"/takes/kick, take 1.bvh\",30,11,unsure,unlabelled,unlabelled,unlabelled,unlabelled,,,,,"));
    QVERIFY(lines[14].startsWith("1,/takes/"));
    QVERIFY2(lines[14].endsWith(",119.88,1,unlabelled,unlabelled,unlabelled,bad,bad,,,,foot_skate,foot_skate"),
             qPrintable(lines[14]));
  }

  void npzAsNumpyReadsIt() {
    if (!labelsNpzAvailable()) QSKIP("this build has no libzip: NPZ export is off");
    const QString python = pythonWithNumpy();
    if (python.isEmpty()) QSKIP("python3 with numpy not found: NPZ contents not checked");
    const std::vector<TakeLabels> takes = sampleTakes();
    QTemporaryDir dir;

    // One take: the arrays at the top.
    const QString one = dir.filePath("one.npz");
    const SaveResult r1 = writeLabelsNpz(one.toStdString(), {takes[0]});
    QVERIFY2(r1.ok, r1.error.toString().c_str());
    QJsonObject o = readNpz(python, one);
    QVERIFY(!o.isEmpty());
    QCOMPARE(o["labels"].toObject()["dtype"].toString(), QString("|u1"));
    QCOMPARE(o["labels"].toObject()["shape"].toArray(), (QJsonArray{12, 5}));
    QCOMPARE(o["labels"].toObject()["values"].toArray(), flatValues(takes[0].labels, false));
    QCOMPARE(o["types"].toObject()["dtype"].toString(), QString("|u1"));
    QCOMPARE(o["types"].toObject()["values"].toArray(), flatValues(takes[0].labels, true));
    QCOMPARE(o["types"].toObject()["values"].toArray()[4].toArray()[1].toInt(), int(ArtifactType::Pop));
    QCOMPARE(o["types"].toObject()["values"].toArray()[0].toArray()[0].toInt(), 255);
    QCOMPARE(o["fps"].toObject()["dtype"].toString(), QString("<f8"));
    QCOMPARE(o["fps"].toObject()["shape"].toArray(), QJsonArray());
    QCOMPARE(o["fps"].toObject()["values"].toDouble(), 30.0);
    QVERIFY(o["path"].toObject()["dtype"].toString().startsWith("<U"));
    QCOMPARE(o["path"].toObject()["values"].toString(), QString::fromStdString(takes[0].path));
    QCOMPARE(o["parts"].toObject()["values"].toArray(),
             (QJsonArray{"torso", "left_arm", "right_arm", "left_leg", "right_leg"}));
    QCOMPARE(o["type_names"].toObject()["values"].toArray().size(), kArtifactTypeCount);
    QCOMPARE(o["type_names"].toObject()["values"].toArray()[3].toString(), QString("foot_skate"));
    QCOMPARE(o["label_names"].toObject()["values"].toArray()[2].toString(), QString("bad"));

    // Several takes: one prefixed set each.
    const QString many = dir.filePath("many.npz");
    QVERIFY(writeLabelsNpz(many.toStdString(), takes).ok);
    o = readNpz(python, many);
    QCOMPARE(o["take0/labels"].toObject()["values"].toArray(), flatValues(takes[0].labels, false));
    QCOMPARE(o["take1/labels"].toObject()["shape"].toArray(), (QJsonArray{5, 5}));
    QCOMPARE(o["take1/types"].toObject()["values"].toArray(), flatValues(takes[1].labels, true));
    QCOMPARE(o["take1/fps"].toObject()["values"].toDouble(), 119.88);
    QCOMPARE(o["take1/path"].toObject()["values"].toString(), QString::fromUtf8(takes[1].path.c_str()));
    QVERIFY(o.contains("parts") && !o.contains("labels"));
  }

  // A path that is not UTF-8 (raw bytes from a file system) never throws:
  // JSON replaces the bad bytes, NPZ keeps them as a bytes array.
  void nonUtf8Path() {
    TakeLabels t;
    t.path = "/takes/\xff\xfe.bvh";
    t.labels = QualityLabels(3);
    const std::string json = labelsJson({t});
    QVERIFY(json.find("/takes/") != std::string::npos);
    if (!labelsNpzAvailable()) return;
    QTemporaryDir dir;
    const QString npz = dir.filePath("raw.npz");
    QVERIFY(writeLabelsNpz(npz.toStdString(), {t}).ok);
    const QString python = pythonWithNumpy();
    if (python.isEmpty()) return;
    QVERIFY(readNpz(python, npz)["path"].toObject()["dtype"].toString().startsWith("|S"));
  }

  // A failed export names the file and leaves no file behind.
  void writeFailureNamesFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("no/such/folder/labels.json").toStdString();
    const SaveResult r = writeLabelsJson(path, sampleTakes());
    QVERIFY(!r.ok);
    QVERIFY2(QString::fromStdString(r.error.toString()).contains("labels.json"), r.error.toString().c_str());
  }

  void formatNames() {
    QCOMPARE(parseLabelsFormat("NPZ"), std::optional<LabelsFormat>(LabelsFormat::Npz));
    QCOMPARE(parseLabelsFormat("json"), std::optional<LabelsFormat>(LabelsFormat::Json));
    QVERIFY(!parseLabelsFormat("xml"));
  }
};

QTEST_GUILESS_MAIN(TestLabelsIo)
#include "tst_labelsio.moc"
