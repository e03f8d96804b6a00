/// Parsing of single cells, shared by the sign-up and facilitator readers.
struct RowContext {
    let map: ColumnMap
    let record: CSVTable.Record
    /// Separator for list cells: `|`, and `;` too when the file itself is not `;`-separated.
    let listSeparators: Set<Character>
    let header: CSVTable.Record
    let delimiter: Character
    /// The row comes from a workbook sheet, where a row wider than its header has no quoting to blame.
    var workbook = false

    /// A row wider than the header usually means an unquoted separator inside a value.
    func checkWidth(_ sink: inout DiagnosticSink) {
        let extra = record.fields.dropFirst(header.fields.count)
        guard let i = extra.firstIndex(where: { !Text.trimmed($0).isEmpty }) else { return }
        let separator = delimiter == "\t" ? "tab" : "'\(delimiter)'"
        if workbook {
            sink.error(
                line: record.line, column: header.fields.count + i + 1,
                "the row has a value in column \((header.fields.count + i + 1).columnLetters), which has no header",
                fix: "give the column a header, or clear the cell",
                nl: .init(
                    "de rij heeft een waarde in kolom \((header.fields.count + i + 1).columnLetters), "
                        + "die geen kop heeft",
                    fix: "geef de kolom een kop, of maak de cel leeg"))
            return
        }
        sink.error(
            line: record.line, column: i + 1,
            "the row has \(record.fields.count) fields but the header has \(header.fields.count)",
            fix:
                "put double quotes around values that contain the separator \(separator), or give the extra "
                + "column a header",
            nl: .init(
                "de rij heeft \(record.fields.count) velden, de kopregel \(header.fields.count)",
                fix: "zet dubbele aanhalingstekens om waarden met het scheidingsteken \(separator), of geef de extra "
                    + "kolom een kop")
        )
    }

    func text(_ column: String) -> String? { map.value(column, in: record) }

    func list(_ column: String) -> [String] {
        guard let v = text(column) else { return [] }
        // By scalars: hashing a Character per letter made this the slowest step of reading 10,000 sign-ups.
        let bar: Unicode.Scalar = "|", semicolon: Unicode.Scalar = ";"
        let splitsOnSemicolon = listSeparators.contains(";")
        return v.unicodeScalars.split(whereSeparator: { $0 == bar || ($0 == semicolon && splitsOnSemicolon) })
            .map { Text.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// The cell's text; an error when it is empty. `what` names what belongs there, in English and Dutch.
    func require(_ column: String, _ sink: inout DiagnosticSink, what: (en: String, nl: String)) -> String? {
        if let v = text(column) { return v }
        let letters = map.column(column)?.columnLetters ?? "?"
        sink.error(
            line: record.line, column: map.column(column), field: column, "empty, but every row needs \(what.en)",
            fix: "fill in \(what.en) in column \(letters) on line \(record.line)",
            nl: .init(
                "leeg, maar elke rij heeft \(what.nl) nodig",
                fix: "vul \(what.nl) in, in kolom \(letters) op regel \(record.line)"))
        return nil
    }

    func email(_ sink: inout DiagnosticSink) -> String? {
        guard let v = require("email", &sink, what: ("an email address", "een e-mailadres")) else { return nil }
        guard Text.isEmail(v) else {
            sink.error(
                line: record.line, column: map.column("email"), field: "email", "\"\(v)\" is not a valid email address",
                fix: "write one address in the form name@domain.nl",
                nl: .init(
                    "\"\(v)\" is geen geldig e-mailadres", fix: "schrijf één adres in de vorm naam@domein.nl"))
            return nil
        }
        return v
    }

    /// The row's valid email, reporting an address already used on an earlier line of the file.
    func uniqueEmail(
        _ seen: inout [String: Int], _ sink: inout DiagnosticSink, fix: (en: String, nl: String)
    ) -> String? {
        guard let email = email(&sink) else { return nil }
        if let first = seen[email.lowercased()] {
            sink.error(
                line: record.line, column: map.column("email"), field: "email",
                "\(email) is already used on line \(first)", fix: fix.en,
                nl: .init("\(email) staat al op regel \(first)", fix: fix.nl))
        } else {
            seen[email.lowercased()] = record.line
        }
        return email
    }

    /// A whole number in `range` (the documented range of the column), nil in the outer optional (with a
    /// diagnostic) when the cell holds anything else, `.some(nil)` when it is empty.
    func integer(
        _ column: String, in range: ClosedRange<Int>, _ sink: inout DiagnosticSink, meaning: (en: String, nl: String)
    ) -> Int?? {
        guard let v = text(column) else { return .some(nil) }
        guard let n = Int(v), range.contains(n) else {
            sink.error(
                line: record.line, column: map.column(column), field: column, "\"\(v)\" is not \(meaning.en)",
                fix: "write a whole number from \(range.lowerBound) to \(range.upperBound), or leave the cell empty",
                nl: .init(
                    "\"\(v)\" is geen \(meaning.nl)",
                    fix:
                        "schrijf een heel getal van \(range.lowerBound) tot en met \(range.upperBound), "
                        + "of laat de cel leeg"
                ))
            return nil
        }
        return .some(n)
    }

    func dates(_ column: String, _ sink: inout DiagnosticSink) -> [DayRange] {
        var ranges: [DayRange] = []
        for item in list(column) {
            let ends = item.components(separatedBy: "..").map(Text.trimmed)
            let days = ends.map { Day(parsing: $0) }
            guard ends.count <= 2, days.allSatisfy({ $0 != nil }) else {
                sink.error(
                    line: record.line, column: map.column(column), field: column,
                    "\"\(item)\" is not a date or date range",
                    fix: "write dates as YYYY-MM-DD and ranges as YYYY-MM-DD..YYYY-MM-DD, separated by |",
                    nl: .init(
                        "\"\(item)\" is geen datum of periode",
                        fix: "schrijf data als JJJJ-MM-DD en periodes als JJJJ-MM-DD..JJJJ-MM-DD, gescheiden door |"))
                continue
            }
            let range = DayRange(days[0]!, days.last!!)
            guard range.first <= range.last else {
                sink.error(
                    line: record.line, column: map.column(column), field: column,
                    "range \"\(item)\" ends before it starts", fix: "swap the two dates",
                    nl: .init("periode \"\(item)\" eindigt voordat ze begint", fix: "draai de twee data om"))
                continue
            }
            ranges.append(range)
        }
        return ranges
    }
}
