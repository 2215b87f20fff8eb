#include "io/asfamc.h"

#include "io/numberparse.h"
#include "motion/rotations.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace mm {
namespace {

// ---------------------------------------------------------------------------
// Text helpers

bool readWholeFile(const std::string& path, std::string& out, std::string& why) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    why = std::string("cannot open the file: ") + std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
  const bool bad = std::ferror(f) != 0;
  std::fclose(f);
  if (bad) why = "reading the file failed";
  return !bad;
}

inline bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Yields the lines of a buffer (without "\n" or "\r\n") with 1-based numbers.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : mText(text) {}
  bool next(std::string_view& line) {
    if (mPos >= mText.size()) return false;
    const size_t nl = mText.find('\n', mPos);
    const size_t end = nl == std::string_view::npos ? mText.size() : nl;
    line = mText.substr(mPos, end - mPos);
    mPos = nl == std::string_view::npos ? mText.size() : nl + 1;
    ++mLine;
    return true;
  }
  int line() const { return mLine; }  // number of the line last returned

 private:
  std::string_view mText;
  size_t mPos = 0;
  int mLine = 0;
};

void splitWords(std::string_view line, std::vector<std::string_view>& words) {
  words.clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && isBlank(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !isBlank(line[i])) ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool parseNumber(std::string_view word, double& value) {
  const char* end = word.data() + word.size();
  return parseDouble(word.data(), end, value) == end && std::isfinite(value);
}

bool parseInt(std::string_view word, long long& value) {
  const char* end = word.data() + word.size();
  const char* p = word.data();
  if (p < end && *p == '+') ++p;
  const auto r = std::from_chars(p, end, value);
  return r.ec == std::errc() && r.ptr == end;
}

// A token quoted in a message, cut so binary garbage stays readable.
std::string quoted(std::string_view word) {
  std::string s(word.substr(0, 40));
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 32) c = '?';
  return "'" + s + "'";
}

// ---------------------------------------------------------------------------
// Skeleton description

enum class Dof : unsigned char { Tx, Ty, Tz, Rx, Ry, Rz, L };

std::optional<Dof> parseDof(std::string_view w) {
  const std::string s = lower(w);
  if (s == "tx") return Dof::Tx;
  if (s == "ty") return Dof::Ty;
  if (s == "tz") return Dof::Tz;
  if (s == "rx") return Dof::Rx;
  if (s == "ry") return Dof::Ry;
  if (s == "rz") return Dof::Rz;
  if (s == "l") return Dof::L;
  return std::nullopt;
}

bool isRotation(Dof d) { return d == Dof::Rx || d == Dof::Ry || d == Dof::Rz; }
bool isTranslation(Dof d) { return d == Dof::Tx || d == Dof::Ty || d == Dof::Tz; }
int dofAxis(Dof d) { return isRotation(d) ? static_cast<int>(d) - 3 : static_cast<int>(d); }

// Acclaim writes an axis order such as "XYZ" meaning X is applied first, then
// Y, then Z: with column vectors the matrix is Rz * Ry * Rx.
bool parseAxisOrder(std::string_view w, int axes[3]) {
  if (w.size() != 3) return false;
  bool used[3] = {false, false, false};
  for (int i = 0; i < 3; ++i) {
    const int a = std::toupper(static_cast<unsigned char>(w[i])) - 'X';
    if (a < 0 || a > 2 || used[a]) return false;
    used[a] = true;
    axes[i] = a;
  }
  return true;
}

struct Bone {
  std::string name;
  int line = 0;  // where its definition begins (for messages)
  Eigen::Vector3d direction = Eigen::Vector3d::Zero();
  double length = 0.0;
  Eigen::Vector3d axisValues = Eigen::Vector3d::Zero();  // x, y, z angles as written
  int axisOrder[3] = {0, 1, 2};
  std::vector<Dof> dofs;  // AMC value order
  std::vector<int> children;
  int parent = -1;  // bone index; -1 for the root
  int joint = -1;
  // Derived: the axis frame C, and C applied to each rotation dof's axis so
  // that C * R(axis, angle) * C^-1 = R(C * axis, angle).
  Eigen::Quaterniond axis = Eigen::Quaterniond::Identity();
  std::vector<Eigen::Vector3d> dofAxes;  // per dof (zero for non-rotations)
  int firstValue = 0;                    // offset of this bone's values in a frame row
  int framesPresent = 0;
};

