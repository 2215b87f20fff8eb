#include "app/gui/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace mm::app {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), mMenu(menu) {
  connect(menu, &QMenu::aboutToShow, this, &RecentFiles::rebuild);
  rebuild();
}

QStringList RecentFiles::files() const {
  QStringList out;
  for (const QString& f : QSettings().value(kKey).toStringList())
    if (QFileInfo::exists(f)) out << f;
  return out;
}

void RecentFiles::add(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  QStringList list = QSettings().value(kKey).toStringList();
  list.removeAll(abs);
  list.prepend(abs);
  while (list.size() > kMax) list.removeLast();
  QSettings().setValue(kKey, list);
  rebuild();
}

void RecentFiles::rebuild() {
  mMenu->clear();
  const QStringList list = files();
  int n = 1;
  for (const QString& f : list) {
    // &1..&9 as accelerators, the full path as the tool tip.
    const QString text = n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(QFileInfo(f).fileName())
                                : QFileInfo(f).fileName();
    QAction* a = mMenu->addAction(text, this, [this, f] { Q_EMIT openRequested(f); });
    a->setToolTip(QDir::toNativeSeparators(f));
    ++n;
  }
  if (list.isEmpty()) mMenu->addAction(tr("No recent files"))->setEnabled(false);
  mMenu->addSeparator();
  mMenu->addAction(tr("Clear Menu"), this, [this] {
    QSettings().remove(kKey);
    rebuild();
  })->setEnabled(!list.isEmpty());
}

}  // namespace mm::app
