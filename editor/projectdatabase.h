#pragma once
// The project file (.mmproj): an SQLite database holding the takes of a
// labelling/cleanup session, each take's edited clip (bit for bit, in
// 256-frame chunks so an edit rewrites only the chunks it touched), its
// review artifacts with their decisions, its quality labels (as runs) and
// its place and status in the work queue.
//
// Durability: WAL journal with synchronous=NORMAL and every write in its own
// transaction, so each call's effect is on disk when it returns and a killed
// process never leaves a damaged file (at worst the last call is missing).
//
// Opening never modifies a file that is not ours: a non-SQLite file, an
// SQLite database without our application id or schema table, a truncated
// copy or a project written by a newer build is refused with an error that
// names the file, and its bytes stay as they were.
//
// One instance is one connection: use it from one thread (the GUI thread or
// one worker), like any QSqlDatabase. Errors are reported through `error`
// arguments (may be null); no exceptions.

#include "editor/artifact.h"
#include "editor/projectschema.h"

#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QSqlDatabase;

namespace mm {
class Clip;
class QualityLabels;
}  // namespace mm

namespace mm::editor {

enum class QueueStatus : std::uint8_t { NotStarted = 0, InProgress = 1, Done = 2 };
constexpr int kQueueStatusCount = 3;
// "not_started", "in_progress", "done" (the spelling in the file and the CLI).
const char* queueStatusName(QueueStatus s);
std::optional<QueueStatus> parseQueueStatus(const QString& name);

// One take as the project lists it.
struct ProjectTake {
  int id = 0;              // > 0, stable for the life of the project
  QString sourcePath;      // absolute path of the source file when added
  QString sha256;          // lowercase hex SHA-256 of the source file's bytes
  QString format;          // mm::formatName of the source ("bvh", "asf/amc", ...)
  int frames = 0;          // frames of the source
  double fps = 0.0;        // frames per second of the source
  QueueStatus status = QueueStatus::NotStarted;
  int queuePosition = 0;   // 0-based order in the labelling queue
};

// What `project info` prints.
struct ProjectInfo {
  int takes = 0;
  std::array<int, kQueueStatusCount> takesByStatus{};  // indexed by QueueStatus
  int artifacts = 0;
  std::array<int, 4> artifactsByDecision{};  // indexed by Decision
  long long labelledCells = 0;               // (frame, part) cells not unlabelled
  long long cells = 0;                       // frames x 5 over all takes
  double labelledShare() const { return cells > 0 ? static_cast<double>(labelledCells) / cells : 0.0; }
};

class ProjectDatabase {
 public:
  // Version of the schema this build writes. Older files are migrated on
  // open (one step per version, each in a transaction); newer are refused.
  static constexpr int kSchemaVersion = kProjectSchemaVersion;
  // PRAGMA application_id of a project file: "MMPJ".
  static constexpr int kApplicationId = kProjectApplicationId;

  // Creates a new, empty project. Refuses to overwrite anything at `path`.
  // Null with `error` on failure (nothing is left behind then).
  static std::unique_ptr<ProjectDatabase> create(const QString& path, QString* error);
  // Opens an existing project read-write, migrating an older schema. Null
  // with `error` ("path: what is wrong") when the file is not a project of
  // this or an older version; such a file is not modified.
  static std::unique_ptr<ProjectDatabase> open(const QString& path, QString* error);

  ~ProjectDatabase();
  ProjectDatabase(const ProjectDatabase&) = delete;
  ProjectDatabase& operator=(const ProjectDatabase&) = delete;

  const QString& path() const { return mPath; }

  // Reads the motion file (mm::loadMotion) for its frames, fps and format,
  // hashes its bytes and appends it to the end of the queue. Returns the new
  // take id, or 0 with `error` (unreadable file, or a path already in the project).
  int addTake(const QString& sourcePath, QString* error);
  // In queue order.
  std::vector<ProjectTake> takes() const;
  // Moves a take to `position` (clamped to the queue) and renumbers the
  // queue 0..n-1, in one transaction.
  bool moveTake(int takeId, int position, QString* error);
  std::optional<ProjectTake> take(int takeId) const;

  // Stores the edited clip of a take. `dirtyFrameRanges` are the half-open
  // frame ranges changed since the last save; only the 256-frame chunks they
  // touch are rewritten. Empty ranges, a first save, or a changed skeleton,
  // fps or frame count rewrite everything. `chunksWritten` (may be null)
  // receives how many chunks were written.
  // `base` (optional) is the take's source as loaded: a first save of a clip
  // with the same skeleton, fps and frame count then stores only the dirty
  // chunks (sparse over the source: the first edit of an hour-long take
  // writes one chunk, not 1,700), and loadClip with the same base fills the
  // rest from it.
  bool saveClip(int takeId, const Clip& clip, const std::vector<std::pair<int, int>>& dirtyFrameRanges,
                QString* error, int* chunksWritten = nullptr, const Clip* base = nullptr);
  // The stored edited clip. False with an empty `error` when the take has no
  // edited clip yet (the caller loads the source); false with `error` when
  // the stored clip is damaged. `clip` is untouched on false.
  bool loadClip(int takeId, Clip* clip, QString* error, const Clip* base = nullptr) const;
  bool hasClip(int takeId) const;

  // Replaces the take's artifacts; also raises the take's next artifact id
  // above every id saved, so ids are never reused.
  bool saveArtifacts(int takeId, const std::vector<Artifact>& artifacts, QString* error);
  // Ordered by id; empty when none (or on error, with `error`).
  std::vector<Artifact> loadArtifacts(int takeId, QString* error = nullptr) const;
  // The id the next new artifact of the take gets (never one used before).
  int nextArtifactId(int takeId) const;
  // Returns nextArtifactId() and advances it (committed), or 0 on error.
  int allocateArtifactId(int takeId, QString* error);

  // Replaces the take's labels (stored as runs, with their frame count).
  bool saveLabels(int takeId, const QualityLabels& labels, QString* error);
  // The stored labels; all unlabelled over the take's frames when none were
  // saved. False with `error` for an unknown take or damaged rows.
  bool loadLabels(int takeId, QualityLabels* labels, QString* error) const;

  bool setStatus(int takeId, QueueStatus status, QString* error);
  // NotStarted for an unknown take.
  QueueStatus status(int takeId) const;

  ProjectInfo info() const;
  // PRAGMA integrity_check over the whole file: false with SQLite's findings
  // in `error` when it is damaged.
  bool checkIntegrity(QString* error) const;

 private:
  explicit ProjectDatabase(QString path);
  QSqlDatabase db() const;
  bool takeExists(int takeId, QString* error) const;
  QString fail(const QString& what) const;  // "path: what"

  QString mPath;
  QString mConnection;  // unique QSqlDatabase connection name
};

}  // namespace mm::editor
