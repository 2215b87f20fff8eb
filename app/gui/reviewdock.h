#pragma once
// The artifact review dock: the document's artifacts in a sortable table
// filtered by type and decision, with the review actions beside it. Selecting
// a row reviews that artifact (play head to its start, its proposal shown as
// the ghost and the change curve); the actions themselves are the window's
// (N, Shift+N, A, R, ...), placed here as buttons.

#include <QDockWidget>

class QComboBox;
class QTableView;

namespace mm::editor {
class ArtifactListModel;
class Document;
}  // namespace mm::editor

namespace mm::app {

class ArtifactFilter;

class ReviewDock : public QDockWidget {
  Q_OBJECT
 public:
  ReviewDock(editor::Document* doc, QWidget* parent = nullptr);

  // Buttons for these actions, in this order (null entries: a separator).
  void addActions(const QList<QAction*>& actions);

  QTableView* table() const { return mTable; }
  ArtifactFilter* filter() const { return mFilter; }
  editor::ArtifactListModel* model() const { return mModel; }
  QComboBox* typeFilter() const { return mType; }
  QComboBox* decisionFilter() const { return mDecision; }

 private:
  void showReviewed(int id);
  void onRowSelected();

  editor::Document* mDoc;
  editor::ArtifactListModel* mModel;
  ArtifactFilter* mFilter;
  QTableView* mTable;
  QComboBox* mType;
  QComboBox* mDecision;
  QWidget* mButtons;
  bool mSyncing = false;
};

}  // namespace mm::app
