#!/bin/sh
# Generates the takes that scripts/text_eval.py scores (issue 13): for each
# ds2 action, K takes of 4 s (style normal) with the text condition and with
# the text guidance at 0 (the unconditional branch of the same weights), then
# scores them, then the analysis' artifacts per minute on each (the
# conditioned takes also without the foot lock).
#   scripts/text_generate_eval.sh WEIGHTS OUTDIR [K] [DATA]
set -e
W=$1; OUT=$2; K=${3:-3}; DATA=${4:-$HOME/.cache/motionmender-data/bandai}
CLI=${CLI:-build/app/motionmender-cli}
export OMP_WAIT_POLICY=PASSIVE
ACTIONS="walk run walk-turn-left walk-turn-right wave-both-hands wave-left-hand wave-right-hand raise-up-both-hands raise-up-left-hand raise-up-right-hand"
mkdir -p "$OUT/cond" "$OUT/uncond" "$OUT/cond-no-foot-lock"
for a in $ACTIONS; do
  $CLI generate "$a" -o "$OUT/cond/${a}__s.bvh" --seconds 4 --samples "$K" --seed 11 --weights "$W" | tail -1
  $CLI generate "$a" -o "$OUT/cond-no-foot-lock/${a}__s.bvh" --seconds 4 --samples "$K" --seed 11 --weights "$W" --no-foot-lock | tail -1
  $CLI generate "$a" -o "$OUT/uncond/${a}__s.bvh" --seconds 4 --samples "$K" --seed 11 --weights "$W" --text-guidance 0 | tail -1
done
python3 scripts/text_eval.py --data "$DATA" --analyze "$CLI" --actions "$(echo $ACTIONS | tr ' ' ',')" --generated "$OUT/cond" "$OUT/cond-no-foot-lock" "$OUT/uncond"
