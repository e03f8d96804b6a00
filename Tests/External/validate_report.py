"""Checks report.html against plan.json with Python's own HTML parser: the index holds every participant in a
group exactly once with their group and facilitator, each group's card lists its members and their case turns,
the charts are inline SVG, and nothing is loaded from outside the file (it must work offline and print).

    .build/venv/bin/python Tests/External/validate_report.py PLAN_FOLDER
"""
import datetime
import html.parser
import json
import pathlib
import re
import sys

folder = pathlib.Path(sys.argv[1])
plan = json.loads((folder / "plan.json").read_text())
text = (folder / "report.html").read_text()
dutch = plan["config"].get("language", "nl") == "nl"
people = {p["email"].lower(): p for p in plan["participants"]}
facilitators = {f["email"].lower(): f["name"] for f in plan.get("facilitators") or []}
problems = []


class Tables(html.parser.HTMLParser):
    """Collects section ids with the rows of the tables inside them, cell texts stripped."""

    def __init__(self):
        super().__init__()
        self.section, self.rows, self.row, self.cell = None, {}, None, None
        self.external = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("section", "h2") and a.get("id"):
            self.section = a["id"]
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.setdefault(self.section, []).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


parser = Tables()
parser.feed(text)
check = lambda ok, message: ok or problems.append(message)
check(not parser.external, f"external resources: {parser.external[:3]}")
check(re.search(r"<link|<script|@import|url\(", text) is None, "stylesheet links, scripts or url() in the report")
check(text.count("<svg") >= 2, "fewer than two inline SVG charts")
# A written plan keeps every rule, so the report must never open by saying it breaks one.
check('class="status bad"' not in text and 'class="bad"' not in text, "the report says a rule is broken")
check(f'<html lang="{"nl" if dutch else "en"}"' in text, "page language")
check(("Groepen" if dutch else "Groups") in text, "no groups heading in the programme's language")

grouped = {m.lower(): g for g in plan["groups"] for m in g["members"]}
index = [r for r in parser.rows.get("index", []) if len(r) == 5][1:]
check(len(index) == len(grouped), f"index has {len(index)} rows, plan.json {len(grouped)} people in groups")
by_name = {}
for row in index:
    by_name.setdefault(row[0], []).append(row)
for email, g in grouped.items():
    p = people[email]
    rows = [r for r in by_name.get(p["name"], []) if r[1] == p["school"]]
    check(len(rows) == 1, f"index: {p['name']} ({p['school']}) appears {len(rows)} times")
    if rows:
        check(rows[0][2] == g["id"], f"index: {p['name']} in {rows[0][2]}, plan.json {g['id']}")
        if g.get("facilitator"):
            check(rows[0][3] == facilitators[g["facilitator"].lower()], f"index: {p['name']}'s facilitator")

meetings = [m for m in plan["meetings"] if not m.get("cancelled") and m.get("status") != "cancelled"]
for g in plan["groups"]:
    rows = parser.rows.get(g["id"], [])[1:]
    names = sorted(r[0] for r in rows)
    expected = sorted(people[m.lower()]["name"] for m in g["members"])
    check(len(rows) == len(g["members"]) and all(any(n.startswith(e) for n in names) for e in expected),
          f"{g['id']}: card lists {names}, plan.json {expected}")
    for m in meetings:
        if m["group"] != g["id"]:
            continue
        # History keeps turns of people who have since left or moved; the card lists the members of now.
        for bringer in [b for b in m["caseBringers"] if b.lower() in {x.lower() for x in g["members"]}]:
            p = people[bringer.lower()]
            row = next((r for r in rows if r[0].startswith(p["name"]) and r[3] == p["school"]), None)
            day = datetime.date.fromisoformat(m["date"]).day
            check(row is not None and f"{m['number']}. " in row[5] and f" {day} " in row[5] + " ",
                  f"{g['id']}: {p['name']}'s turn at meeting {m['number']} ({m['date']}) missing: {row}")

if problems:
    print(f"{folder}/report.html: {len(problems)} problem(s)")
    for p in problems[:30]:
        print("  " + p)
    sys.exit(1)
print(f"{folder}/report.html: index of {len(index)} people, {len(plan['groups'])} group cards with their case turns "
      f"and the charts agree with plan.json; self-contained")
