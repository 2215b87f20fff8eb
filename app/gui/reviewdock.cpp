#include "app/gui/reviewdock.h"

#include "app/gui/artifactfilter.h"
#include "editor/artifactlistmodel.h"
#include "editor/displaynames.h"
#include "editor/document.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mm::app {

ReviewDock::ReviewDock(editor::Document* doc, QWidget* parent)
    : QDockWidget(tr("Artifacts"), parent), mDoc(doc) {
  setObjectName(QStringLiteral("reviewDock"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);

  auto* filters = new QHBoxLayout;
  mType = new QComboBox(body);
  mType->setObjectName(QStringLiteral("typeFilter"));
  mType->addItem(tr("All types"), -1);
  for (int t = 0; t < kArtifactTypeCount; ++t)
    mType->addItem(editor::artifactTypeTitle(static_cast<ArtifactType>(t)), t);
  mDecision = new QComboBox(body);
  mDecision->setObjectName(QStringLiteral("decisionFilter"));
  mDecision->addItem(tr("All decisions"), -1);
  for (int d = 0; d < 4; ++d) mDecision->addItem(editor::decisionTitle(static_cast<editor::Decision>(d)), d);
  filters->addWidget(new QLabel(tr("Show:"), body));
  filters->addWidget(mType, 1);
  filters->addWidget(mDecision, 1);
  layout->addLayout(filters);

  mModel = new editor::ArtifactListModel(doc, this);
  mFilter = new ArtifactFilter(this);
  mFilter->setSourceModel(mModel);
  mTable = new QTableView(body);
  mTable->setObjectName(QStringLiteral("artifactTable"));
  mTable->setModel(mFilter);
  mTable->setSortingEnabled(true);
  mTable->sortByColumn(editor::ArtifactListModel::Frames, Qt::AscendingOrder);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->setSelectionMode(QAbstractItemView::SingleSelection);
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->verticalHeader()->hide();
  mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 6);
  mTable->horizontalHeader()->setStretchLastSection(true);
  mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // Column widths from the first rows only: with every row measured, each
  // arriving proposal re-measured hundreds of rows on the GUI thread.
  mTable->horizontalHeader()->setResizeContentsPrecision(50);
  mTable->setAlternatingRowColors(true);
  // Keys (A, R, N) belong to the window's actions, not to keyboard search.
  mTable->setTabKeyNavigation(false);
  layout->addWidget(mTable, 1);

  mButtons = new QWidget(body);
  layout->addWidget(mButtons);
  setWidget(body);

  connect(mType, &QComboBox::currentIndexChanged, this, [this] { mFilter->setType(mType->currentData().toInt()); });
  connect(mDecision, &QComboBox::currentIndexChanged, this,
          [this] { mFilter->setDecision(mDecision->currentData().toInt()); });
  connect(mTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReviewDock::onRowSelected);
  connect(doc, &editor::Document::reviewedArtifactChanged, this, &ReviewDock::showReviewed);
}

void ReviewDock::addActions(const QList<QAction*>& actions) {
  auto* grid = new QGridLayout(mButtons);
  grid->setContentsMargins(0, 0, 0, 0);
  int i = 0;
  for (QAction* a : actions) {
    if (!a) continue;
    auto* b = new QToolButton(mButtons);
    b->setDefaultAction(a);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    b->setFocusPolicy(Qt::NoFocus);
    grid->addWidget(b, i / 3, i % 3);
    ++i;
  }
}

void ReviewDock::onRowSelected() {
  if (mSyncing) return;
  const QModelIndex current = mTable->selectionModel()->currentIndex();
  if (!current.isValid()) return;
  const int id = current.data(editor::ArtifactListModel::IdRole).toInt();
  const editor::Artifact* a = mDoc->artifact(id);
  if (!a) return;
  mSyncing = true;
  mDoc->setReviewedArtifact(id);
  mDoc->setCurrentFrame(a->start);
  mSyncing = false;
}

void ReviewDock::showReviewed(int id) {
  if (mSyncing) return;
  const int row = mModel->rowOf(id);
  if (row < 0) return;
  const QModelIndex i = mFilter->mapFromSource(mModel->index(row, 0));
  if (!i.isValid()) return;
  mSyncing = true;
  mTable->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  mTable->scrollTo(i);
  mSyncing = false;
}

}  // namespace mm::app
