#include "io/labelsio.h"

#include "io/atomicfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#ifdef MM_HAVE_LIBZIP
#include <zip.h>
#endif

namespace mm {
namespace {

constexpr const char* kFormatName = "motionmender-labels";
constexpr int kFormatVersion = 1;
constexpr QualityLabel kAllLabels[] = {QualityLabel::Unlabelled, QualityLabel::Good, QualityLabel::Bad,
                                       QualityLabel::Unsure};

// RFC 4180 quoting, only where a field needs it (paths may hold commas).
std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string formatDouble(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

#ifdef MM_HAVE_LIBZIP
// --- NPZ: a zip of .npy files (NumPy format 1.0) ---------------------------

std::string npyFile(const std::string& descr, const std::vector<size_t>& shape, std::string_view data) {
  std::string shapeText = "(";
  for (size_t i = 0; i < shape.size(); ++i) shapeText += (i ? ", " : "") + std::to_string(shape[i]);
  if (shape.size() == 1) shapeText += ",";
  shapeText += ")";
  std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
  // NumPy aligns the data to 64 bytes: magic (6) + version (2) + length (2) + dict + '\n'.
  const size_t unpadded = 10 + dict.size() + 1;
  dict.append((64 - unpadded % 64) % 64, ' ');
  dict += '\n';
  std::string out("\x93NUMPY\x01\x00", 8);
  out += static_cast<char>(dict.size() & 0xff);
  out += static_cast<char>((dict.size() >> 8) & 0xff);
  out += dict;
  out.append(data.data(), data.size());
  return out;
}

// UTF-8 to code points; false on malformed input.
bool decodeUtf8(const std::string& s, std::vector<std::uint32_t>* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) return false;
    std::uint32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k <= extra; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 0x2) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    out->push_back(cp);
    i += extra + 1;
  }
  return true;
}

// A NumPy unicode array ('<U n', UTF-32LE, zero padded) of `shape` elements.
std::string npyStrings(const std::vector<std::string>& items, const std::vector<size_t>& shape) {
  std::vector<std::vector<std::uint32_t>> decoded(items.size());
  size_t width = 1;
  for (size_t i = 0; i < items.size(); ++i) {
    decodeUtf8(items[i], &decoded[i]);
    width = std::max(width, decoded[i].size());
  }
  std::string data;
  for (const auto& cps : decoded)
    for (size_t k = 0; k < width; ++k) {
      const std::uint32_t cp = k < cps.size() ? cps[k] : 0;
      for (int b = 0; b < 4; ++b) data += static_cast<char>((cp >> (8 * b)) & 0xff);
    }
  return npyFile("<U" + std::to_string(width), shape, data);
}

std::string npyPath(const std::string& path) {
  std::vector<std::uint32_t> cps;
  if (decodeUtf8(path, &cps)) return npyStrings({path}, {});
  // Not UTF-8 (a raw byte file name): keep the bytes exactly.
  std::string data = path;
  if (data.empty()) data.push_back('\0');
  return npyFile("|S" + std::to_string(data.size()), {}, data);
}

std::string npyFloat64(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, 8);
  std::string data;
  for (int b = 0; b < 8; ++b) data += static_cast<char>((bits >> (8 * b)) & 0xff);
  return npyFile("<f8", {}, data);
}

std::string npyBytes(const std::vector<std::uint8_t>& v, size_t rows, size_t cols) {
  return npyFile("|u1", {rows, cols}, std::string_view(reinterpret_cast<const char*>(v.data()), v.size()));
}

struct NpyMember {
  std::string name;  // without ".npy"
  std::string bytes;
};

std::vector<NpyMember> npzMembers(const std::vector<TakeLabels>& takes) {
  std::vector<NpyMember> out;
  std::vector<std::string> parts, typeNames, labelNames;
  for (BodyPart p : kAllBodyParts) parts.push_back(bodyPartName(p));
  for (int t = 0; t < kArtifactTypeCount; ++t) typeNames.push_back(artifactTypeName(static_cast<ArtifactType>(t)));
  for (QualityLabel l : kAllLabels) labelNames.push_back(qualityLabelName(l));
  for (size_t i = 0; i < takes.size(); ++i) {
    const std::string prefix = takes.size() == 1 ? "" : "take" + std::to_string(i) + "/";
    const QualityLabels& l = takes[i].labels;
    const size_t frames = static_cast<size_t>(l.frameCount());
    out.push_back({prefix + "labels", npyBytes(l.values(), frames, kBodyPartCount)});
    out.push_back({prefix + "types", npyBytes(l.typeCodes(), frames, kBodyPartCount)});
    out.push_back({prefix + "fps", npyFloat64(takes[i].fps)});
    out.push_back({prefix + "path", npyPath(takes[i].path)});
  }
  out.push_back({"parts", npyStrings(parts, {parts.size()})});
  out.push_back({"type_names", npyStrings(typeNames, {typeNames.size()})});
  out.push_back({"label_names", npyStrings(labelNames, {labelNames.size()})});
  return out;
}

