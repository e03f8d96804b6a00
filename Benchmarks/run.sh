#!/usr/bin/env bash
# Measures the release binary on the bundled fixtures and on generated programmes of growing size.
# Usage: Benchmarks/run.sh   (after `swift build -c release --product intervision`; `make bench` does both)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/intervision
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for n in 1000 2000 5000; do
  python3 Benchmarks/generate_programme.py --size "$n" --seed "$n" > "$WORK/synthetic-$n.csv"
done

# Wall time in seconds of the best of RUNS runs (default 3).
measure() {
  local best=999 t
  for _ in $(seq "${RUNS:-3}"); do
    local start=$(date +%s.%N)
    "$BIN" "$@" >/dev/null 2>&1 || true
    t=$(echo "$(date +%s.%N) - $start" | bc)
    best=$(echo "if ($t < $best) $t else $best" | bc)
  done
  printf "%.3f" "$best"
}

echo "| instance | participants | command | wall s (best of ${RUNS:-3}) |"
echo "|---|---:|---|---:|"
echo "| lerend-leiderschap-52 | 52 | check | $(measure check Fixtures/lerend-leiderschap-52.csv --config Fixtures/lerend-leiderschap.toml) |"
echo "| lead-and-learn-345 | 345 | check | $(measure check Fixtures/lead-and-learn-345.csv --config Fixtures/lead-and-learn.toml --facilitators Fixtures/facilitators-lead-and-learn.csv) |"
for n in 1000 2000 5000; do
  echo "| synthetic-$n (seed $n) | $n | check | $(measure check "$WORK/synthetic-$n.csv" --config Fixtures/lead-and-learn.toml) |"
done
