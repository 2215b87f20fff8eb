#!/usr/bin/env python3
"""Writes resources/samples/bandai_walk_broken.bvh: the bundled walk with
artifacts a reviewer should find (a pop on the left forearm, a frozen span, a
jittery right leg), for the README's screenshots and walkthrough.
Usage: scripts/make-broken-sample.py [IN.bvh] [OUT.bvh]"""
import random
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
src = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "resources/samples/bandai_walk_normal.bvh"
dst = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "resources/samples/bandai_walk_broken.bvh"
lines = src.read_text().splitlines()

# Channel offsets of each joint, in hierarchy order.
channels, offset, name = {}, 0, None
motion_at = None
for i, line in enumerate(lines):
    t = line.split()
    if not t:
        continue
    if t[0] in ("ROOT", "JOINT"):
        name = t[1]
    elif t[0] == "CHANNELS":
        n = int(t[1])
        channels[name] = (offset, t[2:2 + n])
        offset += n
    elif t[0] == "MOTION":
        motion_at = i
        break
first = motion_at + 3  # MOTION, Frames:, Frame Time:
frames = [l.split() for l in lines[first:]]


def joint(*candidates):
    for c in candidates:
        for n in channels:
            if n.lower() == c.lower():
                return n
    raise SystemExit(f"no joint among {candidates}")


def rot_channels(j):
    base, names = channels[j]
    return [base + k for k, c in enumerate(names) if c.lower().endswith("rotation")]


# A pop: the left forearm jumps by 40 degrees for two frames.
fore = joint("LowerArm_L", "joint_LeftElbow", "LeftForeArm", "LeftElbow", "lfarm")
for f in (40, 41):
    c = rot_channels(fore)[0]
    frames[f][c] = f"{float(frames[f][c]) + 40.0:.6f}"
# A frozen span: frames 91-110 repeat frame 90.
for f in range(91, 111):
    frames[f] = list(frames[90])
# Jitter on the right knee, frames 140-165.
rng = random.Random(3)
knee = joint("LowerLeg_R", "joint_RightKnee", "RightLeg", "RightKnee", "rtibia")
for f in range(140, 166):
    for c in rot_channels(knee):
        frames[f][c] = f"{float(frames[f][c]) + rng.uniform(-4.0, 4.0):.6f}"

out = lines[:first] + [" ".join(fr) for fr in frames]
dst.write_text("\n".join(out) + "\n")
print(f"{dst}: pop at frames 40-41 ({fore}), frozen 91-110, jitter 140-165 ({knee}), {len(frames)} frames")
