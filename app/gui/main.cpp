// motionmender: the editor. `motionmender [FILE]` opens FILE;
// `motionmender --screenshot OUT.png [--frame N] FILE` renders frame N of
// FILE in the main window, saves it to OUT.png and exits (0 on success).
// `--lang zh_CN|ja|en` overrides the system language (translations.h).

#include "app/gui/mainwindow.h"
#include "app/gui/promptdock.h"
#include "app/gui/screenshot.h"
#include "editor/generationcontroller.h"
#include "app/gui/translations.h"
#include "editor/artifact.h"
#include "editor/document.h"
#include "editor/reviewcontroller.h"
#include "editor/taskrunner.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <algorithm>

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("MotionMender"));
  QApplication::setOrganizationName(QStringLiteral("MotionMender"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Motion-capture cleanup editor"));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Motion file to open."), QStringLiteral("[file]"));
  const QCommandLineOption screenshotOption(
      QStringLiteral("screenshot"), QStringLiteral("Render the window with <file> loaded to <png> and exit."),
      QStringLiteral("png"));
  const QCommandLineOption frameOption(QStringLiteral("frame"),
                                       QStringLiteral("Zero-based frame shown by --screenshot (default 0)."),
                                       QStringLiteral("n"), QStringLiteral("0"));
  const QCommandLineOption reviewOption(QStringLiteral("review"),
                                        QStringLiteral("With --screenshot: show the first artifact under review."));
  parser.addOption(reviewOption);
  const QCommandLineOption generateOption(
      QStringLiteral("generate"),
      QStringLiteral("With --screenshot: generate <prompt> at the frame (the Generate dock, two samples, the first "
                     "as the ghost)."),
      QStringLiteral("prompt"));
  parser.addOption(generateOption);
  parser.addOption(screenshotOption);
  parser.addOption(frameOption);
  const QCommandLineOption langOption = mm::app::languageOption();
  parser.addOption(langOption);
  parser.process(app);
  QString langWarning;
  mm::app::installTranslations(parser.value(langOption), &langWarning);
  if (!langWarning.isEmpty()) std::fprintf(stderr, "%s\n", qPrintable(langWarning));

  const QStringList files = parser.positionalArguments();
  mm::app::MainWindow window;

  if (parser.isSet(screenshotOption)) {
    bool frameOk = false;
    const int frame = parser.value(frameOption).toInt(&frameOk);
    if (files.size() != 1 || !frameOk || frame < 0) {
      std::fprintf(stderr, "usage: motionmender --screenshot OUT.png [--frame N] FILE\n");
      return 2;
    }
    QString error;
    if (!window.document()->load(files.first(), &error)) {
      std::fprintf(stderr, "%s\n", qPrintable(error));
      return 1;
    }
    window.document()->setCurrentFrame(frame);
    window.show();
    mm::app::Screenshot shot(&window, parser.value(screenshotOption));
    QObject::connect(&shot, &mm::app::Screenshot::finished, &app, [](const QString& failure) {
      if (!failure.isEmpty()) std::fprintf(stderr, "screenshot failed: %s\n", qPrintable(failure));
      QApplication::exit(failure.isEmpty() ? 0 : 1);
    });
    // The window as a reviewer sees it: analysed, the fixes proposed, and
    // (with --review) the first artifact under review with its ghost.
    const bool review = parser.isSet(reviewOption);
    const QString prompt = parser.value(generateOption);
    QObject::connect(window.generation(), &mm::editor::GenerationController::candidatesReady, &app, [&window, &shot, frame] {
      window.document()->setCurrentFrame(frame + 12);
      QTimer::singleShot(300, &shot, &mm::app::Screenshot::start);
    });
    QObject::connect(window.generation(), &mm::editor::GenerationController::failed, &app, [](const QString& m) {
      std::fprintf(stderr, "generation failed: %s\n", qPrintable(m));
      QApplication::exit(1);
    });
    QObject::connect(window.taskRunner(), &mm::editor::TaskRunner::finished, &app, [&window, &shot, review, frame, prompt] {
      if (window.taskRunner()->isBusy()) return;
      static bool done = false;
      if (done) return;
      done = true;
      if (!prompt.isEmpty()) {
        mm::app::PromptDock* dock = window.promptDock();
        dock->show();
        dock->raise();
        dock->prompt()->setText(prompt);
        dock->samples()->setValue(2);
        dock->seconds()->setValue(1.5);
        window.document()->setCurrentFrame(frame);
        dock->generateButton()->click();
        return;
      }
      if (review && window.review()->step(true)) {
        if (const mm::editor::Artifact* a = window.document()->artifact(window.document()->reviewedArtifact()))
          window.document()->setCurrentFrame(a->start + std::max(0, (a->end - a->start) / 2));
      } else {
        window.document()->setCurrentFrame(frame);
      }
      QTimer::singleShot(300, &shot, &mm::app::Screenshot::start);
    });
    window.review()->analyse();
    return app.exec();
  }

  window.show();
  if (!files.isEmpty()) window.openFile(files.first());
  return app.exec();
}
