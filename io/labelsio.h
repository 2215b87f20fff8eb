#pragma once
// Quality labels as files for training pipelines: JSON (which also reads
// back, for `labels import`), CSV (one row per take and frame) and NumPy NPZ.
// Every export names each take's source file and frame rate; the files are
// written atomically, so a failed export leaves an existing file intact.
//
// JSON: {"format":"motionmender-labels","version":1,
//        "parts":[5 part names],"labels":["unlabelled","good","bad","unsure"],
//        "artifact_types":[type names, in code order],
//        "takes":[{"path","fps","frames","labelled_share",
//                  "runs":[{"part","start","end","label"[,"type"]}]}]}
//   runs are half-open frame ranges of one value on one part (unlabelled
//   cells are left out); "type" only on "bad" runs that name one.
// CSV:  take,path,fps,frame,<5 part label names>,<5 part>_type
//   one row per frame of every take; empty type cells where none is given.
// NPZ:  per take: labels (frames x 5, uint8, QualityLabel values 0..3),
//   types (frames x 5, uint8, ArtifactType code or 255), fps (float64
//   scalar), path (unicode string scalar '<U…'; bytes '|S…' when the path is
//   not UTF-8); once: parts ('<U…', 5), type_names ('<U…', one per type code),
//   label_names ('<U…', 4). With one take the per-take arrays sit at the top
//   ("labels", "types", ...); with several they are prefixed "take0/",
//   "take1/", ... in the order given, so np.load(f)["take1/labels"].
//   NPZ needs libzip at build time (labelsNpzAvailable()).
// Qt-free; no exceptions.

#include "io/ioerror.h"
#include "motion/labels/qualitylabels.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm {

// One take's labels and what identifies it in an export.
struct TakeLabels {
  std::string path;  // the take's source file, as the project stores it
  double fps = 30.0;
  QualityLabels labels;  // its frame count is the take's
};

enum class LabelsFormat { Json, Csv, Npz };
// "json", "csv", "npz" (case-insensitive); nullopt otherwise.
std::optional<LabelsFormat> parseLabelsFormat(std::string_view name);

std::string labelsJson(const std::vector<TakeLabels>& takes);
std::string labelsCsv(const std::vector<TakeLabels>& takes);

// Reads a labels JSON written by labelsJson. False with an error naming
// `file` and what is wrong (the take and run index) on anything malformed:
// unknown part, label or type names, runs outside the take, "type" on a
// label other than "bad". `out` is untouched on failure.
bool parseLabelsJson(std::string_view text, const std::string& file, std::vector<TakeLabels>* out, IoError* error);
bool readLabelsJson(const std::string& path, std::vector<TakeLabels>* out, IoError* error);

// False when this build has no libzip: writeLabelsNpz then always fails.
bool labelsNpzAvailable();

// Atomic writers; the error names `path`.
SaveResult writeLabelsJson(const std::string& path, const std::vector<TakeLabels>& takes);
SaveResult writeLabelsCsv(const std::string& path, const std::vector<TakeLabels>& takes);
SaveResult writeLabelsNpz(const std::string& path, const std::vector<TakeLabels>& takes);
SaveResult writeLabels(const std::string& path, LabelsFormat format, const std::vector<TakeLabels>& takes);

}  // namespace mm
