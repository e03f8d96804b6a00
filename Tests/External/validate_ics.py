#!/usr/bin/env python3
"""Validates a plan folder's calendar files with two independent parsers (icalendar, vobject).

Usage: validate_ics.py PLAN_DIR [--expect-cancelled]
Checks every rota/*.ics: RFC 5545 framing (CRLF, lines of at most 75 octets, continuation lines),
that both parsers read it, that each event has a unique UID, SEQUENCE, DTSTAMP, a zoned DTSTART before
DTEND, and that the event times agree with schedule.csv once converted through the file's own VTIMEZONE.
A cancelled row in schedule.csv must be STATUS:CANCELLED with SEQUENCE >= 1 in every calendar holding it;
--expect-cancelled fails when there is none (after a replan that dissolves a group).
Exit 0 when all files pass; 1 with one line per problem otherwise.
"""
import csv
import json
import datetime as dt
import pathlib
import sys

import icalendar
import vobject


def framing(path, raw, problems):
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append(f"{path}: a line ends without CR")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"{path}:{n}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{path}:{n}: folding split a UTF-8 sequence")


def _list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def schedule_rows(folder):
    with open(folder / "schedule.csv", encoding="utf-8-sig", newline="") as f:
        return {(r["group"], int(r["meeting"])): r for r in csv.DictReader(f)}


