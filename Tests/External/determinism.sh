#!/usr/bin/env bash
# The same input gives the same plan folder, byte for byte, whatever the machine is doing: planned once quietly on
# an idle machine, once with both cores kept busy by two spinning shells and progress drawn on a terminal (`script`
# gives the run a pseudo-terminal). Two programmes: the 345 fixture (proven optimal in every stage) and a generated
# mixed programme (`generate_programme.py --character mixed --size 200 --seed 1`) whose later stages stop at their
# work limit with `--work 240` (what `--time-limit 8` gives) and a clock cap of 60 s, so a slow CI machine with both
# cores busy does not meet the cap. With the time shares of stop 18 that second run gave different groups when the
# machine was busy. Usage: Tests/External/determinism.sh BIN
set -euo pipefail
BIN=$1
WORK=.build/determinism
rm -rf "$WORK"
mkdir -p "$WORK"
export SOURCE_DATE_EPOCH=1800000000
hogs=()
cleanup() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

check() {
  local name=$1; shift
  "$BIN" plan "$@" --out "$WORK/$name-idle" --quiet > /dev/null
  sh -c 'while :; do :; done' & hogs+=($!)
  sh -c 'while :; do :; done' & hogs+=($!)
  script -qec "$(printf '%q ' "$BIN" plan "$@" --out "$WORK/$name-busy")" /dev/null > "$WORK/$name-busy.log"
  cleanup
  hogs=()
  grep -q "s  forming groups" "$WORK/$name-busy.log" || { echo "$name: no progress was drawn on the terminal"; exit 1; }
  if grep -q '"stoppedBy" : "time limit"' "$WORK/$name-idle/plan.json" "$WORK/$name-busy/plan.json"; then
    echo "$name: the clock stopped a stage; the check needs runs that the work limits decide"; exit 1
  fi
  diff -r "$WORK/$name-idle" "$WORK/$name-busy" > /dev/null \
    || { echo "$name: the plan differs between the idle and the busy run"; diff -r "$WORK/$name-idle" "$WORK/$name-busy" | head -20; exit 1; }
  echo "$name: identical plan folders, idle and quiet vs. both cores busy with progress on a terminal"
}

check ll345 Fixtures/lead-and-learn-345.csv --config Fixtures/lead-and-learn.toml \
  --facilitators Fixtures/facilitators-lead-and-learn.csv
check mixed200 Fixtures/generated/mixed-200-seed-1.csv --config Fixtures/lead-and-learn.toml --work 240 --time-limit 60
grep -q '"stoppedBy" : "work limit"' "$WORK/mixed200-idle/plan.json" \
  || { echo "mixed200: expected a stage stopped by its work limit (the case this check is for)"; exit 1; }
