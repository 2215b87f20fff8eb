#include "editor/projectdatabase.h"

#include "editor/projectschema.h"
#include "editor/sqltransaction.h"

#include "io/clipblob.h"
#include "io/motionfile.h"
#include "motion/clip.h"
#include "motion/labels/qualitylabels.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <set>

namespace mm::editor {
namespace {

QAtomicInt gConnectionCounter;

QString newConnectionName() {
  return QStringLiteral("mm-project-%1").arg(gConnectionCounter.fetchAndAddRelaxed(1));
}

// Removes a connection; the QSqlDatabase handle must be out of scope first.
void dropConnection(const QString& name) {
  {
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isValid()) db.close();
  }
  QSqlDatabase::removeDatabase(name);
}

// The SQLite driver is a separate plugin package on some systems (Debian: libqt6sql6-sqlite).
bool driverAvailable(QString* error) {
  if (QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) return true;
  *error = QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)");
  return false;
}

std::string_view view(const QByteArray& b) { return std::string_view(b.constData(), static_cast<size_t>(b.size())); }

}  // namespace

const char* queueStatusName(QueueStatus s) {
  switch (s) {
    case QueueStatus::NotStarted: return "not_started";
    case QueueStatus::InProgress: return "in_progress";
    case QueueStatus::Done: return "done";
  }
  return "not_started";
}

std::optional<QueueStatus> parseQueueStatus(const QString& name) {
  for (QueueStatus s : {QueueStatus::NotStarted, QueueStatus::InProgress, QueueStatus::Done})
    if (name == QLatin1String(queueStatusName(s))) return s;
  return std::nullopt;
}

ProjectDatabase::ProjectDatabase(QString path) : mPath(std::move(path)), mConnection(newConnectionName()) {}

ProjectDatabase::~ProjectDatabase() { dropConnection(mConnection); }

QSqlDatabase ProjectDatabase::db() const { return QSqlDatabase::database(mConnection, false); }

QString ProjectDatabase::fail(const QString& what) const { return QDir::toNativeSeparators(mPath) + ": " + what; }

std::unique_ptr<ProjectDatabase> ProjectDatabase::create(const QString& path, QString* error) {
  QString dummy;
  if (!error) error = &dummy;
  const QString where = QDir::toNativeSeparators(path) + ": ";
  QString why;
  if (!driverAvailable(&why)) {
    *error = where + why;
    return nullptr;
  }
  // SQLite would replay a stale -wal left by a deleted project into the new file.
  for (const char* suffix : {"-wal", "-shm"})
    if (QFileInfo::exists(path + QLatin1String(suffix)) && !QFileInfo::exists(path)) {
      *error = where + QStringLiteral("a leftover %1 lies beside it; move it away first").arg(QFileInfo(path + QLatin1String(suffix)).fileName());
      return nullptr;
    }
  // NewOnly creates the file exclusively: an existing file is never touched.
  {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
      *error = where + (QFileInfo::exists(path) ? QStringLiteral("already exists; a new project is not written over it")
                                                : QStringLiteral("cannot be created: ") + f.errorString());
      return nullptr;
    }
  }
  std::unique_ptr<ProjectDatabase> p(new ProjectDatabase(path));
  bool ok;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), p->mConnection);
    db.setDatabaseName(path);
    ok = db.open();
    if (!ok) why = db.lastError().text();
    // The application id and WAL mode are set outside the transaction (SQLite requires it for WAL).
    ok = ok && sqlExec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), &why) &&
         sqlExec(db, QStringLiteral("PRAGMA journal_mode = WAL"), &why) &&
         sqlExec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), &why) &&
         sqlExec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &why);
    if (ok) {
      SqlTransaction t(db);
      ok = t.ok(&why);
      for (const char* sql : projectSchemaStatements()) ok = ok && sqlExec(db, QString::fromLatin1(sql), &why);
      ok = ok && sqlExec(db, QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(kSchemaVersion), &why) &&
           sqlExec(db, QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion), &why) && t.commit(&why);
    }
  }
  if (!ok) {
    p.reset();  // closes the connection before the files go
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(path + QLatin1String(suffix));
    *error = where + QStringLiteral("cannot create the project: ") + why;
    return nullptr;
  }
  return p;
}

