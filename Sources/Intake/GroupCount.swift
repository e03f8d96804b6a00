/// How many groups a programme of N participants gets, and why no count may work.
public enum GroupCount {
    /// A number of groups with their size range, or why none works.
    public enum Outcome: Sendable, Equatable {
        /// `count` groups; sizes as even as possible lie in `smallest…largest`.
        case groups(count: Int, smallest: Int, largest: Int)
        /// No number of groups fits the sizes; the reason and changes to `[groups]` that would.
        case impossible(reason: String, relaxations: [String])
    }

    /// The number of groups for `n` participants: `count` when set, else the feasible count nearest to
    /// `n / target_size` (more groups on a tie).
    public static func resolve(participants n: Int, _ g: ProgrammeConfig.Groups) -> Outcome {
        let range = "\(g.minSize)–\(g.maxSize)"
        if let k = g.count {
            guard k * g.minSize <= n, n <= k * g.maxSize else {
                return .impossible(
                    reason:
                        "\(n) participants cannot fill \(k) groups of \(range) (\(k) groups hold \(k * g.minSize) "
                        + "to \(k * g.maxSize))",
                    relaxations: relaxations(n, g) + [
                        "remove `count` to let the number of groups follow from target_size"
                    ])
            }
            return .groups(count: k, smallest: n / k, largest: (n + k - 1) / k)
        }
        let lowest = (n + g.maxSize - 1) / g.maxSize, highest = n / g.minSize
        guard n > 0, lowest <= highest else {
            return .impossible(
                reason: "\(n) participant\(n == 1 ? "" : "s") cannot be split into groups of \(range)",
                relaxations: relaxations(n, g))
        }
        let wanted = Int((Double(n) / Double(g.targetSize)).rounded())
        // Nearest feasible count; on a tie, more groups (smaller groups keep everyone active).
        let k = (lowest...highest).min { (abs($0 - wanted), -$0) < (abs($1 - wanted), -$1) }!
        return .groups(count: k, smallest: n / k, largest: (n + k - 1) / k)
    }

    /// `resolve`'s reason and changes in Dutch when no count works, in the same order; `nil` when one does.
    public static func dutch(participants n: Int, _ g: ProgrammeConfig.Groups) -> (
        reason: String, relaxations: [String]
    )? {
        guard case .impossible = resolve(participants: n, g) else { return nil }
        let range = "\(g.minSize)–\(g.maxSize)"
        let changes = relaxations(n, g, dutch: true)
        if let k = g.count {
            return (
                "\(n) deelnemers kunnen geen \(k) groepen van \(range) vullen (\(k) groepen bevatten \(k * g.minSize) "
                    + "tot \(k * g.maxSize) mensen)",
                changes + ["haal `count` weg, dan volgt het aantal groepen uit target_size"]
            )
        }
        return ("\(n) \(n == 1 ? "deelnemer past" : "deelnemers passen") niet in groepen van \(range)", changes)
    }

    /// Concrete changes to `[groups]` that would make N fit, nearest first.
    static func relaxations(_ n: Int, _ g: ProgrammeConfig.Groups, dutch: Bool = false) -> [String] {
        guard n > 0 else { return [dutch ? "voeg deelnemers toe" : "add participants"] }
        func groups(_ k: Int, _ sizes: String) -> String {
            dutch ? "\(k) \(k == 1 ? "groep" : "groepen") van \(sizes)" : "\(k) group\(k == 1 ? "" : "s") of \(sizes)"
        }
        let allow = dutch ? "sta groepen van" : "allow groups of", allowEnd = dutch ? " toe" : ""
        var options: [String] = []
        let fewer = max(1, n / g.maxSize), more = max(1, (n + g.minSize - 1) / g.minSize)
        for k in Set([fewer, more, max(1, n / g.minSize)]).sorted() {
            let small = n / k, large = (n + k - 1) / k
            let sizes = small == large ? "\(large)" : "\(small)–\(large)"
            if large > g.maxSize {
                options.append("\(allow) \(large)\(allowEnd) (max_size = \(large)): " + groups(k, sizes))
            }
            if small < g.minSize {
                options.append("\(allow) \(small)\(allowEnd) (min_size = \(small)): " + groups(k, sizes))
            }
        }
        if n < g.minSize {
            let more = g.minSize - n
            options.append(
                dutch
                    ? "voeg nog \(more) \(more == 1 ? "deelnemer" : "deelnemers") toe"
                    : "add \(more) more participant\(more == 1 ? "" : "s")")
        }
        return options
    }
}
