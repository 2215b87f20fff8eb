#include "io/bvh.h"

#include "io/atomicfile.h"
#include "io/bvhformat.h"
#include "io/numberparse.h"
#include "motion/rotations.h"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>

#ifdef __linux__
#include <sched.h>
#endif

namespace mm {
namespace {

// What a value in a frame line does: set a translation component or rotate
// about an axis. Precomputed per joint so the frame loop does no lookups.
struct JointProgram {
  int joint = 0;
  int firstValue = 0;                  // index of the joint's first value in a frame line
  std::vector<Channel> channels;       // file order
  bool fastEuler = false;              // exactly three rotations on distinct axes and no positions
  EulerOrder order = EulerOrder::ZXY;  // valid if fastEuler
  int rotationIndex[3] = {0, 1, 2};    // value offsets (within the joint) of the three angles
  int positionIndex[3] = {-1, -1, -1};  // value offset of X/Y/Z position, -1 if absent
  int rotationCount = 0;
};

// Line-oriented reader over a stream of blocks: yields one line at a time
// (without the line break), tracking 1-based line numbers. A std::FILE source
// is read in blocks so memory stays bounded for multi-GB files.
class LineSource {
 public:
  explicit LineSource(std::string_view text) : mBuffer(new char[text.size() + 1]), mSize(text.size()), mEof(true) {
    std::memcpy(mBuffer.get(), text.data(), text.size());
  }
  explicit LineSource(std::FILE* file) : mFile(file), mBuffer(new char[kBlock * 2]), mCapacity(kBlock * 2) {}

  // False at the end of input. `line` stays valid until the next call.
  bool next(std::string_view& line) {
    for (;;) {
      const char* begin = mBuffer.get() + mPos;
      const size_t avail = mSize - mPos;
      if (const void* nl = std::memchr(begin, '\n', avail)) {
        const size_t len = static_cast<const char*>(nl) - begin;
        line = std::string_view(begin, len);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        mPos += len + 1;
        ++mLine;
        return true;
      }
      if (mEof) {
        if (avail == 0) return false;
        line = std::string_view(begin, avail);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        mPos += avail;
        ++mLine;
        return true;
      }
      refill();
    }
  }
  int lineNumber() const { return mLine; }
  bool readError() const { return mReadError; }
  bool sawNul() const { return mSawNul; }

 private:
  static constexpr size_t kBlock = 4 << 20;
  // Keeps the unread tail and reads the next block after it. The buffer is
  // never zero-filled (a std::vector resize would clear every block first).
  void refill() {
    const size_t tail = mSize - mPos;
    if (tail + kBlock > mCapacity) {  // a line longer than a block: grow
      mCapacity = 2 * (tail + kBlock);
      std::unique_ptr<char[]> bigger(new char[mCapacity]);
      std::memcpy(bigger.get(), mBuffer.get() + mPos, tail);
      mBuffer = std::move(bigger);
    } else {
      std::memmove(mBuffer.get(), mBuffer.get() + mPos, tail);
    }
    mPos = 0;
    const size_t got = std::fread(mBuffer.get() + tail, 1, kBlock, mFile);
    mSize = tail + got;
    if (got < kBlock) {
      mEof = true;
      if (std::ferror(mFile)) mReadError = true;
    }
    if (std::memchr(mBuffer.get() + tail, '\0', got)) mSawNul = true;
  }