struct Skel {
  std::vector<Bone> bones;  // bones[0] is the root
  double lengthScale = 1.0;  // multiply file lengths by this
  bool radians = false;
  Eigen::Vector3d rootPosition = Eigen::Vector3d::Zero();
  int valuesPerFrame = 0;
  std::vector<int> order;  // bone indices depth-first
};

class AsfParser {
 public:
  AsfParser(std::string path, LoadResult& result) : mPath(std::move(path)), mResult(result) {}

  bool parse(std::string_view text, Skel& skel) {
    enum class Section { None, Units, Documentation, Root, BoneData, Hierarchy, Other };
    Section section = Section::None;
    LineReader lines(text);
    std::string_view line;
    std::vector<std::string_view> w;
    bool seenRoot = false, seenHierarchy = false, hierarchyOpen = false, hierarchyDone = false;
    int boneOpen = -1;  // index of the bone whose "begin" has no "end" yet
    int hierarchyLine = 0;
    skel.bones.clear();
    skel.bones.emplace_back();
    skel.bones[0].name = "root";

    while (lines.next(line)) {
      mLine = lines.line();
      splitWords(line, w);
      if (w.empty() || w[0][0] == '#') continue;
      if (w[0][0] == ':') {
        if (boneOpen >= 0)
          return fail("the bone definition that begins at line " + std::to_string(skel.bones[boneOpen].line) +
                      " has no 'end'");
        if (hierarchyOpen) return fail("the :hierarchy section that begins at line " + std::to_string(hierarchyLine) +
                                       " has no 'end'");
        const std::string key = lower(w[0]);
        if (key == ":units") section = Section::Units;
        else if (key == ":documentation") section = Section::Documentation;
        else if (key == ":root") {
          section = Section::Root;
          seenRoot = true;
          skel.bones[0].line = mLine;
        } else if (key == ":bonedata") section = Section::BoneData;
        else if (key == ":hierarchy") {
          section = Section::Hierarchy;
          seenHierarchy = true;
          hierarchyLine = mLine;
        } else section = Section::Other;  // :version, :name, :skin and the like carry nothing we use
        continue;
      }
      switch (section) {
        case Section::None:
          return fail("expected a section such as :units, :root or :bonedata, found " + quoted(w[0]));
        case Section::Documentation:
        case Section::Other:
          break;
        case Section::Units:
          if (!parseUnitsLine(w, skel)) return false;
          break;
        case Section::Root:
          if (!parseRootLine(w, skel)) return false;
          break;
        case Section::BoneData: {
          const std::string key = lower(w[0]);
          if (boneOpen < 0) {
            if (key != "begin") return fail("expected 'begin' of a bone definition, found " + quoted(w[0]));
            skel.bones.emplace_back();
            skel.bones.back().line = mLine;
            boneOpen = static_cast<int>(skel.bones.size()) - 1;
            break;
          }
          if (key == "end") {
            Bone& b = skel.bones[boneOpen];
            if (b.name.empty())
              return fail("the bone definition that begins at line " + std::to_string(b.line) + " has no name");
            for (size_t i = 0; i + 1 < skel.bones.size(); ++i)
              if (skel.bones[i].name == b.name)
                return fail("two bones are named '" + b.name + "'");
            boneOpen = -1;
            break;
          }
          if (!parseBoneLine(w, skel.bones[boneOpen])) return false;
          break;
        }
        case Section::Hierarchy: {
          const std::string key = lower(w[0]);
          if (hierarchyDone) return fail("unexpected " + quoted(w[0]) + " after the end of :hierarchy");
          if (!hierarchyOpen) {
            if (key != "begin") return fail("expected 'begin' in :hierarchy, found " + quoted(w[0]));
            hierarchyOpen = true;
            break;
          }
          if (key == "end") {
            hierarchyOpen = false;
            hierarchyDone = true;
            break;
          }
          if (!parseHierarchyLine(w, skel)) return false;
          break;
        }
      }
    }
    mLine = lines.line();  // errors about a file that stops early point at its last line
    if (boneOpen >= 0)
      return fail("the file ends inside the bone definition that begins at line " +
                  std::to_string(skel.bones[boneOpen].line) + " (truncated file?)");
    if (hierarchyOpen)
      return fail("the file ends inside the :hierarchy section that begins at line " + std::to_string(hierarchyLine) +
                  " (truncated file?)");
    if (!seenRoot) return fail("the file has no :root section (not an ASF skeleton, or truncated)");
    if (skel.bones.size() > 1 && !seenHierarchy)
      return fail("the file has no :hierarchy section (truncated file?)");
    return finish(skel);
  }

