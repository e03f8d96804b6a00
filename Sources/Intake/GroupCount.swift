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

    /// Concrete changes to `[groups]` that would make N fit, nearest first.
    static func relaxations(_ n: Int, _ g: ProgrammeConfig.Groups) -> [String] {
        guard n > 0 else { return ["add participants"] }
        var options: [String] = []
        let fewer = max(1, n / g.maxSize), more = max(1, (n + g.minSize - 1) / g.minSize)
        for k in Set([fewer, more, max(1, n / g.minSize)]).sorted() {
            let small = n / k, large = (n + k - 1) / k
            if large > g.maxSize {
                options.append(
                    "allow groups of \(large) (max_size = \(large)): \(k) group\(k == 1 ? "" : "s") of "
                        + "\(small == large ? "\(large)" : "\(small)–\(large)")"
                )
            }
            if small < g.minSize {
                options.append(
                    "allow groups of \(small) (min_size = \(small)): \(k) group\(k == 1 ? "" : "s") of "
                        + "\(small == large ? "\(small)" : "\(small)–\(large)")"
                )
            }
        }
        if n < g.minSize { options.append("add \(g.minSize - n) more participant\(g.minSize - n == 1 ? "" : "s")") }
        return options
    }
}
