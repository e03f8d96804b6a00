import IntervisionKit

/// The plain-text rendering of `CheckSummary` printed by `intervision check`.
enum CheckText {
    static func render(_ s: CheckSummary, _ p: Programme) -> String {
        var out: [String] = []
        let facilitators = s.facilitators.map { ", \($0) facilitator\($0 == 1 ? "" : "s")" } ?? ""
        out.append("\(p.config.name): \(s.participants) participants\(facilitators)")
        out.append("")
        switch s.groups {
        case .groups(let k, let small, let large):
            let sizes = small == large ? "\(small)" : "\(small)–\(large)"
            out.append(
                "Groups: \(k) groups of \(sizes) (allowed \(s.sizeRange.lowerBound)–\(s.sizeRange.upperBound), "
                    + "target \(p.config.groups.targetSize))"
            )
        case .impossible(let reason, _):
            out.append("Groups: none possible — \(reason)")
        }
        out.append("")
        out.append("Participants per region:")
        out += table(s.byRegion.map { ($0.0, $0.1) })
        out.append("Participants per level:")
        out += table(s.byLevel.map { ("level \($0.0)", $0.1) })
        out.append("Participants per function:")
        out += table(s.byFunction.map { ($0.0, $0.1) })
        out.append("")
        out.append("Hard rules (separate): \(s.rules.map(\.rawValue).joined(separator: ", "))")
        for (rule, n) in s.pairsByRule {
            out.append(
                "  \(rule.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(n).leftPad(6)) "
                    + "tied pairs  (\(rule.explanation))"
            )
        }
        out.append("  \(s.tiedParticipants) of \(s.participants) participants have at least one tie")
        let set = s.largestTiedSet
        out.append("")
        out.append(
            "Largest set of mutually tied people: "
                + "\(set.members.count)\(set.proven ? "" : " (search stopped early; at least this many)")"
        )
        for line in s.largestTiedSetDescription { out.append("  - \(line)") }
        if case .groups(let k, _, _) = s.groups {
            out.append(
                set.members.count <= k
                    ? "  \(k) groups can separate them."
                    : "  \(k) groups cannot separate them.")
        }
        out.append("")
        if s.signals.isEmpty {
            out.append("No problems foreseen.")
        } else {
            out.append("Signals:")
            for signal in s.signals {
                out.append("  [\(signal.kind.rawValue)] \(signal.text)")
                for r in signal.relaxations { out.append("      option: \(r)") }
            }
        }
        if s.isImpossible {
            out.append("")
            out.append("No plan can satisfy the hard rules as configured (exit 3).")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func table(_ rows: [(String, Int)]) -> [String] {
        let width = min(32, rows.map(\.0.count).max() ?? 0)
        return rows.map {
            "  \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \(String($0.1).leftPad(4))"
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
