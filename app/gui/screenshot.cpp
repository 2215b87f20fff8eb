#include "app/gui/screenshot.h"

#include "app/gui/mainwindow.h"
#include "viewport/skeletonview.h"

#include <Qt3DRender/QRenderCaptureReply>
#include <QPainter>
#include <QPixmap>

#include <utility>

namespace mm::app {

namespace {
// Qt 3D loads meshes and compiles shaders over its first frames, and the
// capture of a frame may still lack them. Two identical frames in a row are
// not enough: an entity enabled late (the proposal ghost, whose translucent
// material is compiled when first drawn) is missing from several identical
// frames before it appears. So the view is complete once its frames have
// stayed identical for kSettleMs. A cap keeps a view that never settles (an
// animated material one day) from hanging the command.
constexpr int kSettleMs = 1000;
constexpr int kMaxCaptures = 400;
constexpr int kTimeoutMs = 30000;
}  // namespace

Screenshot::Screenshot(MainWindow* window, QString outputPath, QObject* parent)
    : QObject(parent), mWindow(window), mOutputPath(std::move(outputPath)) {
  mWatchdog.setSingleShot(true);
  mWatchdog.setInterval(kTimeoutMs);
  connect(&mWatchdog, &QTimer::timeout, this,
          [this] { fail(tr("the 3D view rendered no frame within %1 s").arg(kTimeoutMs / 1000)); });
}

void Screenshot::start() {
  mWatchdog.start();
  capture();
}

void Screenshot::capture() {
  Qt3DRender::QRenderCaptureReply* reply = mWindow->skeletonView()->requestCapture();
  reply->setParent(this);
  connect(reply, &Qt3DRender::QRenderCaptureReply::completed, this, &Screenshot::onCaptured);
}

void Screenshot::onCaptured() {
  auto* reply = qobject_cast<Qt3DRender::QRenderCaptureReply*>(sender());
  if (!reply || mDone) return;
  const QImage image = reply->image();
  reply->deleteLater();
  ++mCaptures;
  if (!mPrevious.isNull() && image == mPrevious) {
    if (!mSame.isValid()) mSame.start();
  } else {
    mSame.invalidate();
  }
  if ((mSame.isValid() && mSame.elapsed() >= kSettleMs) || mCaptures >= kMaxCaptures) {
    save(image);
    return;
  }
  mPrevious = image;
  capture();
}

void Screenshot::save(const QImage& view) {
  QPixmap shot = mWindow->grab();
  {
    QPainter painter(&shot);
    viewport::SkeletonView* sv = mWindow->skeletonView();
    // Logical coordinates: QPainter scales the device-pixel capture to fit.
    painter.drawImage(QRect(sv->mapTo(mWindow, QPoint(0, 0)), sv->size()), view);
  }
  if (!shot.save(mOutputPath)) {
    fail(tr("cannot write %1").arg(mOutputPath));
    return;
  }
  mDone = true;
  mWatchdog.stop();
  Q_EMIT finished(QString());
}

void Screenshot::fail(const QString& error) {
  if (mDone) return;
  mDone = true;
  mWatchdog.stop();
  Q_EMIT finished(error);
}

}  // namespace mm::app
