import Intake

/// Re-checks a plan against every hard rule with code that shares nothing with the solver:
/// pairs are tested with `ConflictModel.rules(between:)`, sizes and membership are counted afresh.
/// Nothing is written unless this returns no violations.
package enum PlanCheck {
    /// Every rule a grouping must keep, each under the one name used in code, report and tests.
    package enum HardRule: Sendable, Hashable, CustomStringConvertible {
        /// A `[rules] separate` rule: no tied pair in one group.
        case separate(Rule)
        /// Every group within the size range.
        case size
        /// Everyone still taking part in exactly one group, nobody else in any.
        case membership
        /// People wished together share a group (`--wishes` kind `together`).
        case together
        /// A locked group keeps its members (`replan --lock`): nobody joins, only leavers leave.
        case locked

        /// `school`, `hierarchy`, …, `size`, `membership`.
        package var description: String {
            switch self {
            case .separate(let rule): rule.rawValue
            case .size: "size"
            case .membership: "membership"
            case .together: "together"
            case .locked: "locked"
            }
        }
    }

    /// One broken rule in one group (or in the plan as a whole).
    package struct Violation: Sendable, Equatable, CustomStringConvertible {
        /// The group, when the violation is inside one.
        package var group: String?
        /// Which rule is broken.
        package var rule: HardRule
        /// Who and what, in words.
        package var text: String
        /// Who and what, in Dutch.
        package var dutch: String
        package var description: String { (group.map { "\($0): " } ?? "") + text }
        /// The violation in Dutch, as an organiser's page shows it.
        package var dutchDescription: String { (group.map { "\($0): " } ?? "") + dutch }
    }

    /// Locked groups whose members changed other than by leaving: compared member by member with the groups
    /// `before` the replan, so the check shares nothing with the models that kept them.
    package static func lockViolations(before: [Group], after: [Group], locked: Set<String>, dropped: Set<Int>)
        -> [Violation]
    {
        var out: [Violation] = []
        for id in locked.sorted() {
            guard let old = before.first(where: { $0.id == id }) else { continue }
            let expected = Set(old.members).subtracting(dropped)
            let now = Set(after.first(where: { $0.id == id })?.members ?? [])
            if now != expected {
                let joined = now.subtracting(expected).count, left = expected.subtracting(now).count
                out.append(
                    Violation(
                        group: id, rule: .locked,
                        text: "is locked, but \(joined) joined and \(left) left other than by dropping out",
                        dutch: "is vergrendeld, maar \(joined) kwamen erbij en \(left) gingen weg zonder af te haken"))
            }
        }
        return out
    }

    package static func violations(_ groups: [Group], _ programme: Programme, sizes: ClosedRange<Int>? = nil)
        -> [Violation]
    {
        let p = programme.participants
        let range = sizes ?? programme.config.groups.minSize...programme.config.groups.maxSize
        var out: [Violation] = []
        var seen = [Int](repeating: 0, count: p.count)
        for g in groups {
            if !range.contains(g.members.count) {
                out.append(
                    Violation(
                        group: g.id, rule: .size,
                        text: "has \(g.members.count) members, outside \(range.lowerBound)–\(range.upperBound)",
                        dutch: "heeft \(g.members.count) leden, buiten \(range.lowerBound)–\(range.upperBound)"))
            }
            for i in g.members {
                guard p.indices.contains(i) else {
                    out.append(
                        Violation(
                            group: g.id, rule: .membership, text: "refers to participant #\(i), who does not exist",
                            dutch: "noemt deelnemer #\(i), die niet bestaat"))
                    continue
                }
                seen[i] += 1
            }
            let members = g.members.filter(p.indices.contains)
            for (x, i) in members.enumerated() {
                for j in members[(x + 1)...] {
                    for rule in programme.conflicts.rules(between: i, j) {
                        out.append(
                            Violation(
                                group: g.id, rule: .separate(rule),
                                text: "\(p[i].name) and \(p[j].name): \(rule.explanation) (rule `\(rule.rawValue)`)",
                                dutch: "\(p[i].name) en \(p[j].name): \(rule.dutchExplanation) "
                                    + "(regel `\(rule.rawValue)`)"))
                    }
                }
            }
        }
        // Wished together: both still taking part, so both in one group.
        var groupOf: [Int: String] = [:]
        for g in groups { for i in g.members { groupOf[i] = g.id } }
        for w in programme.wishes where w.kind == .together {
            guard let a = groupOf[w.person], let b = groupOf[w.other], a != b else { continue }
            out.append(
                Violation(
                    group: nil, rule: .together,
                    text: "\(p[w.person].name) (\(a)) and \(p[w.other].name) (\(b)) are wished together "
                        + "(\(w.place))",
                    dutch: "\(p[w.person].name) (\(a)) en \(p[w.other].name) (\(b)) moeten volgens een wens samen "
                        + "(\(w.place))"))
        }
        for (i, n) in seen.enumerated() where n != (programme.dropped.contains(i) ? 0 : 1) {
            let gone = programme.dropped.contains(i)
            let expected = gone ? "none (left the programme)" : "exactly one"
            out.append(
                Violation(
                    group: nil, rule: .membership, text: "\(p[i].name) is in \(n) groups instead of \(expected)",
                    dutch: "\(p[i].name) zit in \(n) groepen in plaats van "
                        + (gone ? "geen (afgehaakt)" : "precies één")))
        }
        return out
    }
}
