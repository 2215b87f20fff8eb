#include "app/gui/translations.h"

#include "tasks/resourcepaths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStringList>
#include <QTranslator>

namespace mm::app {

namespace {

// Our translators are the application's children under this name, so a
// later call (a test switching languages) can find and replace them.
const QString kTranslatorName = QStringLiteral("mm_translator");

QStringList translationDirs() {
  QStringList dirs;
  for (const std::string& dir : tasks::dataDirs())
    dirs << QString::fromStdString(dir) + QStringLiteral("/translations");
  dirs << QStringLiteral(":/i18n");
  return dirs;
}

bool isEnglish(const QString& language) {
  return language == QLatin1String("en") || language.startsWith(QLatin1String("en_")) ||
         language == QLatin1String("C");
}

void removeInstalled() {
  const auto installed = qApp->findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly);
  for (QTranslator* translator : installed) {
    QCoreApplication::removeTranslator(translator);
    delete translator;
  }
}

// A translator for `base`_<language>.qm from the first folder that has one.
QTranslator* load(const QLocale& locale, const QString& base, const QStringList& dirs) {
  auto* translator = new QTranslator(qApp);
  translator->setObjectName(kTranslatorName);
  for (const QString& dir : dirs)
    if (translator->load(locale, base, QStringLiteral("_"), dir)) return translator;
  delete translator;
  return nullptr;
}

}  // namespace

QCommandLineOption languageOption() {
  return QCommandLineOption(QStringLiteral("lang"),
                            QStringLiteral("User-interface language: zh_CN, ja or en (default: the system's)."),
                            QStringLiteral("language"));
}

QString installTranslations(const QString& language, QString* warning) {
  removeInstalled();
  if (isEnglish(language)) return QStringLiteral("en");
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  QTranslator* own = load(locale, QStringLiteral("motionmender"), translationDirs());
  if (!own) {
    // No warning for a system language we have no translation for.
    if (!language.isEmpty() && warning)
      *warning = QCoreApplication::translate("mm::app::Translations", "No translation for \"%1\"; using English.")
                     .arg(language);
    return QStringLiteral("en");
  }
  QCoreApplication::installTranslator(own);
  if (QTranslator* qt = load(locale, QStringLiteral("qtbase"),
                             {QLibraryInfo::path(QLibraryInfo::TranslationsPath)}))
    QCoreApplication::installTranslator(qt);
  return own->language();
}

}  // namespace mm::app
