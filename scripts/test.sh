#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a full test run: installs the
# packages, builds, and runs every test with CTest (under Xvfb when there is
# no display). Tests that need the development data (../shared/data) skip
# cleanly without it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/setup-debian.sh"
"$ROOT/scripts/build.sh"
BUILD=${MM_BUILD_DIR:-$ROOT/build}
CTEST=(ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1600x1000x24' "${CTEST[@]}"
fi
exec "${CTEST[@]}"
