#include "editor/projectschema.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>

namespace mm::editor {

const std::vector<const char*>& projectSchemaStatements() {
  static const std::vector<const char*> statements = {
      "CREATE TABLE schema_version (version INTEGER NOT NULL)",
      "CREATE TABLE takes ("
      " id INTEGER PRIMARY KEY,"
      " source_path TEXT NOT NULL UNIQUE,"
      " sha256 TEXT NOT NULL,"
      " format TEXT NOT NULL,"
      " frames INTEGER NOT NULL,"
      " fps REAL NOT NULL,"
      " status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done')),"
      " queue_position INTEGER NOT NULL,"
      " next_artifact_id INTEGER NOT NULL DEFAULT 1)",
      // The edited clip: io/clipblob header plus 256-frame chunks.
      "CREATE TABLE clip_headers ("
      " take_id INTEGER PRIMARY KEY REFERENCES takes(id) ON DELETE CASCADE,"
      " frames INTEGER NOT NULL,"
      " header BLOB NOT NULL)",
      "CREATE TABLE clip_chunks ("
      " take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,"
      " chunk INTEGER NOT NULL,"
      " data BLOB NOT NULL,"
      " PRIMARY KEY (take_id, chunk)) WITHOUT ROWID",
      "CREATE TABLE artifacts ("
      " take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,"
      " id INTEGER NOT NULL,"
      " type TEXT NOT NULL,"
      " start_frame INTEGER NOT NULL,"
      " end_frame INTEGER NOT NULL,"
      " part_mask INTEGER NOT NULL,"
      " severity REAL NOT NULL,"
      " origin TEXT NOT NULL,"
      " decision TEXT NOT NULL,"
      " PRIMARY KEY (take_id, id)) WITHOUT ROWID",
      // Labels as runs (QualityLabels::runs()) plus the frame count they cover.
      "CREATE TABLE label_sets ("
      " take_id INTEGER PRIMARY KEY REFERENCES takes(id) ON DELETE CASCADE,"
      " frames INTEGER NOT NULL)",
      "CREATE TABLE label_runs ("
      " take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,"
      " part TEXT NOT NULL,"
      " start_frame INTEGER NOT NULL,"
      " end_frame INTEGER NOT NULL,"
      " label TEXT NOT NULL,"
      " type TEXT)",
      "CREATE INDEX label_runs_take ON label_runs (take_id)",
  };
  return statements;
}

bool migrateProjectSchema(QSqlDatabase& db, int from, QString* error) {
  (void)db;
  switch (from) {
    default: *error = QStringLiteral("no migration from schema version %1").arg(from); return false;
  }
}

namespace {

quint32 bigEndian32(const QByteArray& b, int at) {
  return (quint32(quint8(b[at])) << 24) | (quint32(quint8(b[at + 1])) << 16) | (quint32(quint8(b[at + 2])) << 8) |
         quint32(quint8(b[at + 3]));
}

}  // namespace

bool inspectProjectFileHeader(const QString& path, QString* why) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    *why = QStringLiteral("cannot be opened for reading: %1").arg(f.errorString());
    return false;
  }
  const QByteArray h = f.read(100);
  if (h.size() < 100 || !h.startsWith(QByteArray("SQLite format 3\0", 16))) {
    *why = QStringLiteral("not a MotionMender project (not an SQLite database)");
    return false;
  }
  if (bigEndian32(h, 68) != static_cast<quint32>(kProjectApplicationId)) {
    *why = QStringLiteral("an SQLite database, but not a MotionMender project (no project application id)");
    return false;
  }
  // The in-header page count is valid when "version-valid-for" equals the
  // change counter. With a WAL beside the file, newer pages may live there.
  qint64 pageSize = (quint8(h[16]) << 8) | quint8(h[17]);
  if (pageSize == 1) pageSize = 65536;
  const quint32 pages = bigEndian32(h, 28);
  const QFileInfo wal(path + QStringLiteral("-wal"));
  if (bigEndian32(h, 92) == bigEndian32(h, 24) && pages > 0 && !(wal.exists() && wal.size() > 0) &&
      f.size() < pageSize * pages) {
    *why = QStringLiteral("truncated or damaged (%1 bytes, the database header says %2)")
               .arg(f.size())
               .arg(pageSize * pages);
    return false;
  }
  return true;
}

}  // namespace mm::editor
