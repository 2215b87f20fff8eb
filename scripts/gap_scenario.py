#!/usr/bin/env python3
"""The user scenario of issue 12: hide frames A..B-1 of a BVH take (each a copy
of frame A-1, as a gap looks after occlusion or deletion), or compare an
in-betweened take with the truth over the gap.

  gap_scenario.py hide TRUTH.bvh A B OUT.bvh
  gap_scenario.py score TRUTH.bvh RESULT.bvh A B
prints the root (the joint below Bandai's static joint_Root, else the first)
path length over A-1..B in both and the mean joint and root errors over the gap.
Pure Python (no numpy), so it runs on the bare development machine."""
import math
import sys


def read_bvh(path):
    lines = open(path).read().splitlines()
    m = lines.index('MOTION')
    joints, stack, cur = [], [], None
    for line in lines[:m]:
        t = line.split()
        if not t:
            continue
        if t[0] in ('ROOT', 'JOINT'):
            cur = {'name': t[1], 'parent': stack[-1] if stack else -1, 'offset': [0, 0, 0], 'channels': []}
            joints.append(cur)
        elif t[0] == 'End':
            cur = None
        elif t[0] == 'OFFSET' and cur is not None:
            cur['offset'] = [float(v) for v in t[1:4]]
        elif t[0] == 'CHANNELS':
            cur['channels'] = t[2:]
        elif t[0] == '{':
            stack.append(len(joints) - 1 if cur is not None else None)
        elif t[0] == '}':
            stack.pop()
    header, frames = lines[:m + 3], [l for l in lines[m + 3:] if l.strip()]
    return joints, header, frames


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def axis_rot(axis, deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return {'X': [[1, 0, 0], [0, c, -s], [0, s, c]], 'Y': [[c, 0, s], [0, 1, 0], [-s, 0, c]],
            'Z': [[c, -s, 0], [s, c, 0], [0, 0, 1]]}[axis]


def positions(joints, line):
    vals, k, out = [float(v) for v in line.split()], 0, []
    for j in joints:
        t, r = list(j['offset']), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        for ch in j['channels']:
            if ch.endswith('position'):
                t['XYZ'.index(ch[0])] = vals[k]
            else:
                r = matmul(r, axis_rot(ch[0], vals[k]))
            k += 1
        p = j['parent']
        if p is None or p < 0:
            out.append((r, t))
        else:
            pr, pt = out[p]
            out.append((matmul(pr, r), [pt[i] + sum(pr[i][c] * t[c] for c in range(3)) for i in range(3)]))
    return [t for _, t in out]


def main():
    if sys.argv[1] == 'hide':
        truth, a, b, out = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        _, header, frames = read_bvh(truth)
        frames = frames[:a] + [frames[a - 1]] * (b - a) + frames[b:]
        open(out, 'w').write('\n'.join(header + frames) + '\n')
        return
    truth, result, a, b = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    joints, _, ft = read_bvh(truth)
    _, _, fr = read_bvh(result)
    # The body's root: below Bandai's static top node, else the first joint.
    root = 1 if joints[0]['name'].lower() == 'joint_root' else 0
    pt = [positions(joints, ft[f]) for f in range(a - 1, b + 1)]
    pr = [positions(joints, fr[f]) for f in range(a - 1, b + 1)]

    def path(ps):
        return sum(math.hypot(ps[i + 1][root][0] - ps[i][root][0], ps[i + 1][root][2] - ps[i][root][2])
                   for i in range(b - a))  # a-1 .. b-1: over the gap

    def dist(p, q):
        return math.sqrt(sum((p[i] - q[i]) ** 2 for i in range(3)))
    gap = range(1, b - a + 1)
    mpjpe = sum(dist(pt[g][j], pr[g][j]) for g in gap for j in range(len(joints))) / (len(gap) * len(joints))
    rooterr = sum(dist(pt[g][root], pr[g][root]) for g in gap) / len(gap)
    jump = dist(pr[b - a + 1][root], pr[b - a][root])
    print('root %s: path over the gap %.1f (truth %.1f); step into frame %d %.1f (truth %.1f); '
          'mean joint error over the gap %.1f, root error %.1f (file units)' %
          (joints[root]['name'], path(pr), path(pt), b, jump, dist(pt[b - a + 1][root], pt[b - a][root]), mpjpe,
           rooterr))


if __name__ == '__main__':
    main()