std::unique_ptr<ProjectDatabase> ProjectDatabase::open(const QString& path, QString* error) {
  QString dummy;
  if (!error) error = &dummy;
  const QString where = QDir::toNativeSeparators(path) + ": ";
  const QFileInfo info(path);
  if (!info.exists() || !info.isFile()) {
    *error = where + (info.exists() ? QStringLiteral("not a file") : QStringLiteral("no such file"));
    return nullptr;
  }
  QString why;
  if (!inspectProjectFileHeader(path, &why) || !driverAvailable(&why)) {
    *error = where + why;
    return nullptr;
  }
  // A read-only look at the schema first: a file we refuse stays untouched.
  // SQLite creates an empty -wal and a -shm beside a WAL database even for
  // reading; they are removed again when they were not there before (when
  // they were, another connection may be using them).
  const QString walPath = path + QStringLiteral("-wal"), shmPath = path + QStringLiteral("-shm");
  const bool hadWal = QFileInfo::exists(walPath), hadShm = QFileInfo::exists(shmPath);
  int version = 0;
  {
    const QString name = newConnectionName();
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
      db.setDatabaseName(path);
      db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
      if (!db.open()) {
        why = QStringLiteral("cannot be opened: ") + db.lastError().text();
      } else {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT version FROM schema_version")) || !q.next())
          why = QStringLiteral("not a MotionMender project (no schema version): ") + q.lastError().text();
        else
          version = q.value(0).toInt();
      }
    }
    dropConnection(name);
    if (!hadWal && !hadShm && QFileInfo(walPath).size() == 0) {
      QFile::remove(walPath);
      QFile::remove(shmPath);
    }
  }
  if (!why.isEmpty()) {
    *error = where + why;
    return nullptr;
  }
  if (version > kSchemaVersion) {
    *error = where + QStringLiteral("written by a newer MotionMender (project schema %1, this build reads up to %2); "
                                    "not opened, so it stays unchanged")
                         .arg(version)
                         .arg(kSchemaVersion);
    return nullptr;
  }
  if (version < 1) {
    *error = where + QStringLiteral("damaged project (schema version %1)").arg(version);
    return nullptr;
  }

  std::unique_ptr<ProjectDatabase> p(new ProjectDatabase(path));
  bool ok;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), p->mConnection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    ok = db.open();
    if (!ok) why = db.lastError().text();
    ok = ok && sqlExec(db, QStringLiteral("PRAGMA journal_mode = WAL"), &why) &&
         sqlExec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), &why) &&
         sqlExec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &why);
    // Each step in its own transaction: a crash leaves a consistent older version.
    for (int v = version; ok && v < kSchemaVersion; ++v) {
      SqlTransaction t(db);
      ok = t.ok(&why) && migrateProjectSchema(db, v, &why) &&
           sqlExec(db, QStringLiteral("UPDATE schema_version SET version = %1").arg(v + 1), &why) &&
           sqlExec(db, QStringLiteral("PRAGMA user_version = %1").arg(v + 1), &why) && t.commit(&why);
    }
  }
  if (!ok) {
    *error = where + QStringLiteral("cannot open the project: ") + why;
    return nullptr;
  }
  return p;
}

bool ProjectDatabase::takeExists(int takeId, QString* error) const {
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT 1 FROM takes WHERE id = ?"));
  q.addBindValue(takeId);
  if (sqlExec(q, error) && q.next()) return true;
  if (error) *error = fail(QStringLiteral("no take %1 in the project").arg(takeId));
  return false;
}

