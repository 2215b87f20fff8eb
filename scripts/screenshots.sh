#!/bin/sh
# Renders the README's screenshots of the editor window under Xvfb, on the
# bundled sample with injected artifacts (scripts/make-broken-sample.py):
#   docs/screenshots/review.png  the analysis done, fixes proposed, the pop under
#                                review with its ghost (the proposed forearm)
#   docs/screenshots/generate.png the Generate dock: a prompt, two samples, the
#                                first inserted at frame 60 shown as the ghost
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default build/)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi
}
mkdir -p docs/screenshots
run "$build/app/motionmender" --review --screenshot docs/screenshots/review.png \
  resources/samples/bandai_walk_broken.bvh
echo "wrote docs/screenshots/review.png"
run "$build/app/motionmender" --screenshot docs/screenshots/generate.png --frame 60 \
  --generate "an old man waves with his right hand" resources/samples/bandai_walk_broken.bvh
echo "wrote docs/screenshots/generate.png"
