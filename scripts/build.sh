#!/usr/bin/env bash
# Configures and builds MotionMender (Release) into ./build (or $MM_BUILD_DIR).
# Extra arguments go to CMake's configure step, e.g. -DMM_BUILD_GUI=OFF.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${MM_BUILD_DIR:-$ROOT/build}
GEN=()
command -v ninja >/dev/null && [ ! -f "$BUILD/Makefile" ] && GEN=(-G Ninja)
cmake -S "$ROOT" -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "$BUILD" -j "$(nproc)"