int ProjectDatabase::addTake(const QString& sourcePath, QString* error) {
  const QFileInfo info(sourcePath);
  const QString abs = info.absoluteFilePath();
  {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id FROM takes WHERE source_path = ?"));
    q.addBindValue(abs);
    if (sqlExec(q, error) && q.next()) {
      if (error) *error = QDir::toNativeSeparators(abs) + QStringLiteral(": already in the project as take %1").arg(q.value(0).toInt());
      return 0;
    }
  }
  const std::string nativePath = QFile::encodeName(abs).toStdString();
  const LoadResult loaded = loadMotion(nativePath);
  if (!loaded.ok()) {
    if (error) *error = QString::fromStdString(loaded.error.toString());
    return 0;
  }
  QFile file(abs);
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
    if (error) *error = QDir::toNativeSeparators(abs) + QStringLiteral(": cannot be read: ") + file.errorString();
    return 0;
  }
  QString why;
  SqlTransaction t(db());
  QSqlQuery q(db());
  q.prepare(QStringLiteral(
      "INSERT INTO takes (source_path, sha256, format, frames, fps, status, queue_position)"
      " VALUES (?, ?, ?, ?, ?, 'not_started', (SELECT COALESCE(MAX(queue_position) + 1, 0) FROM takes))"));
  q.addBindValue(abs);
  q.addBindValue(QString::fromLatin1(hash.result().toHex()));
  q.addBindValue(QString::fromLatin1(formatName(formatFromPath(nativePath))));
  q.addBindValue(loaded.clip->frameCount());
  q.addBindValue(loaded.clip->fps());
  if (!t.ok(&why) || !sqlExec(q, &why)) {
    if (error) *error = fail(QStringLiteral("cannot add %1: %2").arg(QDir::toNativeSeparators(abs), why));
    return 0;
  }
  const int id = q.lastInsertId().toInt();
  if (!t.commit(&why)) {
    if (error) *error = fail(why);
    return 0;
  }
  return id;
}

namespace {
const char* const kTakeColumns = "id, source_path, sha256, format, frames, fps, status, queue_position";

ProjectTake takeFromRow(const QSqlQuery& q) {
  ProjectTake t;
  t.id = q.value(0).toInt();
  t.sourcePath = q.value(1).toString();
  t.sha256 = q.value(2).toString();
  t.format = q.value(3).toString();
  t.frames = q.value(4).toInt();
  t.fps = q.value(5).toDouble();
  t.status = parseQueueStatus(q.value(6).toString()).value_or(QueueStatus::NotStarted);
  t.queuePosition = q.value(7).toInt();
  return t;
}
}  // namespace

std::vector<ProjectTake> ProjectDatabase::takes() const {
  std::vector<ProjectTake> out;
  QSqlQuery q(db());
  if (!q.exec(QStringLiteral("SELECT %1 FROM takes ORDER BY queue_position, id").arg(QLatin1String(kTakeColumns))))
    return out;
  while (q.next()) out.push_back(takeFromRow(q));
  return out;
}

bool ProjectDatabase::moveTake(int takeId, int position, QString* error) {
  if (!takeExists(takeId, error)) return false;
  std::vector<int> order;
  for (const ProjectTake& t : takes())
    if (t.id != takeId) order.push_back(t.id);
  position = std::clamp(position, 0, static_cast<int>(order.size()));
  order.insert(order.begin() + position, takeId);
  QString why;
  QSqlDatabase d = db();
  SqlTransaction t(d);
  bool ok = t.ok(&why);
  QSqlQuery q(d);
  q.prepare(QStringLiteral("UPDATE takes SET queue_position = ? WHERE id = ?"));
  for (size_t i = 0; ok && i < order.size(); ++i) {
    q.bindValue(0, static_cast<int>(i));
    q.bindValue(1, order[i]);
    ok = sqlExec(q, &why);
  }
  ok = ok && t.commit(&why);
  if (!ok && error) *error = fail(QStringLiteral("cannot move take %1: %2").arg(takeId).arg(why));
  return ok;
}

std::optional<ProjectTake> ProjectDatabase::take(int takeId) const {
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT %1 FROM takes WHERE id = ?").arg(QLatin1String(kTakeColumns)));
  q.addBindValue(takeId);
  if (!q.exec() || !q.next()) return std::nullopt;
  return takeFromRow(q);
}

