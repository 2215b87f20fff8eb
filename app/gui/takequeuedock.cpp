#include "app/gui/takequeuedock.h"

#include "editor/projectsession.h"
#include "editor/takequeuemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mm::app {

TakeQueueDock::TakeQueueDock(editor::ProjectSession* session, QWidget* parent)
    : QDockWidget(tr("Take Queue"), parent), mSession(session) {
  setObjectName(QStringLiteral("takeQueueDock"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);
  mProgress = new QLabel(body);
  mProgress->setObjectName(QStringLiteral("queueProgress"));
  layout->addWidget(mProgress);
  mModel = new editor::TakeQueueModel(session, this);
  mTable = new QTableView(body);
  mTable->setObjectName(QStringLiteral("takeTable"));
  mTable->setModel(mModel);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->setSelectionMode(QAbstractItemView::SingleSelection);
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->verticalHeader()->hide();
  mTable->horizontalHeader()->setStretchLastSection(true);
  mTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  layout->addWidget(mTable, 1);
  mButtons = new QHBoxLayout;
  layout->addLayout(mButtons);
  setWidget(body);

  connect(mTable, &QTableView::activated, this, [this](const QModelIndex& i) {
    Q_EMIT takeActivated(i.data(editor::TakeQueueModel::IdRole).toInt());
  });
  connect(mModel, &QAbstractItemModel::modelReset, this, &TakeQueueDock::refresh);
  connect(mModel, &QAbstractItemModel::dataChanged, this, &TakeQueueDock::refresh);
  refresh();
}

void TakeQueueDock::addActions(const QList<QAction*>& actions) {
  for (QAction* a : actions) {
    auto* b = new QToolButton(widget());
    b->setDefaultAction(a);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setFocusPolicy(Qt::NoFocus);
    mButtons->addWidget(b);
  }
  mButtons->addStretch(1);
}

void TakeQueueDock::refresh() {
  mProgress->setText(mSession->isOpen() ? mModel->progressText() : tr("No project open"));
}

}  // namespace mm::app
