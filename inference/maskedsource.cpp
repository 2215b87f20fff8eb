#include "inference/maskedsource.h"

#include "motion/clip.h"

namespace mm::inference {

namespace {
constexpr int kP = kBodyPartCount;
}

KnownNeighbours knownNeighbours(const std::vector<std::uint8_t>& mask, int frames) {
  KnownNeighbours k;
  k.previous.assign(static_cast<size_t>(frames) * kP, -1);
  k.next.assign(static_cast<size_t>(frames) * kP, -1);
  for (int p = 0; p < kP; ++p) {
    int last = -1;
    for (int f = 0; f < frames; ++f) {
      if (!mask[static_cast<size_t>(f) * kP + p]) last = f;
      k.previous[static_cast<size_t>(f) * kP + p] = last;
    }
    last = -1;
    for (int f = frames - 1; f >= 0; --f) {
      if (!mask[static_cast<size_t>(f) * kP + p]) last = f;
      k.next[static_cast<size_t>(f) * kP + p] = last;
    }
  }
  return k;
}

Clip maskedSource(const Clip& clip, const std::vector<std::uint8_t>& mask, const BodyPartMap& parts,
                  const KnownNeighbours& known, const Clip* prior) {
  Clip source = clip;
  const Skeleton& sk = clip.skeleton();
  for (int f = 0; f < clip.frameCount(); ++f)
    for (int j = 0; j < clip.jointCount(); ++j) {
      const size_t i = static_cast<size_t>(f) * kP + bodyPartIndex(parts.part(j));
      if (!mask[i]) continue;
      const Clip* from = prior;
      int g = f;
      if (!from) {
        from = &clip;
        g = known.previous[i] >= 0 ? known.previous[i] : known.next[i];
      }
      if (g < 0) {
        source.rotation(f, j) = Eigen::Quaterniond::Identity();
        if (clip.hasTrack(j)) source.translation(f, j) = sk.offset(j);
        source.setValid(f, j, true);
        continue;
      }
      source.rotation(f, j) = from->rotation(g, j);
      if (clip.hasTrack(j)) source.translation(f, j) = from->translation(g, j);
      source.setValid(f, j, from->isValid(g, j));
    }
  return source;
}

}  // namespace mm::inference