  int lastLine() const { return mLine; }

 private:
  bool fail(std::string message, int line = -1) {
    mResult.error = IoError{mPath, line < 0 ? mLine : line, std::move(message)};
    return false;
  }

  bool numbers(const std::vector<std::string_view>& w, size_t first, int count, double* out) {
    if (w.size() < first + count)
      return fail("'" + std::string(w[0]) + "' needs " + std::to_string(count) + " numbers");
    for (int i = 0; i < count; ++i)
      if (!parseNumber(w[first + i], out[i])) return fail(quoted(w[first + i]) + " is not a number");
    return true;
  }

  bool parseUnitsLine(const std::vector<std::string_view>& w, Skel& skel) {
    const std::string key = lower(w[0]);
    if (w.size() < 2) return fail("':units' entry " + quoted(w[0]) + " has no value");
    if (key == "length") {
      double v;
      if (!parseNumber(w[1], v) || v <= 0) return fail("length unit " + quoted(w[1]) + " is not a positive number");
      skel.lengthScale = 1.0 / v;
    } else if (key == "angle") {
      const std::string v = lower(w[1]);
      if (v.rfind("deg", 0) == 0) skel.radians = false;
      else if (v.rfind("rad", 0) == 0) skel.radians = true;
      else return fail("angle unit " + quoted(w[1]) + " is neither 'deg' nor 'rad'");
    }
    return true;  // mass and unknown units do not affect the motion
  }

  bool parseRootLine(const std::vector<std::string_view>& w, Skel& skel) {
    Bone& root = skel.bones[0];
    const std::string key = lower(w[0]);
    if (key == "order") {
      root.dofs.clear();
      for (size_t i = 1; i < w.size(); ++i) {
        const auto d = parseDof(w[i]);
        if (!d || *d == Dof::L) return fail("unknown root channel " + quoted(w[i]) + " (expected TX TY TZ RX RY RZ)");
        if (std::find(root.dofs.begin(), root.dofs.end(), *d) != root.dofs.end())
          return fail("root channel " + quoted(w[i]) + " is listed twice");
        root.dofs.push_back(*d);
      }
    } else if (key == "axis") {
      if (w.size() < 2 || !parseAxisOrder(w[1], root.axisOrder))
        return fail("root axis order must be three distinct letters of X, Y, Z");
    } else if (key == "position") {
      double v[3];
      if (!numbers(w, 1, 3, v)) return false;
      skel.rootPosition = Eigen::Vector3d(v[0], v[1], v[2]);
    } else if (key == "orientation") {
      double v[3];
      if (!numbers(w, 1, 3, v)) return false;
      root.axisValues = Eigen::Vector3d(v[0], v[1], v[2]);
    }
    return true;
  }

  bool parseBoneLine(const std::vector<std::string_view>& w, Bone& b) {
    const std::string key = lower(w[0]);
    if (key == "name") {
      if (w.size() < 2) return fail("'name' has no value");
      b.name = std::string(w[1]);
    } else if (key == "direction") {
      double v[3];
      if (!numbers(w, 1, 3, v)) return false;
      b.direction = Eigen::Vector3d(v[0], v[1], v[2]);
    } else if (key == "length") {
      double v;
      if (!numbers(w, 1, 1, &v)) return false;
      if (v < 0) return fail("bone length " + quoted(w[1]) + " is negative");
      b.length = v;
    } else if (key == "axis") {
      double v[3];
      if (!numbers(w, 1, 3, v)) return false;
      b.axisValues = Eigen::Vector3d(v[0], v[1], v[2]);
      if (w.size() >= 5 && !parseAxisOrder(w[4], b.axisOrder))
        return fail("axis order " + quoted(w[4]) + " must be three distinct letters of X, Y, Z");
    } else if (key == "dof") {
      b.dofs.clear();
      for (size_t i = 1; i < w.size(); ++i) {
        const auto d = parseDof(w[i]);
        if (!d) return fail("unknown degree of freedom " + quoted(w[i]) + " (expected rx ry rz tx ty tz l)");
        if (std::find(b.dofs.begin(), b.dofs.end(), *d) != b.dofs.end())
          return fail("degree of freedom " + quoted(w[i]) + " is listed twice");
        b.dofs.push_back(*d);
      }
    }
    // id, limits (and their continuation lines "(a b)"), bodymass, cofmass:
    // not needed to play the motion back.
    return true;
  }

