// project create | info and labels export | import: the .mmproj project file
// from the command line. The project file lives in the editor library
// (QtSql); a build without Qt has these commands but they only say so.
#include "cli.h"

#ifdef MM_HAVE_EDITOR
#include "editor/projectdatabase.h"
#include "io/labelsio.h"
#include "io/motionfile.h"
#include "motion/labels/qualitylabels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#endif

namespace mm::cli {

#ifndef MM_HAVE_EDITOR

int runProject(Args) { return fail(kError, "project files need Qt 6 (Core, Gui, Sql): this build has no Qt"); }
int runLabels(Args) { return fail(kError, "project files need Qt 6 (Core, Gui, Sql): this build has no Qt"); }

#else

namespace {

using editor::ProjectDatabase;
using editor::ProjectTake;

// QtSql loads its SQLite driver as a plugin, which wants an application object.
struct QtApp {
  int argc = 1;
  char name[17] = "motionmender-cli";
  char* argv[2] = {name, nullptr};
  QCoreApplication app{argc, argv};
};

QString qPath(const std::string& s) { return QFile::decodeName(s.c_str()); }

bool isReadableMotion(const QString& path) {
  const std::string ext = QFileInfo(path).suffix().toLower().toStdString();
  const std::vector<std::string> readable = readableExtensions();
  return std::find(readable.begin(), readable.end(), ext) != readable.end();
}

int projectCreate(Args& args) {
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() < 2) return fail(kUsage, "usage: project create P.mmproj TAKES...|DIR");
  // Named files must load; files found in a folder that do not are skipped with a warning.
  struct Input {
    QString path;
    bool fromFolder;
  };
  std::vector<Input> inputs;
  for (size_t i = 1; i < pos.size(); ++i) {
    const QString arg = qPath(pos[i]);
    if (!QFileInfo(arg).isDir()) {
      inputs.push_back({arg, false});
      continue;
    }
    QStringList names = QDir(arg).entryList(QDir::Files | QDir::Readable, QDir::Name);
    int found = 0;
    for (const QString& name : names) {
      const QString file = QDir(arg).filePath(name);
      if (!isReadableMotion(file)) continue;
      inputs.push_back({file, true});
      ++found;
    }
    if (found == 0) return fail(kError, pos[i] + ": no readable motion files in this folder");
  }
  QString qerror;
  std::unique_ptr<ProjectDatabase> project = ProjectDatabase::create(qPath(pos[0]), &qerror);
  if (!project) return fail(kError, qerror.toStdString());
  int added = 0;
  for (const Input& in : inputs) {
    if (project->addTake(in.path, &qerror) > 0) {
      ++added;
      continue;
    }
    if (in.fromFolder) {
      std::fprintf(stderr, "motionmender-cli: warning: skipped %s\n", qerror.toUtf8().constData());
      continue;
    }
    // A take named on the command line failed: the new project is removed, not left half made.
    project.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(qPath(pos[0]) + QLatin1String(suffix));
    return fail(kError, qerror.toStdString());
  }
  std::printf("created %s with %d take%s\n", pos[0].c_str(), added, added == 1 ? "" : "s");
  return kOk;
}

std::unique_ptr<ProjectDatabase> openProject(const std::string& path, std::string* error) {
  QString qerror;
  std::unique_ptr<ProjectDatabase> p = ProjectDatabase::open(qPath(path), &qerror);
  if (!p) *error = qerror.toStdString();
  return p;
}

int projectInfo(Args& args) {
  const bool json = args.takeFlag("--json");
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1) return fail(kUsage, "usage: project info P.mmproj [--json]");
  std::unique_ptr<ProjectDatabase> project = openProject(pos[0], &error);
  if (!project) return fail(kError, error);
  const editor::ProjectInfo info = project->info();
  const std::vector<ProjectTake> takes = project->takes();