bool ProjectDatabase::saveClip(int takeId, const Clip& clip, const std::vector<std::pair<int, int>>& dirtyFrameRanges,
                               QString* error, int* chunksWritten, const Clip* base) {
  if (chunksWritten) *chunksWritten = 0;
  if (!takeExists(takeId, error)) return false;
  const std::string headerBlob = clipHeaderBlob(clip);
  const QByteArray header(headerBlob.data(), static_cast<int>(headerBlob.size()));
  QString why;
  QSqlDatabase d = db();
  SqlTransaction t(d);
  if (!t.ok(&why)) {
    if (error) *error = fail(why);
    return false;
  }
  QSqlQuery q(d);
  q.prepare(QStringLiteral("SELECT header FROM clip_headers WHERE take_id = ?"));
  q.addBindValue(takeId);
  if (!sqlExec(q, &why)) {
    if (error) *error = fail(why);
    return false;
  }
  // A changed header (skeleton, fps, frame count) changes every chunk's meaning.
  const bool stored = q.next();
  const bool sameHeader = stored && q.value(0).toByteArray() == header;
  q.finish();
  // A first save over an unchanged source shape stays sparse (see the header).
  const bool sparseFirst = !stored && base && clipHeaderBlob(*base) == headerBlob;
  const bool rewriteAll = dirtyFrameRanges.empty() || !(sameHeader || sparseFirst);
  const int frames = clip.frameCount();
  const int chunkCount = (frames + kClipChunkFrames - 1) / kClipChunkFrames;
  std::set<int> chunks;
  if (rewriteAll) {
    for (int c = 0; c < chunkCount; ++c) chunks.insert(c);
    QSqlQuery del(d);
    del.prepare(QStringLiteral("DELETE FROM clip_chunks WHERE take_id = ?"));
    del.addBindValue(takeId);
    if (!sqlExec(del, &why)) {
      if (error) *error = fail(why);
      return false;
    }
  } else {
    for (const auto& [a, b] : dirtyFrameRanges) {
      const int begin = std::max(0, a), end = std::min(frames, b);
      for (int c = begin / kClipChunkFrames; begin < end && c <= (end - 1) / kClipChunkFrames; ++c) chunks.insert(c);
    }
  }
  QSqlQuery put(d);
  put.prepare(QStringLiteral("INSERT OR REPLACE INTO clip_chunks (take_id, chunk, data) VALUES (?, ?, ?)"));
  for (int c : chunks) {
    const std::string blob = clipChunkBlob(clip, c * kClipChunkFrames, (c + 1) * kClipChunkFrames);
    put.bindValue(0, takeId);
    put.bindValue(1, c);
    put.bindValue(2, QByteArray(blob.data(), static_cast<int>(blob.size())));
    if (!sqlExec(put, &why)) {
      if (error) *error = fail(QStringLiteral("cannot store clip chunk %1 of take %2: %3").arg(c).arg(takeId).arg(why));
      return false;
    }
  }
  QSqlQuery head(d);
  head.prepare(QStringLiteral("INSERT OR REPLACE INTO clip_headers (take_id, frames, header) VALUES (?, ?, ?)"));
  head.addBindValue(takeId);
  head.addBindValue(frames);
  head.addBindValue(header);
  if (!sqlExec(head, &why) || !t.commit(&why)) {
    if (error) *error = fail(why);
    return false;
  }
  if (chunksWritten) *chunksWritten = static_cast<int>(chunks.size());
  return true;
}

bool ProjectDatabase::hasClip(int takeId) const {
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT 1 FROM clip_headers WHERE take_id = ?"));
  q.addBindValue(takeId);
  return q.exec() && q.next();
}

