#!/usr/bin/env python3
"""Is generated motion the action asked for? (issue 13, a first measure)

A 1-nearest-neighbour classifier on simple motion statistics (root speed and
height, hand and foot heights and speeds relative to the hips, head height,
the dominant period of the hips' height), fitted on real held-out Bandai takes
only (every 10th file by sorted path, never trained on). Prints the
classifier's leave-one-out accuracy on the real takes, then its accuracy on
each folder of generated takes (file names ACTION__*.bvh), per action and in
all, beside chance.

  scripts/text_eval.py --data ~/.cache/motionmender-data/bandai --generated DIR [DIR...]

Pure Python (no numpy): BVH parsing and forward kinematics here.
"""
import argparse
import glob
import math
import os
import re
import subprocess
import sys

ACTION_RENAME = {}  # dataset label -> vocabulary name (they agree for actions)


def parse_bvh(path):
    with open(path) as f:
        tokens_lines = f.read().split("\n")
    joints, stack, channels = [], [], []
    i = 0
    while i < len(tokens_lines):
        t = tokens_lines[i].split()
        i += 1
        if not t:
            continue
        if t[0] in ("ROOT", "JOINT"):
            joints.append({"name": t[1], "parent": stack[-1] if stack else -1, "offset": (0, 0, 0), "ch": []})
        elif t[0] == "End":
            joints.append({"name": None, "parent": stack[-1], "offset": (0, 0, 0), "ch": []})
        elif t[0] == "{":
            stack.append(len(joints) - 1)
        elif t[0] == "}":
            stack.pop()
        elif t[0] == "OFFSET":
            joints[-1]["offset"] = tuple(float(v) for v in t[1:4])
        elif t[0] == "CHANNELS":
            joints[-1]["ch"] = t[2:]
        elif t[0] == "MOTION":
            break
    frames, ft = 0, 1 / 30
    while i < len(tokens_lines):
        t = tokens_lines[i].split()
        i += 1
        if t[:1] == ["Frames:"]:
            frames = int(t[1])
        elif t[:2] == ["Frame", "Time:"]:
            ft = float(t[2])
            break
    data = [list(map(float, l.split())) for l in tokens_lines[i:i + frames] if l.strip()]
    return joints, data, ft


def rot(axis, deg):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    if axis == "X":
        return ((1, 0, 0), (0, c, -s), (0, s, c))
    if axis == "Y":
        return ((c, 0, s), (0, 1, 0), (-s, 0, c))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def mul(a, b):
    return tuple(tuple(sum(a[r][k] * b[k][c] for k in range(3)) for c in range(3)) for r in range(3))


def apply(m, v):
    return tuple(sum(m[r][k] * v[k] for k in range(3)) for r in range(3))


def positions(path, names):
    """Global positions of the named joints per frame (cm), and the frame rate."""
    joints, data, ft = parse_bvh(path)
    idx = {j["name"]: k for k, j in enumerate(joints) if j["name"]}
    need = set()
    for n in names:
        k = idx[n]
        while k >= 0:
            need.add(k)
            k = joints[k]["parent"]
    order = sorted(need)
    out = {n: [] for n in names}
    for row in data:
        c = 0
        g = {}
        col = {}
        for k, j in enumerate(joints):
            col[k] = c
            c += len(j["ch"])
        for k in order:
            j = joints[k]
            t = list(j["offset"])
            m = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
            for n, ch in enumerate(j["ch"]):
                v = row[col[k] + n]
                if ch.endswith("position"):
                    t["XYZ".index(ch[0])] = v
                else:
                    m = mul(m, rot(ch[0], v))
            p = j["parent"]
            if p < 0:
                g[k] = (m, tuple(t))
            else:
                pm, pt = g[p]
                off = apply(pm, t)
                g[k] = (mul(pm, m), (pt[0] + off[0], pt[1] + off[1], pt[2] + off[2]))
        for n in names:
            out[n].append(g[idx[n]][1])
    return out, 1.0 / ft


JOINTS = ["Hips", "Head", "Hand_L", "Hand_R", "Foot_L", "Foot_R"]


