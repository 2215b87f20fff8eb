#include "tasks/patch.h"

#include "motion/clip.h"
#include "motion/kinematics.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mm {
namespace {

bool sameRotation(const Eigen::Quaterniond& a, const Eigen::Quaterniond& b) {
  return std::memcmp(a.coeffs().data(), b.coeffs().data(), 4 * sizeof(double)) == 0;
}

bool sameTranslation(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::memcmp(a.data(), b.data(), 3 * sizeof(double)) == 0;
}

bool sameSample(const Clip& a, const Clip& b, int f, int j) {
  if (!sameRotation(a.rotation(f, j), b.rotation(f, j))) return false;
  if (a.hasTrack(j) && !sameTranslation(a.translation(f, j), b.translation(f, j))) return false;
  return a.isValid(f, j) == b.isValid(f, j);
}

// Sorted, merged, clamped to [0, frames).
std::vector<FrameRange> normalise(std::vector<FrameRange> ranges, int frames) {
  for (FrameRange& r : ranges) {
    r.start = std::max(0, r.start);
    r.end = std::min(frames, r.end);
  }
  ranges.erase(std::remove_if(ranges.begin(), ranges.end(), [](const FrameRange& r) { return r.empty(); }),
               ranges.end());
  std::sort(ranges.begin(), ranges.end(), [](const FrameRange& a, const FrameRange& b) { return a.start < b.start; });
  std::vector<FrameRange> out;
  for (const FrameRange& r : ranges) {
    if (!out.empty() && r.start <= out.back().end)
      out.back().end = std::max(out.back().end, r.end);
    else
      out.push_back(r);
  }
  return out;
}

// Per-frame largest global displacement (mm) between the two clips over the
// block's frames: FK of just those frames.
void measureChange(const Clip& before, const Clip& after, PatchBlock* b) {
  const Clip sb = before.subClip(b->start, b->end), sa = after.subClip(b->start, b->end);
  const GlobalPoses pb = computeGlobalPoses(sb), pa = computeGlobalPoses(sa);
  const double toMm = 1000.0 / before.unitsPerMeter();
  b->changeMm.assign(static_cast<size_t>(b->frames()), 0.0f);
  for (int f = 0; f < b->frames(); ++f) {
    double worst = 0.0;
    for (int j = 0; j < before.jointCount(); ++j) {
      const size_t i = pb.index(f, j);
      const double dx = pb.px[i] - pa.px[i], dy = pb.py[i] - pa.py[i], dz = pb.pz[i] - pa.pz[i];
      worst = std::max(worst, dx * dx + dy * dy + dz * dz);
    }
    b->changeMm[static_cast<size_t>(f)] = static_cast<float>(std::sqrt(worst) * toMm);
  }
}

}  // namespace

Patch Patch::diffAll(const Clip& before, const Clip& after, int mergeGap) {
  return diff(before, after, {FrameRange{0, before.frameCount()}}, mergeGap);
}

Patch Patch::diff(const Clip& before, const Clip& after, std::vector<FrameRange> ranges, int mergeGap) {
  std::vector<PatchBlock> blocks;
  const int J = before.jointCount();
  const int F = std::min(before.frameCount(), after.frameCount());
  for (const FrameRange& r : normalise(std::move(ranges), F)) {
    // Runs of changed frames inside r, merged across short gaps.
    int f = r.start;
    while (f < r.end) {
      std::vector<char> changed(static_cast<size_t>(J), 0);
      int runStart = -1, lastChanged = -1;
      for (; f < r.end; ++f) {
        bool any = false;
        for (int j = 0; j < J; ++j)
          if (!sameSample(before, after, f, j)) {
            changed[static_cast<size_t>(j)] = 1;
            any = true;
          }
        if (any) {
          if (runStart < 0) runStart = f;
          lastChanged = f;
        } else if (runStart >= 0 && f - lastChanged > mergeGap) {
          break;
        }
      }
      if (runStart < 0) break;
      PatchBlock b;
      b.start = runStart;
      b.end = lastChanged + 1;
      for (int j = 0; j < J; ++j)
        if (changed[static_cast<size_t>(j)]) {
          b.joints.push_back(j);
          if (before.hasTrack(j)) b.trackJoints.push_back(j);
        }
      const size_t n = static_cast<size_t>(b.frames());
      b.rotBefore.reserve(n * b.joints.size());
      b.rotAfter.reserve(n * b.joints.size());
      for (int g = b.start; g < b.end; ++g) {
        for (int j : b.joints) {
          b.rotBefore.push_back(before.rotation(g, j));
          b.rotAfter.push_back(after.rotation(g, j));
          b.validBefore.push_back(before.isValid(g, j));
          b.validAfter.push_back(after.isValid(g, j));
        }
        for (int j : b.trackJoints) {
          b.trBefore.push_back(before.translation(g, j));
          b.trAfter.push_back(after.translation(g, j));
        }
      }
      measureChange(before, after, &b);
      blocks.push_back(std::move(b));
      f = lastChanged + 1;
    }
  }
  return Patch(std::move(blocks));
}

