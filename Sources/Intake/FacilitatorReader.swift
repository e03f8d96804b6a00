import Foundation

enum FacilitatorReader {
    static let defaultMaxGroups = 2

    static func read(_ data: Data, file: String, sink: inout DiagnosticSink) -> [Facilitator] {
        guard let table = CSV.load(data, file: file, sink: &sink) else { return [] }
        let map = ColumnMap(header: table.header, specs: ColumnSpec.facilitators, sink: &sink)
        guard !sink.hasErrors else { return [] }
        if table.records.isEmpty {
            sink.error(line: table.header.line, "the file has a header but no facilitators",
                       fix: "add one row per facilitator, or leave out --facilitators")
            return []
        }
        let separators: Set<Character> = table.delimiter == ";" ? ["|"] : ["|", ";"]
        var result: [Facilitator] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            CSV.checkWidth(record, in: table, sink: &sink)
            let row = RowContext(map: map, record: record, listSeparators: separators)
            let name = row.require("name", &sink, what: "a name")
            let email = row.email(&sink)
            let maxGroups = row.integer("max_groups", minimum: 1, &sink, meaning: "a maximum number of groups (1 or more)")
            let unavailable = row.dates("unavailable", &sink)
            if let email {
                if let first = seen[email.lowercased()] {
                    sink.error(line: record.line, column: map.column("email"), field: "email",
                               "\(email) is already used on line \(first)", fix: "list each facilitator once")
                } else {
                    seen[email.lowercased()] = record.line
                }
            }
            guard let name, let email, let maxGroups else { continue }
            result.append(Facilitator(index: result.count, name: name, email: email, region: row.text("region"),
                                      maxGroups: maxGroups ?? defaultMaxGroups, schools: row.list("schools"),
                                      unavailable: unavailable, line: record.line))
        }
        return result
    }
}
