"""Writes the bundled CSV fixtures as Excel workbooks with openpyxl, a tool this project did not write, so the
tests read .xlsx files as Microsoft Forms and Excel make them: Dutch headers, numbers stored as numbers, a single
unavailable date stored as an Excel date (serial number with a date format), the data on a sheet that is not
called Sheet1 and a second sheet beside it.

    .build/venv/bin/python Fixtures/make_workbooks.py   # needs openpyxl (pip install openpyxl)
"""
import csv
import datetime
import pathlib

import openpyxl

HERE = pathlib.Path(__file__).parent
DUTCH = {
    "name": "Naam", "email": "E-mailadres", "function": "Functie", "level": "Niveau", "school": "Organisatie",
    "board": "Bestuur", "region": "Regio", "town": "Plaats", "reports_to": "Leidinggevende",
    "competitors": "Concurrenten", "experience_years": "Ervaring", "unavailable": "Afwezig",
    "max_groups": "Max_groepen", "schools": "Scholen",
}


def convert(source: str, target: str, sheet: str) -> None:
    book = openpyxl.Workbook()
    data = book.active
    data.title = sheet
    with open(HERE / source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    data.append([DUTCH.get(h, h) for h in header])
    for row in rows[1:]:
        cells = []
        for column, value in zip(header, row):
            if value.isdigit():
                cells.append(int(value))
            elif column == "unavailable" and len(value) == 10 and value[4] == "-":
                cells.append(datetime.date.fromisoformat(value))
            else:
                cells.append(value if value else None)
        data.append(cells)
    for row in data.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD-MM-YYYY"
    notes = book.create_sheet("Toelichting")
    notes.append(["Geëxporteerd uit het aanmeldformulier"])
    book.save(HERE / target)


convert("lead-and-learn-345.csv", "lead-and-learn-345.xlsx", "Aanmeldingen")
convert("facilitators-lead-and-learn.csv", "facilitators-lead-and-learn.xlsx", "Begeleiders")

# The bad-input corpus's workbook: a level written as a word, found at its sheet, row and column letter.
bad = openpyxl.Workbook()
sheet = bad.active
sheet.title = "Formulierreacties"
sheet.append(["Naam", "E-mailadres", "Functie", "Niveau", "Organisatie", "Regio"])
sheet.append(["Anne de Vries", "anne.devries@baken.nl", "teamleider", 1, "Het Baken", "Utrecht"])
sheet.append(["Bram Jansen", "bram.jansen@baken.nl", "teamleider", "twee", "Het Baken", "Utrecht"])
bad.save(HERE / "bad" / "29-workbook-level-as-word.xlsx")
