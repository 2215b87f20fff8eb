// The translated editor: the translators installed as main() installs them
// for --lang (app/gui/translations.h), then the real main window. Its menus
// are in Chinese or Japanese, a mouse click opens a translated File menu, the
// data folder's .qm files come before the embedded ones, and --lang en (or a
// language we have no translation for) gives English. Runs under Xvfb.

#include "app/gui/mainwindow.h"
#include "app/gui/translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

using mm::app::installTranslations;
using mm::app::MainWindow;

namespace {

// The menu bar's first menu, File (the window's other menus come and go).
QAction* fileMenuAction(MainWindow& w) {
  const QList<QAction*> actions = w.menuBar()->actions();
  return actions.isEmpty() ? nullptr : actions.first();
}

QStringList actionTexts(const QMenu* menu) {
  QStringList texts;
  for (const QAction* a : menu->actions())
    if (!a->isSeparator()) texts << a->text();
  return texts;
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void cleanup() {
    installTranslations(QStringLiteral("en"));
    qunsetenv("MM_DATA_DIR");
  }

  void chineseMenus() {
    QString warning;
    QCOMPARE(installTranslations(QStringLiteral("zh_CN"), &warning), QStringLiteral("zh_CN"));
    QVERIFY2(warning.isEmpty(), qPrintable(warning));
    MainWindow w;
    QAction* file = fileMenuAction(w);
    QVERIFY(file && file->menu());
    QCOMPARE(file->text(), QStringLiteral("文件(&F)"));
    QVERIFY(actionTexts(file->menu()).contains(QStringLiteral("打开(&O)...")));
    QCOMPARE(w.windowTitle(), QStringLiteral("MotionMender"));
  }

  void japaneseFromTheLangOption() {
    // The option exactly as main() reads it.
    QCommandLineParser parser;
    const QCommandLineOption lang = mm::app::languageOption();
    parser.addOption(lang);
    QVERIFY(parser.parse({QStringLiteral("motionmender"), QStringLiteral("--lang"), QStringLiteral("ja")}));
    QCOMPARE(installTranslations(parser.value(lang)), QStringLiteral("ja"));
    MainWindow w;
    QCOMPARE(fileMenuAction(w)->text(), QStringLiteral("ファイル(&F)"));
    QVERIFY(actionTexts(fileMenuAction(w)->menu()).contains(QStringLiteral("終了(&Q)")));
  }

  void clickOpensTranslatedFileMenu() {
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction* file = fileMenuAction(w);
    QMenu* menu = file->menu();
    QVERIFY(!menu->isVisible());
    QTest::mouseClick(w.menuBar(), Qt::LeftButton, {}, w.menuBar()->actionGeometry(file).center());
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), 10000);
    const QStringList items = actionTexts(menu);
    QVERIFY2(items.contains(QStringLiteral("打开(&O)...")) && items.contains(QStringLiteral("退出(&Q)")),
             qPrintable(items.join(QLatin1Char('|'))));
    QTest::keyClick(menu, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!menu->isVisible(), 10000);
  }

  void englishWithLangEn() {
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    // --lang en replaces the Chinese translators: none is left.
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    MainWindow w;
    QCOMPARE(fileMenuAction(w)->text(), QStringLiteral("&File"));
    QVERIFY(actionTexts(fileMenuAction(w)->menu()).contains(QStringLiteral("&Open...")));
  }

  void unknownLanguageFallsBackToEnglish() {
    QString warning;
    QCOMPARE(installTranslations(QStringLiteral("fr"), &warning), QStringLiteral("en"));
    QVERIFY(warning.contains(QStringLiteral("fr")));
    MainWindow w;
    QCOMPARE(fileMenuAction(w)->text(), QStringLiteral("&File"));
  }

  void systemLanguage() {
    // No --lang: QLocale::system(), which Qt reads once per process from the
    // environment; CTest runs this suite a second time with LANGUAGE=zh_CN
    // (gui.tst_translations.system) and says which language to expect.
    const QByteArray expected = qgetenv("MM_EXPECT_SYSTEM_LANGUAGE");
    if (expected.isEmpty()) QSKIP("run by gui.tst_translations.system with a Chinese system language");
    QCOMPARE(installTranslations(QString()), QString::fromLatin1(expected));
    MainWindow w;
    QCOMPARE(fileMenuAction(w)->text(), QStringLiteral("文件(&F)"));
  }

  void dataFolderComesBeforeEmbedded() {
    // A data folder (MM_DATA_DIR) whose "zh_CN" file holds the Japanese
    // strings: the window shows Japanese, so that file won over :/i18n.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("translations")));
    QVERIFY(QFile::copy(QStringLiteral(":/i18n/motionmender_ja.qm"),
                        dir.filePath(QStringLiteral("translations/motionmender_zh_CN.qm"))));
    qputenv("MM_DATA_DIR", QFile::encodeName(dir.path()));
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("ja"));
    MainWindow w;
    QCOMPARE(fileMenuAction(w)->text(), QStringLiteral("ファイル(&F)"));
  }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
