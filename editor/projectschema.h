#pragma once
// What a .mmproj file looks like: the SQLite tables of the current schema,
// the steps that upgrade an older schema, and the check of a file's first
// bytes that runs before SQLite ever opens it.

#include <QString>

#include <vector>

class QSqlDatabase;

namespace mm::editor {

// Version of the schema this build writes (also PRAGMA user_version).
constexpr int kProjectSchemaVersion = 1;
// PRAGMA application_id of a project file: "MMPJ".
constexpr int kProjectApplicationId = 0x4D4D504A;

// CREATE statements of the current schema, in order. A later version adds a
// migration step instead of editing these, so old files upgrade step by step.
const std::vector<const char*>& projectSchemaStatements();

// Upgrades the schema from version `from` to from + 1 inside the caller's
// transaction (the caller then records the new version). One case per step;
// none yet, version 1 being the first. False with `error` when there is no step.
bool migrateProjectSchema(QSqlDatabase& db, int from, QString* error);

// Checks the file's first 100 bytes (the SQLite header) without SQLite, so a
// foreign or truncated file is refused with no chance of being written to:
// the SQLite signature, our application id, and a size that holds the pages
// the header counts (skipped while a non-empty -wal lies beside it). False
// with `why` (no file name) otherwise.
bool inspectProjectFileHeader(const QString& path, QString* why);

}  // namespace mm::editor