  bool parseHierarchyLine(const std::vector<std::string_view>& w, Skel& skel) {
    const int parent = findBone(skel, w[0]);
    if (parent < 0) return fail("unknown bone " + quoted(w[0]) + " in :hierarchy");
    for (size_t i = 1; i < w.size(); ++i) {
      const int child = findBone(skel, w[i]);
      if (child < 0) return fail("unknown bone " + quoted(w[i]) + " in :hierarchy");
      if (child == 0) return fail("the root cannot be the child of another bone");
      if (skel.bones[child].parent >= 0)
        return fail("bone " + quoted(w[i]) + " has two parents in :hierarchy");
      skel.bones[child].parent = parent;
      skel.bones[parent].children.push_back(child);
    }
    return true;
  }

  static int findBone(const Skel& skel, std::string_view name) {
    for (size_t i = 0; i < skel.bones.size(); ++i)
      if (skel.bones[i].name == name) return static_cast<int>(i);
    return -1;
  }

  bool finish(Skel& skel) {
    // Depth-first from the root; a bone that is never reached has no place
    // in the skeleton (and a cycle never reaches the root).
    skel.order.clear();
    std::vector<int> stack = {0};
    while (!stack.empty()) {
      const int b = stack.back();
      stack.pop_back();
      skel.order.push_back(b);
      const auto& ch = skel.bones[b].children;
      for (auto it = ch.rbegin(); it != ch.rend(); ++it) stack.push_back(*it);
    }
    if (skel.order.size() != skel.bones.size())
      for (size_t i = 1; i < skel.bones.size(); ++i)
        if (std::find(skel.order.begin(), skel.order.end(), static_cast<int>(i)) == skel.order.end())
          return fail("bone '" + skel.bones[i].name + "' is not connected to the root in :hierarchy",
                      skel.bones[i].line);

    const double angleScale = skel.radians ? 1.0 : degToRad(1.0);
    int value = 0;
    for (Bone& b : skel.bones) {
      // C = R(o2) * R(o1) * R(o0): the first letter of the order is applied first.
      Eigen::Quaterniond c = Eigen::Quaterniond::Identity();
      for (int i = 0; i < 3; ++i) {
        const int a = b.axisOrder[i];
        c = Eigen::Quaterniond(Eigen::AngleAxisd(b.axisValues[a] * angleScale, Eigen::Vector3d::Unit(a))) * c;
      }
      b.axis = c.normalized();
      b.dofAxes.clear();
      for (Dof d : b.dofs)
        b.dofAxes.push_back(isRotation(d) ? Eigen::Vector3d(b.axis * Eigen::Vector3d::Unit(dofAxis(d)))
                                          : Eigen::Vector3d::Zero());
      const double n = b.direction.norm();
      if (n > 0) b.direction /= n;  // Acclaim directions are unit vectors; `length` is authoritative
      b.firstValue = value;
      value += static_cast<int>(b.dofs.size());
    }
    skel.valuesPerFrame = value;
    return true;
  }

  std::string mPath;
  LoadResult& mResult;
  int mLine = 0;
};

Skeleton buildSkeleton(Skel& skel) {
  Skeleton s;
  for (int b : skel.order) {
    Bone& bone = skel.bones[b];
    Eigen::Vector3d offset = Eigen::Vector3d::Zero();
    int parentJoint = Skeleton::kNoParent;
    if (b == 0) {
      offset = skel.rootPosition * skel.lengthScale;
    } else {
      const Bone& p = skel.bones[bone.parent];
      parentJoint = p.joint;
      // A bone starts where its parent ends; the root has no extent.
      if (bone.parent != 0) offset = p.direction * (p.length * skel.lengthScale);
    }
    bone.joint = s.addJoint(bone.name, parentJoint, offset);
    if (b != 0 && bone.children.empty())
      s.setEndSite(bone.joint, Eigen::Vector3d(bone.direction * (bone.length * skel.lengthScale)));

    // Channel layout for writers: positions as listed, then the rotation as
    // BVH would spell R = R(last dof) * ... * R(first dof), i.e. the dof order
    // reversed. C * M * C^-1 about tilted axes needs all three angles unless
    // C is the identity, so the missing axes are appended.
    std::vector<Channel> channels;
    if (b == 0)
      for (Dof d : bone.dofs)
        if (isTranslation(d)) channels.push_back(static_cast<Channel>(dofAxis(d)));
    std::vector<int> rotAxes;
    for (auto it = bone.dofs.rbegin(); it != bone.dofs.rend(); ++it)
      if (isRotation(*it)) rotAxes.push_back(dofAxis(*it));
    const bool tilted = bone.axis.angularDistance(Eigen::Quaterniond::Identity()) > 1e-12;
    if (!rotAxes.empty() && tilted)
      for (int a = 0; a < 3; ++a)
        if (std::find(rotAxes.begin(), rotAxes.end(), a) == rotAxes.end()) rotAxes.push_back(a);
    for (int a : rotAxes) channels.push_back(static_cast<Channel>(3 + a));
    s.setChannels(bone.joint, std::move(channels));
  }
  return s;
}