// Builds the archive in memory, so that AtomicFile does the writing.
bool zipInMemory(const std::vector<NpyMember>& members, std::string* out, std::string* error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
  if (!src) {
    *error = std::string("cannot start the archive: ") + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return false;
  }
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  if (!za) {
    *error = std::string("cannot start the archive: ") + zip_error_strerror(&ze);
    zip_source_free(src);
    zip_error_fini(&ze);
    return false;
  }
  zip_source_keep(src);  // read the finished archive back after zip_close
  bool ok = true;
  for (const NpyMember& m : members) {
    zip_source_t* file = zip_source_buffer(za, m.bytes.data(), m.bytes.size(), 0);
    const std::string name = m.name + ".npy";
    const zip_int64_t index = file ? zip_file_add(za, name.c_str(), file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip_source_free(file);
      *error = "cannot add " + name + ": " + zip_strerror(za);
      ok = false;
      break;
    }
    // Stored, like np.savez: the arrays are small and np.load reads them without inflating.
    zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (!ok) {
    zip_discard(za);
  } else if (zip_close(za) != 0) {
    *error = std::string("cannot finish the archive: ") + zip_strerror(za);
    zip_discard(za);
    ok = false;
  }
  if (ok) {
    zip_stat_t st;
    if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
      *error = "cannot read the finished archive";
      ok = false;
    } else {
      out->resize(static_cast<size_t>(st.size));
      const zip_int64_t n = zip_source_read(src, out->data(), st.size);
      zip_source_close(src);
      if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
        *error = "cannot read the finished archive";
        ok = false;
      }
    }
  }
  zip_source_free(src);
  zip_error_fini(&ze);
  return ok;
}
#endif

IoError jsonError(const std::string& file, const std::string& what) { return IoError{file, 0, what}; }

}  // namespace

std::optional<LabelsFormat> parseLabelsFormat(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "json") return LabelsFormat::Json;
  if (lower == "csv") return LabelsFormat::Csv;
  if (lower == "npz") return LabelsFormat::Npz;
  return std::nullopt;
}

std::string labelsJson(const std::vector<TakeLabels>& takes) {
  nlohmann::ordered_json j;
  j["format"] = kFormatName;
  j["version"] = kFormatVersion;
  nlohmann::json parts = nlohmann::json::array(), labels = nlohmann::json::array(), types = nlohmann::json::array();
  for (BodyPart p : kAllBodyParts) parts.push_back(bodyPartName(p));
  for (QualityLabel l : kAllLabels) labels.push_back(qualityLabelName(l));
  for (int t = 0; t < kArtifactTypeCount; ++t) types.push_back(artifactTypeName(static_cast<ArtifactType>(t)));
  j["parts"] = parts;
  j["labels"] = labels;
  j["artifact_types"] = types;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const TakeLabels& take : takes) {
    nlohmann::ordered_json t;
    t["path"] = take.path;
    t["fps"] = take.fps;
    t["frames"] = take.labels.frameCount();
    t["labelled_share"] = take.labels.labelledShare();
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (const LabelRun& r : take.labels.runs()) {
      nlohmann::ordered_json o;
      o["part"] = bodyPartName(r.part);
      o["start"] = r.start;
      o["end"] = r.end;
      o["label"] = qualityLabelName(r.label);
      if (r.type) o["type"] = artifactTypeName(*r.type);
      runs.push_back(std::move(o));
    }
    t["runs"] = std::move(runs);
    list.push_back(std::move(t));
  }
  j["takes"] = std::move(list);
  // replace: a path that is not UTF-8 must not throw out of io/.
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string labelsCsv(const std::vector<TakeLabels>& takes) {
  std::string out = "take,path,fps,frame";
  for (BodyPart p : kAllBodyParts) out += std::string(",") + bodyPartName(p);
  for (BodyPart p : kAllBodyParts) out += std::string(",") + bodyPartName(p) + "_type";
  out += '\n';
  for (size_t i = 0; i < takes.size(); ++i) {
    const std::string prefix = std::to_string(i) + "," + csvField(takes[i].path) + "," + formatDouble(takes[i].fps) + ",";
    const QualityLabels& l = takes[i].labels;
    for (int f = 0; f < l.frameCount(); ++f) {
      out += prefix + std::to_string(f);
      for (BodyPart p : kAllBodyParts) out += std::string(",") + qualityLabelName(l.label(f, p));
      for (BodyPart p : kAllBodyParts) {
        out += ',';
        if (const auto t = l.type(f, p)) out += artifactTypeName(*t);
      }
      out += '\n';
    }
  }
  return out;
}

