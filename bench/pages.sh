#!/usr/bin/env bash
# Times every kind of dashboard page and API list over a record of FA-KES and the seeds (needs ../shared):
#   bench/pages.sh [ROUNDS]
# Ingests into a throwaway SQLite record, starts `tally serve` on a free loopback port, requests each page ROUNDS
# times (default 20) after one warm-up request, and prints the median and the slowest time of each, in ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${TALLY_SHARED:-$root/../shared}"
rounds="${1:-20}"
if [ ! -f "$shared/corpus/FA-KES-Dataset.csv" ]; then
  echo "pages: $shared/corpus is not there; nothing to measure" >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/tally" ingest -q --db "$work/record.db" "$shared/corpus/FA-KES-Dataset.csv" "$shared/corpus/seeds.jsonl" >/dev/null 2>&1 || true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$root/tally" serve --db "$work/record.db" --urls "$base" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/openapi.json" && break; sleep 0.2; done
incident=$(curl -sf "$base/api/incidents?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
article=$(curl -sf "$base/api/articles?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
printf '%-46s %8s %8s\n' page median_ms max_ms
for path in "/" "/?perpetrator=russia&from=2017-01-01" "/incidents/$incident" "/articles/$article?claim=0" \
            "/api/incidents?pageSize=500" "/api/claims?pageSize=500" "/api/articles/$article" "/api/incidents.geojson"; do
  curl -sf -o /dev/null "$base$path"
  times=$(for _ in $(seq 1 "$rounds"); do curl -sf -o /dev/null -w '%{time_total}\n' "$base$path"; done)
  echo "$times" | python3 -c "import sys,statistics; t=[float(x)*1000 for x in sys.stdin if x.strip()]; print('%-46s %8.1f %8.1f' % ('$path'[:46], statistics.median(t), max(t)))"
done
