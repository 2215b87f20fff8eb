#pragma once
// The review table's filter: shows the artifacts of one type and / or one
// decision (or all), sorted on the model's numeric sort keys.

#include <QSortFilterProxyModel>

namespace mm::app {

class ArtifactFilter : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit ArtifactFilter(QObject* parent = nullptr);
  // -1: any.
  void setType(int type);
  void setDecision(int decision);
  int type() const { return mType; }
  int decision() const { return mDecision; }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

 private:
  int mType = -1;
  int mDecision = -1;
};

}  // namespace mm::app