bool parseLabelsJson(std::string_view text, const std::string& file, std::vector<TakeLabels>* out, IoError* error) {
  const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *error = jsonError(file, "not a JSON object");
    return false;
  }
  if (!j.contains("format") || j["format"] != kFormatName) {
    *error = jsonError(file, std::string("not a labels file (\"format\" is not \"") + kFormatName + "\")");
    return false;
  }
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() > kFormatVersion) {
    *error = jsonError(file, "labels format version is missing or newer than this build reads (" +
                                 std::to_string(kFormatVersion) + ")");
    return false;
  }
  if (!j.contains("takes") || !j["takes"].is_array()) {
    *error = jsonError(file, "\"takes\" must be an array");
    return false;
  }
  std::vector<TakeLabels> takes;
  for (size_t i = 0; i < j["takes"].size(); ++i) {
    const nlohmann::json& t = j["takes"][i];
    const std::string where = "take " + std::to_string(i);
    if (!t.is_object() || !t.contains("path") || !t["path"].is_string() || !t.contains("frames") ||
        !t["frames"].is_number_integer() || t["frames"].get<long long>() < 0 ||
        t["frames"].get<long long>() > 0x7fffffff || !t.contains("runs") || !t["runs"].is_array()) {
      *error = jsonError(file, where + ": needs \"path\", \"frames\" (a count) and \"runs\" (an array)");
      return false;
    }
    TakeLabels take;
    take.path = t["path"].get<std::string>();
    if (t.contains("fps")) {
      if (!t["fps"].is_number() || !(t["fps"].get<double>() > 0)) {
        *error = jsonError(file, where + ": \"fps\" must be a positive number");
        return false;
      }
      take.fps = t["fps"].get<double>();
    }
    const int frames = t["frames"].get<int>();
    std::vector<LabelRun> runs;
    for (size_t k = 0; k < t["runs"].size(); ++k) {
      const nlohmann::json& r = t["runs"][k];
      const std::string at = where + " run " + std::to_string(k);
      if (!r.is_object() || !r.contains("part") || !r["part"].is_string() || !r.contains("label") ||
          !r["label"].is_string() || !r.contains("start") || !r["start"].is_number_integer() || !r.contains("end") ||
          !r["end"].is_number_integer()) {
        *error = jsonError(file, at + ": needs \"part\", \"start\", \"end\" and \"label\"");
        return false;
      }
      LabelRun run;
      const auto part = parseBodyPart(r["part"].get<std::string>());
      const auto label = parseQualityLabel(r["label"].get<std::string>().c_str());
      if (!part) {
        *error = jsonError(file, at + ": unknown part '" + r["part"].get<std::string>() + "'");
        return false;
      }
      if (!label) {
        *error = jsonError(file, at + ": unknown label '" + r["label"].get<std::string>() + "'");
        return false;
      }
      const long long start = r["start"].get<long long>(), end = r["end"].get<long long>();
      if (start < 0 || end <= start || end > frames) {
        *error = jsonError(file, at + ": frames [" + std::to_string(start) + ", " + std::to_string(end) +
                                     ") are not inside the take's " + std::to_string(frames) + " frames");
        return false;
      }
      run.part = *part;
      run.label = *label;
      run.start = static_cast<int>(start);
      run.end = static_cast<int>(end);
      if (r.contains("type") && !r["type"].is_null()) {
        const auto type = r["type"].is_string() ? parseArtifactType(r["type"].get<std::string>()) : std::nullopt;
        if (!type) {
          *error = jsonError(file, at + ": unknown artifact type " + r["type"].dump());
          return false;
        }
        if (run.label != QualityLabel::Bad) {
          *error = jsonError(file, at + ": only a \"bad\" run can name an artifact type");
          return false;
        }
        run.type = type;
      }
      runs.push_back(run);
    }
    take.labels = QualityLabels::fromRuns(frames, runs);
    takes.push_back(std::move(take));
  }
  *out = std::move(takes);
  return true;
}

bool readLabelsJson(const std::string& path, std::vector<TakeLabels>* out, IoError* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = IoError{path, 0, "cannot open the labels file"};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parseLabelsJson(ss.str(), path, out, error);
}

bool labelsNpzAvailable() {
#ifdef MM_HAVE_LIBZIP
  return true;
#else
  return false;
#endif
}

SaveResult writeLabelsJson(const std::string& path, const std::vector<TakeLabels>& takes) {
  std::string error;
  if (!writeFileAtomically(path, labelsJson(takes), &error)) return SaveResult::failure(path, error);
  return {};
}

SaveResult writeLabelsCsv(const std::string& path, const std::vector<TakeLabels>& takes) {
  std::string error;
  if (!writeFileAtomically(path, labelsCsv(takes), &error)) return SaveResult::failure(path, error);
  return {};
}

SaveResult writeLabelsNpz(const std::string& path, const std::vector<TakeLabels>& takes) {
#ifdef MM_HAVE_LIBZIP
  std::string bytes, error;
  if (!zipInMemory(npzMembers(takes), &bytes, &error)) return SaveResult::failure(path, error);
  if (!writeFileAtomically(path, bytes, &error)) return SaveResult::failure(path, error);
  return {};
#else
  (void)takes;
  return SaveResult::failure(path, "NPZ export is not available: this build has no libzip (JSON and CSV work)");
#endif
}

SaveResult writeLabels(const std::string& path, LabelsFormat format, const std::vector<TakeLabels>& takes) {
  switch (format) {
    case LabelsFormat::Json: return writeLabelsJson(path, takes);
    case LabelsFormat::Csv: return writeLabelsCsv(path, takes);
    case LabelsFormat::Npz: return writeLabelsNpz(path, takes);
  }
  return SaveResult::failure(path, "unknown labels format");
}

}  // namespace mm
