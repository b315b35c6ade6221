#!/usr/bin/env bash
# Measures Tally's single-threaded extraction against the peer pipeline, one after the other, ROUNDS times:
#   bench/ratio.sh [ROUNDS]
# Copies ../shared/bench/peers to a temporary folder (../shared is read-only), installs its npm packages there, then
# for each round runs the peer (best of 5, its own rule) and `tally bench --repeat 20` over FA-KES and prints both MB/s
# and their ratio. Figures on a shared machine drift from run to run: compare within a round.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${TALLY_SHARED:-$root/../shared}"
rounds="${1:-3}"
corpus="$shared/corpus/FA-KES-Dataset.csv"
if [ ! -f "$corpus" ] || [ ! -d "$shared/bench/peers" ]; then
  echo "ratio: $shared/corpus or $shared/bench/peers is not there; nothing to measure" >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$shared/bench/peers" "$work/peers"
(cd "$work/peers" && npm install --silent >/dev/null 2>&1)
for ((r = 1; r <= rounds; r++)); do
  peer=$(node "$work/peers/wink.js" "$corpus" | python3 -c 'import json, sys; print(round(json.load(sys.stdin)["MBps"], 2))')
  tally=$("$root/tally" bench "$corpus" --repeat 20 --json | python3 -c 'import json, sys; print(round(json.load(sys.stdin)["MBps"], 2))')
  echo "round $r: peer $peer MB/s, tally $tally MB/s, ratio $(python3 -c "print(round($tally / $peer, 2))")"
done
