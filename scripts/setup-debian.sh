#!/usr/bin/env bash
# Installs every Debian 12 package MotionMender needs to build, run and test.
# Idempotent: packages already present are skipped by apt. Run as root or with sudo.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev
  qt6-base-dev libqt6opengl6-dev qt6-3d-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  libgl-dev libtorch-dev libopenblas0-pthread
  libassimp-dev
  libqt6sql6-sqlite libzip-dev python3-numpy
  wordnet-dev wordnet-base  # prompts: lemmas, synonyms and hypernyms (text/, optional)
  xvfb xauth libgl1-mesa-dri
  dpkg-dev file  # cpack -G DEB: dpkg-shlibdeps, and file to find the ELF files
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
