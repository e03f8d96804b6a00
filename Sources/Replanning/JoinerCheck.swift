import Grouping
import Intake

/// Why a late joiner cannot be placed, in the organiser's terms, with what would make room.
enum JoinerCheck {
    /// Each joiner needs a group with room and nobody they are tied to (and a facilitator who may lead them).
    static func explainIfNoRoom(
        _ programme: Programme, _ groups: [Group], _ remaining: [[Int]], _ joiners: [Int],
        facilitatorOf: [String: Int]
    ) throws(ReplanFailure) {
        let p = programme.participants
        let max = programme.config.groups.maxSize
        for j in joiners {
            var reasons: [String] = [], dutchReasons: [String] = [], full: [String] = []
            var fits = false
            for (g, members) in remaining.enumerated() {
                let tied = members.filter { programme.conflicts.areTied(j, $0) }
                let facilitatorTie = facilitatorOf[groups[g].id].flatMap { programme.facilitators?[$0] }
                    .flatMap { $0.isTied(toSchool: p[j].school) ? $0.name : nil }
                if members.count >= max { full.append(groups[g].id) }
                if let t = tied.first {
                    let tie =
                        "\(groups[g].id): \(p[t].name) "
                        + "(\(programme.conflicts.rules(between: j, t).map(\.rawValue).joined(separator: ", ")))"
                    reasons.append(tie)
                    dutchReasons.append(tie)
                } else if let f = facilitatorTie {
                    reasons.append("\(groups[g].id): facilitator \(f) is tied to \(p[j].school)")
                    dutchReasons.append("\(groups[g].id): begeleider \(f) is verbonden aan \(p[j].school)")
                } else if members.count < max {
                    fits = true
                }
            }
            guard !fits else { continue }
            var text = "\(p[j].name) cannot join any group: ", dutch = "\(p[j].name) past in geen enkele groep: "
            if !full.isEmpty {
                text += "\(full.joined(separator: ", ")) \(full.count == 1 ? "is" : "are") full (\(max))"
                dutch += "\(full.joined(separator: ", ")) \(full.count == 1 ? "is" : "zijn") vol (\(max))"
            }
            if !reasons.isEmpty {
                text += (full.isEmpty ? "" : "; ") + "tied: " + reasons.joined(separator: "; ")
                dutch += (full.isEmpty ? "" : "; ") + "banden: " + dutchReasons.joined(separator: "; ")
            }
            let roomy = remaining.indices.filter { g in !remaining[g].contains { programme.conflicts.areTied(j, $0) } }
                .map { groups[$0].id }
            var fixes = [
                "raise [groups] max_size to \(max + 1): "
                    + (roomy.isEmpty
                        ? "no group is free of ties either"
                        : roomy.joined(separator: ", ") + " could then take \(p[j].name)")
            ]
            fixes.append(
                "add them together with other late joiners: from \(programme.config.groups.minSize) on, a replan "
                    + "opens a new group for joiners who fit nowhere"
            )
            let dutchFixes = [
                "[groups] max_size = \(max + 1): "
                    + (roomy.isEmpty
                        ? "ook dan is geen groep vrij van banden"
                        : roomy.joined(separator: ", ") + " kan dan \(p[j].name) opnemen"),
                "voeg hen toe samen met andere late instromers: vanaf \(programme.config.groups.minSize) opent een "
                    + "wijziging een nieuwe groep voor instromers die nergens passen",
            ]
            throw .impossible(Explanation(.changes, text, changes: fixes).inDutch(dutch, suggestions: dutchFixes))
        }
    }

    static func noArrangement(_ programme: Programme, _ groups: [Group], _ remaining: [[Int]], _ joiners: [Int])
        -> ReplanFailure
    {
        let people = remaining.reduce(0) { $0 + $1.count } + joiners.count
        let cfg = programme.config.groups
        if people > cfg.maxSize * groups.count {
            return .impossible(
                Explanation(
                    .changes, "\(people) participants do not fit into \(groups.count) groups of at most \(cfg.maxSize)",
                    changes: [
                        "raise [groups] max_size to \((people + groups.count - 1) / groups.count)",
                        "add the late joiners as a new programme",
                    ]
                ).inDutch(
                    "\(people) deelnemers passen niet in \(groups.count) groepen van hoogstens \(cfg.maxSize)",
                    suggestions: [
                        "[groups] max_size = \((people + groups.count - 1) / groups.count)",
                        "plan de late instromers als een nieuw programma",
                    ]))
        }
        let short = remaining.enumerated().filter { $0.element.count < cfg.minSizeAfterDropout }.map {
            groups[$0.offset].id
        }
        return .impossible(
            Explanation(
                .changes,
                "no arrangement keeps every group at \(cfg.minSizeAfterDropout)–\(cfg.maxSize) members without "
                    + "tied people together"
                    + (short.isEmpty ? "" : " (below the minimum now: \(short.joined(separator: ", ")))"),
                changes: [
                    "lower [groups] min_size_after_dropout to \(cfg.minSizeAfterDropout - 1)",
                    "raise [groups] max_size to \(cfg.maxSize + 1)",
                ]
            ).inDutch(
                "geen indeling houdt elke groep op \(cfg.minSizeAfterDropout)–\(cfg.maxSize) leden zonder verbonden "
                    + "mensen bij elkaar"
                    + (short.isEmpty ? "" : " (nu onder het minimum: \(short.joined(separator: ", ")))"),
                suggestions: [
                    "[groups] min_size_after_dropout = \(cfg.minSizeAfterDropout - 1)",
                    "[groups] max_size = \(cfg.maxSize + 1)",
                ]))
    }
}
