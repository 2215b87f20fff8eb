#pragma once
// `motionmender --screenshot OUT.png`: saves what a person would see in the
// main window. QWidget::grab() leaves the embedded 3D window blank, so the
// grabbed widgets get the Qt 3D render capture painted over the view's area.

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QString>
#include <QTimer>

namespace mm::app {

class MainWindow;

class Screenshot : public QObject {
  Q_OBJECT
 public:
  Screenshot(MainWindow* window, QString outputPath, QObject* parent = nullptr);

  // Starts capturing; the window must be shown. finished() follows once.
  void start();

 Q_SIGNALS:
  // `error` is empty on success.
  void finished(const QString& error);

 private:
  void capture();
  void onCaptured();
  void save(const QImage& view);
  void fail(const QString& error);

  MainWindow* mWindow;
  QString mOutputPath;
  QImage mPrevious;
  QElapsedTimer mSame;  // since the capture first matched the previous one
  int mCaptures = 0;
  bool mDone = false;
  QTimer mWatchdog;
};

}  // namespace mm::app
