import Intake

/// The organiser's `together` wishes made true in a finished grouping: each set of people wished together is
/// gathered into one group by moves and swaps that keep every tie apart and every size in range, choosing the
/// swap that costs the objectives least. The bounds stay valid (they hold for the plan without the wishes, a
/// larger set of plans); the values may rise, and the report then shows the gap.
enum Together {
    static func enforce(_ members: [[Int]], _ programme: Programme) throws(GroupingFailure) -> [[Int]] {
        let sets = programme.wishes.togetherSets
        let groupOf = Dictionary(
            members.enumerated().flatMap { g, m in m.map { ($0, g) } }, uniquingKeysWith: { a, _ in a })
        // The models usually keep them together already; then nothing moves.
        guard sets.contains(where: { set in Set(set.map { groupOf[$0] }).count > 1 }) else { return members }
        let bound = Set(sets.joined())
        var groups = members
        for set in sets {
            if let done = gather(set, groups, programme, fixed: bound) {
                groups = done
                continue
            }
            let p = programme.participants
            throw .impossible(
                Explanation(
                    .groups,
                    "no way was found to put \(set.map { p[$0].name }.joined(separator: ", ")) in one group, as "
                        + "wished, while keeping every rule",
                    people: set,
                    details: set.map { "\(p[$0].name) (\(p[$0].school), \(p[$0].region))" },
                    suggestions: [
                        .init("drop one of the `together` wishes for them"),
                        .init("[groups] max_size", to: "\(programme.config.groups.maxSize + 1)", effect: "more room"),
                    ]
                ).inDutch(
                    "er is geen manier gevonden om \(set.map { p[$0].name }.joined(separator: ", ")) zoals gewenst "
                        + "in één groep te zetten en toch elke regel te houden",
                    suggestions: [
                        "laat een van de wensen `samen` voor hen vallen",
                        "[groups] max_size = \(programme.config.groups.maxSize + 1): meer ruimte",
                    ]))
        }
        return groups
    }

    /// `groups` with `set` in one group: every group is tried as the target, and the result that leaves the
    /// objectives lowest in priority order wins (then the group holding most of the set, then the lowest index);
    /// nil when none works.
    static func gather(_ set: [Int], _ groups: [[Int]], _ programme: Programme, fixed: Set<Int>) -> [[Int]]? {
        let count = groups.indices.map { g in set.filter(groups[g].contains).count }
        let targets = groups.indices.sorted { (count[$1], $0) < (count[$0], $1) }
        let p = programme.participants, priorities = programme.config.priorities
        var best: (cost: [Int], groups: [[Int]])?
        for target in targets {
            var attempt = groups
            var ok = true
            for x in set where !attempt[target].contains(x) {
                guard let next = bring(x, into: target, attempt, programme, keep: fixed, set: Set(set)) else {
                    ok = false
                    break
                }
                attempt = next
            }
            guard ok else { continue }
            let cost = Metrics.lexicographic(attempt, p, priorities)
            if best == nil || cost.lexicographicallyPrecedes(best!.cost) { best = (cost, attempt) }
        }
        return best?.groups
    }

    /// `x` moved into group `target`, or swapped with a member of it who may go to `x`'s group; the swap that
    /// leaves the objectives lowest (in priority order) wins, then the lowest index. Members of wished sets stay.
    static func bring(
        _ x: Int, into target: Int, _ groups: [[Int]], _ programme: Programme, keep: Set<Int>, set: Set<Int>
    ) -> [[Int]]? {
        let c = programme.conflicts, sizes = programme.config.groups
        guard let source = groups.firstIndex(where: { $0.contains(x) }) else { return nil }
        let free = { (i: Int, group: [Int]) in !group.contains { $0 != i && c.areTied(i, $0) } }
        var moved = groups
        moved[source].removeAll { $0 == x }
        if groups[target].count < sizes.maxSize, groups[source].count > sizes.minSize,
            free(x, groups[target])
        {
            moved[target].append(x)
            return moved.map { $0.sorted() }
        }
        let p = programme.participants, priorities = programme.config.priorities
        var best: (cost: [Int], y: Int, groups: [[Int]])?
        for y in groups[target].sorted() where !keep.contains(y) && !set.contains(y) {
            var swapped = moved
            swapped[target].removeAll { $0 == y }
            guard free(x, swapped[target]), free(y, swapped[source]) else { continue }
            swapped[target].append(x)
            swapped[source].append(y)
            let cost = Metrics.lexicographic([swapped[source], swapped[target]], p, priorities)
            if best == nil || cost.lexicographicallyPrecedes(best!.cost) { best = (cost, y, swapped) }
        }
        return best?.groups.map { $0.sorted() }
    }
}
