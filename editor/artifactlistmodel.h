#pragma once
// The document's artifacts as a table for views (the review dock): type,
// frames, parts, severity, proposed method and largest change, decision.
// Follows the document's typed signals: one changed artifact updates one row.

#include <QAbstractTableModel>

namespace mm::editor {

class Document;

class ArtifactListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Type, Frames, Parts, Severity, Method, Change, Decision, ColumnCount };
  // Extra roles: the artifact id, and sort keys (numbers for frames / severity).
  enum Role { IdRole = Qt::UserRole + 1, SortRole, TypeRole, DecisionRole };

  explicit ArtifactListModel(Document* doc, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  int idAt(int row) const;
  int rowOf(int id) const;

 private:
  void onChanged(int id);
  Document* mDoc;
  int mRows = 0;
};

}  // namespace mm::editor