// ---------------------------------------------------------------------------
// Motion

class AmcParser {
 public:
  AmcParser(std::string path, const Skel& skel, LoadResult& result)
      : mPath(std::move(path)), mSkel(skel), mResult(result), mRadians(skel.radians) {}

  // Fills `values` (frames x valuesPerFrame) and `present` (frames x bones).
  bool parse(std::string_view text, std::vector<double>& values, std::vector<unsigned char>& present, int& frames) {
    const int B = static_cast<int>(mSkel.bones.size());
    const int V = mSkel.valuesPerFrame;
    frames = 0;
    long long lastNumber = 0;
    int hint = 0;
    LineReader lines(text);
    std::string_view line;
    while (lines.next(line)) {
      mLine = lines.line();
      const char* p = line.data();
      const char* end = p + line.size();
      while (p < end && isBlank(*p)) ++p;
      while (end > p && isBlank(end[-1])) --end;
      if (p == end || *p == '#') continue;
      if (*p == ':') {
        const std::string key = lower(std::string_view(p, end - p));
        if (key.rfind(":deg", 0) == 0) mRadians = false;
        else if (key.rfind(":rad", 0) == 0) mRadians = true;
        continue;  // :FULLY-SPECIFIED and other flags change nothing here
      }
      // The first word decides: a lone integer starts a frame, a name gives a bone's values.
      const char* wordEnd = p;
      while (wordEnd < end && !isBlank(*wordEnd)) ++wordEnd;
      const std::string_view word(p, wordEnd - p);
      if (static_cast<unsigned>(*p - '0') < 10) {
        long long number;
        if (!parseInt(word, number) || wordEnd != end)
          return fail("expected a frame number or a bone name, found " + quoted(std::string_view(p, end - p)));
        if (frames > 0 && number != lastNumber + 1)
          return fail("frame " + std::to_string(number) + " follows frame " + std::to_string(lastNumber) +
                      " (frames must be numbered consecutively)");
        lastNumber = number;
        ++frames;
        values.resize(static_cast<size_t>(frames) * V, 0.0);
        present.resize(static_cast<size_t>(frames) * B, 0);
        continue;
      }
      if (frames == 0) return fail("bone values before the first frame number");
      // Files list the bones in the same order every frame: search from the
      // bone after the previous one.
      int bone = -1;
      for (int k = 0; k < B; ++k) {
        const int i = (hint + k) % B;
        if (mSkel.bones[i].name == word) {
          bone = i;
          break;
        }
      }
      if (bone < 0) return fail("unknown bone " + quoted(word) + " (not in the skeleton file)");
      hint = bone + 1;
      unsigned char& seen = present[static_cast<size_t>(frames - 1) * B + bone];
      if (seen) return fail("bone '" + mSkel.bones[bone].name + "' appears twice in frame " + std::to_string(lastNumber));
      seen = 1;
      const Bone& b = mSkel.bones[bone];
      const int expected = static_cast<int>(b.dofs.size());
      double* out = values.data() + static_cast<size_t>(frames - 1) * V + b.firstValue;
      int n = 0;
      const char* q = wordEnd;
      while (true) {
        while (q < end && isBlank(*q)) ++q;
        if (q == end) break;
        const char* tokEnd = q;
        while (tokEnd < end && !isBlank(*tokEnd)) ++tokEnd;
        double v;
        if (parseDouble(q, tokEnd, v) != tokEnd || !std::isfinite(v))
          return fail(quoted(std::string_view(q, tokEnd - q)) + " is not a number (bone '" + b.name + "', value " +
                      std::to_string(n + 1) + ")");
        if (n < expected) out[n] = v;
        ++n;
        q = tokEnd;
      }
      if (n != expected)
        return fail("bone '" + b.name + "' has " + std::to_string(n) + " values, the skeleton declares " +
                    std::to_string(expected) + " degrees of freedom");
    }
    mLine = lines.line();
    if (frames == 0) return fail("the motion file has no frames");
    return true;
  }

