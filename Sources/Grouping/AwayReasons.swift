import Intake

/// Plain-words reasons for everyone placed in a group of another region than their own.
package enum AwayReasons {
    package static func explain(_ groups: [Group], _ programme: Programme) -> [Int: String] {
        let p = programme.participants, g = programme.config.groups
        let perRegion = Dictionary(grouping: p.indices, by: { p[$0].region }).mapValues(\.count)
        var reasons: [Int: String] = [:]
        for group in groups {
            for i in group.members where p[i].region != group.homeRegion {
                let region = p[i].region, count = perRegion[region] ?? 0
                let own = groups.filter { $0.homeRegion == region }
                if own.isEmpty {
                    reasons[i] =
                        count < g.minSize
                        ? "only \(count) participant\(count == 1 ? "" : "s") from \(region) — too few for a group "
                            + "of at least \(g.minSize)"
                        : "no group is planned in \(region): its \(count) participants could not form groups of "
                            + "\(g.minSize)–\(g.maxSize) without breaking a rule or sending more people elsewhere"
                    continue
                }
                let blocked = own.map { other -> String? in
                    if let j = other.members.first(where: { programme.conflicts.areTied(i, $0) }) {
                        let rules = programme.conflicts.rules(between: i, j).map(\.explanation).joined(separator: "; ")
                        return "\(other.id) holds \(p[j].name) (\(rules))"
                    }
                    return other.members.count >= g.maxSize ? "\(other.id) is full (\(g.maxSize))" : nil
                }
                if blocked.allSatisfy({ $0 != nil }) {
                    reasons[i] =
                        "every \(region) group is closed to them: " + blocked.compactMap { $0 }.joined(separator: "; ")
                } else {
                    reasons[i] =
                        "a place in a \(region) group would cost more elsewhere (a group below \(g.minSize), or a "
                        + "worse \(programme.config.priorities.map(\.metric).joined(separator: "/")) total)"
                }
            }
        }
        return reasons
    }
}