  nlohmann::ordered_json j;
  j["file"] = pos[0];
  j["schema_version"] = ProjectDatabase::kSchemaVersion;
  nlohmann::ordered_json queue, decisions;
  for (int s = 0; s < editor::kQueueStatusCount; ++s)
    queue[editor::queueStatusName(static_cast<editor::QueueStatus>(s))] = info.takesByStatus[s];
  decisions["total"] = info.artifacts;
  for (int d = 0; d < 4; ++d) decisions[editor::decisionName(static_cast<editor::Decision>(d))] = info.artifactsByDecision[d];
  j["take_count"] = info.takes;
  j["queue"] = queue;
  j["artifacts"] = decisions;
  j["labelled_cells"] = info.labelledCells;
  j["cells"] = info.cells;
  j["labelled_share"] = info.labelledShare();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ProjectTake& t : takes) {
    QualityLabels labels;
    QString qerror;
    if (!project->loadLabels(t.id, &labels, &qerror)) return fail(kError, qerror.toStdString());
    nlohmann::ordered_json o;
    o["id"] = t.id;
    o["position"] = t.queuePosition;
    o["path"] = t.sourcePath.toStdString();
    o["format"] = t.format.toStdString();
    o["sha256"] = t.sha256.toStdString();
    o["frames"] = t.frames;
    o["fps"] = t.fps;
    o["status"] = editor::queueStatusName(t.status);
    o["edited"] = project->hasClip(t.id);
    o["artifacts"] = project->loadArtifacts(t.id).size();
    o["labelled_share"] = labels.labelledShare();
    list.push_back(std::move(o));
  }
  j["takes"] = std::move(list);
  if (json) {
    std::printf("%s\n", j.dump(2).c_str());
    return kOk;
  }
  std::printf("project:   %s (schema %d)\n", pos[0].c_str(), ProjectDatabase::kSchemaVersion);
  std::printf("takes:     %d (not started %d, in progress %d, done %d)\n", info.takes, info.takesByStatus[0],
              info.takesByStatus[1], info.takesByStatus[2]);
  std::printf("artifacts: %d (pending %d, accepted %d, rejected %d, edited %d)\n", info.artifacts,
              info.artifactsByDecision[0], info.artifactsByDecision[1], info.artifactsByDecision[2],
              info.artifactsByDecision[3]);
  std::printf("labelled:  %.1f%% of %lld frame-part cells\n", 100.0 * info.labelledShare(), info.cells);
  std::printf("%4s  %-11s %7s %7s %9s %9s  %s\n", "id", "status", "frames", "fps", "labelled", "artifacts", "path");
  for (const auto& t : j["takes"])
    std::printf("%4d  %-11s %7d %7g %8.1f%% %9d  %s%s\n", t["id"].get<int>(), t["status"].get<std::string>().c_str(),
                t["frames"].get<int>(), t["fps"].get<double>(), 100.0 * t["labelled_share"].get<double>(),
                t["artifacts"].get<int>(), t["path"].get<std::string>().c_str(), t["edited"].get<bool>() ? " (edited)" : "");
  return kOk;
}

int labelsExport(Args& args) {
  std::string formatName, out, takeText;
  const bool hasFormat = args.takeOption("--format", &formatName);
  if (!args.takeOption("-o", &out) && !args.takeOption("--output", &out))
    return fail(kUsage, "usage: labels export P.mmproj --format json|csv|npz -o OUT [--take N]");
  const bool oneTake = args.takeOption("--take", &takeText);
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 1) return fail(kUsage, "usage: labels export P.mmproj --format json|csv|npz -o OUT [--take N]");
  // Without --format the output's extension decides.
  if (!hasFormat) formatName = QFileInfo(qPath(out)).suffix().toStdString();
  const std::optional<LabelsFormat> format = parseLabelsFormat(formatName);
  if (!format) return fail(kUsage, "--format must be json, csv or npz");
  int takeId = 0;
  if (oneTake) {
    bool ok = false;
    takeId = QString::fromStdString(takeText).toInt(&ok);
    if (!ok || takeId <= 0) return fail(kUsage, "--take needs a take id (see 'project info')");
  }
  std::unique_ptr<ProjectDatabase> project = openProject(pos[0], &error);
  if (!project) return fail(kError, error);
  std::vector<TakeLabels> takes;
  for (const ProjectTake& t : project->takes()) {
    if (oneTake && t.id != takeId) continue;
    TakeLabels tl;
    tl.path = t.sourcePath.toStdString();
    tl.fps = t.fps;
    QString qerror;
    if (!project->loadLabels(t.id, &tl.labels, &qerror)) return fail(kError, qerror.toStdString());
    takes.push_back(std::move(tl));
  }
  if (oneTake && takes.empty()) return fail(kError, pos[0] + ": no take " + takeText + " in the project");
  const SaveResult r = writeLabels(out, *format, takes);
  if (!r.ok) return fail(kError, r.error.toString());
  std::printf("wrote the labels of %zu take%s to %s\n", takes.size(), takes.size() == 1 ? "" : "s", out.c_str());
  return kOk;
}

