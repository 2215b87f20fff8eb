#include "text/takelabels.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

namespace mm::text {

namespace fs = std::filesystem;

namespace {

// The dataset id of a label folder (as loadVocabularyFromLabelFolders names
// it): "ds" + N of the first "dataset-N_" line of content_label.txt, or the
// folder's name. Cached: thousands of takes share a folder.
std::string datasetOf(const fs::path& folder) {
  static std::mutex mutex;
  static std::map<fs::path, std::string> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(folder); it != cache.end()) return it->second;
  std::string id = folder.filename().string();
  std::ifstream in(folder / "content_label.txt");
  std::string line;
  if (in && std::getline(in, line) && line.rfind("dataset-", 0) == 0) {
    const size_t us = line.find('_');
    if (us != std::string::npos && us > 8) id = "ds" + line.substr(8, us - 8);
  }
  cache[folder] = id;
  return id;
}

}  // namespace

bool readTakeLabels(const MotionVocabulary& vocabulary, const std::string& motionPath, TakeLabels* out,
                    std::string* error) {
  *out = TakeLabels{};
  const fs::path path(motionPath);
  fs::path json = path;
  json.replace_extension(".json");
  std::ifstream in(json);
  if (!in) return true;  // unlabelled
  try {
    const auto j = nlohmann::json::parse(in);
    const int content = j.at("content").get<int>(), style = j.at("style").get<int>();
    out->dataset = datasetOf(path.parent_path());
    out->action = vocabulary.actionForLabel(out->dataset, content).value_or(-1);
    out->style = vocabulary.styleForLabel(out->dataset, style).value_or(-1);
  } catch (const std::exception& e) {
    if (error) *error = json.string() + ": the labels are unreadable (" + e.what() + ")";
    return false;
  }
  return true;
}

}  // namespace mm::text