  std::FILE* mFile = nullptr;
  std::unique_ptr<char[]> mBuffer;
  size_t mSize = 0;      // bytes held
  size_t mCapacity = 0;  // bytes allocated (file sources)
  size_t mPos = 0;
  int mLine = 0;
  bool mEof = false;
  bool mReadError = false;
  bool mSawNul = false;
};

// ' ', '\t', '\v', '\f' or '\r' (the frame loop calls it after every value).
bool isSpace(char c) { return c == ' ' || (static_cast<unsigned char>(c - '\t') < 5 && c != '\n'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Strips '#' and '//' comments (header lines only).
std::string_view stripComment(std::string_view s) {
  const size_t hash = s.find('#');
  const size_t slashes = s.find("//");
  return s.substr(0, std::min(hash, slashes));
}

std::vector<std::string_view> splitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !isSpace(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// Frame lines parsed by the tokenising thread (mValuesPerFrame numbers per
// frame), waiting for the worker to turn them into rotations and tracks.
struct FrameBatch {
  std::vector<double> values;  // frames x values per frame
  int frames = 0;
};
constexpr int kBatchFrames = 256;

// One worker thread with a one-batch hand-over slot: the producer parses a
// batch of lines while the worker decodes the previous one (double
// buffering), so on two cores number scanning and Euler decoding overlap.
class DecodeWorker {
 public:
  // With a single CPU to run on, batches are decoded on the caller's thread:
  // a second thread would only add a context switch per batch.
  explicit DecodeWorker(std::function<void(const FrameBatch&)> decode) : mDecode(std::move(decode)) {
    if (usableCpus() > 1) mThread = std::thread([this] { loop(); });
  }
  ~DecodeWorker() { finish(); }

  // Waits until the worker is free, then hands `batch` over; `batch` comes
  // back holding the worker's previous (already decoded) buffer.
  void submit(FrameBatch& batch) {
    if (!mThread.joinable()) {
      mDecode(batch);
      return;
    }
    std::unique_lock<std::mutex> lock(mMutex);
    mCondition.wait(lock, [&] { return !mHasWork; });
    std::swap(mPending, batch);
    mHasWork = true;
    mCondition.notify_all();
  }
  // Waits for the last batch and stops the thread.
  void finish() {
    if (!mThread.joinable()) return;
    {
      std::unique_lock<std::mutex> lock(mMutex);
      mCondition.wait(lock, [&] { return !mHasWork; });
      mDone = true;
      mCondition.notify_all();
    }
    mThread.join();
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mMutex);
    for (;;) {
      mCondition.wait(lock, [&] { return mHasWork || mDone; });
      if (!mHasWork) return;
      lock.unlock();
      mDecode(mPending);
      lock.lock();
      mHasWork = false;
      mCondition.notify_all();
    }
  }

  std::function<void(const FrameBatch&)> mDecode;
  FrameBatch mPending;
  bool mHasWork = false;
  bool mDone = false;
  std::mutex mMutex;
  std::condition_variable mCondition;
  std::thread mThread;  // last: starts after the members it uses exist

  static int usableCpus() {
#ifdef __linux__
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
#endif
    return static_cast<int>(std::thread::hardware_concurrency());
  }
};

class BvhParser {
 public:
  BvhParser(LineSource& src, std::string fileName, const BvhReadOptions& opt, long long bytesHint)
      : mSrc(src), mFile(std::move(fileName)), mOptions(opt), mBytesHint(bytesHint) {}

  LoadResult run() {
    if (!parseHierarchy() || !parseMotionHeader() || !parseFrames()) {
      LoadResult r;
      r.error = mError;
      return r;
    }
    return std::move(mResult);
  }

 private:
  bool fail(std::string message, int line = -1) {
    if (mError.message.empty()) mError = IoError{mFile, line < 0 ? mSrc.lineNumber() : line, std::move(message)};
    return false;
  }

  // Next non-empty header line, comments removed, split into words.
  bool nextWords(std::vector<std::string_view>& words) {
    std::string_view line;
    while (mSrc.next(line)) {
      if (line.find('\0') != std::string_view::npos) return fail("binary data where text was expected: not a BVH file");
      words = splitWords(stripComment(line));
      if (!words.empty()) {
        mLastLine = line;
        return true;
      }
    }
    return false;
  }

  bool expectWords(std::vector<std::string_view>& words, const char* what) {
    if (nextWords(words)) return true;
    if (!mError.message.empty()) return false;
    return fail(std::string("the file ends early: expected ") + what);
  }

  bool parseVector(const std::vector<std::string_view>& w, size_t first, Eigen::Vector3d& v) {
    if (w.size() != first + 3) return fail("OFFSET needs exactly three numbers");
    for (int i = 0; i < 3; ++i) {
      const std::string_view t = w[first + i];
      double x;
      const char* e = parseDouble(t.data(), t.data() + t.size(), x);
      if (!e || e != t.data() + t.size()) return fail("'" + std::string(t) + "' is not a number");
      if (!std::isfinite(x)) return fail("OFFSET value '" + std::string(t) + "' is not finite");
      v[i] = x;
    }
    return true;
  }

  // After "ROOT name" / "JOINT name": '{', OFFSET, CHANNELS, children, '}'.
  bool parseJointBody(int parent, std::string name, int depth) {
    if (depth > 1000) return fail("the hierarchy is nested too deeply");
    if (mSkeleton.findJoint(name) >= 0) return fail("joint name '" + name + "' is used twice");
    std::vector<std::string_view> w;
    if (!expectWords(w, "'{'")) return false;
    if (w[0] != "{" || w.size() != 1) return fail("expected '{' after joint '" + name + "'");
    if (!expectWords(w, "OFFSET")) return false;
    if (!equalsNoCase(w[0], "OFFSET")) return fail("expected OFFSET in joint '" + name + "'");
    Eigen::Vector3d offset;
    if (!parseVector(w, 1, offset)) return false;
    const int joint = mSkeleton.addJoint(std::move(name), parent, offset);
    if (!expectWords(w, "CHANNELS or '}'")) return false;
    if (equalsNoCase(w[0], "CHANNELS")) {
      if (w.size() < 2) return fail("CHANNELS needs a count");
      int count = -1;
      const auto r = std::from_chars(w[1].data(), w[1].data() + w[1].size(), count);
      if (r.ec != std::errc() || r.ptr != w[1].data() + w[1].size() || count < 0 || count > 64)
        return fail("invalid channel count '" + std::string(w[1]) + "'");
      if (static_cast<int>(w.size()) - 2 != count)
        return fail("CHANNELS declares " + std::to_string(count) + " channels but lists " +
                    std::to_string(w.size() - 2));
      std::vector<Channel> channels;
      for (size_t i = 2; i < w.size(); ++i) {
        const auto c = parseChannel(w[i]);
        if (!c) return fail("unknown channel '" + std::string(w[i]) + "'");
        if (std::find(channels.begin(), channels.end(), *c) != channels.end())
          return fail("channel '" + std::string(w[i]) + "' is listed twice");
        channels.push_back(*c);
      }
      mSkeleton.setChannels(joint, std::move(channels));
      if (!expectWords(w, "JOINT, End Site or '}'")) return false;
    }
    for (;;) {
      if (w[0] == "}" && w.size() == 1) return true;
      if (equalsNoCase(w[0], "JOINT")) {
        if (w.size() < 2) return fail("JOINT needs a name");
        const std::string childName(trim(stripComment(trim(mLastLine)).substr(5)));
        if (!parseJointBody(joint, childName, depth + 1)) return false;
      } else if (equalsNoCase(w[0], "End")) {
        if (w.size() != 2 || !equalsNoCase(w[1], "Site")) return fail("expected 'End Site'");
        if (!expectWords(w, "'{'") ) return false;
        if (w[0] != "{") return fail("expected '{' after End Site");
        if (!expectWords(w, "OFFSET")) return false;
        if (!equalsNoCase(w[0], "OFFSET")) return fail("expected OFFSET in End Site");
        Eigen::Vector3d site;
        if (!parseVector(w, 1, site)) return false;
        mSkeleton.setEndSite(joint, site);
        if (!expectWords(w, "'}'")) return false;
        if (w[0] != "}") return fail("expected '}' to close End Site");
      } else {
        return fail("unexpected '" + std::string(w[0]) + "' in joint '" + mSkeleton.name(joint) + "'");
      }
      if (!expectWords(w, "'}'")) return false;
    }
  }

  bool parseHierarchy() {
    std::vector<std::string_view> w;
    if (!nextWords(w)) {
      if (!mError.message.empty()) return false;
      return fail(mSrc.readError() ? "the file cannot be read" : "the file is empty", 0);
    }
    if (!equalsNoCase(w[0], "HIERARCHY") || w.size() != 1) return fail("expected HIERARCHY: not a BVH file");
    if (!expectWords(w, "ROOT")) return false;
    if (!equalsNoCase(w[0], "ROOT") || w.size() < 2) return fail("expected 'ROOT name'");
    const std::string rootName(trim(stripComment(trim(mLastLine)).substr(4)));
    if (!parseJointBody(Skeleton::kNoParent, rootName, 0)) return false;
    return true;
  }

  bool parseMotionHeader() {
    std::vector<std::string_view> w;
    if (!nextWords(w)) {
      if (!mError.message.empty()) return false;
      return fail("the file ends after the hierarchy: MOTION section missing");
    }
    if (equalsNoCase(w[0], "ROOT")) return fail("more than one ROOT is not supported");
    if (!equalsNoCase(w[0], "MOTION")) return fail("expected MOTION after the hierarchy");
    // "Frames: N"
    if (!expectWords(w, "'Frames:'")) return false;
    if (!(equalsNoCase(w[0], "Frames:") && w.size() == 2) && !(w.size() == 3 && equalsNoCase(w[0], "Frames") && w[1] == ":"))
      return fail("expected 'Frames: N'");
    long long frames = -1;
    const std::string_view n = w.back();
    const auto r = std::from_chars(n.data(), n.data() + n.size(), frames);
    if (r.ec != std::errc() || r.ptr != n.data() + n.size() || frames < 0)
      return fail("invalid frame count '" + std::string(n) + "'");
    if (frames > mOptions.maxFrames)
      return fail("the header claims " + std::to_string(frames) + " frames, more than the limit of " +
                  std::to_string(mOptions.maxFrames));
    mDeclaredFrames = frames;
    mFramesLine = mSrc.lineNumber();
    if (!expectWords(w, "'Frame Time:'")) return false;
    if (!(w.size() == 3 && equalsNoCase(w[0], "Frame") && equalsNoCase(w[1], "Time:")))
      return fail("expected 'Frame Time: seconds'");
    double frameTime = 0;
    const char* e = parseDouble(w[2].data(), w[2].data() + w[2].size(), frameTime);
    if (!e || e != w[2].data() + w[2].size() || !std::isfinite(frameTime) || frameTime <= 0)
      return fail("invalid frame time '" + std::string(w[2]) + "' (must be a positive number of seconds)");
    mFps = fpsFromFrameTime(frameTime);
    return true;
  }

  void buildPrograms() {
    int value = 0;
    for (int j = 0; j < mSkeleton.jointCount(); ++j) {
      JointProgram p;
      p.joint = j;
      p.firstValue = value;
      p.channels = mSkeleton.channels(j);
      int axes[3] = {-1, -1, -1};
      for (int c = 0; c < static_cast<int>(p.channels.size()); ++c) {
        const int code = static_cast<int>(p.channels[c]);
        if (code < 3) {
          p.positionIndex[code] = c;
        } else if (p.rotationCount < 3) {
          axes[p.rotationCount] = code - 3;
          p.rotationIndex[p.rotationCount] = c;
          ++p.rotationCount;
        } else {
          ++p.rotationCount;
        }
      }
      if (p.rotationCount == 3)
        if (auto o = eulerOrderFromAxes(axes[0], axes[1], axes[2])) {
          p.fastEuler = true;
          p.order = *o;
        }
      if (p.fastEuler) mEulerOrders.push_back(p.order);
      value += static_cast<int>(p.channels.size());
      mPrograms.push_back(std::move(p));
    }
    mValuesPerFrame = value;
  }

  bool parseFrames() {
    buildPrograms();
    const int J = mSkeleton.jointCount();
    mFirstAngles.assign(J, Eigen::Vector3d::Zero());
    mLargestAngles.assign(J, Eigen::Vector3d::Zero());
    mPrevious.assign(J, Eigen::Quaterniond::Identity());
    // Never trust the header's frame count for allocation: a damaged file may
    // claim billions. Each value needs at least two bytes ("0 ").
    long long capacity = mDeclaredFrames;
    if (mBytesHint >= 0 && mValuesPerFrame > 0)
      capacity = std::min<long long>(capacity, mBytesHint / (2LL * mValuesPerFrame) + 1);
    capacity = std::min<long long>(capacity, 1LL << 26);
    Clip clip(mSkeleton, 0, mFps);
    clip.reserveFrames(static_cast<int>(capacity));

    // This thread tokenises frame lines into batches of numbers; a worker
    // converts them (Euler -> quaternion, tracks) and appends them to the
    // clip, where the page faults of its fresh buffers land. Until finish()
    // the worker alone touches the clip and the decoding state.
    mTrackOf.assign(J, -1);
    mTracks = 0;
    for (int j = 0; j < J; ++j)
      if (clip.hasTrack(j)) mTrackOf[j] = mTracks++;
    long long decoded = 0;
    DecodeWorker worker([&](const FrameBatch& b) {
      decodeBatch(b, decoded == 0);
      clip.appendFrames(b.frames, mRotations.data(), mTranslations.data());
      decoded += b.frames;
    });
    const size_t V = static_cast<size_t>(mValuesPerFrame);
    FrameBatch batch;
    batch.values.resize(kBatchFrames * V + 1);
    long long frames = 0;
    std::string_view line;
    while (mSrc.next(line)) {
      const char* p = line.data();
      const char* end = p + line.size();
      while (p < end && isSpace(*p)) ++p;
      if (p == end || *p == '#' || (*p == '/' && p + 1 < end && p[1] == '/')) continue;
      if (!parseFrameValues(line, p, frames, batch.values.data() + batch.frames * V)) return false;
      if (frames >= mOptions.maxFrames) return fail("more frames than the limit of " + std::to_string(mOptions.maxFrames));
      ++frames;
      if (++batch.frames == kBatchFrames) {
        worker.submit(batch);
        batch.frames = 0;
        batch.values.resize(kBatchFrames * V + 1);
      }
    }
    if (batch.frames > 0) worker.submit(batch);
    worker.finish();
    if (mSrc.readError()) return fail("reading the file failed", 0);
    if (frames != mDeclaredFrames)
      mResult.warnings.push_back(IoError{mFile, mFramesLine,
                                         "the header declares " + std::to_string(mDeclaredFrames) + " frames but " +
                                             std::to_string(frames) + " were read; using " + std::to_string(frames)}
                                     .toString());
    for (const JointProgram& jp : mPrograms)
      if (jp.fastEuler) {
        const Eigen::Vector3d& largest = mLargestAngles[jp.joint];
        EulerStyle style;
        style.wrapped = frames > 0 && isPrincipalEuler(largest[0], largest[1], largest[2]);
        if (frames > 0) style.first = mFirstAngles[jp.joint];
        clip.skeleton().setEulerStyle(jp.joint, style);
      }
    mResult.clip = std::move(clip);
    return true;
  }

  // Reads the values of a frame line into `values`, starting at its first
  // value p; false (error set) unless it holds exactly mValuesPerFrame numbers.
  bool parseFrameValues(std::string_view line, const char* p, long long frame, double* values) {
    const char* end = line.data() + line.size();
    int n = 0;
    while (p < end) {
      if (n == mValuesPerFrame)
        return fail("frame " + std::to_string(frame) + " has more than the " + std::to_string(mValuesPerFrame) +
                    " values the hierarchy declares");
      double v;
      const char* e = parseDouble(p, end, v);
      if (!e || (e < end && !isSpace(*e))) {
        const char* tokEnd = p;
        while (tokEnd < end && !isSpace(*tokEnd)) ++tokEnd;
        std::string token(p, std::min<size_t>(tokEnd - p, 40));
        if (line.find('\0') != std::string_view::npos) return fail("binary data in the MOTION section");
        return fail("'" + token + "' is not a number (frame " + std::to_string(frame) + ", value " +
                    std::to_string(n + 1) + ")");
      }
      values[n++] = v;
      p = e;
      while (p < end && isSpace(*p)) ++p;
    }
    if (n != mValuesPerFrame)
      return fail("frame " + std::to_string(frame) + " has " + std::to_string(n) + " values, expected " +
                  std::to_string(mValuesPerFrame));
    // Checked once per line (a branch per value would wait on each parse).
    bool finite = true;
    for (int i = 0; i < n; ++i) finite &= std::abs(values[i]) <= std::numeric_limits<double>::max();
    if (!finite)
      for (int i = 0; i < n; ++i)
        if (!std::isfinite(values[i]))
          return fail("value " + std::to_string(i + 1) + " of frame " + std::to_string(frame) + " is not finite");
    return true;
  }

  // Worker side: a batch of frame values into mRotations / mTranslations
  // (frames x joints, frames x tracks). Each rotation is sign-aligned with the
  // previous frame's (q and -q are the same rotation; continuity keeps
  // interpolation and filters sane).
  void decodeBatch(const FrameBatch& batch, bool firstBatch) {
    const int J = mSkeleton.jointCount();
    const size_t V = static_cast<size_t>(mValuesPerFrame);
    const size_t E = mEulerOrders.size();
    mRotations.resize(static_cast<size_t>(batch.frames) * J);
    mTranslations.resize(static_cast<size_t>(batch.frames) * mTracks);
    convertEulerJoints(batch, firstBatch);
    for (int f = 0; f < batch.frames; ++f) {
      const double* values = batch.values.data() + f * V;
      const bool first = firstBatch && f == 0;
      Eigen::Quaterniond* rot = mRotations.data() + static_cast<size_t>(f) * J;
      Eigen::Vector3d* tr = mTranslations.data() + static_cast<size_t>(f) * mTracks;
      const Eigen::Quaterniond* euler = mEulerRotations.data() + f * E;
      for (const JointProgram& jp : mPrograms) {
        const double* v = values + jp.firstValue;
        Eigen::Quaterniond q = jp.fastEuler ? *euler++ : channelRotation(jp, v);
        Eigen::Quaterniond& previous = mPrevious[jp.joint];
        if (!first && q.coeffs().dot(previous.coeffs()) < 0.0) q.coeffs() = -q.coeffs();
        rot[jp.joint] = previous = q;
        if (mTrackOf[jp.joint] >= 0) {
          Eigen::Vector3d& track = tr[mTrackOf[jp.joint]];
          track = mSkeleton.offset(jp.joint);
          for (int a = 0; a < 3; ++a)
            if (jp.positionIndex[a] >= 0) track[a] = v[jp.positionIndex[a]];
        }
      }
    }
  }

  // The rotations of all fastEuler joints of a batch in one call (into
  // mEulerRotations: frames x fastEuler joints in program order), tracking
  // what their EulerStyle needs.
  void convertEulerJoints(const FrameBatch& batch, bool firstBatch) {
    const size_t V = static_cast<size_t>(mValuesPerFrame);
    const size_t E = mEulerOrders.size();
    mEulerAngles.resize(3 * E * batch.frames);
    mEulerRotations.resize(E * batch.frames);
    mBatchOrders.resize(E * batch.frames);
    double* angles = mEulerAngles.data();
    for (int f = 0; f < batch.frames; ++f) {
      const double* values = batch.values.data() + f * V;
      for (const JointProgram& jp : mPrograms) {
        if (!jp.fastEuler) continue;
        const double* v = values + jp.firstValue;
        const Eigen::Vector3d a(v[jp.rotationIndex[0]], v[jp.rotationIndex[1]], v[jp.rotationIndex[2]]);
        if (firstBatch && f == 0) mFirstAngles[jp.joint] = a;
        mLargestAngles[jp.joint] = mLargestAngles[jp.joint].cwiseMax(a.cwiseAbs());
        angles[0] = a[0];
        angles[1] = a[1];
        angles[2] = a[2];
        angles += 3;
      }
      std::copy(mEulerOrders.begin(), mEulerOrders.end(), mBatchOrders.begin() + f * E);
    }
    eulerDegreesToQuats(mEulerAngles.data(), mBatchOrders.data(), static_cast<int>(mBatchOrders.size()),
                        mEulerRotations.data());
  }

  // Rotation of a joint without a fastEuler layout: its rotation channels
  // multiplied in file order.
  static Eigen::Quaterniond channelRotation(const JointProgram& jp, const double* v) {
    Eigen::Quaterniond q = Eigen::Quaterniond::Identity();
    for (size_t c = 0; c < jp.channels.size(); ++c) {
      const int code = static_cast<int>(jp.channels[c]);
      if (code >= 3) q = q * axisQuatDegrees(code - 3, v[c]);
    }
    return q;
  }

  LineSource& mSrc;
  std::string mFile;
  BvhReadOptions mOptions;
  long long mBytesHint;
  IoError mError;
  LoadResult mResult;
  Skeleton mSkeleton;
  std::string_view mLastLine;
  std::vector<JointProgram> mPrograms;
  std::vector<Eigen::Vector3d> mFirstAngles;    // per joint: first frame's angles (degrees)
  std::vector<Eigen::Vector3d> mLargestAngles;  // per joint: largest |angle| of each Euler slot so far
  std::vector<Eigen::Quaterniond> mPrevious;    // per joint: rotation of the previous frame
  std::vector<EulerOrder> mEulerOrders;         // per fastEuler joint (program order)
  std::vector<int> mTrackOf;                    // per joint: its translation track, or -1
  int mTracks = 0;
  // Worker scratch, per batch: Euler angle triples, their orders and
  // rotations, and the decoded rotations and tracks.
  std::vector<double> mEulerAngles;
  std::vector<EulerOrder> mBatchOrders;
  std::vector<Eigen::Quaterniond> mEulerRotations;
  std::vector<Eigen::Quaterniond> mRotations;
  std::vector<Eigen::Vector3d> mTranslations;
  int mValuesPerFrame = 0;
  long long mDeclaredFrames = 0;
  int mFramesLine = 0;
  double mFps = 30.0;
};

// Channel layout used for joints whose source had none (e.g. from Assimp).
std::vector<Channel> defaultChannels(const Clip& clip, int joint) {
  std::vector<Channel> c;
  if (joint == 0 || clip.hasTrack(joint)) c = {Channel::Xposition, Channel::Yposition, Channel::Zposition};
  c.insert(c.end(), {Channel::Zrotation, Channel::Xrotation, Channel::Yrotation});
  return c;
}

void appendNumber(std::string& out, double v) {
  char buf[64];
  if (std::abs(v) < 5e-7) v = 0.0;  // avoid "-0" and 1e-17 noise
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
  char* e = r.ptr;
  // Trim trailing zeros of the fraction ("90.479700" -> "90.4797", "3.000000" -> "3").
  while (e > buf && e[-1] == '0') --e;
  if (e > buf && e[-1] == '.') --e;
  out.append(buf, e);
}

void appendVector(std::string& out, const Eigen::Vector3d& v) {
  for (int i = 0; i < 3; ++i) {
    out += ' ';
    appendNumber(out, v[i]);
  }
}

// Joints in depth-first order (children in index order): the order BVH
// nests them in, and so the order of the MOTION columns. Skeletons read from
// BVH already are; one with joints added later (or from another format) may
// not be.
std::vector<int> depthFirstOrder(const Skeleton& s) {
  std::vector<int> order, stack;
  order.reserve(static_cast<size_t>(s.jointCount()));
  if (s.jointCount() > 0) stack.push_back(0);
  while (!stack.empty()) {
    const int j = stack.back();
    stack.pop_back();
    order.push_back(j);
    const std::vector<int> kids = s.children(j);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return order;
}

void writeHierarchy(const Clip& clip, const std::vector<std::vector<Channel>>& layout, const std::vector<int>& order,
                    std::string& out) {
  const Skeleton& s = clip.skeleton();
  out += "HIERARCHY\n";
  std::vector<int> stack;  // open joints, root first
  auto line = [&](size_t depth, const std::string& text) {
    out.append(depth, '\t');
    out += text;
    out += '\n';
  };
  // Closes the innermost open joint; a leaf gets its End Site first.
  auto closeJoint = [&] {
    const int joint = stack.back();
    stack.pop_back();
    const size_t depth = stack.size();
    if (s.children(joint).empty()) {
      line(depth + 1, "End Site");
      line(depth + 1, "{");
      std::string offset = "OFFSET";
      appendVector(offset, s.endSite(joint).value_or(Eigen::Vector3d::Zero()));
      line(depth + 2, offset);
      line(depth + 1, "}");
    }
    line(depth, "}");
  };
  for (int j : order) {
    while (!stack.empty() && stack.back() != s.parent(j)) closeJoint();
    const size_t depth = stack.size();
    line(depth, (j == 0 ? "ROOT " : "JOINT ") + s.name(j));
    line(depth, "{");
    std::string offset = "OFFSET";
    appendVector(offset, s.offset(j));
    line(depth + 1, offset);
    std::string channels = "CHANNELS " + std::to_string(layout[j].size());
    for (Channel c : layout[j]) channels += std::string(" ") + channelName(c);
    line(depth + 1, channels);
    stack.push_back(j);
  }
  while (!stack.empty()) closeJoint();
}

// Streams the clip as BVH text through `sink` in blocks of about 1 MB.
template <typename Sink>
void writeBvhTo(const Clip& clip, Sink&& sink) {
  const Skeleton& s = clip.skeleton();
  const int J = s.jointCount();
  std::vector<std::vector<Channel>> layout(J);
  std::vector<BvhRotationWriter> writers(J);
  for (int j = 0; j < J; ++j) {
    layout[j] = s.channels(j).empty() ? defaultChannels(clip, j) : s.channels(j);
    writers[j] = BvhRotationWriter(layout[j], s.eulerStyle(j));
  }
  const std::vector<int> order = depthFirstOrder(s);
  std::string out;
  writeHierarchy(clip, layout, order, out);
  out += "MOTION\nFrames: " + std::to_string(clip.frameCount()) + "\nFrame Time: ";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, 1.0 / clip.fps(), std::chars_format::general, 9);
  out.append(buf, r.ptr);
  out += '\n';
  double angles[3];
  for (int f = 0; f < clip.frameCount(); ++f) {
    bool first = true;
    for (int j : order) {
      writers[j].next(clip.rotation(f, j), angles);
      const Eigen::Vector3d& t = clip.localTranslation(f, j);
      int rot = 0;
      for (Channel c : layout[j]) {
        if (!first) out += ' ';
        first = false;
        const int code = static_cast<int>(c);
        appendNumber(out, code < 3 ? t[code] : angles[rot++]);
      }
    }
    out += '\n';
    if (out.size() > (1u << 20)) {
      sink(out);
      out.clear();
    }
  }
  sink(out);
}

}  // namespace

LoadResult parseBvh(std::string_view text, const std::string& fileName, const BvhReadOptions& options) {
  LineSource src(text);
  BvhParser parser(src, fileName, options, static_cast<long long>(text.size()));
  return parser.run();
}

LoadResult readBvh(const std::string& path, const BvhReadOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    LoadResult r;
    r.error = IoError{path, 0, std::string("cannot open the file: ") + std::strerror(errno)};
    return r;
  }
  long long size = -1;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    size = std::ftell(file.get());
    std::fseek(file.get(), 0, SEEK_SET);
  }
  LineSource src(file.get());
  BvhParser parser(src, path, options, size);
  LoadResult r = parser.run();
  if (!r.ok() && src.sawNul() && r.error.message.find("binary") == std::string::npos)
    r.error.message += " (the file contains binary data: is it really BVH?)";
  return r;
}

std::string writeBvhString(const Clip& clip) {
  std::string all;
  writeBvhTo(clip, [&](const std::string& block) { all += block; });
  return all;
}

SaveResult writeBvh(const Clip& clip, const std::string& path) {
  if (std::string e = clip.validate(); !e.empty()) return SaveResult::failure(path, "cannot write an invalid clip: " + e);
  AtomicFile file(path);
  if (!file.open()) return SaveResult::failure(path, file.error());
  writeBvhTo(clip, [&](const std::string& block) { file.write(block); });
  if (!file.commit()) return SaveResult::failure(path, file.error());
  return {};
}

}  // namespace mm
