import Foundation

/// An earlier cohort's groups (`--previous`: its groups.csv, or any CSV/.xlsx with `group` and `email`), as the
/// pairs of today's participants who shared a group then. People not in this programme are skipped.
public enum PreviousCohort {
    static let columns: [ColumnSpec] = [
        .init(name: "group", aliases: ["groep"], required: true),
        .init(name: "email", aliases: ["e-mail", "mail", "emailadres", "e-mailadres"], required: true),
    ]

    /// The earlier groups in `file`, as today's participants (indices, ascending), by group id.
    public static func groups(_ file: InputFile, participants p: [Participant]) throws(IntakeFailure) -> [[Int]] {
        var sink = DiagnosticSink(file: file.name)
        var groups: [String: [Int]] = [:]
        let byEmail = Dictionary(p.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        if let (_, rows) = CSV.rows(
            file, specs: columns, sink: &sink, noRows: ("groups", "give the groups.csv of the earlier cohort"))
        {
            for row in rows {
                guard let group = row.require("group", &sink, what: ("a group id", "een groepscode")),
                    let email = row.require("email", &sink, what: ("an email", "een e-mailadres"))
                else { continue }
                if let i = byEmail[email.lowercased()] { groups[group, default: []].append(i) }
            }
        }
        guard !sink.hasErrors else { throw IntakeFailure(diagnostics: sink.items) }
        return groups.keys.sorted().map { Array(Set(groups[$0]!)).sorted() }.filter { $0.count > 1 }
    }

    /// Every pair within each of `groups`.
    public static func pairs(_ groups: [[Int]]) -> [Programme.MetPair] {
        var out = Set<Programme.MetPair>()
        for members in groups {
            for (x, i) in members.enumerated() { for j in members[(x + 1)...] { out.insert(.init(i, j)) } }
        }
        return out.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// The pairs to keep apart when `k` groups must hold them: all, except that an earlier group with more than
    /// `k` members is dealt round into `k` buckets and only pairs from different buckets are kept apart. Its tied
    /// set then fits `k` groups, and repeats can only come from within a bucket: at most `bound`, so a plan that
    /// keeps these pairs apart reaches the bound.
    public static func separable(_ groups: [[Int]], into k: Int) -> [Programme.MetPair] {
        var out = Set<Programme.MetPair>()
        for m in groups {
            for (x, i) in m.enumerated() {
                for (y, j) in m.enumerated() where y > x && (m.count <= k || x % k != y % k) { out.insert(.init(i, j)) }
            }
        }
        return out.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// A lower bound on `fresh` over `k` groups: an earlier group of `m` members spread as evenly as possible.
    public static func bound(_ groups: [[Int]], into k: Int) -> Int {
        guard k > 0 else { return 0 }
        return groups.reduce(0) { sum, m in
            let q = m.count / k, r = m.count % k
            return sum + r * (q + 1) * q / 2 + (k - r) * q * (q - 1) / 2
        }
    }
}
