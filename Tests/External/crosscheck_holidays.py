#!/usr/bin/env python3
"""Cross-checks the shipped holiday data against the PyPI package `holidays` (>= 0.109), which encodes the
same regulation (Regeling vaststelling schoolvakanties 2025-2030) independently of this project.

Usage: crosscheck_holidays.py [DATA_FILE]
Day by day over the file's stated coverage: every school-holiday day per region (noord, midden, zuid) and
every public holiday must be the same in both; `customary` days (Friday after Ascension, Liberation Day in
non-lustrum years) are ours alone and must not be public holidays in the package. Exit 1 on any difference.
"""
import datetime as dt
import pathlib
import re
import sys

import holidays

DEFAULT = pathlib.Path(__file__).resolve().parents[2] / "Sources/Scheduling/Resources/holidays-nl.tsv"


def load(path):
    coverage, rows = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# Coverage: every day from (\S+) to (\S+) ", line)
        if m:
            coverage = tuple(dt.date.fromisoformat(x) for x in m.groups())
        if not line.strip() or line.startswith("#"):
            continue
        kind, region, first, last, name, source = line.split("\t")
        rows.append((kind, region, dt.date.fromisoformat(first), dt.date.fromisoformat(last), name))
    return coverage, rows


def days(first, last):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)


def main(path):
    (start, end), rows = load(path)
    years = range(start.year, end.year + 1)
    problems = []
    for region in ("noord", "midden", "zuid"):
        theirs = holidays.country_holidays("NL", subdiv=region.capitalize(), categories=("school",), years=years)
        ours = {d for kind, r, a, b, _ in rows if kind == "school" and r in (region, "all") for d in days(a, b)}
        for d in days(start, end):
            if (d in ours) != (d in theirs):
                problems.append(f"{region} {d}: ours {'holiday' if d in ours else 'open'}, holidays package {theirs.get(d, 'open')}")
    public = holidays.country_holidays("NL", years=years)
    ours_public = {d for kind, _, a, b, _ in rows if kind == "public" for d in days(a, b)}
    customary = {d for kind, _, a, b, _ in rows if kind == "customary" for d in days(a, b)}
    for d in days(start, end):
        if (d in ours_public) != (d in public):
            problems.append(f"public {d}: ours {'holiday' if d in ours_public else 'none'}, holidays package {public.get(d, 'none')}")
        if d in customary and d in public:
            problems.append(f"{d} is a public holiday in the package but customary here")
    for p in problems:
        print(p)
    checked = (end - start).days + 1
    print(f"holidays {holidays.__version__}: {checked} days x 3 regions and public holidays, {start}..{end}: "
          + ("identical" if not problems else f"{len(problems)} differences"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
