#!/usr/bin/env python3
"""Where two machines part: plans a bundled input and compares each grouping stage's counted work with a record.

The engine stops every search by counted work, so the same input should give the same stages, with the same
iterations, nodes and work, on any machine. Stop 26 found the 345 fixture with an earlier cohort planned differently
on two machines; this script names the first stage that differs.

    python3 Benchmarks/compare_stages.py BIN                 # compare with Benchmarks/reference/*.json
    python3 Benchmarks/compare_stages.py BIN --record        # write this machine's record instead

Each reference file holds the command's arguments, the groups.csv md5 and the stage records of plan.json.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "Benchmarks", "reference")
BASE = ["Fixtures/lead-and-learn-345.csv", "--config", "Fixtures/lead-and-learn.toml",
        "--facilitators", "Fixtures/facilitators-lead-and-learn.csv", "--quiet"]
INPUTS = {
    "none": [],
    "wishes": ["--wishes", "Fixtures/wishes-lead-and-learn.csv"],
    "cohort": ["--previous", "{earlier}"],
    "both": ["--wishes", "Fixtures/wishes-lead-and-learn.csv", "--previous", "{earlier}"],
}
KEYS = ("name", "status", "stoppedBy", "iterations", "nodes", "work", "variables", "constraints")


def plan(binary, args, out):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000")
    subprocess.run([binary, "plan", *BASE, *args, "--out", out], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "plan.json"), encoding="utf-8") as f:
        d = json.load(f)
    with open(os.path.join(out, "groups.csv"), "rb") as f:
        md5 = hashlib.md5(f.read()).hexdigest()
    stages = [{k: s.get(k) for k in KEYS if k in s} for s in d["solver"]["stages"]]
    return {"md5": md5, "objectives": d["objectives"], "stages": stages}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--record", action="store_true", help="write this machine's records")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    work = tempfile.mkdtemp(prefix="stages-")
    earlier = os.path.join(work, "earlier")
    plan(binary, [], earlier)
    differ = 0
    for name, args in INPUTS.items():
        args = [x.replace("{earlier}", os.path.join(earlier, "groups.csv")) for x in args]
        got = plan(binary, args, os.path.join(work, name))
        path = os.path.join(REFERENCE, name + ".json")
        if a.record:
            os.makedirs(REFERENCE, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(got, f, indent=1, sort_keys=True)
                f.write("\n")
            print(f"{name}: recorded {got['md5'][:8]}")
            continue
        with open(path, encoding="utf-8") as f:
            want = json.load(f)
        if got["md5"] == want["md5"]:
            print(f"{name}: same groups.csv ({got['md5'][:8]})")
            continue
        differ += 1
        first = next((i for i, (x, y) in enumerate(zip(got["stages"], want["stages"])) if x != y),
                     min(len(got["stages"]), len(want["stages"])))
        print(f"{name}: groups.csv {got['md5'][:8]}, the record has {want['md5'][:8]}; first stage that differs: "
              f"#{first + 1}")
        print("  here:   ", json.dumps(got["stages"][first] if first < len(got["stages"]) else None))
        print("  record: ", json.dumps(want["stages"][first] if first < len(want["stages"]) else None))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
