"""Writes Fixtures/wishes-lead-and-learn.csv: 30 apart, 10 together and 5 facilitator wishes for the 345
fixture (the benchmark of issue 15), chosen with a fixed seed among pairs no rule ties: together pairs share a
region but no school, board or competitor tie; facilitator wishes name a facilitator of the person's region who
is not tied to their school.

    python3 Fixtures/make_wishes.py
"""
import csv
import pathlib
import random

HERE = pathlib.Path(__file__).parent
people = list(csv.DictReader(open(HERE / "lead-and-learn-345.csv", encoding="utf-8-sig")))
leaders = list(csv.DictReader(open(HERE / "facilitators-lead-and-learn.csv", encoding="utf-8-sig")))
rng = random.Random(15)


def key(s):
    return " ".join(s.lower().split())


def tied(a, b):
    if key(a["school"]) == key(b["school"]):
        return True
    comp = lambda x, y: key(y["school"]) in [key(c) for c in x["competitors"].split("|") if c]
    if comp(a, b) or comp(b, a):
        return True
    return a["email"].lower() == b["reports_to"].lower() or b["email"].lower() == a["reports_to"].lower()


used = set()
rows = []
while len([r for r in rows if r[0] == "together"]) < 10:
    a, b = rng.sample(people, 2)
    if a["region"] != b["region"] or tied(a, b) or {a["email"], b["email"]} & used:
        continue
    used |= {a["email"], b["email"]}
    rows.append(("together", a["email"], b["email"]))
while len([r for r in rows if r[0] == "apart"]) < 30:
    a, b = rng.sample(people, 2)
    if a["region"] != b["region"] or tied(a, b) or {a["email"], b["email"]} & used:
        continue
    used |= {a["email"], b["email"]}
    rows.append(("apart", a["email"], b["email"]))
while len([r for r in rows if r[0] == "facilitator"]) < 5:
    a = rng.choice(people)
    options = [f for f in leaders if f["region"] == a["region"] and key(a["school"]) not in
               [key(s) for s in f["schools"].split("|") if s]]
    if not options or a["email"] in used:
        continue
    used.add(a["email"])
    rows.append(("facilitator", a["email"], rng.choice(options)["email"]))
with open(HERE / "wishes-lead-and-learn.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kind", "person", "other"])
    w.writerows(rows)
