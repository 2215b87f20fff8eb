#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the editor: installs the
# packages, builds, and opens the bundled sample clip (or the file given).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/setup-debian.sh"
"$ROOT/scripts/build.sh"
FILE=${1:-$ROOT/resources/samples/bandai_walk_normal.bvh}
BIN=${MM_BUILD_DIR:-$ROOT/build}/app/motionmender
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: running under xvfb-run (nothing visible; set DISPLAY to see the window)." >&2
  exec xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN" "$FILE"
fi
exec "$BIN" "$FILE"
