import Foundation
import Spreadsheet

/// Reads the sign-up CSV into participants, collecting every problem in one pass.
enum SignupReader {
    static func read(_ file: InputFile, levels: [String: Int], sink: inout DiagnosticSink) -> [Participant] {
        var notWith = NotWithCells()
        return read(file, levels: levels, sink: &sink, notWith: &notWith)
    }

    /// The `not_with` cells met while reading: who, the names in the cell, the line, and the column.
    struct NotWithCells {
        var cells: [(person: Int, names: [String], line: Int)] = []
        var column: Int?
    }

    static func read(
        _ file: InputFile, levels: [String: Int], sink: inout DiagnosticSink, notWith: inout NotWithCells
    ) -> [Participant] {
        guard
            let (map, rows) = CSV.rows(
                file, specs: ColumnSpec.signups, sink: &sink,
                noRows: ("participants", "add one row per participant below the header"))
        else { return [] }
        var participants: [Participant] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let record = row.record
            row.checkWidth(&sink)
            let name = row.require("name", &sink, what: ("a name", "een naam"))
            let email = row.uniqueEmail(
                &seen, &sink,
                fix: (
                    "each participant signs up once; remove the duplicate row or correct the address",
                    "elke deelnemer meldt zich één keer aan; verwijder de dubbele rij of verbeter het adres"
                ))
            let function = row.require(
                "function", &sink, what: ("a function (e.g. teamleider)", "een functie (bijvoorbeeld teamleider)"))
            let school = row.require("school", &sink, what: ("a school", "een school"))
            let region = row.require("region", &sink, what: ("a region (province)", "een regio (provincie)"))
            let level = resolveLevel(row, function: function, levels: levels, sink: &sink)
            let experience = row.integer(
                "experience_years", in: 0...80, &sink, meaning: ("a number of years", "aantal jaren"))
            let unavailable = row.dates("unavailable", &sink)
            guard let name, let email, let function, let school, let region, let level, let experience else { continue }
            let avoid = row.list("not_with")
            if !avoid.isEmpty { notWith.cells.append((participants.count, avoid, record.line)) }
            participants.append(
                Participant(
                    index: participants.count, name: name, email: email, function: function, level: level,
                    school: school, board: row.text("board"), region: region, town: row.text("town"),
                    reportsTo: row.text("reports_to"), managerIndex: nil, competitors: row.list("competitors"),
                    experienceYears: experience, unavailable: unavailable, line: record.line))
        }
        notWith.column = map.column("not_with")
        if !sink.hasErrors { Hierarchy.resolve(&participants, column: map.column("reports_to"), sink: &sink) }
        Spellings.unify(&participants)
        return participants
    }

    private static func resolveLevel(
        _ row: RowContext, function: String?, levels: [String: Int], sink: inout DiagnosticSink
    ) -> Int? {
        if row.text("level") != nil {
            return row.integer(
                "level", in: Levels.range, &sink,
                meaning: ("a level (a whole number from 1 to 20)", "niveau (een heel getal van 1 tot en met 20)"))
                ?? nil
        }
        guard let function else { return nil }
        if let l = levels[Text.functionKey(function)] { return l }
        sink.error(
            line: row.record.line, column: row.map.column("function"), field: "function",
            "no level given and function \"\(function)\" has no known level",
            fix:
                "fill in the level column (1 = team leader … 4 = board), or add `\"\(function.lowercased())\" = "
                + "N` under [levels] in the config",
            nl: .init(
                "geen niveau ingevuld, en van de functie \"\(function)\" is het niveau niet bekend",
                fix: "vul de kolom niveau in (1 = teamleider … 4 = bestuur), "
                    + "of zet `\"\(function.lowercased())\" = N` onder [levels] in de instellingen")
        )
        return nil
    }
}

