#include "inference/checkpoint.h"

#include "io/atomicfile.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>

namespace mm::inference {

namespace {

constexpr char kMagic[8] = {'M', 'M', 'M', 'O', 'D', 'E', 'L', '\0'};

std::uint32_t crc32(const char* data, size_t size) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) c = table[(c ^ static_cast<unsigned char>(data[i])) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <typename T>
bool get(const std::string& in, size_t& pos, T* v) {
  if (pos + sizeof(T) > in.size()) return false;
  std::memcpy(v, in.data() + pos, sizeof(T));
  pos += sizeof(T);
  return true;
}

nlohmann::json configJson(const ModelConfig& c) {
  return {{"name", c.name},          {"width", c.width},         {"layers", c.layers},
          {"heads", c.heads},        {"mlp_ratio", c.mlpRatio},  {"cond_width", c.condWidth},
          {"window", c.window},      {"overlap", c.overlap},     {"train_timesteps", c.trainTimesteps},
          {"batch", c.batch},        {"learning_rate", c.learningRate}, {"weight_decay", c.weightDecay},
          {"ema_decay", c.emaDecay}, {"prompt_dropout", c.promptDropout}, {"detect_share", c.detectShare},
          {"fps", c.fps},            {"residual", c.residual},    {"prior_dropout", c.priorDropout},
          {"text_actions", c.textActions}, {"text_styles", c.textStyles}, {"text_dropout", c.textDropout},
          {"text_tokens", c.textTokens}, {"generate_share", c.generateShare}};
}

ModelConfig configFromJson(const nlohmann::json& j) {
  ModelConfig c;
  c.name = j.at("name").get<std::string>();
  c.width = j.at("width").get<int>();
  c.layers = j.at("layers").get<int>();
  c.heads = j.at("heads").get<int>();
  c.mlpRatio = j.at("mlp_ratio").get<int>();
  c.condWidth = j.at("cond_width").get<int>();
  c.window = j.at("window").get<int>();
  c.overlap = j.at("overlap").get<int>();
  c.trainTimesteps = j.at("train_timesteps").get<int>();
  c.batch = j.at("batch").get<int>();
  c.learningRate = j.at("learning_rate").get<double>();
  c.weightDecay = j.at("weight_decay").get<double>();
  c.emaDecay = j.at("ema_decay").get<double>();
  c.promptDropout = j.at("prompt_dropout").get<double>();
  c.detectShare = j.at("detect_share").get<double>();
  c.fps = j.value("fps", 30.0);  // files before the field: Bandai's 30 fps
  c.residual = j.value("residual", false);  // version 1 files: no prior input
  c.priorDropout = j.value("prior_dropout", 0.15);
  c.textActions = j.value("text_actions", 0);  // files before text: unconditional
  c.textStyles = j.value("text_styles", 0);
  c.textDropout = j.value("text_dropout", 0.15);
  c.textTokens = j.value("text_tokens", false);  // files before the token path
  c.generateShare = j.value("generate_share", 0.5);
  return c;
}

}  // namespace

const NamedArray* Checkpoint::find(const std::string& name) const {
  for (const NamedArray& a : arrays)
    if (a.name == name) return &a;
  return nullptr;
}

bool saveCheckpoint(const Checkpoint& ck, const std::string& path, std::string* error) {
  auto fail = [&](const std::string& m) {
    if (error) *error = path + ": " + m;
    return false;
  };
  if (!ck.stats.valid()) return fail("the checkpoint has no normalisation statistics");
  nlohmann::json header = {{"config", configJson(ck.config)}, {"step", ck.step}, {"seed", ck.seed},
                           {"note", ck.note}, {"feature_count", kFeatureCount}};
  if (!ck.vocabulary.empty()) header["vocabulary"] = ck.vocabulary;
  nlohmann::json index = nlohmann::json::array();
  for (const NamedArray& a : ck.arrays) {
    size_t n = 1;
    for (auto d : a.shape) n *= static_cast<size_t>(d);
    if (n != a.data.size()) return fail("array '" + a.name + "' does not match its shape");
    index.push_back({{"name", a.name}, {"shape", a.shape}});
  }
  header["arrays"] = index;
  const std::string text = header.dump();

  std::string payload;
  put(payload, static_cast<std::uint32_t>(text.size()));
  payload += text;
  payload.append(reinterpret_cast<const char*>(ck.stats.mean.data()), kFeatureCount * sizeof(float));
  payload.append(reinterpret_cast<const char*>(ck.stats.std.data()), kFeatureCount * sizeof(float));
  for (const NamedArray& a : ck.arrays)
    payload.append(reinterpret_cast<const char*>(a.data.data()), a.data.size() * sizeof(float));

  std::string file(kMagic, sizeof(kMagic));
  put(file, kCheckpointVersion);
  put(file, static_cast<std::uint64_t>(payload.size()));
  file += payload;
  put(file, crc32(payload.data(), payload.size()));
  std::string why;
  if (!writeFileAtomically(path, file, &why)) return fail(why.empty() ? "cannot write the file" : why);
  return true;
}

bool loadCheckpoint(const std::string& path, Checkpoint* out, std::string* error) {
  auto fail = [&](const std::string& m) {
    if (error) *error = path + ": " + m;
    return false;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open the model file");
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() < sizeof(kMagic) || std::memcmp(file.data(), kMagic, sizeof(kMagic)) != 0)
    return fail("not a MotionMender model file");
  size_t pos = sizeof(kMagic);
  std::uint32_t version = 0;
  std::uint64_t size = 0;
  if (!get(file, pos, &version) || !get(file, pos, &size)) return fail("the model file is truncated");
  if (version < kOldestCheckpointVersion || version > kCheckpointVersion)
    return fail("model file format version " + std::to_string(version) + " is not supported (expected " +
                std::to_string(kOldestCheckpointVersion) + " to " + std::to_string(kCheckpointVersion) + ")");
  if (file.size() - pos < size + sizeof(std::uint32_t)) return fail("the model file is truncated");
  const std::string payload = file.substr(pos, size);
  pos += size;
  std::uint32_t crc = 0;
  get(file, pos, &crc);
  if (crc != crc32(payload.data(), payload.size())) return fail("the model file is damaged (checksum mismatch)");

  try {
    size_t p = 0;
    std::uint32_t textSize = 0;
    if (!get(payload, p, &textSize) || p + textSize > payload.size()) return fail("the model file is damaged");
    const auto header = nlohmann::json::parse(payload.substr(p, textSize));
    p += textSize;
    if (header.at("feature_count").get<int>() != kFeatureCount)
      return fail("the model was trained on another feature layout");
    Checkpoint ck;
    ck.config = configFromJson(header.at("config"));
    ck.step = header.at("step").get<std::int64_t>();
    ck.seed = header.at("seed").get<std::uint64_t>();
    ck.note = header.value("note", std::string());
    ck.vocabulary = header.value("vocabulary", std::string());
    auto readFloats = [&](std::vector<float>& v, size_t n) {
      if (p + n * sizeof(float) > payload.size()) return false;
      v.resize(n);
      std::memcpy(v.data(), payload.data() + p, n * sizeof(float));
      p += n * sizeof(float);
      return true;
    };
    if (!readFloats(ck.stats.mean, kFeatureCount) || !readFloats(ck.stats.std, kFeatureCount))
      return fail("the model file is damaged");
    for (const auto& entry : header.at("arrays")) {
      NamedArray a;
      a.name = entry.at("name").get<std::string>();
      a.shape = entry.at("shape").get<std::vector<std::int64_t>>();
      size_t n = 1;
      for (auto d : a.shape) {
        if (d < 0) return fail("the model file is damaged");
        n *= static_cast<size_t>(d);
      }
      if (!readFloats(a.data, n)) return fail("the model file is damaged (array '" + a.name + "' is cut short)");
      ck.arrays.push_back(std::move(a));
    }
    *out = std::move(ck);
  } catch (const std::exception& e) {
    return fail(std::string("the model file's header is unreadable: ") + e.what());
  }
  return true;
}

}  // namespace mm::inference
