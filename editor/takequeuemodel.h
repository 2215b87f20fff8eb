#pragma once
// The project's takes in queue order for the labelling queue: file name,
// frames, duration and status; "37 of 250 done" comes from doneCount().

#include "editor/projectdatabase.h"

#include <QAbstractTableModel>

#include <vector>

namespace mm::editor {

class ProjectSession;

class TakeQueueModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Name, Frames, Status, ColumnCount };
  enum Role { IdRole = Qt::UserRole + 1 };
  explicit TakeQueueModel(ProjectSession* session, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  int doneCount() const;
  int takeCount() const { return static_cast<int>(mTakes.size()); }
  QString progressText() const;  // "37 of 250 done"

 public Q_SLOTS:
  void reload();

 private:
  ProjectSession* mSession;
  std::vector<ProjectTake> mTakes;
  int mCurrent = 0;
};

}  // namespace mm::editor