enum CSV {
    /// Loads a file whose header must hold `specs` and wraps each record for
    /// cell parsing. nil (with diagnostics) when the file or its header is unusable or it has no rows.
    static func rows(
        _ file: InputFile, specs: [ColumnSpec], sink: inout DiagnosticSink, noRows: (noun: String, fix: String)
    ) -> (ColumnMap, [RowContext])? {
        guard let table = load(file, noun: noRows.noun, sink: &sink) else { return nil }
        if table.windows1252 {
            sink.warning(
                "the file is not UTF-8 but Windows-1252 (Excel's plain \"CSV\"); it was read as such",
                fix: "check that accented names (ö, é) look right in the summary; \"CSV UTF-8\" avoids this note",
                nl: .init(
                    "het bestand is geen UTF-8 maar Windows-1252 (Excels gewone \"CSV\"); zo is het gelezen",
                    fix: "kijk of namen met accenten (ö, é) goed staan; "
                        + "opslaan als \"CSV UTF-8\" voorkomt deze melding"
                ))
        }
        for f in table.refused {
            sink.error(
                line: f.line, column: f.column,
                "the cell holds the control character \(ControlCharacters.name(f.scalar)), "
                    + "which no name or value may hold",
                fix: "delete it (it usually comes with text copied from another program) and export again",
                nl: .init(
                    "de cel bevat het stuurteken \(ControlCharacters.name(f.scalar)), "
                        + "dat in geen naam of waarde mag staan",
                    fix: "verwijder het (het komt meestal mee met tekst uit een ander programma) en exporteer opnieuw"))
        }
        if let first = table.joined.first {
            let more = table.joined.count - 1
            sink.warning(
                line: first.line, column: first.column,
                "a line break inside a cell was replaced by a space"
                    + (more > 0 ? " (and in \(more) more cell\(more == 1 ? "" : "s"))" : ""),
                fix: "nothing to do if the value now reads right",
                nl: .init(
                    "een regelovergang in een cel is vervangen door een spatie"
                        + (more > 0 ? " (en in nog \(more) cel\(more == 1 ? "" : "len"))" : ""),
                    fix: "niets te doen als de waarde nu goed leest"))
        }
        let map = ColumnMap(header: table.header, specs: specs, sink: &sink)
        guard !sink.hasErrors else { return nil }
        if table.records.isEmpty {
            sink.error(
                line: table.header.line, "the file has a header but no \(noRows.noun)", fix: noRows.fix,
                nl: .init(
                    "het bestand heeft een kopregel maar verder geen rijen",
                    fix: "zet er één rij per persoon onder de kopregel bij"))
            return nil
        }
        // `;` inside a `;`-separated file would already have split the cell, so lists use `|` there.
        let separators: Set<Character> = table.delimiter == ";" ? ["|"] : ["|", ";"]
        return (
            map,
            table.records.map {
                RowContext(
                    map: map, record: $0, listSeparators: separators, header: table.header, delimiter: table.delimiter,
                    workbook: table.sheet != nil)
            }
        )
    }

    /// Parses the file (CSV text or an Excel workbook), turning format failures into diagnostics.
    static func load(_ file: InputFile, noun: String, sink: inout DiagnosticSink) -> CSVTable? {
        if WorkbookReader.looksLikeWorkbook(file.data) { return loadWorkbook(file, noun: noun, sink: &sink) }
        if let sheet = file.sheet {
            sink.error(
                "a sheet (\(sheet)) was asked for, but the file is CSV text, which has no sheets",
                fix: "leave out --sheet, or give the Excel workbook (.xlsx) itself")
            return nil
        }
        let failure: CSVTable.Failure
        do {
            return try CSVTable.parse(file.data)
        } catch {
            failure = error
        }
        switch failure {
        case .binary:
            sink.error(
                "the file is not text (it holds NUL bytes)", fix: "export the list as CSV from Excel or the form tool",
                nl: .init(
                    "het bestand is geen tekst (het bevat NUL-bytes)",
                    fix: "exporteer de lijst als CSV uit Excel of het formulierprogramma"))
        case .notUTF8(let line, let byte):
            sink.error(
                line: line, "the file is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                fix: "save it as \"CSV UTF-8\" (Excel) or choose character set UTF-8 (LibreOffice)",
                nl: .init(
                    "het bestand is geen UTF-8-tekst (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                    fix: "sla het op als \"CSV UTF-8\" (Excel) of kies tekenset UTF-8 (LibreOffice)"))
        case .empty:
            sink.error(
                "the file is empty", fix: "export the \(noun) with a header row and one row each",
                nl: .init("het bestand is leeg", fix: "exporteer de lijst met een kopregel en één rij per persoon"))
        case .unterminatedQuote(let line):
            sink.error(
                line: line, "a quoted field opened here is never closed",
                fix: "add the closing \" or remove the stray quote mark",
                nl: .init(
                    "een veld dat hier met een aanhalingsteken opent, wordt nergens gesloten",
                    fix: "zet het sluitende \" erbij of verwijder het losse aanhalingsteken"))
        }
        return nil
    }
}

