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

    /// More mutually tied people than groups: name them, say which ties bind them, and offer what would help
    /// (`TiedSetAdvice`: smaller groups, a rule or tie dropped with the new largest set, fewer of them).
    static func tiedSet(_ clique: [Int], groups k: Int, _ programme: Programme) -> Explanation {
        let p = programme.participants
        let (headline, dutchHeadline) = TiedSetAdvice.headline(clique, groups: k, p)
        var details = clique.map { "\(p[$0].name) — \(p[$0].function), \(p[$0].school) (\(p[$0].region))" }
        let ties = programme.conflicts.tiedPairs(among: clique)
        let tally = ties.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) by `\($0.key.rawValue)`" }
            .joined(separator: ", ")
        let dutchDetails =
            details + ["verbonden paren onder hen: " + tally.replacingOccurrences(of: " by `", with: " door `")]
        details.append("tied pairs among them: " + tally)
        let (relax, dutch) = TiedSetAdvice.changes(clique, groups: k, programme)
        return Explanation(.groups, headline, people: clique, details: details, suggestions: relax)
            .inDutch(dutchHeadline, details: dutchDetails, suggestions: dutch)
    }
}
