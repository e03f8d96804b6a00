#!/usr/bin/env python3
"""Deterministic generator of realistic Dutch sign-up files for Intervision.

It made the bundled fixtures (Fixtures/lead-and-learn-345.csv, Fixtures/lerend-leiderschap-52.csv) and
makes the synthetic benchmark instances of any size with the same character: every province, school
boards, towns where schools compete (sometimes declared by one side only), multi-location schools whose
managers report across locations, unavailable dates, a few explicit levels.

    python3 Benchmarks/generate_programme.py --kind middle --size 2000 --seed 7 > /tmp/p2000.csv

`--character top|middle|mixed` makes the benchmark families (Benchmarks/family.py): the programmes real
organisers bring. `top`: rectors, directors and board members (levels 2-4), one or two per school, boards
matter; `middle`: team and department leaders, many per school; `mixed`: both. Each seed also draws its own
regional spread (some provinces small, some large) and two or three dense towns where nearly every school
competes with every other. `--kind` keeps the exact output the bundled fixtures were made with.
"""
import argparse
import csv
import random
import sys

PROVINCES = [  # (province, weight, towns)
    ("Zuid-Holland", 21, ["Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Delft", "Gouda", "Zoetermeer"]),
    ("Noord-Holland", 17, ["Amsterdam", "Haarlem", "Alkmaar", "Hilversum", "Hoorn", "Zaandam"]),
    ("Noord-Brabant", 15, ["Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond", "Oss"]),
    ("Gelderland", 12, ["Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem", "Zutphen"]),
    ("Utrecht", 8, ["Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Veenendaal"]),
    ("Overijssel", 7, ["Zwolle", "Enschede", "Deventer", "Almelo", "Hengelo"]),
    ("Limburg", 6, ["Maastricht", "Venlo", "Heerlen", "Roermond", "Sittard"]),
    ("Fryslân", 3.5, ["Leeuwarden", "Sneek", "Heerenveen", "Drachten"]),
    ("Groningen", 3, ["Groningen", "Hoogezand", "Winschoten"]),
    ("Flevoland", 2.5, ["Almere", "Lelystad", "Emmeloord"]),
    ("Zeeland", 2, ["Middelburg", "Goes", "Vlissingen"]),
    ("Drenthe", 0.8, ["Assen", "Emmen"]),
]
SCHOOL_PATTERNS = [
    "{saint} College {town}", "Stedelijk Gymnasium {town}", "Christelijk Lyceum {town}", "{name} College",
    "Het {name} {town}", "{name} Lyceum", "Openbare Scholengemeenschap {town}", "{name}school {town}",
    "Montessori Lyceum {town}", "Vakcollege {town}",
]
SCHOOL_NAMES = ["Da Vinci", "Erasmus", "Comenius", "Spinoza", "Vondel", "Huygens", "Calvijn", "Rembrandt",
                "Baken", "Kompas", "Linde", "Ring", "Bonifatius", "Willibrord", "Stanislas", "Augustinus",
                "Maerlant", "Vathorst", "Wellant", "Penta", "Wolfert", "Hofstad", "Lorentz", "Nuborgh"]
SAINTS = ["Sint-Jozef", "Sint-Janscollege", "Sint-Ignatius", "Sint-Maartens", "Sint-Vitus", "Sint-Oelbert"]
BOARDS = ["Stichting {x} Onderwijs", "Vereniging {x}", "{x} Scholengroep", "Stichting Voortgezet Onderwijs {x}"]
FIRST = ["Anne", "Bram", "Carla", "Daan", "Eline", "Frank", "Gerda", "Hans", "Ilse", "Jeroen", "Karin", "Lars",
         "Marieke", "Niels", "Olga", "Pieter", "Roos", "Sander", "Tineke", "Ruud", "Wendy", "Youssef", "Fatima",
         "Mehmet", "Sanne", "Koen", "Lotte", "Joost", "Esther", "Thijs", "Noor", "Bas", "Fenna", "Maarten",
         "Ingrid", "Henk", "Mirjam", "Rik", "Saskia", "Wouter", "Nadia", "Gert-Jan", "Anouk", "Jasper", "Özlem"]
LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
        "van Dijk", "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Verhoeven", "El Amrani", "Yılmaz",
        "Kramer", "Postma", "van Wijk", "Boersma", "Huisman", "Kuipers", "Claassen", "Wouters"]
MIDDLE = [("teamleider", 40), ("afdelingsleider", 20), ("coördinator", 12), ("conrector", 12),
          ("locatiedirecteur", 6), ("deelschoolleider", 4), ("teamleider onderbouw", 4), ("overig", 2)]
LEADERS = [("rector", 30), ("directeur", 30), ("rector-bestuurder", 12), ("bestuurder", 8),
           ("locatiedirecteur", 12), ("adjunct-directeur", 8)]


