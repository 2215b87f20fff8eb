#include "app/gui/taskstatus.h"

#include "editor/taskrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace mm::app {

TaskStatus::TaskStatus(editor::TaskRunner* runner, QWidget* parent) : QWidget(parent), mRunner(runner) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  mLabel = new QLabel(this);
  mBar = new QProgressBar(this);
  mBar->setRange(0, 1000);
  mBar->setTextVisible(true);
  mBar->setFixedWidth(180);
  mCancel = new QToolButton(this);
  mCancel->setText(tr("Cancel"));
  mCancel->setToolTip(tr("Stop the running task (Esc)"));
  mCancel->setObjectName(QStringLiteral("cancelTask"));
  layout->addWidget(mLabel);
  layout->addWidget(mBar);
  layout->addWidget(mCancel);
  connect(mCancel, &QToolButton::clicked, this, &TaskStatus::cancel);
  connect(runner, &editor::TaskRunner::started, this, &TaskStatus::onStarted);
  connect(runner, &editor::TaskRunner::progress, this, &TaskStatus::onProgress);
  connect(runner, &editor::TaskRunner::finished, this, [this](int id) { onEnded(id); });
  connect(runner, &editor::TaskRunner::failed, this, [this](int id) { onEnded(id); });
  connect(runner, &editor::TaskRunner::cancelled, this, &TaskStatus::onEnded);
  setVisible(false);
}

void TaskStatus::cancel() {
  if (mRunner->isBusy()) mRunner->cancelAll();
}

void TaskStatus::onStarted(int id, const QString& name) {
  mTask = id;
  mLabel->setText(name);
  mBar->setValue(0);
  mBar->setFormat(QStringLiteral("%p%"));
  setVisible(true);
}

void TaskStatus::onProgress(int id, double fraction) {
  if (id == mTask) mBar->setValue(static_cast<int>(fraction * 1000.0 + 0.5));
}

void TaskStatus::onEnded(int id) {
  if (id == mTask) mTask = 0;
  if (!mRunner->isBusy()) setVisible(false);
}

}  // namespace mm::app
