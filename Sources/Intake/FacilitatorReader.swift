import Foundation

enum FacilitatorReader {
    static let defaultMaxGroups = 2

    static func read(_ file: InputFile, sink: inout DiagnosticSink) -> [Facilitator] {
        guard
            let (_, rows) = CSV.rows(
                file, specs: ColumnSpec.facilitators, sink: &sink,
                noRows: ("facilitators", "add one row per facilitator, or plan without a facilitators file"))
        else { return [] }
        var result: [Facilitator] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let record = row.record
            row.checkWidth(&sink)
            let name = row.require("name", &sink, what: ("a name", "een naam"))
            let email = row.uniqueEmail(
                &seen, &sink, fix: ("list each facilitator once", "noem elke begeleider één keer"))
            let maxGroups = row.integer(
                "max_groups", in: 1...100, &sink,
                meaning: ("a maximum number of groups (1 to 100)", "maximaal aantal groepen (1 tot en met 100)"))
            let unavailable = row.dates("unavailable", &sink)
            guard let name, let email, let maxGroups else { continue }
            result.append(
                Facilitator(
                    index: result.count, name: name, email: email, region: row.text("region"),
                    maxGroups: maxGroups ?? defaultMaxGroups, schools: row.list("schools"),
                    unavailable: unavailable, line: record.line))
        }
        return result
    }
}
