/// A column the reader knows, with its Dutch aliases. Headers match case-insensitively, trimmed.
struct ColumnSpec: Sendable {
    var name: String
    var aliases: [String]
    var required: Bool

    static let signups: [ColumnSpec] = [
        .init(name: "name", aliases: ["naam"], required: true),
        .init(name: "email", aliases: ["e-mail", "mail", "emailadres", "e-mailadres"], required: true),
        .init(name: "function", aliases: ["functie", "rol"], required: true),
        .init(name: "level", aliases: ["niveau"], required: false),
        .init(name: "school", aliases: ["organisatie"], required: true),
        .init(name: "board", aliases: ["bestuur"], required: false),
        .init(name: "region", aliases: ["regio", "provincie"], required: true),
        .init(name: "town", aliases: ["plaats", "gemeente"], required: false),
        .init(name: "reports_to", aliases: ["leidinggevende"], required: false),
        .init(name: "competitors", aliases: ["concurrenten"], required: false),
        .init(name: "experience_years", aliases: ["ervaring"], required: false),
        .init(name: "unavailable", aliases: ["afwezig"], required: false),
        .init(name: "not_with", aliases: ["niet_met", "niet met"], required: false),
    ]

    static let facilitators: [ColumnSpec] = [
        .init(name: "name", aliases: ["naam"], required: true),
        .init(name: "email", aliases: ["e-mail", "mail", "emailadres", "e-mailadres"], required: true),
        .init(name: "region", aliases: ["regio", "provincie"], required: false),
        .init(name: "max_groups", aliases: ["max_groepen"], required: false),
        .init(name: "schools", aliases: ["scholen"], required: false),
        .init(name: "unavailable", aliases: ["afwezig"], required: false),
    ]

    static let venues: [ColumnSpec] = [
        .init(name: "group", aliases: ["groep"], required: true),
        .init(name: "meeting", aliases: ["bijeenkomst"], required: false),
        .init(name: "location", aliases: ["locatie", "venue", "adres"], required: false),
        .init(name: "online", aliases: ["link", "videolink"], required: false),
    ]
}

/// Where each known column sits in a particular file.
struct ColumnMap {
    private(set) var index: [String: Int] = [:]

    /// Maps the header; reports missing required and duplicated columns. Unknown columns are ignored.
    init(header: CSVTable.Record, specs: [ColumnSpec], sink: inout DiagnosticSink) {
        for (i, raw) in header.fields.enumerated() {
            let h = Text.key(raw).replacingOccurrences(of: " ", with: "_")
            guard
                let spec = specs.first(where: {
                    $0.name == h || $0.aliases.contains(h) || $0.name.replacingOccurrences(of: "_", with: "") == h
                })
            else { continue }
            if let first = index[spec.name] {
                sink.error(
                    line: header.line, column: i + 1, field: Text.trimmed(raw),
                    "column '\(spec.name)' appears twice (columns \((first + 1).columnLetters) and "
                        + "\((i + 1).columnLetters))",
                    fix: "delete or rename one of the two columns",
                    nl: .init(
                        "kolom '\(spec.name)' staat er twee keer in (kolommen \((first + 1).columnLetters) en "
                            + "\((i + 1).columnLetters))",
                        fix: "verwijder een van de twee kolommen of geef hem een andere naam"))
            } else {
                index[spec.name] = i
            }
        }
        let found = header.fields.map(Text.trimmed).filter { !$0.isEmpty }
        for spec in specs where spec.required && index[spec.name] == nil {
            let names = ([spec.name] + spec.aliases).map { "'\($0)'" }.joined(separator: ", ")
            var fix = "add a column headed \(names)", fixNL = "voeg een kolom toe met als kop \(names)"
            if found.count <= 1 {
                fix += "; only one column was found — is the file separated by commas, semicolons or tabs?"
                fixNL +=
                    "; er is maar één kolom gevonden — is het bestand gescheiden door komma's, puntkomma's of tabs?"
            } else {
                fix += " (columns found: \(found.joined(separator: ", ")))"
                fixNL += " (gevonden kolommen: \(found.joined(separator: ", ")))"
            }
            sink.error(
                line: header.line, "missing required column '\(spec.name)'", fix: fix,
                nl: .init("de verplichte kolom '\(spec.name)' ontbreekt", fix: fixNL))
        }
    }

    func value(_ column: String, in record: CSVTable.Record) -> String? {
        guard let i = index[column], i < record.fields.count else { return nil }
        let v = Text.trimmed(record.fields[i])
        return v.isEmpty ? nil : v
    }

    func column(_ name: String) -> Int? { index[name].map { $0 + 1 } }
    func has(_ name: String) -> Bool { index[name] != nil }
}
