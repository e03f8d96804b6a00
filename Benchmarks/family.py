#!/usr/bin/env python3
"""Benchmark families: generated programmes of each character and size, planned by the release binary.

For every character (top, middle, mixed), size and seed it generates a programme
(`generate_programme.py --character C --size N --seed S`), plans it with `intervision plan --quiet`
(wall time and peak memory from /usr/bin/time) and reads the objectives, their proven bounds and the solver
stages from plan.json. With `--peer PYTHON` it also hands the first `--peer-seeds` seeds of each cell to
Google OR-Tools CP-SAT (`cpsat_peer.py`, run by PYTHON, which must have `ortools`) with the same time limit.
Writes one CSV row per run (`--csv`) and prints the Markdown tables that go into Benchmarks/README.md.

    python3 Benchmarks/family.py --sizes 50 100 200 400 --seeds 20 --csv /tmp/family.csv
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/intervision")
BENCH = os.path.join(ROOT, ".build-bench/release/grouping-bench")
CONFIG = os.path.join(ROOT, "Fixtures/lead-and-learn.toml")


def plan(csv_path, out, time_limit):
    cmd = ["/usr/bin/time", "-f", "%e %M", BIN, "plan", csv_path, "--config", CONFIG, "--out", out, "--quiet",
           "--time-limit", str(time_limit)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1800000000"))
    wall, rss = p.stderr.strip().splitlines()[-1].split()
    row = {"exit": p.returncode, "wall": float(wall), "rss_mb": int(rss) // 1024}
    if p.returncode == 0:
        d = json.load(open(os.path.join(out, "plan.json")))
        for o in d["objectives"]:
            row[o["metric"]] = o["value"]
            row[o["metric"] + "_bound"] = o["bound"]
        row["proven"] = all(o["optimal"] for o in d["objectives"])
        stages = d["solver"]["stages"]
        row["work"] = round(sum(s.get("work", 0) for s in stages), 1)
        row["clock_stopped"] = any(s.get("stoppedBy") == "time limit" for s in stages)
        row["work_stopped"] = any(s.get("stoppedBy") == "work limit" for s in stages)
    else:
        row["proven"] = False
        row["error"] = (p.stdout + p.stderr).strip().splitlines()[0][:200] if (p.stdout + p.stderr).strip() else ""
    return row


def peer(csv_path, work, time_limit, python):
    inst = os.path.join(work, "instance.json")
    with open(inst, "w") as f:
        subprocess.run([BENCH, "--instance", csv_path, CONFIG], stdout=f, check=True)
    p = subprocess.run([python, os.path.join(ROOT, "Benchmarks/cpsat_peer.py"), inst, "--time-limit",
                        str(time_limit), "--workers", "2"], capture_output=True, text=True, check=True)
    d = json.loads(p.stdout)
    row = {"peer_seconds": d["seconds"]}
    for o in d["objectives"]:
        row["peer_" + o["metric"]] = o["value"]
        row["peer_" + o["metric"] + "_bound"] = o["bound"]
    row["peer_proven"] = all(o["optimal"] for o in d["objectives"])
    return row


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--characters", nargs="+", default=["top", "middle", "mixed"])
    ap.add_argument("--sizes", nargs="+", type=int, default=[50, 100, 200, 400])
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--peer", metavar="PYTHON", help="a Python with ortools: run CP-SAT on the same instances")
    ap.add_argument("--peer-seeds", type=int, default=2)
    ap.add_argument("--csv", default="family.csv")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for character in args.characters:
            for size in args.sizes:
                for seed in range(args.first_seed, args.first_seed + args.seeds):
                    path = os.path.join(work, "signups.csv")
                    with open(path, "w") as f:
                        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate_programme.py"),
                                        "--character", character, "--size", str(size), "--seed", str(seed)],
                                       stdout=f, check=True)
                    out = os.path.join(work, f"plan-{character}-{size}-{seed}")
                    row = {"character": character, "size": size, "seed": seed}
                    row.update(plan(path, out, args.time_limit))
                    if args.peer and seed < args.first_seed + args.peer_seeds:
                        row.update(peer(path, work, args.time_limit, args.peer))
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr, flush=True)
    fields = sorted({k for r in rows for k in r}, key=lambda k: (k not in ("character", "size", "seed"), k))
    with open(args.csv, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    print("| character | size | runs | all proven | median wall s | p90 wall s | max wall s | max RSS MB "
          "| stopped by work limit | stopped by the clock |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for character in args.characters:
        for size in args.sizes:
            cell = [r for r in rows if r["character"] == character and r["size"] == size]
            walls = [r["wall"] for r in cell]
            print(f"| {character} | {size} | {len(cell)} | {sum(r['proven'] for r in cell)}/{len(cell)} "
                  f"| {statistics.median(walls):.2f} | {pct(walls, 0.9):.2f} | {max(walls):.2f} "
                  f"| {max(r['rss_mb'] for r in cell)} | {sum(bool(r.get('work_stopped')) for r in cell)} "
                  f"| {sum(bool(r.get('clock_stopped')) for r in cell)} |")
    if args.peer:
        print()
        print("| instance | metric | Intervision value (bound) | CP-SAT value (bound) |")
        print("|---|---|---|---|")
        for r in rows:
            if "peer_seconds" not in r:
                continue
            name = f"{r['character']}-{r['size']} seed {r['seed']}"
            for m in ("away", "spread", "variety"):
                print(f"| {name} ({r['wall']:.1f} s vs {r['peer_seconds']:.1f} s) | {m} | {r.get(m)} "
                      f"({r.get(m + '_bound')}) | {r.get('peer_' + m)} ({r.get('peer_' + m + '_bound')}) |")


if __name__ == "__main__":
    main()