def features(path):
    p, fps = positions(path, JOINTS)
    F = len(p["Hips"])
    hips = p["Hips"]

    def mean(v):
        return sum(v) / len(v)

    def std(v):
        m = mean(v)
        return math.sqrt(sum((x - m) ** 2 for x in v) / len(v))

    speed = [math.hypot(hips[f + 1][0] - hips[f][0], hips[f + 1][2] - hips[f][2]) * fps for f in range(F - 1)]
    feat = [mean(speed), std(speed), mean([h[1] for h in hips]), std([h[1] for h in hips])]
    for n in JOINTS[1:]:
        rel = [p[n][f][1] - hips[f][1] for f in range(F)]
        sp = [math.dist(
            (p[n][f + 1][0] - hips[f + 1][0], p[n][f + 1][1] - hips[f + 1][1], p[n][f + 1][2] - hips[f + 1][2]),
            (p[n][f][0] - hips[f][0], p[n][f][1] - hips[f][1], p[n][f][2] - hips[f][2])) * fps for f in range(F - 1)]
        feat += [mean(rel), std(rel), mean(sp)]
    # Dominant period of the hips' height (autocorrelation peak, seconds).
    h = [x[1] for x in hips]
    m = mean(h)
    best, lag_best = -1e9, 0
    for lag in range(5, min(F // 2, int(2.5 * fps))):
        a = sum((h[f] - m) * (h[f + lag] - m) for f in range(F - lag)) / (F - lag)
        if a > best:
            best, lag_best = a, lag
    feat.append(lag_best / fps)
    return feat


def artifacts(cli, paths):
    """The analysis on each file: (artifact spans per minute, share of frames flagged)."""
    spans, frames, flagged, seconds = 0, 0, 0, 0.0
    for p in paths:
        out = subprocess.run([cli, "analyze", p], capture_output=True, text=True).stdout
        m = re.search(r": (\d+) frames at ([\d.]+) fps, (\d+) flagged", out)
        if not m:
            continue
        frames += int(m.group(1))
        seconds += int(m.group(1)) / float(m.group(2))
        flagged += int(m.group(3))
        spans += len(re.findall(r"^  \S+ +frames ", out, re.M))
    return spans / max(1e-9, seconds / 60), flagged / max(1, frames)


def label_of(path):
    base = os.path.basename(path)
    if "__" in base:
        return base.split("__")[0]
    parts = base.split("_")
    return ACTION_RENAME.get(parts[1], parts[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--generated", nargs="+", default=[])
    ap.add_argument("--analyze", default="", help="motionmender-cli: also the analysis' artifacts per minute")
    ap.add_argument("--actions", default="", help="comma-separated: keep only these actions in the real set")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.data, "**", "*.bvh"), recursive=True))
    held = [f for i, f in enumerate(files) if i % 10 == 9]
    keep = set(a.actions.split(",")) if a.actions else None
    held = [f for f in held if keep is None or label_of(f) in keep]
    real = [(label_of(f), features(f)) for f in held]
    dims = len(real[0][1])
    mu = [sum(r[1][d] for r in real) / len(real) for d in range(dims)]
    sd = [max(1e-9, math.sqrt(sum((r[1][d] - mu[d]) ** 2 for r in real) / len(real))) for d in range(dims)]
    norm = lambda v: [(v[d] - mu[d]) / sd[d] for d in range(dims)]
    realn = [(l, norm(v)) for l, v in real]

    def nearest(v, skip=None):
        best, lab = 1e18, None
        for k, (l, r) in enumerate(realn):
            if k == skip:
                continue
            d = sum((x - y) ** 2 for x, y in zip(v, r))
            if d < best:
                best, lab = d, l
        return lab

    labels = sorted(set(l for l, _ in real))
    loo = sum(nearest(v, k) == l for k, (l, v) in enumerate(realn)) / len(realn)
    print("real held-out takes: %d, %d actions (chance %.3f); leave-one-out 1-NN accuracy %.3f" %
          (len(real), len(labels), 1 / len(labels), loo))
    for d in a.generated:
        gen = sorted(glob.glob(os.path.join(d, "*.bvh")))
        per = {}
        for f in gen:
            l = label_of(f)
            per.setdefault(l, []).append(nearest(norm(features(f))) == l)
        total = sum(sum(v) for v in per.values()) / max(1, sum(len(v) for v in per.values()))
        print("%s: %d takes, accuracy %.3f; per action: %s" % (d, len(gen), total, ", ".join(
            "%s %d/%d" % (k, sum(v), len(v)) for k, v in sorted(per.items()))))
    if a.analyze:
        for name, paths in [("real held-out", held)] + [(d, sorted(glob.glob(os.path.join(d, "*.bvh")))) for d in a.generated]:
            per_min, share = artifacts(a.analyze, paths)
            print("analysis, %s: %.2f artifact spans per minute, %.2f %% of frames flagged" % (name, per_min, 100 * share))


if __name__ == "__main__":
    sys.exit(main())
