#include "projectrecord.h"

#ifdef MM_HAVE_EDITOR
#include "editor/artifact.h"
#include "editor/projectdatabase.h"
#include "motion/clip.h"
#include "motion/quality/qualityreport.h"
#include "motion/repair/artifactrepair.h"

#include <QFileInfo>

#include <memory>
#include <mutex>
#endif

namespace mm::cli {

#ifndef MM_HAVE_EDITOR

std::string recordInProject(const std::string& project, const std::string&, const QualityReport&, const Clip*,
                            const std::vector<RepairResult>*) {
  return project + ": project files need Qt 6 (Core, Gui, Sql): this build has no Qt";
}

#else

std::string recordInProject(const std::string& project, const std::string& takePath, const QualityReport& report,
                            const Clip* cleaned, const std::vector<RepairResult>* repairs) {
  using namespace mm::editor;
  static std::mutex oneWriter;
  std::lock_guard<std::mutex> lock(oneWriter);
  QString error;
  // A connection per call: the batch calls from several threads, and a Qt
  // database connection belongs to the thread that made it.
  std::unique_ptr<ProjectDatabase> db = ProjectDatabase::open(QString::fromStdString(project), &error);
  if (!db) return error.toStdString();
  const QString abs = QFileInfo(QString::fromStdString(takePath)).absoluteFilePath();
  int id = 0;
  for (const ProjectTake& t : db->takes())
    if (t.sourcePath == abs) id = t.id;
  if (!id && !(id = db->addTake(abs, &error))) return error.toStdString();
  // Merge as the editor's re-analysis does: decided artifacts keep their decision.
  int nextId = db->nextArtifactId(id);
  std::vector<Artifact> artifacts = mergeArtifacts(db->loadArtifacts(id), report, &nextId);
  if (repairs)
    for (Artifact& a : artifacts) {
      if (a.decision != Decision::Pending) continue;
      for (const RepairResult& r : *repairs)
        if (r.ok() && r.changed() && r.type == a.type && r.start == a.start && r.end == a.end) a.decision = Decision::Accepted;
    }
  if (!db->saveArtifacts(id, artifacts, &error)) return error.toStdString();
  if (cleaned && !db->saveClip(id, *cleaned, {}, &error)) return error.toStdString();
  return {};
}

#endif

}  // namespace mm::cli