Patch::Patch(std::vector<PatchBlock> blocks) {
  if (!blocks.empty()) mBlocks = std::make_shared<const std::vector<PatchBlock>>(std::move(blocks));
}

const std::vector<PatchBlock>& Patch::blocks() const {
  static const std::vector<PatchBlock> none;
  return mBlocks ? *mBlocks : none;
}

FrameRange Patch::bounds() const {
  const std::vector<PatchBlock>& all = blocks();
  if (all.empty()) return {};
  return FrameRange{all.front().start, all.back().end};
}

std::vector<int> Patch::joints() const {
  std::vector<int> out;
  for (const PatchBlock& b : blocks()) out.insert(out.end(), b.joints.begin(), b.joints.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

long long Patch::sampleCount() const {
  long long n = 0;
  for (const PatchBlock& b : blocks()) n += static_cast<long long>(b.frames()) * static_cast<long long>(b.joints.size());
  return n;
}

double Patch::maxChangeMm() const {
  double m = 0.0;
  for (const PatchBlock& b : blocks())
    for (float c : b.changeMm) m = std::max(m, static_cast<double>(c));
  return m;
}

namespace {

void write(const PatchBlock& b, Clip& clip, bool after) {
  const std::vector<Eigen::Quaterniond>& rot = after ? b.rotAfter : b.rotBefore;
  const std::vector<Eigen::Vector3d>& tr = after ? b.trAfter : b.trBefore;
  const std::vector<unsigned char>& valid = after ? b.validAfter : b.validBefore;
  size_t i = 0, t = 0;
  for (int f = b.start; f < b.end; ++f) {
    for (int j : b.joints) {
      clip.rotation(f, j) = rot[i];
      clip.setValid(f, j, valid[i] != 0);
      ++i;
    }
    for (int j : b.trackJoints) clip.translation(f, j) = tr[t++];
  }
}

}  // namespace

void Patch::apply(Clip& clip) const {
  for (const PatchBlock& b : blocks()) write(b, clip, true);
}

void Patch::revert(Clip& clip) const {
  for (auto it = blocks().rbegin(); it != blocks().rend(); ++it) write(*it, clip, false);
}

bool Patch::fits(const Clip& clip, std::string* why) const {
  for (const PatchBlock& b : blocks()) {
    if (b.start < 0 || b.end > clip.frameCount()) {
      if (why) *why = "the patch reaches frame " + std::to_string(b.end - 1) + " of a clip of " +
                      std::to_string(clip.frameCount()) + " frames";
      return false;
    }
    for (int j : b.joints)
      if (j < 0 || j >= clip.jointCount()) {
        if (why) *why = "the patch names joint " + std::to_string(j) + " of a skeleton with " +
                        std::to_string(clip.jointCount()) + " joints";
        return false;
      }
    for (int j : b.trackJoints)
      if (!clip.hasTrack(j)) {
        if (why) *why = "the patch moves joint " + std::to_string(j) + ", which has no translation track";
        return false;
      }
  }
  return true;
}

Patch Patch::shifted(int offset) const {
  std::vector<PatchBlock> moved = blocks();
  for (PatchBlock& b : moved) {
    b.start += offset;
    b.end += offset;
  }
  return Patch(std::move(moved));
}

void Patch::append(const Patch& other) {
  std::vector<PatchBlock> all = blocks();
  all.insert(all.end(), other.blocks().begin(), other.blocks().end());
  std::sort(all.begin(), all.end(), [](const PatchBlock& a, const PatchBlock& b) { return a.start < b.start; });
  *this = Patch(std::move(all));
}

}  // namespace mm
