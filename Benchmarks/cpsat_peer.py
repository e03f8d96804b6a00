#!/usr/bin/env python3
"""The peer in the benchmark: Google OR-Tools CP-SAT on the straightforward assignment model.

Reads an instance written by `grouping-bench --instance FILE.csv CONFIG.toml` (people with region, level and
function key, every tied pair, the group count and sizes, the priorities) and minimises the same metrics as
Intervision, lexicographically: each objective gets an equal share of the time limit, is then held at the value
reached while the next is minimised. Prints one JSON object: per objective the value, CP-SAT's proven bound and
whether it was proven, and the seconds used. `pip install ortools` (PyPI) is all it needs.

    python3 Benchmarks/cpsat_peer.py instance.json --time-limit 60 --workers 2
"""
import argparse
import json
import sys
import time

from ortools.sat.python import cp_model


def build(inst):
    people, k = inst["people"], inst["groups"]
    n, lo, hi = len(people), inst["minSize"], inst["maxSize"]
    m = cp_model.CpModel()
    x = [[m.NewBoolVar(f"x{i}_{g}") for g in range(k)] for i in range(n)]
    for i in range(n):
        m.AddExactlyOne(x[i])
    size = []
    for g in range(k):
        s = m.NewIntVar(lo, hi, f"size{g}")
        m.Add(s == sum(x[i][g] for i in range(n)))
        size.append(s)
    for i, j in inst["ties"]:
        for g in range(k):
            m.AddBoolOr([x[i][g].Not(), x[j][g].Not()])
    # Groups are interchangeable: person 0 in group 0 breaks a little of the symmetry without losing solutions.
    m.Add(x[0][0] == 1)
    metrics = {}
    regions = sorted({p["region"] for p in people})
    away = []
    for g in range(k):
        counts = []
        for r in regions:
            c = m.NewIntVar(0, hi, "")
            m.Add(c == sum(x[i][g] for i in range(n) if people[i]["region"] == r))
            counts.append(c)
        home = m.NewIntVar(0, hi, "")
        m.AddMaxEquality(home, counts)
        away.append(size[g] - home)
    metrics["away"] = sum(away)
    levels = [p["level"] for p in people]
    top, bottom = max(levels), min(levels)
    spread = []
    for g in range(k):
        lmax, lmin = m.NewIntVar(bottom, top, ""), m.NewIntVar(bottom, top, "")
        for i in range(n):
            m.Add(lmax >= levels[i]).OnlyEnforceIf(x[i][g])
            m.Add(lmin <= levels[i]).OnlyEnforceIf(x[i][g])
        spread.append(lmax - lmin)
    metrics["spread"] = sum(spread)
    functions = sorted({p["function"] for p in people})
    variety = []
    for g in range(k):
        present = []
        for f in functions:
            members = [x[i][g] for i in range(n) if people[i]["function"] == f]
            b = m.NewBoolVar("")
            m.AddBoolOr(members).OnlyEnforceIf(b)
            m.AddBoolAnd([v.Not() for v in members]).OnlyEnforceIf(b.Not())
            present.append(b)
        variety.append(size[g] - sum(present))
    metrics["variety"] = sum(variety)
    return m, metrics


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    inst = json.load(open(args.instance))
    start = time.monotonic()
    m, metrics = build(inst)
    out = {"objectives": [], "seconds": 0}
    priorities = inst["priorities"]
    for n, name in enumerate(priorities):
        left = args.time_limit - (time.monotonic() - start)
        share = left / (len(priorities) - n)
        if share <= 0.05:
            out["objectives"].append({"metric": name, "value": None, "bound": None, "optimal": False})
            continue
        m.Minimize(metrics[name])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = share
        solver.parameters.num_workers = args.workers
        status = solver.Solve(m)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            out["objectives"].append({"metric": name, "value": None, "bound": None, "optimal": False,
                                      "status": solver.StatusName(status)})
            break
        value = round(solver.ObjectiveValue())
        bound = max(0, int(-(-solver.BestObjectiveBound() // 1)))
        out["objectives"].append({"metric": name, "value": value, "bound": min(bound, value),
                                  "optimal": status == cp_model.OPTIMAL})
        m.Add(metrics[name] <= value)
        # The next solve starts from this solution.
        m.ClearHints()
        for v in range(len(m.Proto().variables)):
            m.AddHint(m.GetIntVarFromProtoIndex(v), solver.Value(m.GetIntVarFromProtoIndex(v)))
    out["seconds"] = round(time.monotonic() - start, 2)
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
