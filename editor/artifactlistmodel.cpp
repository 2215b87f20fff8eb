#include "editor/artifactlistmodel.h"

#include "editor/displaynames.h"
#include "editor/qualitycolors.h"

#include "editor/document.h"

#include <algorithm>

namespace mm::editor {

ArtifactListModel::ArtifactListModel(Document* doc, QObject* parent) : QAbstractTableModel(parent), mDoc(doc) {
  mRows = static_cast<int>(mDoc->artifacts().size());
  connect(mDoc, &Document::artifactsReset, this, [this] {
    beginResetModel();
    mRows = static_cast<int>(mDoc->artifacts().size());
    endResetModel();
  });
  connect(mDoc, &Document::artifactChanged, this, &ArtifactListModel::onChanged);
  connect(mDoc, &Document::proposalChanged, this, [this](int id) {
    const int row = rowOf(id);
    if (row >= 0) Q_EMIT dataChanged(index(row, Method), index(row, Change));
  });
  connect(mDoc, &Document::proposalsAdded, this, [this](const QVector<int>& ids) {
    int lo = mRows, hi = -1;
    for (int id : ids) {
      const int row = rowOf(id);
      if (row < 0) continue;
      lo = std::min(lo, row);
      hi = std::max(hi, row);
    }
    if (lo <= hi) Q_EMIT dataChanged(index(lo, Method), index(hi, Change));
  });
  connect(mDoc, &Document::artifactRemoved, this, [this](int) {
    // The row is gone from the document already: rebuild (removal is rare: undo of an add).
    beginResetModel();
    mRows = static_cast<int>(mDoc->artifacts().size());
    endResetModel();
  });
}

void ArtifactListModel::onChanged(int id) {
  const int row = rowOf(id);
  const int n = static_cast<int>(mDoc->artifacts().size());
  if (n != mRows) {  // inserted
    beginInsertRows({}, row, row);
    mRows = n;
    endInsertRows();
    return;
  }
  if (row >= 0) Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ArtifactListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : mRows; }

int ArtifactListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int ArtifactListModel::idAt(int row) const {
  if (row < 0 || row >= static_cast<int>(mDoc->artifacts().size())) return 0;
  return mDoc->artifacts()[static_cast<size_t>(row)].id;
}

int ArtifactListModel::rowOf(int id) const { return mDoc->artifactIndex(id); }

QVariant ArtifactListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(mDoc->artifacts().size())) return {};
  const Artifact& a = mDoc->artifacts()[static_cast<size_t>(index.row())];
  if (role == IdRole) return a.id;
  const Proposal* p = mDoc->proposal(a.id);
  if (role == SortRole) {
    switch (index.column()) {
      case Frames: return a.start;
      case Severity: return a.severity;
      case Change: return p ? p->maxChangeMm() : -1.0;
      default: break;
    }
    role = Qt::DisplayRole;
  }
  if (role == Qt::DecorationRole && index.column() == Type) return artifactTypeColor(a.type);
  if (role == TypeRole) return static_cast<int>(a.type);
  if (role == DecisionRole) return static_cast<int>(a.decision);
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  switch (index.column()) {
    case Type: return artifactTypeTitle(a.type);
    case Frames: return tr("%1-%2").arg(a.start).arg(a.end - 1);
    case Parts: return partMaskTitle(a.partMask);
    case Severity: return QString::number(a.severity, 'f', 2);
    case Method: return p ? p->method : QString();
    case Change: return p ? tr("%1 mm").arg(p->maxChangeMm(), 0, 'f', 1) : QString();
    case Decision: return decisionTitle(a.decision);
  }
  return {};
}

QVariant ArtifactListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Type: return tr("Type");
    case Frames: return tr("Frames");
    case Parts: return tr("Parts");
    case Severity: return tr("Severity");
    case Method: return tr("Method");
    case Change: return tr("Change");
    case Decision: return tr("Decision");
  }
  return {};
}

}  // namespace mm::editor