extension CSV {
    /// Reads one sheet of a workbook as a table; its failures become diagnostics naming the sheet or the fix.
    static func loadWorkbook(_ file: InputFile, noun: String, sink: inout DiagnosticSink) -> CSVTable? {
        let failure: WorkbookFailure
        do {
            let sheet = try WorkbookReader.read(file.data, sheet: file.sheet)
            sink.sheet = sheet.name
            if !file.name.lowercased().hasSuffix(".xlsx") && !file.name.lowercased().hasSuffix(".xlsm") {
                sink.warning(
                    "the file is an Excel workbook although its name does not end in .xlsx; it was read as one",
                    fix: "nothing to do; renaming it to .xlsx avoids this note")
            }
            guard let table = CSVTable(sheet) else {
                sink.error(
                    "the sheet is empty", fix: "put the \(noun) in this sheet with a header row, or pick one",
                    nl: .init(
                        "het blad is leeg", fix: "zet de lijst met een kopregel in dit blad, of kies een ander blad"))
                return nil
            }
            return table
        } catch {
            failure = error
        }
        switch failure {
        case .legacyOrEncrypted:
            sink.error(
                "the file is an old Excel 97–2003 workbook (.xls) or a password-protected one, which cannot be read",
                fix: "open it in Excel and save it as \"Excel Workbook (.xlsx)\" without a password, or as CSV UTF-8",
                nl: .init(
                    "het bestand is een oude Excel 97–2003-werkmap (.xls) of is beveiligd met een wachtwoord",
                    fix:
                        "open het in Excel en sla het op als \"Excel-werkmap (.xlsx)\" zonder wachtwoord, "
                        + "of als CSV UTF-8"
                ))
        case .notAWorkbook(let why):
            sink.error(
                "the file starts like an Excel workbook (.xlsx) but cannot be read as one: \(why)",
                fix: "save the \(noun) from Excel as .xlsx or as \"CSV UTF-8\"",
                nl: .init(
                    "het bestand begint als een Excel-werkmap (.xlsx) maar is er niet als een te lezen: \(why)",
                    fix: "sla de lijst vanuit Excel op als .xlsx of als \"CSV UTF-8\""))
        case .tooLarge(let part):
            sink.error(
                "the workbook's part \(part) unpacks to more than \(WorkbookReader.maximumPartSize >> 20) MB",
                fix: "keep only the \(noun) in the workbook (one sheet), or save that sheet as CSV UTF-8",
                nl: .init(
                    "het onderdeel \(part) van de werkmap wordt uitgepakt groter dan "
                        + "\(WorkbookReader.maximumPartSize >> 20) MB",
                    fix: "houd alleen de lijst in de werkmap (één blad), of sla dat blad op als CSV UTF-8"))
        case .noSuchSheet(let name, let available):
            sink.error(
                "the workbook has no sheet \"\(name)\"; it has "
                    + available.map { "\"\($0)\"" }.joined(separator: ", "),
                fix: "give --sheet one of these names, or leave it out to read the first sheet",
                nl: .init(
                    "de werkmap heeft geen blad \"\(name)\"; wel "
                        + available.map { "\"\($0)\"" }.joined(separator: ", "),
                    fix: "kies een van deze bladen, of laat het open om het eerste blad te lezen"))
        }
        return nil
    }
}
