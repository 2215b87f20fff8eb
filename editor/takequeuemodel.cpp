#include "editor/takequeuemodel.h"

#include "editor/projectsession.h"

#include <QFileInfo>
#include <QFont>

namespace mm::editor {

TakeQueueModel::TakeQueueModel(ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), mSession(session) {
  connect(session, &ProjectSession::takesChanged, this, &TakeQueueModel::reload);
  connect(session, &ProjectSession::currentTakeChanged, this, [this](int id) {
    mCurrent = id;
    if (!mTakes.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
  });
  reload();
}

void TakeQueueModel::reload() {
  beginResetModel();
  mTakes = mSession->database() ? mSession->database()->takes() : std::vector<ProjectTake>{};
  mCurrent = mSession->currentTake();
  endResetModel();
}

int TakeQueueModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(mTakes.size());
}

int TakeQueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TakeQueueModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const ProjectTake& t = mTakes[static_cast<size_t>(index.row())];
  if (role == IdRole) return t.id;
  if (role == Qt::FontRole && t.id == mCurrent) {
    QFont f;
    f.setBold(true);
    return f;
  }
  if (role == Qt::ToolTipRole) return t.sourcePath;
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Name: return QFileInfo(t.sourcePath).fileName();
    case Frames: return tr("%1 (%2 s)").arg(t.frames).arg(t.fps > 0 ? t.frames / t.fps : 0.0, 0, 'f', 1);
    case Status:
      switch (t.status) {
        case QueueStatus::NotStarted: return tr("not started");
        case QueueStatus::InProgress: return tr("in progress");
        case QueueStatus::Done: return tr("done");
      }
  }
  return {};
}

QVariant TakeQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Name: return tr("Take");
    case Frames: return tr("Frames");
    case Status: return tr("Status");
  }
  return {};
}

int TakeQueueModel::doneCount() const {
  int n = 0;
  for (const ProjectTake& t : mTakes) n += t.status == QueueStatus::Done;
  return n;
}

QString TakeQueueModel::progressText() const { return tr("%1 of %2 done").arg(doneCount()).arg(takeCount()); }

}  // namespace mm::editor
