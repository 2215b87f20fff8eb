#include "tasks/autotable.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mm::tasks {

std::optional<AutoRule> AutoTable::find(const std::string& task, const std::string& kind, int frames,
                                        double clipFps) const {
  if (clipFps > 0 && fps > 0) frames = static_cast<int>(std::lround(frames * fps / clipFps));
  const AutoRule* best = nullptr;
  for (const AutoRule& r : rules) {
    if (r.task != task || r.kind != kind) continue;
    const int d = std::abs(r.frames - frames), bestD = best ? std::abs(best->frames - frames) : 0;
    if (!best || d < bestD || (d == bestD && r.frames > best->frames)) best = &r;
  }
  if (!best) return std::nullopt;
  return *best;
}

void AutoTable::replaceTask(const std::string& task, const std::vector<AutoRule>& taskRules) {
  std::vector<AutoRule> kept;
  for (const AutoRule& r : rules)
    if (r.task != task) kept.push_back(r);
  kept.insert(kept.end(), taskRules.begin(), taskRules.end());
  rules = std::move(kept);
}

bool AutoTable::load(const std::string& path, AutoTable* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    if (error) *error = path + ": cannot open the auto table";
    return false;
  }
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("format", 0) != 1) {
      if (error) *error = path + ": not an auto table (format 1)";
      return false;
    }
    AutoTable t;
    t.weights = j.value("weights", std::string());
    t.trainedSteps = j.value("trained_steps", 0LL);
    t.fps = j.value("fps", 30.0);
    for (const auto& r : j.at("rules")) {
      AutoRule rule;
      rule.task = r.at("task").get<std::string>();
      rule.kind = r.at("kind").get<std::string>();
      rule.frames = r.value("frames", 0);
      const std::string method = r.at("method").get<std::string>();
      if (method != "model" && method != "classic") {
        if (error) *error = path + ": unknown method '" + method + "'";
        return false;
      }
      rule.model = method == "model";
      rule.modelScore = r.value("model", 0.0);
      rule.classicScore = r.value("classic", 0.0);
      rule.metric = r.value("metric", std::string());
      t.rules.push_back(std::move(rule));
    }
    *out = std::move(t);
    return true;
  } catch (const std::exception& e) {
    if (error) *error = path + ": " + e.what();
    return false;
  }
}

bool AutoTable::save(const std::string& path, std::string* error) const {
  nlohmann::json rows = nlohmann::json::array();
  for (const AutoRule& r : rules)
    rows.push_back({{"task", r.task},
                    {"kind", r.kind},
                    {"frames", r.frames},
                    {"method", r.model ? "model" : "classic"},
                    {"model", r.modelScore},
                    {"classic", r.classicScore},
                    {"metric", r.metric}});
  const nlohmann::json j = {{"format", 1}, {"weights", weights}, {"trained_steps", trainedSteps},
                             {"fps", fps},       {"rules", rows}};
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << j.dump(1) << "\n";
    if (!out) {
      if (error) *error = path + ": cannot write the auto table";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    if (error) *error = path + ": cannot write the auto table";
    return false;
  }
  return true;
}

std::string autoTablePath(const std::string& weightsPath) {
  const std::string ext = ".mmmodel";
  std::string base = weightsPath;
  if (base.size() > ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0)
    base.resize(base.size() - ext.size());
  return base + ".auto.json";
}

std::optional<AutoTable> autoTableFor(const std::string& weightsPath) {
  AutoTable t;
  std::string error;
  if (!AutoTable::load(autoTablePath(weightsPath), &t, &error)) return std::nullopt;
  return t;
}

}  // namespace mm::tasks
