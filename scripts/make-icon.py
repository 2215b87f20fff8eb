#!/usr/bin/env python3
"""Draws the MotionMender icon: a walking stick figure above a timeline whose
quality heatmap has one bad (red) span under the play head. One list of
shapes makes both files, so the SVG and the PNG cannot drift apart:
  resources/icons/motionmender.svg      (installed to share/icons/hicolor/scalable/apps)
  resources/icons/motionmender-256.png  (installed to share/icons/hicolor/256x256/apps)
Needs only Python 3 and NumPy. Run after changing a shape; commit both files."""
import os
import struct
import sys
import zlib

import numpy as np

SIZE = 256
BG = "#263238"
FIGURE = "#eceff1"
MENDED = "#4dd0e1"  # the limb being mended
# Shapes in painting order: (kind, colour, geometry)
SHAPES = [
    ("roundrect", BG, (8, 8, 240, 240, 44)),
    # The timeline: a heatmap bar, good - fair - bad - good.
    ("rect", "#2e7d32", (36, 194, 70, 18)),
    ("rect", "#f9a825", (106, 194, 24, 18)),
    ("rect", "#e53935", (130, 194, 36, 18)),
    ("rect", "#2e7d32", (166, 194, 54, 18)),
    # The play head over the bad span.
    ("line", FIGURE, (148, 182, 148, 224, 3)),
    ("tri", FIGURE, (140, 176, 156, 176, 148, 186)),
    # The figure, mid-stride: legs, torso, arms, head.
    ("line", FIGURE, (124, 124, 108, 150, 6)),
    ("line", FIGURE, (108, 150, 96, 176, 6)),
    ("line", FIGURE, (124, 124, 142, 148, 6)),
    ("line", FIGURE, (142, 148, 162, 168, 6)),
    ("line", FIGURE, (128, 76, 124, 124, 6)),
    ("line", FIGURE, (127, 86, 106, 106, 6)),
    ("line", FIGURE, (106, 106, 94, 126, 6)),
    ("line", MENDED, (127, 86, 150, 102, 6)),
    ("line", MENDED, (150, 102, 168, 86, 6)),
    ("circle", FIGURE, (130, 54, 17)),
]


def svg():
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">',
           "  <title>MotionMender</title>"]
    for kind, colour, g in SHAPES:
        if kind == "roundrect":
            x, y, w, h, r = g
            out.append(f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{colour}"/>')
        elif kind == "rect":
            x, y, w, h = g
            out.append(f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}"/>')
        elif kind == "line":
            x1, y1, x2, y2, r = g
            out.append(f'  <line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
                       f'stroke-width="{2 * r}" stroke-linecap="round"/>')
        elif kind == "tri":
            pts = " ".join(f"{g[i]},{g[i + 1]}" for i in range(0, 6, 2))
            out.append(f'  <polygon points="{pts}" fill="{colour}"/>')
        elif kind == "circle":
            cx, cy, r = g
            out.append(f'  <circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def coverage(kind, g, x, y):
    """Inside mask of one shape on sample points x, y (pixel units)."""
    if kind == "roundrect":
        x0, y0, w, h, r = g
        cx, cy = x0 + w / 2, y0 + h / 2
        qx = np.abs(x - cx) - (w / 2 - r)
        qy = np.abs(y - cy) - (h / 2 - r)
        d = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0)) + np.minimum(np.maximum(qx, qy), 0) - r
        return d <= 0
    if kind == "rect":
        x0, y0, w, h = g
        return (x >= x0) & (x <= x0 + w) & (y >= y0) & (y <= y0 + h)
    if kind == "line":
        x1, y1, x2, y2, r = g
        dx, dy = x2 - x1, y2 - y1
        t = np.clip(((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy), 0, 1)
        return np.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= r
    if kind == "tri":
        (ax, ay, bx, by, cx, cy) = g
        def side(px, py, qx, qy):
            return (qx - px) * (y - py) - (qy - py) * (x - px)
        s1, s2, s3 = side(ax, ay, bx, by), side(bx, by, cx, cy), side(cx, cy, ax, ay)
        return ((s1 >= 0) & (s2 >= 0) & (s3 >= 0)) | ((s1 <= 0) & (s2 <= 0) & (s3 <= 0))
    if kind == "circle":
        cx, cy, r = g
        return np.hypot(x - cx, y - cy) <= r
    raise ValueError(kind)


def png(size=SIZE, ss=4):
    n = size * ss
    scale = SIZE / size
    coords = (np.arange(n) + 0.5) / ss * scale
    x, y = np.meshgrid(coords, coords)
    rgba = np.zeros((n, n, 4))
    for kind, colour, g in SHAPES:
        rgb = np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        m = coverage(kind, g, x, y)
        rgba[m, :3] = rgb
        rgba[m, 3] = 1.0
    # Box-filter the supersamples (premultiplied), then un-premultiply.
    pre = rgba.copy()
    pre[..., :3] *= pre[..., 3:4]
    pre = pre.reshape(size, ss, size, ss, 4).mean(axis=(1, 3))
    alpha = pre[..., 3:4]
    rgb = np.where(alpha > 0, pre[..., :3] / np.maximum(alpha, 1e-9), 0)
    img = np.round(np.concatenate([rgb, alpha], axis=2) * 255).astype(np.uint8)
    raw = b"".join(b"\x00" + img[r].tobytes() for r in range(size))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "icons")
    if len(sys.argv) > 1:
        root = sys.argv[1]
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "motionmender.svg"), "w") as f:
        f.write(svg())
    with open(os.path.join(root, "motionmender-256.png"), "wb") as f:
        f.write(png())


if __name__ == "__main__":
    main()
