import Grouping
import Intake

/// The organiser's own moves and swaps (`replan --move EMAIL=G07`, `--swap A,B`): carried out exactly as asked,
/// or refused with the rule they break and who is involved, and with what they cost the objectives.
public enum ManualChanges {
    /// One metric before and after.
    public struct Delta: Sendable, Equatable, CustomStringConvertible {
        /// The objective.
        public var objective: Objective
        /// Its value before the change.
        public var before: Int
        /// Its value after.
        public var after: Int
        /// "away 58 → 59".
        public var description: String { "\(objective.metric) \(before) → \(after)" }
    }

    /// The groups after the changes, each person's move, and the metric changes they cause.
    public struct Outcome: Sendable {
        /// The groups with the changes made (same ids, same order).
        public var groups: [Group]
        /// Everyone whose group changed.
        public var moves: [Move]
        /// Every objective, before and after, in priority order.
        public var deltas: [Delta]
    }

    /// `moves` (participant → group id) and `swaps` applied to `current`; refused (`.impossible`, exit 3) when the
    /// result breaks a rule or a size, with the people involved and the smallest change that would make it valid.
    public static func apply(
        _ current: CurrentPlan, moves: [(person: Int, group: String)], swaps: [(Int, Int)],
        locked: Set<String> = []
    ) throws(ReplanFailure) -> Outcome {
        let programme = current.programme, p = programme.participants
        var groupOf: [Int: Int] = [:]
        for (g, group) in current.groups.enumerated() { for i in group.members { groupOf[i] = g } }
        let index = Dictionary(uniqueKeysWithValues: current.groups.enumerated().map { ($1.id, $0) })
        var target = groupOf
        for (i, id) in moves {
            guard groupOf[i] != nil else {
                throw .invalidInput(
                    "\(p[i].name) is in no group of this plan", fix: "check the email",
                    dutch: .init("\(p[i].name) zit in geen groep van dit plan", fix: "controleer het e-mailadres"))
            }
            guard let g = index[id.uppercased()] else {
                throw .invalidInput(
                    "\(id) is not a group of this plan",
                    fix: "use an id from groups.csv (\(current.groups.map(\.id).joined(separator: ", ")))",
                    dutch: .init(
                        "\(id) is geen groep van dit plan",
                        fix: "kies een van de groepen \(current.groups.map(\.id).joined(separator: ", "))"))
            }
            target[i] = g
        }
        for (a, b) in swaps {
            guard let ga = groupOf[a], let gb = groupOf[b] else {
                throw .invalidInput(
                    "\(p[groupOf[a] == nil ? a : b].name) is in no group of this plan", fix: "check the email",
                    dutch: .init(
                        "\(p[groupOf[a] == nil ? a : b].name) zit in geen groep van dit plan",
                        fix: "controleer het e-mailadres"))
            }
            guard ga != gb else {
                throw .invalidInput(
                    "\(p[a].name) and \(p[b].name) are both in \(current.groups[ga].id): a swap changes nothing",
                    fix: "swap people of two different groups",
                    dutch: .init(
                        "\(p[a].name) en \(p[b].name) zitten allebei in \(current.groups[ga].id): ruilen verandert "
                            + "niets",
                        fix: "ruil mensen uit twee verschillende groepen"))
            }
            (target[a], target[b]) = (gb, ga)
        }
        let changed = target.keys.sorted().filter { target[$0] != groupOf[$0] }
        for i in changed {
            for id in [current.groups[groupOf[i]!].id, current.groups[target[i]!].id] where locked.contains(id) {
                throw .impossible(
                    Explanation(
                        .changes, "\(id) is locked: nobody moves into or out of it", people: [i],
                        details: [
                            "\(p[i].name) (\(p[i].email)) would move from \(current.groups[groupOf[i]!].id) to "
                                + current.groups[target[i]!].id
                        ],
                        suggestions: [.init("unlock it in the same replan: --unlock \(id)")]
                    ).inDutch(
                        "\(id) is vergrendeld: niemand gaat erin of eruit",
                        details: [
                            "\(p[i].name) (\(p[i].email)) zou van \(current.groups[groupOf[i]!].id) naar "
                                + "\(current.groups[target[i]!].id) gaan"
                        ],
                        suggestions: ["ontgrendel \(id) eerst"]))
            }
            if let broken = facilitatorWish(i, in: current.groups[target[i]!].id, current) {
                throw .impossible(
                    Explanation(
                        .changes, broken.english, people: [i],
                        suggestions: [.init("move \(p[i].name) to a group led by another facilitator")]
                    ).inDutch(
                        broken.dutch, suggestions: ["verplaats \(p[i].name) naar een groep met een andere begeleider"]))
            }
        }
        var members = current.groups.map { _ in [Int]() }
        for (i, g) in target { members[g].append(i) }
        let groups = current.groups.enumerated().map { g, old in
            Group(id: old.id, members: members[g].sorted(), homeRegion: Metrics.homeRegion(members[g], p))
        }
        let cfg = programme.config.groups
        let problems = PlanCheck.violations(groups, programme, sizes: cfg.minSizeAfterDropout...cfg.maxSize)
        if !problems.isEmpty {
            throw .impossible(
                refusal(
                    problems, groups, programme,
                    moved: Dictionary(
                        uniqueKeysWithValues: target.keys.filter { target[$0] != groupOf[$0] }.map {
                            ($0, current.groups[groupOf[$0]!].id)
                        }),
                    asked: Set(moves.map(\.person)).subtracting(swaps.flatMap { [$0.0, $0.1] }), locked: locked,
                    mayLead: { i, id in facilitatorWish(i, in: id, current) == nil }))
        }
        let priorities = programme.config.priorities
        let deltas = priorities.map { o in
            Delta(
                objective: o, before: Metrics.total(o, current.groups.map(\.members), p),
                after: Metrics.total(o, groups.map(\.members), p))
        }
        let moved = target.keys.sorted().filter { target[$0] != groupOf[$0] }.map {
            Move(participant: $0, from: current.groups[groupOf[$0]!].id, to: current.groups[target[$0]!].id)
        }
        return Outcome(groups: groups, moves: moved, deltas: deltas)
    }

