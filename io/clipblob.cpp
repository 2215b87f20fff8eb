#include "io/clipblob.h"

#include "motion/clip.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace mm {
namespace {

constexpr char kHeaderMagic[4] = {'M', 'M', 'C', 'H'};
constexpr char kChunkMagic[4] = {'M', 'M', 'C', 'F'};
constexpr std::uint32_t kVersion = 1;
// Sanity limits so that damaged counts fail cleanly instead of allocating gigabytes.
constexpr std::uint32_t kMaxJoints = 1u << 16;
constexpr std::uint32_t kMaxNameBytes = 1u << 16;

// Explicit little-endian bytes: the blob must read the same on any machine.
class Writer {
 public:
  void bytes(const void* p, size_t n) { mOut.append(static_cast<const char*>(p), n); }
  void u8(std::uint8_t v) { mOut.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  // memcpy keeps the exact bits, NaN payloads and signed zeros included.
  void f64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    u64(bits);
  }
  void vec3(const Eigen::Vector3d& v) {
    f64(v.x());
    f64(v.y());
    f64(v.z());
  }
  void reserve(size_t n) { mOut.reserve(n); }
  std::string take() { return std::move(mOut); }

 private:
  std::string mOut;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : mData(data) {}
  bool failed() const { return !mError.empty(); }
  const std::string& error() const { return mError; }
  size_t position() const { return mPos; }
  bool atEnd() const { return mPos >= mData.size(); }
  size_t remaining() const { return mData.size() - mPos; }
  void fail(const std::string& what) {
    if (mError.empty()) mError = "clip data: " + what + " (at byte " + std::to_string(mPos) + ")";
  }
  bool need(size_t n) {
    if (failed()) return false;
    if (mData.size() - mPos < n) {
      fail("truncated: " + std::to_string(n) + " more bytes expected, " + std::to_string(mData.size() - mPos) +
           " left");
      return false;
    }
    return true;
  }
  bool magic(const char (&m)[4], const char* what) {
    if (!need(4)) return false;
    if (std::memcmp(mData.data() + mPos, m, 4) != 0) {
      fail(std::string("not a MotionMender ") + what + " (wrong signature)");
      return false;
    }
    mPos += 4;
    return true;
  }
  std::uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<std::uint8_t>(mData[mPos++]);
  }
  std::uint32_t u32() {
    if (!need(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(mData[mPos++])) << (8 * i);
    return v;
  }
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  std::uint64_t u64() {
    if (!need(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(mData[mPos++])) << (8 * i);
    return v;
  }
  double f64() {
    const std::uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
  Eigen::Vector3d vec3() {
    const double x = f64(), y = f64(), z = f64();
    return {x, y, z};
  }
  std::string str(std::uint32_t n) {
    if (!need(n)) return {};
    std::string s(mData.substr(mPos, n));
    mPos += n;
    return s;
  }

 private:
  std::string_view mData;
  size_t mPos = 0;
  std::string mError;
};

// Joints with a translation track in ascending joint order: the blob's track
// order, which the clip can reproduce with addTrack whatever order it had.
std::vector<int> trackJoints(const Clip& clip) {
  std::vector<int> out;
  for (int j = 0; j < clip.jointCount(); ++j)
    if (clip.hasTrack(j)) out.push_back(j);
  return out;
}

bool readHeader(Reader& in, Clip* out, int* frames) {
  if (!in.magic(kHeaderMagic, "clip header")) return false;
  const std::uint32_t version = in.u32();
  if (!in.failed() && version != kVersion) {
    in.fail("format version " + std::to_string(version) + (version > kVersion ? " is newer than" : " is unknown to") +
            " this build (reads " + std::to_string(kVersion) + ")");
    return false;
  }
  const double fps = in.f64();
  const std::uint32_t frameCount = in.u32();
  const std::uint32_t joints = in.u32();
  if (in.failed()) return false;
  if (joints == 0 || joints > kMaxJoints || frameCount > 0x7fffffffu) {
    in.fail("implausible joint or frame count");
    return false;
  }
  Skeleton skeleton;
  for (std::uint32_t j = 0; j < joints; ++j) {
    const std::uint32_t nameLength = in.u32();
    if (nameLength > kMaxNameBytes) in.fail("implausible name length of joint " + std::to_string(j));
    std::string name = in.str(nameLength);
    const std::int32_t parent = in.i32();
    const Eigen::Vector3d offset = in.vec3();
    if (in.failed()) return false;
    // addJoint asserts on a bad parent: check first, so damaged data fails cleanly.
    if (j == 0 ? parent != Skeleton::kNoParent : (parent < 0 || parent >= static_cast<std::int32_t>(j))) {
      in.fail("joint " + std::to_string(j) + " has an invalid parent " + std::to_string(parent));
      return false;
    }
    skeleton.addJoint(std::move(name), parent, offset);
    std::vector<Channel> channels(in.u8());
    for (Channel& c : channels) {
      const std::uint8_t code = in.u8();
      if (code > static_cast<std::uint8_t>(Channel::Zrotation)) in.fail("unknown channel code " + std::to_string(code));
      c = static_cast<Channel>(code);
    }
    skeleton.setChannels(static_cast<int>(j), std::move(channels));
    if (in.u8()) skeleton.setEndSite(static_cast<int>(j), in.vec3());
    EulerStyle style;
    style.wrapped = in.u8() != 0;
    if (in.u8()) style.first = in.vec3();
    skeleton.setEulerStyle(static_cast<int>(j), std::move(style));
    if (in.failed()) return false;
  }
  const std::uint32_t tracks = in.u32();
  if (tracks > joints) in.fail("more translation tracks than joints");
  std::vector<int> trackList(in.failed() ? 0 : tracks);
  for (int& t : trackList) {
    t = in.i32();
    if (t < 0 || t >= static_cast<int>(joints)) in.fail("translation track on a joint that does not exist");
  }
  if (in.failed()) return false;
  Clip clip(std::move(skeleton), 0, fps);
  for (int t : trackList) clip.addTrack(t);
  if (trackJoints(clip) != trackList) {
    in.fail("translation tracks do not match the skeleton's position channels");
    return false;
  }
  *out = std::move(clip);
  if (frames) *frames = static_cast<int>(frameCount);
  return true;
}

// `last`: the chunk must end the data (checked before the clip is touched).
// Reads one chunk into `clip`: appended at its end, or (overwrite) written
// over frames it already has.
bool readChunk(Reader& in, Clip* clip, bool last, bool overwrite) {
  if (!in.magic(kChunkMagic, "clip chunk")) return false;
  const std::uint32_t version = in.u32();
  if (!in.failed() && version != kVersion) {
    in.fail("chunk format version " + std::to_string(version) + " is not the one this build reads (" +
            std::to_string(kVersion) + ")");
    return false;
  }
  const std::uint32_t joints = in.u32(), tracks = in.u32(), first = in.u32(), count = in.u32();
  const bool hasMask = in.u8() != 0;
  if (in.failed()) return false;
  if (joints != static_cast<std::uint32_t>(clip->jointCount()) ||
      tracks != static_cast<std::uint32_t>(clip->trackCount())) {
    in.fail("chunk has " + std::to_string(joints) + " joints and " + std::to_string(tracks) +
            " tracks, the clip " + std::to_string(clip->jointCount()) + " and " + std::to_string(clip->trackCount()));
    return false;
  }
  if (!overwrite && first != static_cast<std::uint32_t>(clip->frameCount())) {
    in.fail("chunk starts at frame " + std::to_string(first) + ", expected frame " +
            std::to_string(clip->frameCount()));
    return false;
  }
  const size_t J = joints, T = tracks, n = count;
  const size_t bytes = n * J * 32 + n * T * 24 + (hasMask ? n * J : 0);
  if (count > 0x7fffffffu - first || !in.need(bytes)) {
    if (!in.failed()) in.fail("implausible frame count");
    return false;
  }
  if (overwrite && static_cast<size_t>(first) + n > static_cast<size_t>(clip->frameCount())) {
    in.fail("chunk frames " + std::to_string(first) + "-" + std::to_string(first + count - 1) + " lie beyond the clip's " +
            std::to_string(clip->frameCount()) + " frames");
    return false;
  }
  if (last && in.remaining() != bytes) {
    in.fail(std::to_string(in.remaining() - bytes) + " unexpected bytes after the chunk");
    return false;
  }
  // Everything is in range now, so the clip can be changed without a failure half-way.
  const std::vector<int> trackList = trackJoints(*clip);
  const int base = overwrite ? static_cast<int>(first) : clip->appendFrames(static_cast<int>(count));
  for (size_t f = 0; f < n; ++f)
    for (size_t j = 0; j < J; ++j) {
      Eigen::Quaterniond& q = clip->rotation(base + static_cast<int>(f), static_cast<int>(j));
      q.x() = in.f64();
      q.y() = in.f64();
      q.z() = in.f64();
      q.w() = in.f64();
    }
  for (size_t f = 0; f < n; ++f)
    for (int t : trackList) clip->translation(base + static_cast<int>(f), t) = in.vec3();
  if (hasMask) {
    for (size_t f = 0; f < n; ++f)
      for (size_t j = 0; j < J; ++j) {
        const bool valid = in.u8() != 0;
        if (!valid || overwrite) clip->setValid(base + static_cast<int>(f), static_cast<int>(j), valid);
      }
  } else if (overwrite) {
    for (size_t f = 0; f < n; ++f)
      for (size_t j = 0; j < J; ++j) clip->setValid(base + static_cast<int>(f), static_cast<int>(j), true);
  }
  return true;
}

bool appendChunk(Reader& in, Clip* clip, bool last) { return readChunk(in, clip, last, false); }

}  // namespace

std::string clipHeaderBlob(const Clip& clip) {
  Writer out;
  const Skeleton& s = clip.skeleton();
  out.bytes(kHeaderMagic, 4);
  out.u32(kVersion);
  out.f64(clip.fps());
  out.u32(static_cast<std::uint32_t>(clip.frameCount()));
  out.u32(static_cast<std::uint32_t>(s.jointCount()));
  for (int j = 0; j < s.jointCount(); ++j) {
    out.u32(static_cast<std::uint32_t>(s.name(j).size()));
    out.bytes(s.name(j).data(), s.name(j).size());
    out.i32(s.parent(j));
    out.vec3(s.offset(j));
    out.u8(static_cast<std::uint8_t>(s.channels(j).size()));
    for (Channel c : s.channels(j)) out.u8(static_cast<std::uint8_t>(c));
    out.u8(s.endSite(j) ? 1 : 0);
    if (s.endSite(j)) out.vec3(*s.endSite(j));
    const EulerStyle& style = s.eulerStyle(j);
    out.u8(style.wrapped ? 1 : 0);
    out.u8(style.first ? 1 : 0);
    if (style.first) out.vec3(*style.first);
  }
  const std::vector<int> tracks = trackJoints(clip);
  out.u32(static_cast<std::uint32_t>(tracks.size()));
  for (int t : tracks) out.i32(t);
  return out.take();
}

std::string clipChunkBlob(const Clip& clip, int begin, int end) {
  begin = std::clamp(begin, 0, clip.frameCount());
  end = std::clamp(end, begin, clip.frameCount());
  const int J = clip.jointCount();
  const std::vector<int> tracks = trackJoints(clip);
  bool hasMask = false;
  if (clip.hasMissing())
    for (int f = begin; f < end && !hasMask; ++f)
      for (int j = 0; j < J && !hasMask; ++j) hasMask = !clip.isValid(f, j);
  Writer out;
  const size_t n = static_cast<size_t>(end - begin);
  out.reserve(29 + n * J * 32 + n * tracks.size() * 24 + (hasMask ? n * J : 0));
  out.bytes(kChunkMagic, 4);
  out.u32(kVersion);
  out.u32(static_cast<std::uint32_t>(J));
  out.u32(static_cast<std::uint32_t>(tracks.size()));
  out.u32(static_cast<std::uint32_t>(begin));
  out.u32(static_cast<std::uint32_t>(end - begin));
  out.u8(hasMask ? 1 : 0);
  for (int f = begin; f < end; ++f)
    for (int j = 0; j < J; ++j) {
      const Eigen::Quaterniond& q = clip.rotation(f, j);
      out.f64(q.x());
      out.f64(q.y());
      out.f64(q.z());
      out.f64(q.w());
    }
  for (int f = begin; f < end; ++f)
    for (int t : tracks) out.vec3(clip.translation(f, t));
  if (hasMask)
    for (int f = begin; f < end; ++f)
      for (int j = 0; j < J; ++j) out.u8(clip.isValid(f, j) ? 1 : 0);
  return out.take();
}

std::string clipBlob(const Clip& clip) { return clipHeaderBlob(clip) + clipChunkBlob(clip, 0, clip.frameCount()); }

bool readClipHeaderBlob(std::string_view data, Clip* out, int* frames, std::string* error) {
  Reader in(data);
  if (readHeader(in, out, frames)) return true;
  if (error) *error = in.error();
  return false;
}

bool appendClipChunkBlob(std::string_view data, Clip* clip, std::string* error) {
  Reader in(data);
  if (appendChunk(in, clip, true)) return true;
  if (error) *error = in.error();
  return false;
}

bool overwriteClipChunkBlob(std::string_view data, Clip* clip, std::string* error) {
  Reader in(data);
  if (readChunk(in, clip, true, true)) return true;
  if (error) *error = in.error();
  return false;
}

bool readClipBlob(std::string_view data, Clip* out, std::string* error) {
  Reader in(data);
  Clip clip;
  int frames = 0;
  if (readHeader(in, &clip, &frames)) {
    while (!in.atEnd() && appendChunk(in, &clip, false)) {
    }
    if (!in.failed() && clip.frameCount() != frames)
      in.fail("the header announces " + std::to_string(frames) + " frames, the chunks hold " +
              std::to_string(clip.frameCount()));
  }
  if (in.failed()) {
    if (error) *error = in.error();
    return false;
  }
  *out = std::move(clip);
  return true;
}

}  // namespace mm
