/// Resolves `reports_to` to participants and rejects cycles; the ancestors it yields make the
/// `hierarchy` rule transitive.
enum Hierarchy {
    /// Levels a `reports_to` chain may have: organisations have far fewer, and every level adds everyone above
    /// to everyone's ties.
    static let maxDepth = 20

    static func resolve(_ people: inout [Participant], column: Int?, sink: inout DiagnosticSink) {
        let byEmail = Dictionary(people.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        for i in people.indices {
            guard let boss = people[i].reportsTo else { continue }
            if let j = byEmail[boss.lowercased()] {
                if j == i {
                    sink.error(
                        line: people[i].line, column: column, field: "reports_to",
                        "\(people[i].name) is listed as their own manager",
                        fix: "leave reports_to empty or give the manager's email",
                        nl: .init(
                            "\(people[i].name) staat als eigen leidinggevende vermeld",
                            fix: "laat reports_to leeg of vul het e-mailadres van de leidinggevende in"))
                } else {
                    people[i].managerIndex = j
                }
            } else {
                sink.warning(
                    line: people[i].line, column: column, field: "reports_to",
                    "\"\(boss)\" matches no participant's email; ignored",
                    fix: "nothing to do if the manager is not taking part; otherwise correct the address",
                    nl: .init(
                        "\"\(boss)\" is van geen enkele deelnemer; genegeerd",
                        fix: "niets te doen als de leidinggevende niet meedoet; verbeter anders het adres"))
                sink.items[sink.items.count - 1].kind = .unknownManager
            }
        }
        // Follow each chain once (state: 0 not seen, 1 on the chain being followed, 2 done): a chain that
        // returns to itself is a cycle, reported once; a chain deeper than `maxDepth` is refused, since the
        // hierarchy rule ties everyone in a chain to everyone else in it.
        var state = [UInt8](repeating: 0, count: people.count), depth = [Int](repeating: 0, count: people.count)
        var tooDeep = false
        for start in people.indices where state[start] == 0 {
            var path: [Int] = [], position: [Int: Int] = [:], current: Int? = start
            while let c = current, state[c] == 0 {
                state[c] = 1
                position[c] = path.count
                path.append(c)
                current = people[c].managerIndex
            }
            if let c = current, state[c] == 1, let k = position[c] {
                let cycle = Array(path[k...])
                let names = (cycle + [c]).map { people[$0].email }.joined(separator: " → ")
                let first = cycle.min { people[$0].line < people[$1].line }!
                sink.error(
                    line: people[first].line, column: column, field: "reports_to",
                    "reports_to goes round in a circle: \(names)",
                    fix:
                        "one of these people must not report to the next; correct reports_to on lines "
                        + "\(cycle.map { String(people[$0].line) }.sorted().joined(separator: ", "))",
                    nl: .init(
                        "reports_to gaat in een kring rond: \(names)",
                        fix: "een van deze mensen hoort niet onder de volgende; verbeter reports_to op regels "
                            + "\(cycle.map { String(people[$0].line) }.sorted().joined(separator: ", "))"))
                for v in path { state[v] = 2 }
                continue
            }
            var below = current.map { depth[$0] } ?? 0
            for v in path.reversed() {
                below += 1
                depth[v] = below
                state[v] = 2
                if below > maxDepth && !tooDeep {
                    tooDeep = true
                    sink.error(
                        line: people[v].line, column: column, field: "reports_to",
                        "\(people[v].name) is more than \(maxDepth) levels below the top of their reports_to chain",
                        fix: "reports_to names the direct manager; a chain this deep is usually a mistake in the file",
                        nl: .init(
                            "\(people[v].name) staat meer dan \(maxDepth) niveaus onder de top van de reports_to-keten",
                            fix: "reports_to noemt de directe leidinggevende; zo'n diepe keten is meestal een fout in "
                                + "het bestand"))
                }
            }
        }
    }

    /// Everyone above each participant, transitively. Requires a resolved, acyclic hierarchy.
    static func ancestors(_ people: [Participant]) -> [[Int]] {
        people.map { p in
            var up: [Int] = [], current = p.managerIndex
            while let c = current, !up.contains(c) {
                up.append(c)
                current = people[c].managerIndex
            }
            return up
        }
    }
}
