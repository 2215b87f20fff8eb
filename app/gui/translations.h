#pragma once
// The editor's user-interface language: the system's (QLocale::system()) or
// the one `--lang` names. Loads MotionMender's strings (translations/*.ts,
// built to .qm; looked for in the data folders' translations/ first, see
// tasks/resourcepaths.h, then in the copies embedded under :/i18n/) and Qt's
// own (qtbase_<lang>.qm: standard buttons and dialogs) where installed.

#include <QCommandLineOption>
#include <QString>

namespace mm::app {

// `--lang LANG`: zh_CN, ja, en, ... (default: the system language).
QCommandLineOption languageOption();

// Installs the translators for `language` on the application, replacing those
// an earlier call installed: "" = the system language, "en" = none (the
// English source strings), otherwise a locale name ("zh_CN", "ja", "ja_JP").
// Call before the widgets are made. Returns the language MotionMender's
// strings are now in ("en" when none loaded); *warning says why a language
// asked for by name could not be loaded.
QString installTranslations(const QString& language, QString* warning = nullptr);

}  // namespace mm::app
