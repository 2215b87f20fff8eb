#pragma once
// A data folder of two labelled takes in the Bandai layout (ds1/ with
// content_label.txt, style_label.txt and a .json beside each take: walk and
// kick, style normal), from the fixtures, for training a tiny
// text-conditioned model in tests (`train --text`).

#include <QDir>
#include <QFile>
#include <QString>

namespace mm::test {

// Writes DIR/ds1/...; returns DIR ("" when a fixture is missing).
inline QString writeLabelledTakes(const QString& dir) {
  const QString ds1 = dir + "/ds1";
  QDir().mkpath(ds1);
  auto write = [](const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
  };
  // The first 14 content labels of ds1 (kick is 13) and its first style.
  const QByteArray content =
      "dataset-1_walk\ndataset-1_run\ndataset-1_dash\ndataset-1_walk-back\ndataset-1_walk-left\n"
      "dataset-1_walk-right\ndataset-1_bow\ndataset-1_bye\ndataset-1_guide\ndataset-1_byebye\n"
      "dataset-1_respond\ndataset-1_call\ndataset-1_punch\ndataset-1_kick\n";
  bool ok = write(ds1 + "/content_label.txt", content) && write(ds1 + "/style_label.txt", "dataset-1_normal\n");
  ok = ok && QFile::copy(QStringLiteral(MM_SOURCE_DIR "/resources/samples/bandai_walk_normal.bvh"),
                         ds1 + "/dataset-1_walk_normal_001.bvh");
  ok = ok && write(ds1 + "/dataset-1_walk_normal_001.json", "{\"content\": 0, \"style\": 0}");
  ok = ok && QFile::copy(QStringLiteral(MM_SOURCE_DIR "/tests/data/bandai_kick_40.bvh"),
                         ds1 + "/dataset-1_kick_normal_001.bvh");
  ok = ok && write(ds1 + "/dataset-1_kick_normal_001.json", "{\"content\": 13, \"style\": 0}");
  return ok ? dir : QString();
}

}  // namespace mm::test
