#pragma once
// The labelling queue of the open project: its takes with their status,
// "37 of 250 done", and the actions that move through it (open the
// previous / next take, mark the current one done). Double-click opens a take.

#include <QDockWidget>

class QHBoxLayout;
class QLabel;
class QTableView;

namespace mm::editor {
class ProjectSession;
class TakeQueueModel;
}  // namespace mm::editor

namespace mm::app {

class TakeQueueDock : public QDockWidget {
  Q_OBJECT
 public:
  TakeQueueDock(editor::ProjectSession* session, QWidget* parent = nullptr);
  void addActions(const QList<QAction*>& actions);
  editor::TakeQueueModel* model() const { return mModel; }
  QTableView* table() const { return mTable; }
  QLabel* progressLabel() const { return mProgress; }

 Q_SIGNALS:
  void takeActivated(int takeId);

 private:
  void refresh();

  editor::ProjectSession* mSession;
  editor::TakeQueueModel* mModel;
  QTableView* mTable;
  QLabel* mProgress;
  QHBoxLayout* mButtons;
};

}  // namespace mm::app
