import Grouping
import Intake

/// Groups the organiser locked (`replan --lock G03`): nobody moves into or out of them, in this replan and every
/// later one, until `--unlock`. People may still leave a locked group; joiners never enter it.
package struct Locks {
    /// The locked groups for this replan: the plan's, plus `--lock`, minus `--unlock`.
    package let locked: Set<String>
    /// Locked and unlocked by this request (sorted ids).
    let added: [String], removed: [String]

    package init(_ current: CurrentPlan, _ request: ReplanRequest) throws(ReplanFailure) {
        let ids = current.groups.map(\.id)
        func resolve(_ names: [String], _ option: String) throws(ReplanFailure) -> [String] {
            var out: [String] = []
            for name in names {
                guard let id = ids.first(where: { $0.uppercased() == name.uppercased() }) else {
                    throw .invalidInput(
                        "\(option) \(name): there is no group \(name) in this plan",
                        fix: "use an id from groups.csv (\(ids.joined(separator: ", ")))",
                        dutch: .init(
                            "dit plan heeft geen groep \(name)",
                            fix: "kies een van de groepen \(ids.joined(separator: ", "))"))
                }
                out.append(id)
            }
            return out
        }
        let lock = try resolve(request.lock, "--lock"), unlock = try resolve(request.unlock, "--unlock")
        let before = Set(current.locked)
        if let both = lock.first(where: unlock.contains) {
            throw .invalidInput(
                "\(both) is both locked and unlocked in one replan",
                fix: "give either --lock \(both) or --unlock \(both)",
                dutch: .init(
                    "\(both) wordt in één wijziging zowel vergrendeld als ontgrendeld",
                    fix: "kies één van de twee"))
        }
        if let free = unlock.first(where: { !before.contains($0) }) {
            let lockedNow = before.sorted()
            throw .invalidInput(
                "--unlock \(free): \(free) is not locked",
                fix: lockedNow.isEmpty
                    ? "no group of this plan is locked" : "locked now: \(lockedNow.joined(separator: ", "))",
                dutch: .init(
                    "\(free) is niet vergrendeld",
                    fix: lockedNow.isEmpty
                        ? "geen groep van dit plan is vergrendeld"
                        : "nu vergrendeld: \(lockedNow.joined(separator: ", "))"))
        }
        locked = before.union(lock).subtracting(unlock)
        added = Set(lock).subtracting(before).sorted()
        removed = Set(unlock).sorted()
    }

    /// A locked group that the dropouts leave below `min_size_after_dropout` cannot be topped up or dissolved.
    func checkSizes(_ groups: [Group], _ remaining: [[Int]], _ programme: Programme) throws(ReplanFailure) {
        let minimum = programme.config.groups.minSizeAfterDropout
        for (g, members) in zip(groups, remaining) where locked.contains(g.id) && members.count < minimum {
            throw .impossible(
                Explanation(
                    .changes,
                    "\(g.id) is locked and keeps \(members.count) members after the dropouts, fewer than "
                        + "min_size_after_dropout (\(minimum)); nobody may join a locked group",
                    people: members,
                    suggestions: [
                        .init("unlock it in this replan: --unlock \(g.id)", effect: "others may then join it"),
                        .init("[groups] min_size_after_dropout", to: "\(members.count)"),
                    ]
                ).inDutch(
                    "\(g.id) is vergrendeld en houdt na het afhaken \(members.count) leden over, minder dan "
                        + "min_size_after_dropout (\(minimum)); niemand mag bij een vergrendelde groep komen",
                    suggestions: [
                        "ontgrendel \(g.id) bij deze wijziging: dan mogen anderen erbij komen",
                        "[groups] min_size_after_dropout = \(members.count)",
                    ]))
        }
    }

    /// Why the solver found no arrangement once locks or wishes bind: what binds, and how to loosen it.
    func noArrangement(_ programme: Programme, _ groups: [Group], _ remaining: [[Int]]) -> ReplanFailure {
        let cfg = programme.config.groups
        var suggestions: [Explanation.Suggestion] = locked.sorted().map {
            .init("unlock \($0): --unlock \($0)", effect: "its members may move and others may join it")
        }
        suggestions += [
            .init("[groups] min_size_after_dropout", to: "\(cfg.minSizeAfterDropout - 1)"),
            .init("[groups] max_size", to: "\(cfg.maxSize + 1)"),
        ]
        let dutchSuggestions =
            locked.sorted().map { "ontgrendel \($0): dan mogen de leden wisselen en mogen anderen erbij" } + [
                "[groups] min_size_after_dropout = \(cfg.minSizeAfterDropout - 1)",
                "[groups] max_size = \(cfg.maxSize + 1)",
            ]
        let dutchBinding = [
            locked.isEmpty ? nil : "\(locked.count) vergrendelde groep\(locked.count == 1 ? "" : "en")",
            programme.wishes.isEmpty ? nil : "\(programme.wishes.count) wensen",
        ].compactMap { $0 }.joined(separator: " en ")
        let sizes = locked.sorted().map { id in (id, remaining[groups.firstIndex { $0.id == id }!].count) }
        let binding = [
            locked.isEmpty ? nil : "\(locked.count) locked group\(locked.count == 1 ? "" : "s")",
            programme.wishes.isEmpty ? nil : "\(programme.wishes.count) wishes",
        ].compactMap { $0 }.joined(separator: " and ")
        return .impossible(
            Explanation(
                .changes,
                "no arrangement keeps every group at \(cfg.minSizeAfterDropout)–\(cfg.maxSize) members with "
                    + "every rule and \(binding)",
                details: sizes.map { "\($0) is locked with \($1) members" },
                suggestions: suggestions
            ).inDutch(
                "geen indeling houdt elke groep op \(cfg.minSizeAfterDropout)–\(cfg.maxSize) leden met elke regel en "
                    + dutchBinding,
                details: sizes.map { "\($0) is vergrendeld met \($1) leden" }, suggestions: dutchSuggestions))
    }
}
