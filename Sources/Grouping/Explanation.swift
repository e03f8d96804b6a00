import Intake

/// Why grouping produced no plan.
public enum GroupingFailure: Error, Sendable {
    /// No plan satisfies the hard rules: exit 3.
    case impossible(Explanation)
    /// The solver failed or produced a plan that breaks a rule: exit 1.
    case internalError(String)
    /// The run's budget was cancelled before a plan was found.
    case cancelled
}

enum Infeasibility {
    /// `GroupCount`'s reason and its "change: effect" relaxations, split for printing.
    static func size(reason: String, relaxations: [String], dutch: (reason: String, relaxations: [String])?)
        -> Explanation
    {
        let english = Explanation(
            .groups, reason,
            suggestions: relaxations.map { change in
                let parts = change.split(separator: ":", maxSplits: 1).map {
                    String($0).trimmingCharacters(in: .whitespaces)
                }
                return .init(parts[0], effect: parts.count > 1 ? parts[1] : "")
            })
        return dutch.map { english.inDutch($0.reason, suggestions: $0.relaxations) } ?? english
    }

    /// More mutually tied people than groups: name them, say which ties bind them, offer one more group
    /// per missing seat and dropping each competitor tie inside the set, with the new largest set.
    static func tiedSet(_ clique: [Int], groups k: Int, _ programme: Programme) -> Explanation {
        let p = programme.participants, g = programme.config.groups
        let schools = Dictionary(grouping: clique, by: { p[$0].school })
        let headline =
            "these \(clique.count) people from \(schools.count) school\(schools.count == 1 ? "" : "s") must all "
            + "be in different groups, but there are only \(k) groups"
        let dutchHeadline =
            "deze \(clique.count) mensen van \(schools.count) \(schools.count == 1 ? "school" : "scholen") moeten "
            + "allemaal in verschillende groepen, maar er zijn maar \(k) groepen"
        var details = clique.map { "\(p[$0].name) — \(p[$0].function), \(p[$0].school) (\(p[$0].region))" }
        var ties: [String: Int] = [:]
        for (x, i) in clique.enumerated() {
            for j in clique[(x + 1)...] {
                for r in programme.conflicts.rules(between: i, j) { ties[r.rawValue, default: 0] += 1 }
            }
        }
        let tally = ties.keys.sorted().map { "\(ties[$0]!) by `\($0)`" }.joined(separator: ", ")
        let dutchDetails =
            details + ["verbonden paren onder hen: " + tally.replacingOccurrences(of: " by `", with: " door `")]
        details.append("tied pairs among them: " + tally)
        var relax: [Explanation.Suggestion] = [], dutch: [String] = []
        let n = p.count, need = clique.count
        if need * g.minSize <= n {
            relax.append(
                .init(
                    "[groups] count", to: "\(need)",
                    effect: "\(need) groups of \(n / need)–\((n + need - 1) / need) instead of \(k)"))
            dutch.append(
                "[groups] count = \(need): \(need) groepen van \(n / need)–\((n + need - 1) / need) "
                    + "in plaats van \(k)")
        } else {
            let small = n / need
            relax.append(
                .init(
                    "[groups] count = \(need) and min_size = \(max(1, small))",
                    effect: "\(need) groups, some of only \(small)"))
            dutch.append(
                "[groups] count = \(need) en min_size = \(max(1, small)): \(need) groepen, sommige van maar \(small)")
        }
        // Dropping a competitor tie between two schools of the set.
        var pairs: [(String, String)] = []
        let names = schools.keys.sorted()
        for (a, x) in names.enumerated() {
            for y in names[(a + 1)...] {
                let i = schools[x]![0], j = schools[y]![0]
                if programme.conflicts.rules(between: i, j) == [.competitors] { pairs.append((x, y)) }
            }
        }
        for (x, y) in pairs.prefix(3) {
            var people = p
            for idx in people.indices where people[idx].school == x || people[idx].school == y {
                let other = people[idx].school == x ? y : x
                people[idx].competitors.removeAll { Text.key($0) == Text.key(other) }
            }
            let after = MaxClique.find(
                in: ConflictModel(participants: people, rules: programme.config.separate), budget: 20_000)
            relax.append(
                .init(
                    "drop the competitor tie between \(x) and \(y) (edit the competitors column of both)",
                    effect:
                        "members of the two schools may then share a group; the largest tied set becomes "
                        + "\(after.members.count)"
                        + (after.members.count <= k
                            ? ", which \(k) groups can separate" : ", still more than \(k) groups")
                ))
            dutch.append(
                "laat de concurrentieband tussen \(x) en \(y) vallen (pas de kolom concurrenten van beide aan): leden "
                    + "van de twee scholen mogen dan in één groep; de grootste verbonden groep wordt dan "
                    + "\(after.members.count)"
                    + (after.members.count <= k
                        ? ", wat \(k) groepen kunnen scheiden" : ", nog steeds meer dan \(k) groepen"))
        }
        for rule in [Rule.board, .town] where ties[rule.rawValue] != nil {
            relax.append(
                .init(
                    "[rules] separate without \"\(rule.rawValue)\"",
                    effect: "\(rule.explanation) may then share a group"))
            dutch.append(
                "[rules] separate zonder \"\(rule.rawValue)\": ‘\(rule.dutchExplanation)’ houdt mensen dan "
                    + "niet meer uit elkaar")
        }
        return Explanation(.groups, headline, people: clique, details: details, suggestions: relax)
            .inDutch(dutchHeadline, details: dutchDetails, suggestions: dutch)
    }
}
