#pragma once
// File > Recent Files: the last motion files and projects opened, kept in
// QSettings, newest first, missing files dropped when the menu opens.

#include <QObject>
#include <QStringList>

class QMenu;

namespace mm::app {

class RecentFiles : public QObject {
  Q_OBJECT
 public:
  RecentFiles(QMenu* menu, QObject* parent = nullptr);
  void add(const QString& path);
  QStringList files() const;

 Q_SIGNALS:
  void openRequested(const QString& path);

 private:
  void rebuild();
  QMenu* mMenu;
  static constexpr int kMax = 10;
};

}  // namespace mm::app
