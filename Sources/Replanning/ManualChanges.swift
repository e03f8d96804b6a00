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
                throw .invalidInput("\(p[i].name) is in no group of this plan", fix: "check the email")
            }
            guard let g = index[id.uppercased()] else {
                throw .invalidInput(
                    "\(id) is not a group of this plan",
                    fix: "use an id from groups.csv (\(current.groups.map(\.id).joined(separator: ", ")))")
            }
            target[i] = g
        }
        for (a, b) in swaps {
            guard let ga = groupOf[a], let gb = groupOf[b] else {
                throw .invalidInput(
                    "\(p[groupOf[a] == nil ? a : b].name) is in no group of this plan", fix: "check the email")
            }
            guard ga != gb else {
                throw .invalidInput(
                    "\(p[a].name) and \(p[b].name) are both in \(current.groups[ga].id): a swap changes nothing",
                    fix: "swap people of two different groups")
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
                        suggestions: [.init("unlock it in the same replan: --unlock \(id)")]))
            }
            if let broken = facilitatorWish(i, in: current.groups[target[i]!].id, current) {
                throw .impossible(
                    Explanation(
                        .changes, broken, people: [i],
                        suggestions: [.init("move \(p[i].name) to a group led by another facilitator")]))
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
                refusal(problems, groups, programme, moved: Set(target.keys.filter { target[$0] != groupOf[$0] })))
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
    static func facilitatorWish(_ i: Int, in id: String, _ current: CurrentPlan) -> String? {
        let programme = current.programme
        guard let f = current.schedule.facilitatorOf[id], let leaders = programme.facilitators else { return nil }
        let name = programme.participants[i].name
        if leaders[f].isTied(toSchool: programme.participants[i].school) {
            return "\(id) is led by \(leaders[f].name), who is tied to \(name)'s school "
                + "\(programme.participants[i].school) (facilitators file)"
        }
        guard let w = programme.wishes.first(where: { $0.person == i && $0.rulesOut(facilitator: f) }) else {
            return nil
        }
        return w.kind == .facilitator
            ? "\(name) is promised \(leaders[w.other].name) as facilitator (\(w.place)); \(id) is led by "
                + leaders[f].name
            : "\(id) is led by \(leaders[f].name), whom \(name) must not have (\(w.place))"
    }

    /// The rules the changes break, who is involved, and for sizes the smallest extra change that fixes it.
    static func refusal(_ problems: [PlanCheck.Violation], _ groups: [Group], _ programme: Programme, moved: Set<Int>)
        -> Explanation
    {
        let p = programme.participants, cfg = programme.config.groups, c = programme.conflicts
        var suggestions: [Explanation.Suggestion] = []
        for v in problems where v.rule == .size {
            guard let id = v.group, let g = groups.first(where: { $0.id == id }) else { continue }
            let others = groups.filter { $0.id != id }
            if g.members.count > cfg.maxSize {
                // Someone of the group (not one of the movers) who may go to a group with room.
                let candidate = g.members.filter { !moved.contains($0) }.lazy.compactMap { i -> String? in
                    guard
                        let to = others.first(where: { o in
                            o.members.count < cfg.maxSize && !o.members.contains { c.areTied(i, $0) }
                        })
                    else { return nil }
                    return
                        "also move \(p[i].name) (\(p[i].email)) from \(id) to \(to.id): --move \(p[i].email)=\(to.id)"
                }.first
                suggestions.append(
                    .init(candidate ?? "swap instead of moving, so that \(id) keeps \(cfg.maxSize) members"))
            } else {
                let candidate = others.lazy.flatMap { o in o.members.map { (o, $0) } }.first { o, i in
                    o.members.count > cfg.minSizeAfterDropout && !moved.contains(i)
                        && !g.members.contains { c.areTied(i, $0) }
                }.map { o, i in
                    "also move \(p[i].name) (\(p[i].email)) from \(o.id) to \(id): --move \(p[i].email)=\(id)"
                }
                suggestions.append(.init(candidate ?? "swap instead of moving, so that \(id) keeps its size"))
            }
        }
        let involved = Array(moved).sorted()
        return Explanation(
            .groups, "the requested change breaks \(problems.count == 1 ? "a rule" : "\(problems.count) rules")",
            people: involved, details: problems.map { "\($0.rule): \($0.description)" },
            suggestions: suggestions.isEmpty ? [.init("choose another group, or undo the change")] : suggestions)
    }
}
