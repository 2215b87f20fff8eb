#include "io/assimp/assimpio.h"

#include "motion/rotations.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/scene.h>

#include <Eigen/Geometry>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mm {
namespace {
namespace fs = std::filesystem;

// Refuses absurd sample counts from damaged files before allocating.
constexpr long long kMaxSamples = 200'000'000;  // frames x joints
// A clip is sampled from the file's keys, so its length is bounded by what
// the keys can describe: at most kFramesPerKey frames per key (over all
// channels) beyond kFreeSeconds at the clip's rate. Baked animations have a
// key per frame and channel; hand-keyed ones a key every few seconds at most.
// One damaged key time (a 72 KB GLB whose key said 35 hours) would otherwise
// make millions of frames of interpolated poses, gigabytes, before anything
// else can reject it.
constexpr double kFramesPerKey = 100;
constexpr double kFreeSeconds = 600;

Eigen::Vector3d toEigen(const aiVector3D& v) { return {v.x, v.y, v.z}; }
Eigen::Quaterniond toEigen(const aiQuaternion& q) { return Eigen::Quaterniond(q.w, q.x, q.y, q.z).normalized(); }

// A node's rest transform split into what our skeleton can hold: translation,
// rotation and one uniform scale (the geometric mean of the axis scales).
struct Trs {
  Eigen::Vector3d t = Eigen::Vector3d::Zero();
  Eigen::Quaterniond r = Eigen::Quaterniond::Identity();
  double s = 1.0;
};

Trs decompose(const aiMatrix4x4& m) {
  aiVector3D scaling, position;
  aiQuaternion rotation;
  m.Decompose(scaling, rotation, position);
  Trs out;
  out.t = toEigen(position);
  out.r = toEigen(rotation);
  const double det = std::abs(double(scaling.x) * scaling.y * scaling.z);
  out.s = det > 0 ? std::cbrt(det) : 1.0;
  return out;
}

// Keys of one channel in seconds, sorted, with a cursor for monotonic sampling.
template <typename Value>
struct Track {
  std::vector<double> times;
  std::vector<Value> values;
  size_t cursor = 0;
  bool empty() const { return times.empty(); }
  // Index i with times[i] <= t < times[i+1] (clamped), for increasing t.
  size_t locate(double t) {
    if (cursor >= times.size()) cursor = 0;
    if (t < times[cursor]) cursor = 0;
    while (cursor + 1 < times.size() && times[cursor + 1] <= t) ++cursor;
    return cursor;
  }
};

template <typename Key, typename Value, typename Convert>
Track<Value> makeTrack(const Key* keys, unsigned count, double ticksPerSecond, Convert convert) {
  std::vector<std::pair<double, Value>> pairs;
  pairs.reserve(count);
  for (unsigned i = 0; i < count; ++i)
    if (std::isfinite(keys[i].mTime)) pairs.emplace_back(keys[i].mTime / ticksPerSecond, convert(keys[i].mValue));
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Track<Value> track;
  for (auto& p : pairs) {
    track.times.push_back(p.first);
    track.values.push_back(p.second);
  }
  return track;
}

Eigen::Quaterniond sample(Track<Eigen::Quaterniond>& track, double t) {
  const size_t i = track.locate(t);
  if (i + 1 >= track.times.size() || t <= track.times[i]) return track.values[i];
  const double span = track.times[i + 1] - track.times[i];
  const double u = span > 0 ? std::clamp((t - track.times[i]) / span, 0.0, 1.0) : 0.0;
  return track.values[i].slerp(u, track.values[i + 1]).normalized();  // Eigen's slerp takes the short way
}

Eigen::Vector3d sample(Track<Eigen::Vector3d>& track, double t) {
  const size_t i = track.locate(t);
  if (i + 1 >= track.times.size() || t <= track.times[i]) return track.values[i];
  const double span = track.times[i + 1] - track.times[i];
  const double u = span > 0 ? std::clamp((t - track.times[i]) / span, 0.0, 1.0) : 0.0;
  return (1.0 - u) * track.values[i] + u * track.values[i + 1];
}

// The frame rate the keys were written at, 0 if they are not evenly spaced.
// Key times often come back as float32 seconds (glTF), whose precision drops
// with time (7.6e-6 s at 2 minutes, 6.1e-5 s at 17 minutes), so the step is
// measured among the first keys, where they are exact to about 1e-7 s, and
// snapped to a whole or NTSC rate; later keys are checked against that grid
// with a tolerance that grows like float32 rounding.
double regularRate(std::vector<double> times, double* start, double* end) {
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end(), [](double a, double b) { return b - a <= 1e-9; }), times.end());
  *start = times.front();
  *end = times.back();
  if (times.size() < 2) return 0;
  double step = 0;
  for (size_t i = 1; i < std::min<size_t>(times.size(), 64); ++i) {
    const double d = times[i] - times[i - 1];
    if (d > 1e-7 && (step == 0 || d < step)) step = d;
  }
  if (step == 0) return 0;
  double fps = 1.0 / step;
  const double tolerance = 1e-6 + 4e-7 * std::abs(times[std::min<size_t>(times.size(), 64) - 1]) * fps;
  for (double nice : {std::round(fps), 24000.0 / 1001.0, 30000.0 / 1001.0, 60000.0 / 1001.0, 120000.0 / 1001.0})
    if (nice > 0 && std::abs(fps - nice) <= fps * tolerance) {
      fps = nice;
      break;
    }
  for (double t : times) {
    const double k = (t - *start) * fps;
    if (std::abs(k - std::round(k)) > 1e-3 + 4e-7 * (std::abs(t) + std::abs(*start)) * fps) return 0;
  }
  return fps;
}