    /// Why group `id`'s facilitator may not lead `i` (a tie to their school, or their facilitator wish), in words.
    static func facilitatorWish(_ i: Int, in id: String, _ current: CurrentPlan) -> (english: String, dutch: String)? {
        let programme = current.programme
        guard let f = current.schedule.facilitatorOf[id], let leaders = programme.facilitators else { return nil }
        let name = programme.participants[i].name
        let school = programme.participants[i].school
        if leaders[f].isTied(toSchool: school) {
            return (
                "\(id) is led by \(leaders[f].name), who is tied to \(name)'s school \(school) (facilitators file)",
                "\(id) wordt geleid door \(leaders[f].name), die verbonden is aan de school van \(name), \(school) "
                    + "(begeleidersbestand)"
            )
        }
        guard let w = programme.wishes.first(where: { $0.person == i && $0.rulesOut(facilitator: f) }) else {
            return nil
        }
        return w.kind == .facilitator
            ? (
                "\(name) is promised \(leaders[w.other].name) as facilitator (\(w.place)); \(id) is led by "
                    + leaders[f].name,
                "\(name) is \(leaders[w.other].name) als begeleider beloofd (\(w.place)); \(id) wordt geleid door "
                    + leaders[f].name
            )
            : (
                "\(id) is led by \(leaders[f].name), whom \(name) must not have (\(w.place))",
                "\(id) wordt geleid door \(leaders[f].name), die \(name) niet als begeleider mag hebben (\(w.place))"
            )
    }

