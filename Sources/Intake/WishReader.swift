import Foundation

/// Reads the wishes file (`--wishes`, CSV or .xlsx: `kind, person, other`) and the sign-ups' `not_with`
/// column into wishes, and refuses wishes that name nobody, contradict each other or a rule.
enum WishReader {
    static let columns: [ColumnSpec] = [
        .init(name: "kind", aliases: ["soort", "wens"], required: true),
        .init(name: "person", aliases: ["persoon", "deelnemer", "email", "e-mail"], required: true),
        .init(name: "other", aliases: ["ander", "met", "begeleider"], required: true),
    ]

    /// The wishes in `file`, each resolved to participant (and facilitator) indices.
    static func read(
        _ file: InputFile, participants p: [Participant], facilitators f: [Facilitator]?, sink: inout DiagnosticSink
    ) -> [Wish] {
        guard
            let (_, rows) = CSV.rows(
                file, specs: columns, sink: &sink,
                noRows: (
                    "wishes",
                    "add one row per wish: kind (apart, together, facilitator, not_facilitator), "
                        + "person, other"
                ))
        else { return [] }
        let people = Lookup(p.map { ($0.email, $0.name) }), leaders = Lookup((f ?? []).map { ($0.email, $0.name) })
        var wishes: [Wish] = []
        for row in rows {
            row.checkWidth(&sink)
            let line = row.record.line
            guard let kindText = row.require("kind", &sink, what: ("a kind of wish", "een soort wens")),
                let personText = row.require(
                    "person", &sink, what: ("a participant's email", "het e-mailadres van een deelnemer")),
                let otherText = row.require(
                    "other", &sink,
                    what: ("the other participant or the facilitator", "de andere deelnemer of de begeleider"))
            else { continue }
            guard let kind = Wish.Kind(name: kindText) else {
                sink.error(
                    line: line, column: row.map.column("kind"), field: "kind", "\"\(kindText)\" is not a kind of wish",
                    fix: "write apart (niet_samen), together (samen), facilitator (begeleider) or not_facilitator "
                        + "(niet_begeleider)",
                    nl: .init(
                        "\"\(kindText)\" is geen soort wens",
                        fix: "schrijf niet_samen, samen, begeleider of niet_begeleider"))
                continue
            }
            let person = people.find(personText, row: row, field: "person", noun: "participant", sink: &sink)
            if kind.aboutFacilitator && f == nil {
                sink.error(
                    line: line, field: "other", "a facilitator wish, but no facilitators file was given",
                    fix: "give --facilitators, or delete the row",
                    nl: .init(
                        "een wens over de begeleider, maar er is geen bestand met begeleiders",
                        fix: "voeg het bestand met begeleiders toe, of verwijder de regel"))
                continue
            }
            let other =
                kind.aboutFacilitator
                ? leaders.find(otherText, row: row, field: "other", noun: "facilitator", sink: &sink)
                : people.find(otherText, row: row, field: "other", noun: "participant", sink: &sink)
            guard let person, let other else { continue }
            if !kind.aboutFacilitator && person == other {
                sink.error(
                    line: line, field: "other", "\(p[person].name) is named with themselves",
                    fix: "name two different participants",
                    nl: .init(
                        "\(p[person].name) staat met zichzelf in de wens", fix: "noem twee verschillende deelnemers"))
                continue
            }
            wishes.append(Wish(kind: kind, person: person, other: other, source: file.name, line: line))
        }
        return wishes
    }

    /// `not_with` cells (emails or unique names, separated like competitors) as `apart` wishes.
    static func notWith(
        _ cells: [(person: Int, names: [String], line: Int)], participants p: [Participant], file: String,
        sink: inout DiagnosticSink, column: Int?
    ) -> [Wish] {
        let people = Lookup(p.map { ($0.email, $0.name) })
        var wishes: [Wish] = []
        for cell in cells {
            for name in cell.names {
                guard let other = people.resolve(name) else {
                    sink.error(
                        line: cell.line, column: column, field: "not_with",
                        "\"\(name)\" is no participant's email (or a name shared by several)",
                        fix: "write the other participant's email as in the email column",
                        nl: .init(
                            "\"\(name)\" is niet het e-mailadres van een deelnemer "
                                + "(of een naam die meer mensen hebben)",
                            fix: "schrijf het e-mailadres van de ander zoals in de kolom email"))
                    continue
                }
                if other == cell.person {
                    sink.error(
                        line: cell.line, column: column, field: "not_with", "\(p[other].name) is named with themselves",
                        fix: "remove their own email from the cell",
                        nl: .init(
                            "\(p[other].name) staat met zichzelf in de cel",
                            fix: "haal het eigen e-mailadres uit de cel"))
                    continue
                }
                wishes.append(Wish(kind: .apart, person: cell.person, other: other, source: file, line: cell.line))
            }
        }
        return wishes
    }

    /// Finds people by email (case-insensitive), or by a name nobody else has.
    struct Lookup {
        let byEmail: [String: Int]
        let byName: [String: [Int]]

        init(_ entries: [(email: String, name: String)]) {
            byEmail = Dictionary(
                entries.enumerated().map { ($1.email.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            byName = Dictionary(grouping: entries.indices, by: { Text.key(entries[$0].name) })
        }

        func resolve(_ text: String) -> Int? {
            let t = Text.trimmed(text)
            if let i = byEmail[t.lowercased()] { return i }
            if let all = byName[Text.key(t)], all.count == 1 { return all[0] }
            return nil
        }

        func find(_ text: String, row: RowContext, field: String, noun: String, sink: inout DiagnosticSink) -> Int? {
            if let i = resolve(text) { return i }
            let shared = (byName[Text.key(text)]?.count ?? 0) > 1
            // "deelnemer(s)" or "begeleider(s)".
            let (one, many) = noun == "facilitator" ? ("begeleider", "begeleiders") : ("deelnemer", "deelnemers")
            sink.error(
                line: row.record.line, column: row.map.column(field), field: field,
                shared
                    ? "\"\(text)\" is the name of several \(noun)s" : "\"\(text)\" is no \(noun)'s email or name",
                fix: shared ? "write the \(noun)'s email instead" : "check the spelling against the \(noun)s' file",
                nl: shared
                    ? .init("\"\(text)\" is de naam van meer \(many)", fix: "schrijf het e-mailadres van de \(one)")
                    : .init(
                        "\"\(text)\" is niet het e-mailadres of de naam van een \(one)",
                        fix: "controleer de spelling met het bestand van de \(many)"))
            return nil
        }
    }
}
