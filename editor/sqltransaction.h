#pragma once
// Small QtSql helpers of the project database: statements that report their
// error text, and a transaction that rolls back unless committed.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace mm::editor {

// Runs a prepared query; false with the driver's message in `error` (may be null).
inline bool sqlExec(QSqlQuery& q, QString* error) {
  if (q.exec()) return true;
  if (error) *error = q.lastError().text();
  return false;
}

// Runs one statement; the message names the statement's start.
inline bool sqlExec(QSqlDatabase& db, const QString& sql, QString* error) {
  QSqlQuery q(db);
  if (q.exec(sql)) return true;
  if (error) *error = q.lastError().text() + QStringLiteral(" (") + sql.left(60) + QStringLiteral(")");
  return false;
}

// Rolls back unless committed: every write is one transaction, all or nothing.
class SqlTransaction {
 public:
  explicit SqlTransaction(QSqlDatabase db) : mDb(std::move(db)) { mOpen = mDb.transaction(); }
  ~SqlTransaction() {
    if (mOpen) mDb.rollback();
  }
  bool ok(QString* error) const {
    if (!mOpen && error) *error = QStringLiteral("cannot start a transaction: ") + mDb.lastError().text();
    return mOpen;
  }
  bool commit(QString* error) {
    mOpen = false;
    if (mDb.commit()) return true;
    if (error) *error = QStringLiteral("cannot commit: ") + mDb.lastError().text();
    mDb.rollback();
    return false;
  }

 private:
  QSqlDatabase mDb;
  bool mOpen = false;
};

}  // namespace mm::editor
