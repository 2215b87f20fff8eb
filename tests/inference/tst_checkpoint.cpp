#include "inference/checkpoint.h"
#include "inference/modeltasks.h"
#include "inference/trainer.h"
#include "testutil_inference.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <iterator>

using namespace mm;
using namespace mm::inference;

namespace {

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeAll(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

}  // namespace

class TestCheckpoint : public QObject {
  Q_OBJECT

  QTemporaryDir mDir;
  std::string mModel;  // a tiny trained model

 private Q_SLOTS:
  void initTestCase() {
    TrainOptions o;
    o.clips.push_back(test::walkClip());
    o.config = "tiny";
    o.steps = 2;
    o.corruptedVariants = 0;
    o.out = mModel = (mDir.path() + "/tiny.mmmodel").toStdString();
    const TrainReport r = trainModel(o);
    QVERIFY2(r.ok, r.error.c_str());
  }

  void roundTrip() {
    Checkpoint ck;
    ck.config.name = "custom";
    ck.config.width = 40;
    ck.step = 1234;
    ck.seed = 99;
    ck.note = "note";
    ck.stats.mean.assign(kFeatureCount, 0.5f);
    ck.stats.std.assign(kFeatureCount, 2.0f);
    ck.arrays.push_back({"ema.a", {2, 3}, {1, 2, 3, 4, 5, 6}});
    ck.arrays.push_back({"ema.b", {1}, {-7}});
    const std::string path = (mDir.path() + "/rt.mmmodel").toStdString();
    std::string error;
    QVERIFY2(saveCheckpoint(ck, path, &error), error.c_str());
    Checkpoint back;
    QVERIFY2(loadCheckpoint(path, &back, &error), error.c_str());
    QCOMPARE(back.config.name, std::string("custom"));
    QCOMPARE(back.config.width, 40);
    QCOMPARE(back.step, std::int64_t(1234));
    QCOMPARE(back.seed, std::uint64_t(99));
    QCOMPARE(back.note, std::string("note"));
    QCOMPARE(back.stats.std[7], 2.0f);
    QCOMPARE(back.arrays.size(), size_t(2));
    QCOMPARE(back.arrays[0].shape, (std::vector<std::int64_t>{2, 3}));
    QCOMPARE(back.arrays[0].data[5], 6.0f);
    QCOMPARE(back.arrays[1].data[0], -7.0f);
  }

  void modelLoads() {
    std::string error;
    auto model = MotionModel::load(mModel, "cpu", &error);
    QVERIFY2(model, error.c_str());
    QCOMPARE(model->config().name, std::string("tiny"));
    QCOMPARE(model->trainedSteps(), std::int64_t(2));
  }

  // Every broken file is refused with an error naming it, never a crash.
  void brokenFilesAreRefused_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing" << "cannot open";
    QTest::newRow("empty") << "empty" << "not a MotionMender model";
    QTest::newRow("wrong magic") << "magic" << "not a MotionMender model";
    QTest::newRow("future version") << "version" << "version";
    QTest::newRow("truncated header") << "cut20" << "truncated";
    QTest::newRow("truncated half") << "cuthalf" << "truncated";
    QTest::newRow("last byte missing") << "cut1" << "truncated";
    QTest::newRow("flipped byte") << "flip" << "damaged";
  }
  void brokenFilesAreRefused() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const std::string good = readAll(mModel);
    QVERIFY(good.size() > 1000);
    const std::string path = (mDir.path() + "/broken-" + kind + ".mmmodel").toStdString();
    std::string data = good;
    if (kind == "empty") data.clear();
    if (kind == "magic") data[0] = 'X';
    if (kind == "version") data[8] = 7;
    if (kind == "cut20") data.resize(20);
    if (kind == "cuthalf") data.resize(data.size() / 2);
    if (kind == "cut1") data.pop_back();
    if (kind == "flip") data[data.size() / 2] ^= 0x40;
    if (kind != "missing") writeAll(path, data);
    Checkpoint ck;
    std::string error;
    QVERIFY(!loadCheckpoint(path, &ck, &error));
    QVERIFY2(error.find(path) != std::string::npos, error.c_str());
    QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
    error.clear();
    QVERIFY(!MotionModel::load(path, "cpu", &error));
    QVERIFY2(error.find(path) != std::string::npos, error.c_str());
  }

  void failedSaveKeepsOldFile() {
    Checkpoint ck;  // no statistics: refused before anything is written
    std::string error;
    QVERIFY(!saveCheckpoint(ck, mModel, &error));
    QVERIFY(error.find(mModel) != std::string::npos);
    QVERIFY(MotionModel::load(mModel, "cpu", &error));
  }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
