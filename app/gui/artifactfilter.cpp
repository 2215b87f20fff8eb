#include "app/gui/artifactfilter.h"

#include "editor/artifactlistmodel.h"

namespace mm::app {

ArtifactFilter::ArtifactFilter(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(editor::ArtifactListModel::SortRole);
  setDynamicSortFilter(true);
}

void ArtifactFilter::setType(int type) {
  if (type == mType) return;
  mType = type;
  invalidateFilter();
}

void ArtifactFilter::setDecision(int decision) {
  if (decision == mDecision) return;
  mDecision = decision;
  invalidateFilter();
}

bool ArtifactFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
  const QModelIndex i = sourceModel()->index(row, 0, parent);
  if (mType >= 0 && i.data(editor::ArtifactListModel::TypeRole).toInt() != mType) return false;
  if (mDecision >= 0 && i.data(editor::ArtifactListModel::DecisionRole).toInt() != mDecision) return false;
  return true;
}

}  // namespace mm::app