  bool radians() const { return mRadians; }

 private:
  bool fail(std::string message) {
    mResult.error = IoError{mPath, mLine, std::move(message)};
    return false;
  }

  std::string mPath;
  const Skel& mSkel;
  LoadResult& mResult;
  bool mRadians;
  int mLine = 0;
};

Eigen::Quaterniond rotationAbout(const Eigen::Vector3d& unitAxis, double angle) {
  const double h = 0.5 * angle;
  const double s = std::sin(h);
  return Eigen::Quaterniond(std::cos(h), unitAxis.x() * s, unitAxis.y() * s, unitAxis.z() * s);
}

}  // namespace

LoadResult readAsfAmc(const std::string& asfPath, const std::string& amcPath, double fps) {
  LoadResult result;
  if (!(fps > 0) || !std::isfinite(fps)) {
    result.error = IoError{amcPath, 0, "the frame rate must be a positive number"};
    return result;
  }
  std::string text, why;
  if (!readWholeFile(asfPath, text, why)) {
    result.error = IoError{asfPath, 0, why};
    return result;
  }
  Skel skel;
  {
    AsfParser asf(asfPath, result);
    if (!asf.parse(text, skel)) return result;
  }
  text.clear();
  if (!readWholeFile(amcPath, text, why)) {
    result.error = IoError{amcPath, 0, why};
    return result;
  }
  std::vector<double> values;
  std::vector<unsigned char> present;
  int frames = 0;
  AmcParser amc(amcPath, skel, result);
  if (!amc.parse(text, values, present, frames)) return result;
  text = std::string();

  const int B = static_cast<int>(skel.bones.size());
  const int V = skel.valuesPerFrame;
  Skeleton skeleton = buildSkeleton(skel);
  Clip clip(std::move(skeleton), frames, fps);
  const double angleScale = amc.radians() ? 1.0 : degToRad(1.0);

  for (int b = 0; b < B; ++b) {
    Bone& bone = skel.bones[b];
    for (int f = 0; f < frames; ++f) bone.framesPresent += present[static_cast<size_t>(f) * B + b];
    if (bone.dofs.empty()) continue;
    if (b != 0 && std::any_of(bone.dofs.begin(), bone.dofs.end(), [](Dof d) { return !isRotation(d); }))
      result.warnings.push_back(IoError{asfPath, bone.line, "translation and length channels of bone '" + bone.name +
                                                                "' are ignored (only rotations are supported there)"}
                                    .toString());
    if (bone.framesPresent > 0 && bone.framesPresent < frames)
      result.warnings.push_back(IoError{amcPath, 0, "bone '" + bone.name + "' has no values in " +
                                                        std::to_string(frames - bone.framesPresent) +
                                                        " frames; they are marked as missing"}
                                    .toString());
  }

  const Eigen::Vector3d rootDefault = skel.rootPosition * skel.lengthScale;
  for (int f = 0; f < frames; ++f) {
    double* row = values.data() + static_cast<size_t>(f) * V;
    for (int b = 0; b < B; ++b) {
      const Bone& bone = skel.bones[b];
      if (bone.dofs.empty()) continue;
      if (!present[static_cast<size_t>(f) * B + b] && bone.framesPresent > 0) {
        // Hold the previous frame's values (zero before the first one) so the
        // pose stays plausible; the mask says the data is not real.
        if (f > 0) std::copy_n(row - V + bone.firstValue, bone.dofs.size(), row + bone.firstValue);
        clip.setValid(f, bone.joint, false);
      }
      const double* v = row + bone.firstValue;
      // Local rotation C * M * C^-1 with M = R(dof_n) * ... * R(dof_1): each
      // factor C * R(a, t) * C^-1 is the rotation by t about C * a.
      Eigen::Quaterniond q = Eigen::Quaterniond::Identity();
      Eigen::Vector3d t = rootDefault;
      for (size_t i = 0; i < bone.dofs.size(); ++i) {
        const Dof d = bone.dofs[i];
        if (isRotation(d)) q = rotationAbout(bone.dofAxes[i], v[i] * angleScale) * q;
        else if (isTranslation(d)) t[dofAxis(d)] = v[i] * skel.lengthScale;
      }
      clip.rotation(f, bone.joint) = q.normalized();
      if (b == 0) clip.translation(f, 0) = t;
    }
  }
  clip.makeSignContinuous();
  result.clip = std::move(clip);
  return result;
}

}  // namespace mm
