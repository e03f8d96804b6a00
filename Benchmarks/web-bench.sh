#!/usr/bin/env bash
# Figures for the web app (Benchmarks/README.md, "Web app"): the 345 programme planned through the API against the
# CLI, the result page's latency, and API reads per second with the server's memory before and after.
# Needs a release build (`swift build -c release --product intervision`), curl, wrk and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/intervision
TOKEN=bench-token-0123456789abcdef
WS=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
AUTH="Authorization: Bearer $TOKEN"
URL=http://127.0.0.1:$PORT
$BIN serve --port "$PORT" --workspace "$WS" --token "$TOKEN" > "$WS.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WS" "$WS.log"' EXIT
sleep 1
rss() { awk '/VmRSS/ { print int($2 / 1024) " MB" }' /proc/$SERVER/status; }

echo "== the 345 programme: CLI plan, then the same through the API (3 runs each)"
for run in 1 2 3; do
    rm -rf "$WS/cli"
    start=$(date +%s.%N)
    $BIN plan Fixtures/lead-and-learn-345.csv --config Fixtures/lead-and-learn.toml \
        --facilitators Fixtures/facilitators-lead-and-learn.csv --out "$WS/cli" --quiet > /dev/null
    echo "cli plan: $(echo "$(date +%s.%N) - $start" | bc) s"
done
ID=$(curl -s -H "$AUTH" -F signups=@Fixtures/lead-and-learn-345.csv -F config=@Fixtures/lead-and-learn.toml \
    -F facilitators=@Fixtures/facilitators-lead-and-learn.csv "$URL/api/programmes" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
for run in 1 2 3; do
    start=$(date +%s.%N)
    JOB=$(curl -s -H "$AUTH" -X POST -d '{"timeLimit": 60}' "$URL/api/programmes/$ID/plan" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["job"])')
    while curl -s -H "$AUTH" "$URL/api/jobs/$JOB" | grep -q '"state":"\(queued\|running\)"'; do sleep 0.02; done
    echo "api plan: $(echo "$(date +%s.%N) - $start" | bc) s ($(curl -s -H "$AUTH" "$URL/api/jobs/$JOB" |
        python3 -c 'import json, sys; v = json.load(sys.stdin); print(v["state"], v["result"]["seconds"], "s inside")'))"
done

echo "== the result page of the 345 programme (first request, then the median of 50)"
curl -s -o /dev/null -w "first: %{time_total} s, %{size_download} bytes\n" -H "$AUTH" "$URL/programma/$ID"
for i in $(seq 50); do curl -s -o /dev/null -w "%{time_total}\n" -H "$AUTH" "$URL/programma/$ID"; done |
    sort -n | awk '{ t[NR] = $1 } END { printf "median %.1f ms, slowest %.1f ms\n", t[int(NR / 2)] * 1000, t[NR] * 1000 }'

echo "== API reads: GET /api/programmes/$ID (plan.json included), wrk 2 threads, 16 connections"
curl -s -o /dev/null -w "one read: %{size_download} bytes\n" -H "$AUTH" "$URL/api/programmes/$ID"
echo "server memory before: $(rss)"
wrk -t2 -c16 -d10s -H "$AUTH" "$URL/api/programmes/$ID" | grep -E "Requests/sec|requests in|Latency"
echo "server memory after the first run: $(rss)"
wrk -t2 -c16 -d10s -H "$AUTH" "$URL/api/programmes/$ID" | grep -E "Requests/sec|requests in"
echo "server memory after the second run: $(rss)"
wrk -t2 -c16 -d10s -H "$AUTH" "$URL/api/programmes" | grep -E "Requests/sec|requests in"
echo "GET /api/programmes; server memory: $(rss)"
