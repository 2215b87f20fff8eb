#!/usr/bin/env bash
# Builds the Debian package (cpack -G DEB) from BUILD_DIR, unpacks it into a
# temporary root (dpkg-deb -x, nothing is installed on this machine) and runs
# the unpacked programs there with the source and build trees switched off
# (MM_NO_SOURCE_TREE=1), checking that they find the weights, the sample, the
# model runtime and the translations inside the unpacked root:
#   - the control fields (Section graphics, Depends from dpkg-shlibdeps plus
#     the SQLite driver, each Depends package known to dpkg here),
#   - the install layout (programs, model runtime, data, desktop file, icons),
#   - motionmender-cli info on the unpacked sample, `version` (every path in
#     the root), an in-betweening with the model (weights and runtime load),
#   - motionmender --help, and a screenshot in Chinese (--lang zh_CN) under Xvfb.
# usage: scripts/check-package.sh BUILD_DIR [--no-build]
#   --no-build: do not build the installed targets first (CTest runs it so,
#   after the build).
# Exit 0 when every check passes; otherwise 1 with the failing check named.
set -euo pipefail
BUILD=${1:?usage: scripts/check-package.sh BUILD_DIR [--no-build]}
BUILD=$(cd "$BUILD" && pwd)
NO_BUILD=${2:-}

fail() { echo "check-package: FAILED: $*" >&2; exit 1; }
step() { echo "check-package: $*"; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mm-package.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

if [ "$NO_BUILD" != "--no-build" ]; then
  step "building the installed targets"
  cmake --build "$BUILD" --target mm_installed >/dev/null || fail "build of mm_installed"
fi
for exe in app/motionmender-cli app/motionmender; do
  [ -x "$BUILD/$exe" ] || fail "$BUILD/$exe is not built (build the project first)"
done

step "cpack -G DEB"
(cd "$BUILD" && cpack -G DEB -B "$TMP/out" >"$TMP/cpack.log" 2>&1) || { cat "$TMP/cpack.log" >&2; fail "cpack"; }
DEB=$(ls "$TMP"/out/*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || fail "cpack wrote no .deb"
step "package $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"

# --- control fields ---
[ "$(dpkg-deb -f "$DEB" Section)" = graphics ] || fail "Section is not graphics"
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
for pkg in libqt6widgets6 libqt6sql6-sqlite libqt63drender6 libtorch1.13 libassimp5; do
  echo "$DEPENDS" | grep -qE "(^|, )$pkg( |,|$)" || fail "Depends lacks $pkg: $DEPENDS"
done
# Every dependency must be a real Debian package name (known to dpkg here).
for dep in $(echo "$DEPENDS" | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
  dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" ||
    fail "Depends names $dep, which is not an installed package here"
done
step "Depends: $DEPENDS"

# --- layout ---
ROOT="$TMP/root"
dpkg-deb -x "$DEB" "$ROOT"
ROOT=$(cd "$ROOT" && pwd -P)
for f in usr/bin/motionmender usr/bin/motionmender-cli usr/bin/motionmender-cli-torch \
         usr/lib/motionmender/libmm_modelruntime.so \
         usr/share/motionmender/models/motionmender-small.mmmodel \
         usr/share/motionmender/samples/bandai_walk_normal.bvh \
         usr/share/motionmender/translations/motionmender_zh_CN.qm \
         usr/share/motionmender/translations/motionmender_ja.qm \
         usr/share/applications/motionmender.desktop \
         usr/share/icons/hicolor/scalable/apps/motionmender.svg \
         usr/share/icons/hicolor/256x256/apps/motionmender.png \
         usr/share/doc/motionmender/README.md usr/share/doc/motionmender/LICENSES/CC-BY-NC-4.0.txt; do
  [ -e "$ROOT/$f" ] || fail "the package has no /$f"
done
grep -q '^Exec=motionmender %f$' "$ROOT/usr/share/applications/motionmender.desktop" || fail "desktop file Exec"
grep -q '^Icon=motionmender$' "$ROOT/usr/share/applications/motionmender.desktop" || fail "desktop file Icon"
step "layout: programs, model runtime, weights, sample, translations, desktop file, icons, licences"

# --- the unpacked programs, away from the source and build trees ---
export MM_NO_SOURCE_TREE=1
unset MM_DATA_DIR MM_MODEL_RUNTIME
cd "$TMP"
CLI="$ROOT/usr/bin/motionmender-cli"
SAMPLE="$ROOT/usr/share/motionmender/samples/bandai_walk_normal.bvh"

"$CLI" info "$SAMPLE" >"$TMP/info.txt" 2>&1 || { cat "$TMP/info.txt" >&2; fail "motionmender-cli info"; }
grep -q "195" "$TMP/info.txt" || { cat "$TMP/info.txt" >&2; fail "info does not report the sample's 195 frames"; }
step "motionmender-cli info: $(head -1 "$TMP/info.txt")"

"$CLI" version >"$TMP/version.txt" 2>&1 || { cat "$TMP/version.txt" >&2; fail "motionmender-cli version"; }
cat "$TMP/version.txt"
for what in weights sample "model runtime"; do
  line=$(grep "^$what:" "$TMP/version.txt") || fail "version prints no $what"
  path=$(echo "$line" | sed "s/^$what: *//")
  case "$path" in
    "$ROOT"/*) ;;
    *) fail "$what is not found in the unpacked root: $line" ;;
  esac
  echo "$line" | grep -q "(missing)" && fail "$line"
done

"$CLI" inbetween "$SAMPLE" -o "$TMP/inbetween.bvh" --frames 60:75 --method model >"$TMP/model.txt" 2>&1 ||
  { cat "$TMP/model.txt" >&2; fail "inbetween --method model (weights or model runtime did not load)"; }
grep -q "^method: model ($ROOT/" "$TMP/model.txt" || { cat "$TMP/model.txt" >&2; fail "the model's weights are not the unpacked ones"; }
[ -s "$TMP/inbetween.bvh" ] || fail "inbetween wrote nothing"
step "model in-betweening from the unpacked weights and runtime: $(head -1 "$TMP/model.txt")"

# --- the editor ---
XVFB=()
if [ -z "${DISPLAY:-}" ]; then XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24"); fi
"${XVFB[@]}" "$ROOT/usr/bin/motionmender" --help >"$TMP/help.txt" 2>&1 || { cat "$TMP/help.txt" >&2; fail "motionmender --help"; }
grep -q -- "--lang" "$TMP/help.txt" || fail "motionmender --help does not list --lang"
"${XVFB[@]}" "$ROOT/usr/bin/motionmender" --lang zh_CN --screenshot "$TMP/shot.png" "$SAMPLE" >"$TMP/gui.txt" 2>&1 ||
  { cat "$TMP/gui.txt" >&2; fail "motionmender --screenshot from the unpacked root"; }
[ -s "$TMP/shot.png" ] || fail "the editor wrote no screenshot"
grep -q "No translation" "$TMP/gui.txt" && fail "the editor found no zh_CN translation: $(cat "$TMP/gui.txt")"
step "motionmender --help and a --lang zh_CN screenshot under Xvfb"

echo "check-package: passed ($(basename "$DEB"))"