std::string describeException(const char* what) { return std::string("Assimp failed: ") + what; }

}  // namespace

LoadResult importWithAssimp(const std::string& path) {
  LoadResult result;
  result.error.file = path;
  try {
    Assimp::Importer importer;
    // Pivots as separate "$AssimpFbx$" helper nodes would become joints: merge them.
    importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
    importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_READ_ANIMATIONS, true);
    // Some loaders (Collada, BVH) invent a mesh whose bones are every node,
    // scene root included; those bones are not a skeleton.
    importer.SetPropertyBool(AI_CONFIG_IMPORT_NO_SKELETON_MESHES, true);
    // No post-processing: meshes are not used, and the node hierarchy and
    // animation channels come straight from the loaders.
    const aiScene* scene = importer.ReadFile(path, 0);
    if (!scene || !scene->mRootNode) {
      const char* why = importer.GetErrorString();
      result.error.message = std::string("cannot read the file: ") + (why && *why ? why : "unknown format");
      return result;
    }
    if (scene->mNumAnimations == 0 || !scene->mAnimations || !scene->mAnimations[0]) {
      result.error.message = "the file has no animation";
      return result;
    }
    const aiAnimation* anim = scene->mAnimations[0];
    if (scene->mNumAnimations > 1)
      result.warnings.push_back(IoError{path, 0, "the file has " + std::to_string(scene->mNumAnimations) +
                                                     " animations; only the first ('" +
                                                     std::string(anim->mName.C_Str()) + "') is read"}
                                    .toString());

    // Nodes that must be joints: animated ones and mesh bones.
    std::unordered_map<std::string, const aiNodeAnim*> channelOf;
    for (unsigned c = 0; c < anim->mNumChannels; ++c)
      if (anim->mChannels[c]) channelOf.emplace(anim->mChannels[c]->mNodeName.C_Str(), anim->mChannels[c]);
    std::unordered_set<std::string> boneNames;
    for (unsigned m = 0; m < scene->mNumMeshes; ++m)
      if (const aiMesh* mesh = scene->mMeshes[m])
        for (unsigned b = 0; b < mesh->mNumBones; ++b) boneNames.insert(mesh->mBones[b]->mName.C_Str());

    std::vector<const aiNode*> needed;
    std::vector<const aiNode*> stack = {scene->mRootNode};
    while (!stack.empty()) {
      const aiNode* n = stack.back();
      stack.pop_back();
      const std::string name = n->mName.C_Str();
      if (channelOf.count(name) || boneNames.count(name)) needed.push_back(n);
      for (unsigned i = 0; i < n->mNumChildren; ++i) stack.push_back(n->mChildren[i]);
    }
    if (needed.empty()) {
      result.error.message = "the animation does not drive any node of the scene";
      return result;
    }
    // Skeleton root: the deepest common ancestor of the needed nodes; every
    // node on the way from it down to a needed node becomes a joint.
    auto pathOf = [&](const aiNode* n) {
      std::vector<const aiNode*> p;
      for (; n; n = n->mParent) p.push_back(n);
      std::reverse(p.begin(), p.end());
      return p;
    };
    std::vector<const aiNode*> common = pathOf(needed.front());
    std::unordered_set<const aiNode*> members;
    for (const aiNode* n : needed) {
      const std::vector<const aiNode*> p = pathOf(n);
      size_t k = 0;
      while (k < common.size() && k < p.size() && common[k] == p[k]) ++k;
      common.resize(k);
    }
    if (common.empty()) {
      result.error.message = "the animated nodes do not share a root";
      return result;
    }
    const aiNode* root = common.back();
    for (const aiNode* n : needed)
      for (const aiNode* a = n; a && a != root; a = a->mParent) members.insert(a);
    members.insert(root);

    // The fixed transform above the root is folded into joint 0.
    aiMatrix4x4 above;
    for (const aiNode* a = root->mParent; a; a = a->mParent) above = a->mTransformation * above;
    const Trs aboveTrs = decompose(above);

    // Depth-first joints, children in file order.
    struct JointSource {
      const aiNode* node;
      Trs rest;
      double parentScale;  // accumulated uniform scale of the parent's frame
      const aiNodeAnim* channel;
    };
    std::vector<JointSource> sources;
    Skeleton skeleton;
    std::unordered_map<const aiNode*, int> jointOf;
    std::unordered_set<std::string> usedNames;
    std::vector<double> accumulated;  // per joint: its own frame's scale
    std::vector<const aiNode*> order = {root};
    while (!order.empty()) {
      const aiNode* n = order.back();
      order.pop_back();
      const int parent = n == root ? Skeleton::kNoParent : jointOf.at(n->mParent);
      JointSource src{n, decompose(n->mTransformation), parent < 0 ? aboveTrs.s : accumulated[parent], nullptr};
      if (auto it = channelOf.find(n->mName.C_Str()); it != channelOf.end()) src.channel = it->second;
      std::string name = n->mName.C_Str();
      if (name.empty()) name = "joint";
      if (usedNames.count(name)) {
        std::string base = name;
        for (int k = 2; usedNames.count(name); ++k) name = base + "_" + std::to_string(k);
        result.warnings.push_back(IoError{path, 0, "duplicate node name '" + base + "' renamed to '" + name + "'"}
                                      .toString());
      }
      usedNames.insert(name);
      Eigen::Vector3d offset = src.rest.t * src.parentScale;
      if (parent < 0) offset = aboveTrs.t + aboveTrs.r * offset;
      const int j = skeleton.addJoint(name, parent, offset);
      jointOf[n] = j;
      accumulated.push_back(src.parentScale * src.rest.s);
      sources.push_back(src);
      for (unsigned i = n->mNumChildren; i-- > 0;)
        if (members.count(n->mChildren[i])) order.push_back(n->mChildren[i]);
    }
    const int J = skeleton.jointCount();

    // Keys in seconds. A tick rate of 0 means "not specified": one tick per
    // frame at 30 fps is the common reading.
    const double tps = anim->mTicksPerSecond > 0 ? anim->mTicksPerSecond : 30.0;
    std::vector<Track<Eigen::Quaterniond>> rotations(J);
    std::vector<Track<Eigen::Vector3d>> positions(J);
    std::vector<double> allTimes;
    bool scaled = false;
    for (int j = 0; j < J; ++j) {
      const aiNodeAnim* ch = sources[j].channel;
      if (!ch) continue;
      if (ch->mRotationKeys)
        rotations[j] = makeTrack<aiQuatKey, Eigen::Quaterniond>(ch->mRotationKeys, ch->mNumRotationKeys, tps,
                                                               [](const aiQuaternion& q) { return toEigen(q); });
      if (ch->mPositionKeys)
        positions[j] = makeTrack<aiVectorKey, Eigen::Vector3d>(ch->mPositionKeys, ch->mNumPositionKeys, tps,
                                                              [](const aiVector3D& v) { return toEigen(v); });
      allTimes.insert(allTimes.end(), rotations[j].times.begin(), rotations[j].times.end());
      allTimes.insert(allTimes.end(), positions[j].times.begin(), positions[j].times.end());
      for (unsigned k = 0; k < ch->mNumScalingKeys && ch->mScalingKeys; ++k) {
        const aiVector3D& s = ch->mScalingKeys[k].mValue;
        const double uniform = std::cbrt(std::abs(double(s.x) * s.y * s.z));
        if (std::abs(uniform - sources[j].rest.s) > 1e-3 * std::max(1.0, sources[j].rest.s)) scaled = true;
      }
    }
    if (scaled)
      result.warnings.push_back(IoError{path, 0, "animated scale is ignored (the skeleton keeps its rest scale)"}
                                    .toString());
    if (allTimes.empty()) {
      result.error.message = "the animation has no keys";
      return result;
    }

    double start = 0, end = 0;
    double fps = regularRate(allTimes, &start, &end);
    if (fps <= 0) {
      fps = 30.0;
      result.warnings.push_back(
          IoError{path, 0, "animation keys are not evenly spaced; resampled at 30 fps"}.toString());
    }
    const double frameSpan = std::round((end - start) * fps);
    const double keyCount = static_cast<double>(allTimes.size());
    if (std::isfinite(frameSpan) && frameSpan + 1 > kFreeSeconds * fps + kFramesPerKey * keyCount) {
      // Name the channel holding the key farthest from the others (the
      // median key time), the likely damaged one.
      std::vector<double> sorted = allTimes;
      std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
      const double median = sorted[sorted.size() / 2];
      const double outlier = end - median >= median - start ? end : start;
      std::string channel;
      for (int j = 0; j < J && channel.empty(); ++j)
        for (const std::vector<double>* times : {&rotations[j].times, &positions[j].times})
          if (std::find(times->begin(), times->end(), outlier) != times->end()) channel = sources[j].node->mName.C_Str();
      char text[240];
      std::snprintf(text, sizeof text,
                    "': keys from %g s to %g s would make %.0f frames at %g fps, more than its %zu keys can "
                    "describe; the key at %g s of channel '",
                    start, end, frameSpan + 1, fps, allTimes.size(), outlier);
      result.error.message =
          "animation '" + std::string(anim->mName.C_Str()) + text + channel + "' looks damaged";
      return result;
    }
    if (!std::isfinite(frameSpan) || (frameSpan + 1) * J > kMaxSamples) {
      result.error.message = "the animation is too long to load";
      return result;
    }
    const int frames = static_cast<int>(frameSpan) + 1;

    // Joints whose translation really moves get a track; a constant key
    // equal to the rest offset needs none.
    Clip clip(std::move(skeleton), frames, fps);
    std::vector<char> moving(J, 0);
    for (int j = 0; j < J; ++j) {
      if (positions[j].empty()) continue;
      const Eigen::Vector3d& rest = sources[j].rest.t;
      const double tol = 1e-6 * (1.0 + rest.norm());
      for (const Eigen::Vector3d& v : positions[j].values)
        if ((v - rest).norm() > tol) moving[j] = 1;
      if (moving[j] && j != 0) clip.addTrack(j);
    }

    const Eigen::Quaterniond aboveRot = aboveTrs.r;
    const Eigen::Vector3d aboveT = aboveTrs.t;
    for (int f = 0; f < frames; ++f) {
      const double t = start + f / fps;
      for (int j = 0; j < J; ++j) {
        const JointSource& src = sources[j];
        // Channel keys are the node's full local transform, replacing its rest one.
        Eigen::Quaterniond r = rotations[j].empty() ? src.rest.r : sample(rotations[j], t);
        Eigen::Vector3d p = positions[j].empty() ? src.rest.t : sample(positions[j], t);
        p *= src.parentScale;
        if (j == 0) {
          r = aboveRot * r;
          p = aboveT + aboveRot * p;
          clip.translation(f, 0) = p;
        } else if (clip.hasTrack(j)) {
          clip.translation(f, j) = p;
        }
        clip.rotation(f, j) = r.normalized();
      }
    }
    clip.makeSignContinuous();
    if (const std::string why = clip.validate(); !why.empty()) {
      result.error.message = "the animation holds invalid values (" + why + ")";
      return result;
    }
    result.clip = std::move(clip);
    return result;
  } catch (const std::exception& e) {
    result.clip.reset();
    result.error.message = describeException(e.what());
  } catch (...) {
    result.clip.reset();
    result.error.message = "Assimp failed with an unknown error";
  }
  return result;
}

