"""Checks a plan folder's spreadsheets against its plan.json, with readers this project did not write:
openpyxl for plan.xlsx and mailmerge.xlsx, Python's csv module for mailmerge.csv and, when installed, LibreOffice
(headless, converting every sheet to CSV) to show that it opens the workbook and reads the same people.

    .build/venv/bin/python Tests/External/validate_workbooks.py PLAN_FOLDER
"""
import csv
import datetime
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl

folder = pathlib.Path(sys.argv[1])
plan = json.loads((folder / "plan.json").read_text())
dutch = plan["config"].get("language", "nl") == "nl"
people = {p["email"].lower(): p for p in plan["participants"]}
group_of = {m.lower(): g["id"] for g in plan["groups"] for m in g["members"]}
facilitator_name = {f["email"].lower(): f["name"] for f in plan.get("facilitators") or []}
meetings = [m for m in plan["meetings"] if m.get("status", "planned") != "cancelled" and not m.get("cancelled")]
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


book = openpyxl.load_workbook(folder / "plan.xlsx")
names = [ws.title for ws in book.worksheets]
expected = ["Groepen", "Bijeenkomsten", "Deelnemers", "Begeleiders", "Aanwezigheid"] if dutch else [
    "Groups", "Meetings", "Participants", "Facilitators", "Attendance"]
check(names == expected[: len(names)] and len(names) >= 3, f"plan.xlsx sheets {names}, expected {expected}")
for ws in book.worksheets:
    check(ws.freeze_panes == "A2", f"{ws.title}: header row not frozen ({ws.freeze_panes})")
    check(ws.auto_filter.ref is not None, f"{ws.title}: no filter on the header")
    for column in range(1, ws.max_column + 1):
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(column)].width
        check(width and width >= 8, f"{ws.title}: column {column} not sized")

groups, sessions, participants = book.worksheets[0], book.worksheets[1], book.worksheets[2]
rows = list(groups.iter_rows(min_row=2, values_only=True))
check([r[0] for r in rows] == [g["id"] for g in plan["groups"]], "groups sheet: group ids differ from plan.json")
for r, g in zip(rows, plan["groups"]):
    check(r[3] == len(g["members"]), f"groups sheet: {g['id']} has {r[3]} members, plan.json {len(g['members'])}")
    if g.get("facilitator"):
        check(r[1] == facilitator_name[g["facilitator"].lower()], f"groups sheet: {g['id']} facilitator {r[1]}")

rows = list(sessions.iter_rows(min_row=2, values_only=True))
check(len(rows) == len(plan["meetings"]), f"meetings sheet has {len(rows)} rows, plan.json {len(plan['meetings'])}")
for r, m in zip(rows, plan["meetings"]):
    check(isinstance(r[2], datetime.datetime), f"meetings sheet: {m['group']}:{m['number']} date is not a date")
    day = r[2].date().isoformat() if isinstance(r[2], datetime.datetime) else r[2]
    check((r[0], r[1], day, r[4], r[5]) == (m["group"], m["number"], m["date"], m["start"], m["end"]),
          f"meetings sheet row {r[:6]} differs from plan.json {m['group']}:{m['number']} {m['date']}")

rows = list(participants.iter_rows(min_row=2, values_only=True))
check(sorted(r[1].lower() for r in rows) == sorted(people), "participants sheet: emails differ from plan.json")
for r in rows:
    email = r[1].lower()
    check((r[6] in (group_of.get(email),)) or (email not in group_of),
          f"participants sheet: {email} in {r[6]}, plan.json {group_of.get(email)}")