// The project take a labels file's take means: the same path, else the
// only take with the same file name (projects move between machines).
const ProjectTake* matchTake(const std::vector<ProjectTake>& takes, const std::string& path) {
  const QString wanted = QString::fromStdString(path);
  for (const ProjectTake& t : takes)
    if (t.sourcePath == wanted) return &t;
  const ProjectTake* found = nullptr;
  for (const ProjectTake& t : takes)
    if (QFileInfo(t.sourcePath).fileName() == QFileInfo(wanted).fileName()) {
      if (found) return nullptr;
      found = &t;
    }
  return found;
}

int labelsImport(Args& args) {
  std::vector<std::string> pos;
  std::string error;
  if (!args.positionals(&pos, &error)) return fail(kUsage, error);
  if (pos.size() != 2) return fail(kUsage, "usage: labels import P.mmproj LABELS.json");
  std::vector<TakeLabels> imported;
  IoError ioError;
  if (!readLabelsJson(pos[1], &imported, &ioError)) return fail(kError, ioError.toString());
  std::unique_ptr<ProjectDatabase> project = openProject(pos[0], &error);
  if (!project) return fail(kError, error);
  const std::vector<ProjectTake> takes = project->takes();
  // Check every take first, so a bad file changes nothing.
  std::vector<std::pair<int, QualityLabels>> merged;
  long long cells = 0;
  for (size_t i = 0; i < imported.size(); ++i) {
    const ProjectTake* t = matchTake(takes, imported[i].path);
    const std::string where = pos[1] + ": take " + std::to_string(i) + " (" + imported[i].path + ")";
    if (!t) return fail(kError, where + " matches no take of " + pos[0]);
    QualityLabels current;
    QString qerror;
    if (!project->loadLabels(t->id, &current, &qerror)) return fail(kError, qerror.toStdString());
    const QualityLabels& in = imported[i].labels;
    if (in.frameCount() != current.frameCount())
      return fail(kError, where + " has " + std::to_string(in.frameCount()) + " frames, the project's take " +
                              std::to_string(current.frameCount()));
    // Cells the file labels replace the project's; cells it leaves unlabelled keep theirs.
    for (int f = 0; f < in.frameCount(); ++f)
      for (BodyPart p : kAllBodyParts)
        if (in.label(f, p) != QualityLabel::Unlabelled) {
          current.set(f, p, in.label(f, p), in.type(f, p));
          ++cells;
        }
    merged.emplace_back(t->id, std::move(current));
  }
  for (const auto& [id, labels] : merged) {
    QString qerror;
    if (!project->saveLabels(id, labels, &qerror)) return fail(kError, qerror.toStdString());
  }
  std::printf("imported %lld labelled cells into %zu take%s of %s\n", cells, merged.size(),
              merged.size() == 1 ? "" : "s", pos[0].c_str());
  return kOk;
}

}  // namespace

int runProject(Args args) {
  QtApp qt;
  const std::string what = args.shift();
  if (what == "create") return projectCreate(args);
  if (what == "info") return projectInfo(args);
  return fail(kUsage, "usage: project create P.mmproj TAKES...|DIR  |  project info P.mmproj [--json]");
}

int runLabels(Args args) {
  QtApp qt;
  const std::string what = args.shift();
  if (what == "export") return labelsExport(args);
  if (what == "import") return labelsImport(args);
  return fail(kUsage,
              "usage: labels export P.mmproj --format json|csv|npz -o OUT [--take N]  |  labels import P.mmproj "
              "LABELS.json");
}

#endif

}  // namespace mm::cli