    /// The rules the changes break, who is involved, and for sizes the smallest extra change that fixes it. The
    /// Dutch words name the change as an organiser makes it in the web app, not as a command-line option.
    /// `moved` maps each person who changes group to the group they came from; `asked` are those moved by a move
    /// (not a swap), whom a suggestion may send elsewhere instead; `mayLead(i, id)` whether group `id`'s
    /// facilitator may lead `i` (ties to their school, facilitator wishes), so no suggestion breaks that.
    static func refusal(
        _ problems: [PlanCheck.Violation], _ groups: [Group], _ programme: Programme, moved: [Int: String],
        asked: Set<Int>, locked: Set<String>, mayLead: @escaping (Int, String) -> Bool
    ) -> Explanation {
        let p = programme.participants, cfg = programme.config.groups, c = programme.conflicts
        // Each suggestion with its Dutch words, so the two lists stay one for one.
        var suggestions: [Explanation.Suggestion] = [], dutch: [String] = []
        func suggest(_ english: Explanation.Suggestion, _ inDutch: String) {
            suggestions.append(english)
            dutch.append(inDutch)
        }
        // A mover tied to someone in their new group must go elsewhere, so that group's size is not worth fixing:
        // offer the other groups that would take them as they stand (for a move; a swap names them only).
        // A group that would take `i` as it stands: room, nobody tied to them, a facilitator who may lead them.
        func takes(_ o: Group, _ i: Int) -> Bool {
            o.members.count < cfg.maxSize && !o.members.contains { c.areTied(i, $0) } && mayLead(i, o.id)
        }
        var mustLeave: Set<String> = []
        for (i, from) in moved.sorted(by: { $0.key < $1.key }) {
            guard let g = groups.first(where: { $0.members.contains(i) }),
                g.members.contains(where: { $0 != i && c.areTied(i, $0) })
            else { continue }
            mustLeave.insert(g.id)
            // Nearest to what was asked first: groups of the asked group's region, then of the person's own.
            func distance(_ o: Group) -> Int {
                Text.key(o.homeRegion) == Text.key(g.homeRegion)
                    ? 0 : Text.key(o.homeRegion) == Text.key(p[i].region) ? 1 : 2
            }
            let open = groups.enumerated().filter { _, o in
                o.id != g.id && o.id != from && !locked.contains(o.id) && takes(o, i)
            }.sorted { (distance($0.element), $0.offset) < (distance($1.element), $1.offset) }.map(\.element.id)
            if open.isEmpty {
                suggest(
                    .init(
                        "every other group is full or holds someone tied to \(p[i].name): swap them with someone "
                            + "of a group without ties to them"),
                    "elke andere groep is vol of heeft iemand met een band met \(p[i].name): ruil hem of haar met "
                        + "iemand uit een groep zonder banden")
            } else if asked.contains(i) {
                for o in open.prefix(3) {
                    suggest(
                        .init(
                            "move \(p[i].name) to \(o) instead (no ties there, and room): --move \(p[i].email)=\(o)",
                            reassign: [.init(participant: i, group: o)]),
                        "zet \(p[i].name) in \(o) in plaats van \(g.id): daar geen banden, en plek")
                }
            } else {
                let list = open.prefix(4).joined(separator: ", ")
                suggest(
                    .init("move \(p[i].name) to a group without ties to them and with room: \(list)"),
                    "kies voor \(p[i].name) een groep zonder banden en met plek: \(list)")
            }
        }
        func alsoMove(_ i: Int, from: String, to: String) {
            let who = "\(p[i].name) (\(p[i].email))"
            suggest(
                .init(
                    "also move \(who) from \(from) to \(to): --move \(p[i].email)=\(to)",
                    reassign: [.init(participant: i, group: to)]),
                "verplaats ook \(who) van \(from) naar \(to)")
        }
        for v in problems where v.rule == .size {
            guard let id = v.group, !mustLeave.contains(id), let g = groups.first(where: { $0.id == id }) else {
                continue
            }
            let others = groups.filter { $0.id != id && !locked.contains($0.id) }
            if g.members.count > cfg.maxSize {
                // Someone of the group (not one of the movers) who may go to a group with room.
                let candidate = g.members.filter { moved[$0] == nil }.lazy.compactMap { i -> (Int, String)? in
                    others.first { takes($0, i) }.map { (i, $0.id) }
                }.first
                if let (i, to) = candidate {
                    alsoMove(i, from: id, to: to)
                } else {
                    suggest(
                        .init("swap instead of moving, so that \(id) keeps \(cfg.maxSize) members"),
                        "ruil in plaats van te verplaatsen, zodat \(id) \(cfg.maxSize) leden houdt")
                }
            } else {
                let candidate = others.lazy.flatMap { o in o.members.map { (o, $0) } }.first { o, i in
                    o.members.count > cfg.minSizeAfterDropout && moved[i] == nil
                        && !g.members.contains { c.areTied(i, $0) } && mayLead(i, id)
                }
                if let (o, i) = candidate {
                    alsoMove(i, from: o.id, to: id)
                } else {
                    suggest(
                        .init("swap instead of moving, so that \(id) keeps its size"),
                        "ruil in plaats van te verplaatsen, zodat \(id) even groot blijft")
                }
            }
        }
        if suggestions.isEmpty {
            suggest(
                .init("choose another group, or undo the change"),
                "kies een andere groep, of maak de wijziging ongedaan")
        }
        let n = problems.count
        return Explanation(
            .groups, "the requested change breaks \(n == 1 ? "a rule" : "\(n) rules")",
            people: moved.keys.sorted(), details: problems.map { "\($0.rule): \($0.description)" },
            suggestions: suggestions
        ).inDutch(
            "de gevraagde wijziging breekt \(n == 1 ? "een regel" : "\(n) regels")",
            details: problems.map { v in
                if case .separate = v.rule { return v.dutchDescription }
                return "\(v.dutchDescription) (regel `\(v.rule)`)"
            }, suggestions: dutch)
    }
}