bool ProjectDatabase::loadClip(int takeId, Clip* clip, QString* error, const Clip* base) const {
  if (error) error->clear();
  QString why;
  // One read transaction: header and chunks come from the same snapshot.
  SqlTransaction t(db());
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT header FROM clip_headers WHERE take_id = ?"));
  q.addBindValue(takeId);
  if (!t.ok(&why) || !sqlExec(q, &why)) {
    if (error) *error = fail(why);
    return false;
  }
  if (!q.next()) return false;  // no edited clip yet: not an error
  const QByteArray header = q.value(0).toByteArray();
  Clip out;
  int frames = 0;
  std::string blobError;
  QSqlQuery c(db());
  c.prepare(QStringLiteral("SELECT chunk, data FROM clip_chunks WHERE take_id = ? ORDER BY chunk"));
  c.addBindValue(takeId);
  if (base && view(header) == clipHeaderBlob(*base)) {
    // Stored sparsely over the source: the source, with the stored chunks over it.
    if (!sqlExec(c, &why)) {
      if (error) *error = fail(why);
      return false;
    }
    out = *base;
    bool ok = true;
    while (ok && c.next()) ok = overwriteClipChunkBlob(view(c.value(1).toByteArray()), &out, &blobError);
    if (!ok) {
      if (error) *error = fail(QStringLiteral("the edited clip of take %1 is damaged: %2").arg(takeId).arg(QString::fromStdString(blobError)));
      return false;
    }
    *clip = std::move(out);
    return true;
  }
  bool ok = readClipHeaderBlob(view(header), &out, &frames, &blobError);
  if (ok && !sqlExec(c, &why)) {
    if (error) *error = fail(why);
    return false;
  }
  for (int expected = 0; ok && c.next(); ++expected) {
    if (c.value(0).toInt() != expected) {
      blobError = "chunk " + std::to_string(expected) + " is missing";
      ok = false;
    } else {
      ok = appendClipChunkBlob(view(c.value(1).toByteArray()), &out, &blobError);
    }
  }
  if (ok && out.frameCount() != frames) {
    blobError = "the chunks hold " + std::to_string(out.frameCount()) + " of " + std::to_string(frames) + " frames";
    ok = false;
  }
  if (!ok) {
    if (error) *error = fail(QStringLiteral("the edited clip of take %1 is damaged: %2").arg(takeId).arg(QString::fromStdString(blobError)));
    return false;
  }
  *clip = std::move(out);
  return true;
}