namespace {

// Assimp 5.2's binary FBX writer drops its null records (the 25-byte padding
// is built from a char array that ends at its first zero byte; assimp issue
// #4686), so its files cannot be read back by anyone. Probe once by writing a
// tiny scene to memory and reading it back; fall back to ASCII FBX if broken.
bool binaryFbxWorks() {
  static const bool works = [] {
    try {
      aiScene scene;
      scene.mRootNode = new aiNode("probe");
      Assimp::Exporter exporter;
      const aiExportDataBlob* blob = exporter.ExportToBlob(&scene, "fbx");
      if (!blob || !blob->data) return false;
      Assimp::Importer importer;
      return importer.ReadFileFromMemory(blob->data, blob->size, 0, "fbx") != nullptr;
    } catch (...) {
      return false;
    }
  }();
  return works;
}

std::unique_ptr<aiScene> buildScene(const Clip& clip, bool timesInSeconds, bool keysEveryFrame) {
  const Skeleton& s = clip.skeleton();
  const int J = clip.jointCount();
  const int F = clip.frameCount();
  auto scene = std::make_unique<aiScene>();
  // FBX turns the scene root into its own root, not into a model: the
  // skeleton hangs below a neutral node so joint 0 keeps its name and channel.
  scene->mRootNode = new aiNode("MotionMenderScene");
  std::vector<aiNode*> nodes(J);
  std::vector<std::vector<aiNode*>> children(J);
  for (int j = 0; j < J; ++j) {
    nodes[j] = new aiNode(s.name(j));
    const Eigen::Vector3d& o = s.offset(j);
    aiMatrix4x4::Translation(aiVector3D(ai_real(o.x()), ai_real(o.y()), ai_real(o.z())), nodes[j]->mTransformation);
    if (s.parent(j) >= 0) children[s.parent(j)].push_back(nodes[j]);
  }
  // Ownership passes to the tree as soon as a node is linked, so link all at once.
  scene->mRootNode->mNumChildren = 1;
  scene->mRootNode->mChildren = new aiNode*[1]{nodes[0]};
  nodes[0]->mParent = scene->mRootNode;
  for (int j = 0; j < J; ++j) {
    if (children[j].empty()) continue;
    nodes[j]->mNumChildren = static_cast<unsigned>(children[j].size());
    nodes[j]->mChildren = new aiNode*[children[j].size()];
    for (size_t c = 0; c < children[j].size(); ++c) {
      nodes[j]->mChildren[c] = children[j][c];
      children[j][c]->mParent = nodes[j];
    }
  }

  auto* anim = new aiAnimation;
  scene->mNumAnimations = 1;
  scene->mAnimations = new aiAnimation*[1]{anim};
  anim->mName = aiString("motion");
  // One tick per frame at `fps` ticks per second, except where the exporter
  // ignores the tick rate and reads key times as seconds (FBX and Collada in
  // Assimp 5.2); a tick rate of 1 keeps both readings right.
  const double tick = timesInSeconds ? 1.0 / clip.fps() : 1.0;
  anim->mTicksPerSecond = timesInSeconds ? 1.0 : clip.fps();
  anim->mDuration = std::max(0, F - 1) * tick;
  // The FBX writer stores the take's time span as whole seconds (truncated)
  // and the FBX reader drops keys outside it: round the span up.
  if (timesInSeconds) anim->mDuration = std::ceil(anim->mDuration);
  anim->mNumChannels = static_cast<unsigned>(J);
  anim->mChannels = new aiNodeAnim*[J];
  for (int j = 0; j < J; ++j) {
    auto* ch = new aiNodeAnim;
    anim->mChannels[j] = ch;
    ch->mNodeName = aiString(s.name(j));
    ch->mNumRotationKeys = static_cast<unsigned>(F);
    ch->mRotationKeys = new aiQuatKey[F];
    for (int f = 0; f < F; ++f) {
      const Eigen::Quaterniond& q = clip.rotation(f, j);
      ch->mRotationKeys[f] = aiQuatKey(f * tick, aiQuaternion(ai_real(q.w()), ai_real(q.x()), ai_real(q.y()),
                                                               ai_real(q.z())));
    }
    // Every channel gets translation and scale keys: some writers expect all
    // three curves. Joints without a track get one key, their offset, unless
    // the writer needs as many keys on every curve (Collada bakes matrices
    // and silently drops the data of a channel whose counts differ).
    const int positionKeys = clip.hasTrack(j) || keysEveryFrame ? F : 1;
    ch->mNumPositionKeys = static_cast<unsigned>(positionKeys);
    ch->mPositionKeys = new aiVectorKey[positionKeys];
    for (int f = 0; f < positionKeys; ++f) {
      const Eigen::Vector3d& p = clip.localTranslation(f, j);
      ch->mPositionKeys[f] = aiVectorKey(f * tick, aiVector3D(ai_real(p.x()), ai_real(p.y()), ai_real(p.z())));
    }
    const int scalingKeys = keysEveryFrame ? F : 1;
    ch->mNumScalingKeys = static_cast<unsigned>(scalingKeys);
    ch->mScalingKeys = new aiVectorKey[scalingKeys];
    for (int f = 0; f < scalingKeys; ++f) ch->mScalingKeys[f] = aiVectorKey(f * tick, aiVector3D(1, 1, 1));
  }
  return scene;
}

// A hidden folder beside the destination; the exporter writes there (with any
// side files such as a .gltf's .bin) and the files are renamed into place.
class StagingDir {
 public:
  explicit StagingDir(const fs::path& destination) {
    const fs::path dir = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    std::string templ = (dir / ("." + destination.filename().string() + ".tmp-XXXXXX")).string();
    if (::mkdtemp(templ.data())) mPath = templ;
    else mError = std::strerror(errno);
  }
  ~StagingDir() {
    if (mPath.empty()) return;
    std::error_code ec;
    fs::remove_all(mPath, ec);
  }
  bool ok() const { return !mPath.empty(); }
  const fs::path& path() const { return mPath; }
  const std::string& error() const { return mError; }