# Attendance, recomputed from plan.json: recorded meetings of each person, present, hours (start to end).
recorded = [m for m in plan["meetings"] if m["status"] == "planned" and m.get("present") is not None]
check((expected[4] in names) == bool(recorded), f"attendance sheet present: {expected[4] in names}, recorded: {len(recorded)}")
if recorded:
    sheet = book[expected[4]]
    want = {}
    for m in recorded:
        here = {e.lower() for e in m["present"]}
        h0, m0 = map(int, m["start"].split(":"))
        h1, m1 = map(int, m["end"].split(":"))
        for e in m["members"]:
            r = want.setdefault(e.lower(), [0, 0, 0])
            r[0] += 1
            if e.lower() in here:
                r[1] += 1
                r[2] += (h1 * 60 + m1) - (h0 * 60 + m0)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    check(sorted(r[1].lower() for r in rows) == sorted(want), "attendance sheet: not the people of the recorded meetings")
    for r in rows:
        n, there, minutes = want[r[1].lower()]
        check((r[3], r[4]) == (n, there), f"attendance sheet: {r[1]} {r[3]}/{r[4]}, plan.json {n}/{there}")
        check(abs(float(r[6]) - minutes / 60) < 0.01, f"attendance sheet: {r[1]} {r[6]} hours, plan.json {minutes / 60}")
        below = there / n < plan["config"].get("minAttendance", 0.8) - 1e-9
        check(bool(r[8]) == below, f"attendance sheet: {r[1]} below minimum {r[8]!r}, recomputed {below}")

# The mail merge: one row per participant in a group, their own dates and turns.
merge = openpyxl.load_workbook(folder / "mailmerge.xlsx").active
header = [c.value for c in merge[1]]
rows = [list(r) for r in merge.iter_rows(min_row=2, values_only=True)]
check(sorted(r[1].lower() for r in rows) == sorted(group_of), "mailmerge: not exactly the participants in groups")
date_columns = [i for i, h in enumerate(header) if h.startswith("datum_" if dutch else "date_")]
turns_column = header.index("eigen_casusbeurten" if dutch else "own_case_turns")
for r in rows:
    email = r[1].lower()
    check(r[3] == group_of[email], f"mailmerge: {email} in {r[3]}, plan.json {group_of[email]}")
    mine = [m for m in meetings if m["group"] == group_of[email] and email in [x.lower() for x in m["members"]]]
    filled = [r[i] for i in date_columns if r[i]]
    check(len(filled) == len(mine), f"mailmerge: {email} has {len(filled)} dates, plan.json {len(mine)}")
    turns = [m for m in meetings if email in [x.lower() for x in m["caseBringers"]]]
    text = r[turns_column] or ""
    for m in turns:
        d = datetime.date.fromisoformat(m["date"])
        check(f"{d.day} " in text and str(d.year) in text, f"mailmerge: {email}'s turn on {m['date']} missing: {text}")
    check(bool(text) == bool(turns), f"mailmerge: {email} turns {text!r}, plan.json {len(turns)}")

with open(folder / "mailmerge.csv", encoding="utf-8-sig", newline="") as f:
    csv_rows = list(csv.reader(f, delimiter=";" if dutch else ","))
check(csv_rows[0] == header, "mailmerge.csv header differs from mailmerge.xlsx")
check([[c or "" for c in r] for r in rows] == csv_rows[1:], "mailmerge.csv rows differ from mailmerge.xlsx")

# LibreOffice reads the same participants from every sheet it converts.
soffice = shutil.which("soffice")
if soffice:
    with tempfile.TemporaryDirectory() as out:
        profile = pathlib.Path(out) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out,
             str(folder / "plan.xlsx")], check=True, capture_output=True, timeout=120)
        converted = pathlib.Path(out) / f"plan-{expected[2]}.csv"
        check(converted.exists(), f"LibreOffice wrote no {converted.name}")
        if converted.exists():
            with open(converted, encoding="utf-8") as f:
                lo = list(csv.reader(f))
            check(sorted(r[1].lower() for r in lo[1:]) == sorted(people), "LibreOffice reads other participants")
else:
    print("note: LibreOffice (soffice) not installed; plan.xlsx checked with openpyxl only")

if problems:
    print(f"{folder}: {len(problems)} problem(s) in the spreadsheets")
    for p in problems[:30]:
        print("  " + p)
    sys.exit(1)
print(f"{folder}: plan.xlsx ({', '.join(names)}), mailmerge.xlsx and mailmerge.csv ({len(rows)} rows) agree with "
      f"plan.json" + (" — LibreOffice opens plan.xlsx" if soffice else ""))