bool ProjectDatabase::saveArtifacts(int takeId, const std::vector<Artifact>& artifacts, QString* error) {
  if (!takeExists(takeId, error)) return false;
  QString why;
  QSqlDatabase d = db();
  SqlTransaction t(d);
  QSqlQuery del(d);
  del.prepare(QStringLiteral("DELETE FROM artifacts WHERE take_id = ?"));
  del.addBindValue(takeId);
  bool ok = t.ok(&why) && sqlExec(del, &why);
  QSqlQuery put(d);
  put.prepare(QStringLiteral(
      "INSERT INTO artifacts (take_id, id, type, start_frame, end_frame, part_mask, severity, origin, decision)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  int maxId = 0;
  for (const Artifact& a : artifacts) {
    if (!ok) break;
    put.bindValue(0, takeId);
    put.bindValue(1, a.id);
    put.bindValue(2, QString::fromLatin1(artifactTypeName(a.type)));
    put.bindValue(3, a.start);
    put.bindValue(4, a.end);
    put.bindValue(5, int(a.partMask));
    put.bindValue(6, a.severity);
    put.bindValue(7, QString::fromLatin1(originName(a.origin)));
    put.bindValue(8, QString::fromLatin1(decisionName(a.decision)));
    ok = sqlExec(put, &why);
    if (!ok) why = QStringLiteral("artifact %1: %2").arg(a.id).arg(why);
    maxId = std::max(maxId, a.id);
  }
  QSqlQuery next(d);
  next.prepare(QStringLiteral("UPDATE takes SET next_artifact_id = MAX(next_artifact_id, ?) WHERE id = ?"));
  next.addBindValue(maxId + 1);
  next.addBindValue(takeId);
  ok = ok && sqlExec(next, &why) && t.commit(&why);
  if (!ok && error) *error = fail(QStringLiteral("cannot save the artifacts of take %1: %2").arg(takeId).arg(why));
  return ok;
}

std::vector<Artifact> ProjectDatabase::loadArtifacts(int takeId, QString* error) const {
  std::vector<Artifact> out;
  QSqlQuery q(db());
  q.prepare(QStringLiteral(
      "SELECT id, type, start_frame, end_frame, part_mask, severity, origin, decision FROM artifacts"
      " WHERE take_id = ? ORDER BY id"));
  q.addBindValue(takeId);
  QString why;
  if (!sqlExec(q, &why)) {
    if (error) *error = fail(why);
    return {};
  }
  while (q.next()) {
    Artifact a;
    a.id = q.value(0).toInt();
    const auto type = parseArtifactType(q.value(1).toString().toStdString());
    a.start = q.value(2).toInt();
    a.end = q.value(3).toInt();
    a.partMask = static_cast<std::uint8_t>(q.value(4).toInt());
    a.severity = q.value(5).toDouble();
    const QByteArray origin = q.value(6).toString().toLatin1(), decision = q.value(7).toString().toLatin1();
    if (!type || !parseOrigin(origin.constData(), &a.origin) || !parseDecision(decision.constData(), &a.decision)) {
      if (error) *error = fail(QStringLiteral("artifact %1 of take %2 has an unknown type, origin or decision").arg(a.id).arg(takeId));
      return {};
    }
    a.type = *type;
    out.push_back(a);
  }
  return out;
}

int ProjectDatabase::nextArtifactId(int takeId) const {
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT next_artifact_id FROM takes WHERE id = ?"));
  q.addBindValue(takeId);
  return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

int ProjectDatabase::allocateArtifactId(int takeId, QString* error) {
  if (!takeExists(takeId, error)) return 0;
  QString why;
  QSqlDatabase d = db();
  SqlTransaction t(d);
  QSqlQuery q(d);
  q.prepare(QStringLiteral("SELECT next_artifact_id FROM takes WHERE id = ?"));
  q.addBindValue(takeId);
  if (!t.ok(&why) || !sqlExec(q, &why) || !q.next()) {
    if (error) *error = fail(why);
    return 0;
  }
  const int id = q.value(0).toInt();
  q.finish();
  QSqlQuery up(d);
  up.prepare(QStringLiteral("UPDATE takes SET next_artifact_id = ? WHERE id = ?"));
  up.addBindValue(id + 1);
  up.addBindValue(takeId);
  if (!sqlExec(up, &why) || !t.commit(&why)) {
    if (error) *error = fail(why);
    return 0;
  }
  return id;
}

bool ProjectDatabase::saveLabels(int takeId, const QualityLabels& labels, QString* error) {
  if (!takeExists(takeId, error)) return false;
  QString why;
  QSqlDatabase d = db();
  SqlTransaction t(d);
  bool ok = t.ok(&why);
  for (const char* table : {"label_runs", "label_sets"}) {
    QSqlQuery del(d);
    del.prepare(QStringLiteral("DELETE FROM %1 WHERE take_id = ?").arg(QLatin1String(table)));
    del.addBindValue(takeId);
    ok = ok && sqlExec(del, &why);
  }
  QSqlQuery set(d);
  set.prepare(QStringLiteral("INSERT INTO label_sets (take_id, frames) VALUES (?, ?)"));
  set.addBindValue(takeId);
  set.addBindValue(labels.frameCount());
  ok = ok && sqlExec(set, &why);
  QSqlQuery put(d);
  put.prepare(QStringLiteral(
      "INSERT INTO label_runs (take_id, part, start_frame, end_frame, label, type) VALUES (?, ?, ?, ?, ?, ?)"));
  for (const LabelRun& r : labels.runs()) {
    if (!ok) break;
    put.bindValue(0, takeId);
    put.bindValue(1, QString::fromLatin1(bodyPartName(r.part)));
    put.bindValue(2, r.start);
    put.bindValue(3, r.end);
    put.bindValue(4, QString::fromLatin1(qualityLabelName(r.label)));
    put.bindValue(5, r.type ? QVariant(QString::fromLatin1(artifactTypeName(*r.type))) : QVariant());
    ok = sqlExec(put, &why);
  }
  ok = ok && t.commit(&why);
  if (!ok && error) *error = fail(QStringLiteral("cannot save the labels of take %1: %2").arg(takeId).arg(why));
  return ok;
}

bool ProjectDatabase::loadLabels(int takeId, QualityLabels* labels, QString* error) const {
  const std::optional<ProjectTake> t = take(takeId);
  if (!t) {
    if (error) *error = fail(QStringLiteral("no take %1 in the project").arg(takeId));
    return false;
  }
  int frames = t->frames;
  QSqlQuery s(db());
  s.prepare(QStringLiteral("SELECT frames FROM label_sets WHERE take_id = ?"));
  s.addBindValue(takeId);
  if (s.exec() && s.next()) frames = s.value(0).toInt();
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT part, start_frame, end_frame, label, type FROM label_runs WHERE take_id = ?"));
  q.addBindValue(takeId);
  QString why;
  if (!sqlExec(q, &why)) {
    if (error) *error = fail(why);
    return false;
  }
  std::vector<LabelRun> runs;
  while (q.next()) {
    LabelRun r;
    const auto part = parseBodyPart(q.value(0).toString().toStdString());
    const auto label = parseQualityLabel(q.value(3).toString().toLatin1().constData());
    std::optional<ArtifactType> type;
    if (!q.value(4).isNull()) type = parseArtifactType(q.value(4).toString().toStdString());
    if (!part || !label || (!q.value(4).isNull() && !type)) {
      if (error) *error = fail(QStringLiteral("a label run of take %1 has an unknown part, label or type").arg(takeId));
      return false;
    }
    r.part = *part;
    r.label = *label;
    r.type = type;
    r.start = q.value(1).toInt();
    r.end = q.value(2).toInt();
    runs.push_back(r);
  }
  *labels = QualityLabels::fromRuns(frames, runs);
  return true;
}

bool ProjectDatabase::setStatus(int takeId, QueueStatus status, QString* error) {
  if (!takeExists(takeId, error)) return false;
  QString why;
  SqlTransaction t(db());
  QSqlQuery q(db());
  q.prepare(QStringLiteral("UPDATE takes SET status = ? WHERE id = ?"));
  q.addBindValue(QString::fromLatin1(queueStatusName(status)));
  q.addBindValue(takeId);
  if (!t.ok(&why) || !sqlExec(q, &why) || !t.commit(&why)) {
    if (error) *error = fail(why);
    return false;
  }
  return true;
}

QueueStatus ProjectDatabase::status(int takeId) const {
  const std::optional<ProjectTake> t = take(takeId);
  return t ? t->status : QueueStatus::NotStarted;
}

ProjectInfo ProjectDatabase::info() const {
  ProjectInfo out;
  QSqlQuery q(db());
  if (q.exec(QStringLiteral("SELECT status, COUNT(*) FROM takes GROUP BY status")))
    while (q.next()) {
      const int n = q.value(1).toInt();
      out.takes += n;
      if (const auto s = parseQueueStatus(q.value(0).toString())) out.takesByStatus[static_cast<int>(*s)] += n;
    }
  if (q.exec(QStringLiteral("SELECT decision, COUNT(*) FROM artifacts GROUP BY decision")))
    while (q.next()) {
      const int n = q.value(1).toInt();
      out.artifacts += n;
      Decision d;
      if (parseDecision(q.value(0).toString().toLatin1().constData(), &d)) out.artifactsByDecision[static_cast<int>(d)] += n;
    }
  if (q.exec(QStringLiteral("SELECT COALESCE(SUM(COALESCE(l.frames, t.frames)), 0) FROM takes t"
                            " LEFT JOIN label_sets l ON l.take_id = t.id")) &&
      q.next())
    out.cells = q.value(0).toLongLong() * kBodyPartCount;
  // Stored runs are never unlabelled (QualityLabels::runs leaves those out).
  if (q.exec(QStringLiteral("SELECT COALESCE(SUM(end_frame - start_frame), 0) FROM label_runs")) && q.next())
    out.labelledCells = q.value(0).toLongLong();
  return out;
}

bool ProjectDatabase::checkIntegrity(QString* error) const {
  QSqlQuery q(db());
  if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
    if (error) *error = fail(q.lastError().text());
    return false;
  }
  QStringList findings;
  while (q.next()) findings << q.value(0).toString();
  if (findings == QStringList{QStringLiteral("ok")}) return true;
  if (error) *error = fail(QStringLiteral("damaged: ") + findings.join(QStringLiteral("; ")));
  return false;
}

}  // namespace mm::editor