 private:
  fs::path mPath;
  std::string mError;
};

bool syncFile(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

SaveResult exportWithAssimp(const Clip& clip, const std::string& path, const std::string& formatId) {
  try {
    if (const std::string why = clip.validate(); !why.empty())
      return SaveResult::failure(path, "the clip cannot be exported: " + why);
    if (clip.frameCount() == 0) return SaveResult::failure(path, "the clip has no frames");
    std::string format = formatId;
    // The FBX and Collada writers of Assimp 5.2 copy key times as seconds
    // whatever the tick rate says.
    const bool timesInSeconds = format == "fbx" || format == "fbxa" || format == "collada";
    if (format == "fbx" && !binaryFbxWorks()) format = "fbxa";

    const fs::path destination(path);
    if (destination.filename().empty()) return SaveResult::failure(path, "the path names no file");
    StagingDir staging(destination);
    if (!staging.ok())
      return SaveResult::failure(path, "cannot create a temporary folder beside the file: " + staging.error());
    const fs::path staged = staging.path() / destination.filename();

    std::unique_ptr<aiScene> scene = buildScene(clip, timesInSeconds, format == "collada");
    Assimp::Exporter exporter;
    if (exporter.Export(scene.get(), format, staged.string()) != aiReturn_SUCCESS) {
      const char* why = exporter.GetErrorString();
      return SaveResult::failure(path, std::string("export failed: ") + (why && *why ? why : "unknown error"));
    }
    if (!fs::exists(staged)) return SaveResult::failure(path, "export failed: the exporter wrote no file");

    // Side files first, the main file last: until its rename the old file stays.
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(staging.path()))
      if (entry.path() != staged) files.push_back(entry.path());
    files.push_back(staged);
    for (const fs::path& f : files)
      if (!syncFile(f)) return SaveResult::failure(path, "cannot write " + f.filename().string());
    const fs::path dir = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    for (const fs::path& f : files) {
      std::error_code ec;
      fs::rename(f, dir / f.filename(), ec);
      if (ec) return SaveResult::failure(path, "cannot replace " + (dir / f.filename()).string() + ": " + ec.message());
    }
    return {};
  } catch (const std::exception& e) {
    return SaveResult::failure(path, describeException(e.what()));
  } catch (...) {
    return SaveResult::failure(path, "Assimp failed with an unknown error");
  }
}

bool parseWithAssimp(const std::string& path, std::string* error) {
  try {
    Assimp::Importer importer;
    if (importer.ReadFile(path, 0)) return true;
    if (error) *error = importer.GetErrorString();
  } catch (const std::exception& e) {
    if (error) *error = describeException(e.what());
  } catch (...) {
    if (error) *error = "Assimp failed with an unknown error";
  }
  return false;
}

}  // namespace mm