def main(folder, expect_cancelled=False):
    folder = pathlib.Path(folder)
    files = sorted((folder / "rota").glob("*.ics")) + sorted((folder / "rota" / "people").glob("*.ics"))
    with open(folder / "groups.csv", encoding="utf-8-sig", newline="") as f:
        group_of = {r["email"].lower(): r["group"] for r in csv.DictReader(f)}
    personal = 0
    # After a replan, people who moved joined their group at the replan's first day.
    plan = json.loads((folder / "plan.json").read_text())
    since = (plan.get("replan") or {}).get("from") or "0000-00-00"
    # Groups a facilitator handed over: from that day on their own calendar cancels the group's meetings.
    names = {f["email"].lower(): f["name"] for f in plan.get("facilitators") or []}
    handed = {}
    for h in plan.get("handovers") or []:
        handed.setdefault(names[h["facilitator"].lower()], []).append((h["group"], h["from"]))
    problems = []
    if not files:
        problems.append(f"{folder}/rota: no .ics files")
    rows = schedule_rows(folder)
    events = 0
    cancelled = 0
    for path in files:
        raw = path.read_bytes()
        framing(path, raw, problems)
        try:
            cal = icalendar.Calendar.from_ical(raw)
        except Exception as e:  # noqa: BLE001 - report any parser failure as a problem
            problems.append(f"{path}: icalendar cannot parse: {e}")
            continue
        try:
            vcal = vobject.readOne(raw.decode("utf-8"))
            vevents = list(getattr(vcal, "vevent_list", []))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{path}: vobject cannot parse: {e}")
            continue
        attendees = any(ev.get("ATTENDEE") is not None for ev in cal.walk("VEVENT"))
        # An iTIP PUBLISH may not carry attendees (RFC 5546): with attendees the file is a plain calendar.
        if (cal.get("METHOD") == "PUBLISH") == attendees or not cal.get("PRODID") or cal.get("VERSION") != "2.0":
            problems.append(f"{path}: PRODID, VERSION:2.0 and METHOD:PUBLISH exactly when no event lists attendees")
        owner = str(cal.get("X-INTERVISION-PARTICIPANT", "")).removeprefix("mailto:").lower() or None
        if path.parent.name == "people":
            personal += 1
            if owner is None:
                problems.append(f"{path}: a personal calendar without X-INTERVISION-PARTICIPANT")
        seen_groups = set()
        if not cal.walk("VTIMEZONE"):
            problems.append(f"{path}: no VTIMEZONE")
        uids = set()
        vevent_uids = {v.uid.value for v in vevents}
        for ev in cal.walk("VEVENT"):
            events += 1
            uid = str(ev.get("UID"))
            if uid in uids:
                problems.append(f"{path}: UID {uid} twice")
            uids.add(uid)
            for key in ("DTSTAMP", "SEQUENCE", "SUMMARY", "DTSTART", "DTEND"):
                if ev.get(key) is None:
                    problems.append(f"{path}: {uid} has no {key}")
            start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
            if start.tzinfo is None or end <= start:
                problems.append(f"{path}: {uid} needs a zoned DTSTART before DTEND")
                continue
            group, number = uid.split("-")[-2].upper(), int(uid.split("-m")[-1].split("@")[0])
            row = rows.get((group, number))
            if row is None:
                problems.append(f"{path}: {uid} is not in schedule.csv")
                continue
            status = str(ev.get("STATUS"))
            invited = {str(a).removeprefix("mailto:").lower() for a in _list(ev.get("ATTENDEE"))}
            if owner is not None:
                if status == "CONFIRMED":
                    seen_groups.add((group, number))
                    if owner not in invited:
                        problems.append(f"{path}: {uid} is in {owner}'s calendar but does not list them")
                elif row["status"] == "planned":
                    # Withdrawn for this person alone: they left the group; the meeting itself goes on.
                    if owner in invited or int(ev.get("SEQUENCE")) < 1:
                        problems.append(f"{path}: {uid} cancelled for {owner}, who is still a member (or SEQUENCE 0)")
                    continue
            if row["status"] == "cancelled":
                cancelled += 1
                if status != "CANCELLED" or int(ev.get("SEQUENCE")) < 1:
                    problems.append(f"{path}: {uid} is cancelled in schedule.csv but {status}, SEQUENCE {ev.get('SEQUENCE')}")
            elif status != "CONFIRMED":
                leader = str(cal.get("X-WR-CALNAME", "")).split(" — ")[-1]
                handover = any(g == group and row["date"] >= since_ for g, since_ in handed.get(leader, []))
                if not handover or row["facilitator"] == leader or int(ev.get("SEQUENCE")) < 1:
                    problems.append(f"{path}: {uid} is planned in schedule.csv but {status}")
            expected = dt.datetime.fromisoformat(f"{row['date']}T{row['start']}")
            if start.replace(tzinfo=None) != expected:
                problems.append(f"{path}: {uid} starts {start}, schedule.csv says {expected}")
            # Offsets through the file's own VTIMEZONE: CET +01:00 in winter, CEST +02:00 in summer.
            offset = start.utcoffset()
            if cal.get("X-WR-TIMEZONE") == "Europe/Amsterdam":
                want = dt.timedelta(hours=2 if start.month in (4, 5, 6, 7, 8, 9) else 1)
                if start.month not in (3, 10) and offset != want:
                    problems.append(f"{path}: {uid} has UTC offset {offset}, expected {want}")
        if vevent_uids != uids:
            problems.append(f"{path}: vobject sees other events than icalendar")
        if owner is not None and owner in group_of:
            # Every planned meeting of the participant's current group is in their own calendar.
            missing = [k for k, r in rows.items() if k[0] == group_of[owner] and r["status"] == "planned"
                       and r["date"] >= since and k not in seen_groups]
            if missing:
                problems.append(f"{path}: {owner}'s calendar lacks meetings {missing} of their group")
    if expect_cancelled and not cancelled:
        problems.append("no cancelled event found, but --expect-cancelled was given")
    for p in problems:
        print(p)
    if not personal:
        problems.append(f"{folder}/rota/people: no personal calendars")
    print(f"{len(files)} calendar files ({personal} personal), {events} events ({cancelled} cancelled): " + ("all valid" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--expect-cancelled"]
    if len(args) != 1:
        sys.exit(__doc__)
    sys.exit(main(args[0], "--expect-cancelled" in sys.argv))