def slug(s):
    table = str.maketrans("äëïöüéèêáàçıÖ'", "aeioueeeaaciO ")
    return "".join(c for c in s.lower().translate(table) if c.isalnum() or c == " ").replace(" ", "")


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def make_schools(rng, n_people, per_school, provinces=PROVINCES, dense=()):
    """Schools with province, town, board and competitor lists, enough for n_people. In `dense` towns
    nearly every school competes with every other, whatever their boards."""
    schools, used = [], set()
    n_schools = max(4, round(n_people / per_school))
    total = sum(w for _, w, _ in provinces)
    for prov, w, towns in provinces:
        count = max(1, round(n_schools * w / total))
        boards = []
        for _ in range(max(1, count // 3)):
            board = rng.choice(BOARDS).format(x=rng.choice(SCHOOL_NAMES) + " " + prov)
            if board not in boards:
                boards.append(board)
        for _ in range(count):
            town = rng.choice(towns)
            for _ in range(50):
                name = rng.choice(SCHOOL_PATTERNS).format(saint=rng.choice(SAINTS), town=town, name=rng.choice(SCHOOL_NAMES))
                if name not in used:
                    break
            else:
                name = f"{name} {len(used)}"
            used.add(name)
            schools.append({"name": name, "province": prov, "town": town, "board": rng.choice(boards), "competitors": []})
    # Multi-location schools: a second location registered as its own school, same board and town.
    for s in rng.sample(schools, max(1, len(schools) // 12)):
        loc = dict(s, name=s["name"] + " locatie " + rng.choice(["Noord", "Zuid", "West", "Centrum"]), competitors=[],
                   parent=s["name"])
        if loc["name"] not in used:
            used.add(loc["name"])
            schools.append(loc)
    # Competition: schools in one town with another board compete; often only one side says so.
    by_town = {}
    for s in schools:
        by_town.setdefault(s["town"], []).append(s)
    for town, group in by_town.items():
        for a in group:
            for b in group:
                if town in dense:
                    if a is b or a.get("parent") == b["name"] or b.get("parent") == a["name"] or rng.random() > 0.95:
                        continue
                elif a is b or a["board"] == b["board"] or rng.random() > 0.6:
                    continue
                a["competitors"].append(b["name"])
    return schools


def character_setup(rng, character):
    """Functions, people per school, this seed's regional spread and its dense towns."""
    provinces = [(prov, w * rng.uniform(0.3, 2.0), towns) for prov, w, towns in PROVINCES]
    big = sorted(provinces, key=lambda p: -p[1])[:4]
    dense = {rng.choice(towns) for _, _, towns in rng.sample(big, rng.randint(2, 3))}
    if character == "top":
        return LEADERS, 1.3, provinces, dense
    if character == "middle":
        return MIDDLE, 3.2, provinces, dense
    return MIDDLE + LEADERS, 2.0, provinces, dense


def generate(kind, size, seed, character=None):
    rng = random.Random(seed)
    if character:
        functions, per, provinces, dense = character_setup(rng, character)
        schools = make_schools(rng, size, per, provinces, dense)
        kind = "leaders" if character == "top" else "middle"
    else:
        functions = MIDDLE if kind == "middle" else LEADERS
        schools = make_schools(rng, size, 3.2 if kind == "middle" else 1.3)
    people, emails = [], set()
    per_school = {}
    while len(people) < size:
        s = rng.choice(schools)
        if kind == "leaders" and per_school.get(s["name"], 0) >= 2:
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        base = f"{slug(first)}.{slug(last)}@{slug(s['name'].split(' locatie')[0])[:18]}.nl"
        email, k = base, 2
        while email in emails:
            email = base.replace("@", f"{k}@"); k += 1
        emails.add(email)
        function = weighted(rng, functions)
        level = ""
        if function == "overig":
            function, level = rng.choice([("kwaliteitszorg", "1"), ("zorgcoördinator", "1"), ("projectleider", "2")])
        elif rng.random() < 0.05:
            level = str({"teamleider": 1, "afdelingsleider": 1, "conrector": 2}.get(function, 2))
        unavailable = []
        if rng.random() < 0.15:
            for _ in range(rng.randint(1, 2)):
                month, day = rng.randint(1, 6), rng.randint(1, 28)
                start = f"2027-{month:02d}-{day:02d}"
                unavailable.append(start if rng.random() < 0.6 else f"{start}..2027-{month:02d}-{min(28, day + rng.randint(2, 6)):02d}")
        people.append({"name": f"{first} {last}", "email": email, "function": function, "level": level,
                       "school": s["name"], "board": s["board"], "region": s["province"], "town": s["town"],
                       "reports_to": "", "competitors": "|".join(s["competitors"]),
                       "experience_years": str(rng.randint(0, 20)), "unavailable": "|".join(unavailable),
                       "_school": s})
        per_school[s["name"]] = per_school.get(s["name"], 0) + 1
    # Hierarchy: team leaders report to a conrector/director of their school or of the main location.
    rank = {"teamleider": 1, "afdelingsleider": 1, "coördinator": 1, "teamleider onderbouw": 1,
            "conrector": 2, "locatiedirecteur": 2, "deelschoolleider": 2, "adjunct-directeur": 2,
            "directeur": 3, "rector": 3, "rector-bestuurder": 4, "bestuurder": 4}
    for p in people:
        home = p["_school"]
        schools_up = {home["name"], home.get("parent", "")}
        bosses = [q for q in people if q is not p and q["_school"]["name"] in schools_up
                  and rank.get(q["function"], 0) > rank.get(p["function"], 9)]
        if kind == "leaders":
            bosses = [q for q in people if q is not p and q["board"] == p["board"] and q["function"] in ("rector-bestuurder", "bestuurder")
                      and rank.get(p["function"], 9) < 4]
        if bosses and rng.random() < 0.5:
            p["reports_to"] = rng.choice(bosses)["email"]
    for p in people:
        del p["_school"]
    return people


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=["middle", "leaders"], default="middle")
    ap.add_argument("--size", type=int, default=345)
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--character", choices=["top", "middle", "mixed"])
    args = ap.parse_args()
    people = generate(args.kind, args.size, args.seed, args.character)
    cols = ["name", "email", "function", "level", "school", "board", "region", "town", "reports_to",
            "competitors", "experience_years", "unavailable"]
    w = csv.DictWriter(sys.stdout, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(people)


if __name__ == "__main__":
    main()
