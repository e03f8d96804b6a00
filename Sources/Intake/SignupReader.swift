import Foundation

/// Reads the sign-up CSV into participants, collecting every problem in one pass.
enum SignupReader {
    static func read(_ data: Data, file: String, levels: [String: Int], sink: inout DiagnosticSink) -> [Participant] {
        guard let table = CSV.load(data, file: file, sink: &sink) else { return [] }
        let map = ColumnMap(header: table.header, specs: ColumnSpec.signups, sink: &sink)
        guard !sink.hasErrors else { return [] }
        if table.records.isEmpty {
            sink.error(line: table.header.line, "the file has a header but no participants", fix: "add one row per participant below the header")
            return []
        }
        let separators: Set<Character> = table.delimiter == ";" ? ["|"] : ["|", ";"]
        var participants: [Participant] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            CSV.checkWidth(record, in: table, sink: &sink)
            let row = RowContext(map: map, record: record, listSeparators: separators)
            let name = row.require("name", &sink, what: "a name")
            let email = row.email(&sink)
            let function = row.require("function", &sink, what: "a function (e.g. teamleider)")
            let school = row.require("school", &sink, what: "a school")
            let region = row.require("region", &sink, what: "a region (province)")
            let level = resolveLevel(row, function: function, levels: levels, sink: &sink)
            let experience = row.integer("experience_years", minimum: 0, &sink, meaning: "a number of years")
            let unavailable = row.dates("unavailable", &sink)
            if let email {
                if let first = seen[email.lowercased()] {
                    sink.error(line: record.line, column: map.column("email"), field: "email",
                               "\(email) is already used on line \(first)",
                               fix: "each participant signs up once; remove the duplicate row or correct the address")
                } else {
                    seen[email.lowercased()] = record.line
                }
            }
            guard let name, let email, let function, let school, let region, let level, let experience else { continue }
            participants.append(Participant(
                index: participants.count, name: name, email: email, function: function, level: level,
                school: school, board: row.text("board"), region: region, town: row.text("town"),
                reportsTo: row.text("reports_to"), managerIndex: nil, competitors: row.list("competitors"),
                experienceYears: experience, unavailable: unavailable, line: record.line))
        }
        if !sink.hasErrors { Hierarchy.resolve(&participants, column: map.column("reports_to"), sink: &sink) }
        return participants
    }

    private static func resolveLevel(_ row: RowContext, function: String?, levels: [String: Int], sink: inout DiagnosticSink) -> Int? {
        if row.text("level") != nil {
            return row.integer("level", minimum: 1, &sink, meaning: "a level (a whole number from 1 upwards)") ?? nil
        }
        guard let function else { return nil }
        if let l = levels[Text.functionKey(function)] { return l }
        sink.error(line: row.record.line, column: row.map.column("function"), field: "function",
                   "no level given and function \"\(function)\" has no known level",
                   fix: "fill in the level column (1 = team leader … 4 = board), or add `\"\(function.lowercased())\" = N` under [levels] in the config")
        return nil
    }
}

enum CSV {
    /// Parses the file, turning format failures into diagnostics.
    static func load(_ data: Data, file: String, sink: inout DiagnosticSink) -> CSVTable? {
        let failure: CSVTable.Failure
        do {
            return try CSVTable.parse(data)
        } catch {
            failure = error
        }
        switch failure {
        case .notUTF8(let line, let byte):
            sink.error(line: line, "the file is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                       fix: "save it as \"CSV UTF-8\" (Excel) or choose character set UTF-8 (LibreOffice)")
        case .empty:
            sink.error("the file is empty", fix: "export the sign-ups with a header row and one row per person")
        case .unterminatedQuote(let line):
            sink.error(line: line, "a quoted field opened here is never closed",
                       fix: "add the closing \" or remove the stray quote mark")
        }
        return nil
    }

    static func checkWidth(_ record: CSVTable.Record, in table: CSVTable, sink: inout DiagnosticSink) {
        let extra = record.fields.dropFirst(table.header.fields.count)
        guard let i = extra.firstIndex(where: { !Text.trimmed($0).isEmpty }) else { return }
        let separator = table.delimiter == "\t" ? "tab" : "'\(table.delimiter)'"
        sink.error(line: record.line, column: i + 1,
                   "the row has \(record.fields.count) fields but the header has \(table.header.fields.count)",
                   fix: "put double quotes around values that contain the separator \(separator), or give the extra column a header")
    }
}
