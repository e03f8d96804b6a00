/// Resolves `reports_to` to participants and rejects cycles; the ancestors it yields make the
/// `hierarchy` rule transitive.
enum Hierarchy {
    static func resolve(_ people: inout [Participant], column: Int?, sink: inout DiagnosticSink) {
        let byEmail = Dictionary(people.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        for i in people.indices {
            guard let boss = people[i].reportsTo else { continue }
            if let j = byEmail[boss.lowercased()] {
                if j == i {
                    sink.error(
                        line: people[i].line, column: column, field: "reports_to",
                        "\(people[i].name) is listed as their own manager",
                        fix: "leave reports_to empty or give the manager's email")
                } else {
                    people[i].managerIndex = j
                }
            } else {
                sink.warning(
                    line: people[i].line, column: column, field: "reports_to",
                    "\"\(boss)\" matches no participant's email; ignored",
                    fix: "nothing to do if the manager is not taking part; otherwise correct the address")
            }
        }
        // Follow each chain; a chain that returns to where it started is a cycle, reported once.
        var reported = Set<Int>()
        for start in people.indices {
            var path = [start], current = start
            while let next = people[current].managerIndex {
                if let k = path.firstIndex(of: next) {
                    let cycle = Array(path[k...])
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        let names = (cycle + [next]).map { people[$0].email }.joined(separator: " → ")
                        let first = cycle.min { people[$0].line < people[$1].line }!
                        sink.error(
                            line: people[first].line, column: column, field: "reports_to",
                            "reports_to goes round in a circle: \(names)",
                            fix:
                                "one of these people must not report to the next; correct reports_to on lines "
                                + "\(cycle.map { String(people[$0].line) }.sorted().joined(separator: ", "))"
                        )
                    }
                    break
                }
                path.append(next)
                current = next
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
