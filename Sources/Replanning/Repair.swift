import Grouping
import Intake

/// A quick feasible membership for the first incumbent: people a new wish or rule parts from their group (tied to a
/// member, or ruled out by its facilitator) to a group with room, people wished together into one group, joiners
/// into groups with room (undersized first, own region next), then each group under the minimum filled from groups
/// that can spare someone, or dissolved into groups with room. nil when this simple repair gets stuck; the solver
/// then starts cold, and with little work may find nothing (measured: a replan of the 345 fixture with one new
/// `apart` and one new `together` wish ended in an internal error below a 30 s limit).
struct Repair {
    let r: Regroup

    func run() -> [Int: Int]? {
        let cfg = r.programme.config.groups
        let p = r.programme.participants
        var members = r.remaining
        var assign = r.home
        let tied = { (i: Int, g: Int) in members[g].contains { r.programme.conflicts.areTied(i, $0) } }
        let fits = { (i: Int, g: Int) in r.allowed(i, g) && members[g].count < cfg.maxSize && !tied(i, g) }
        func move(_ i: Int, to h: Int) {
            members[assign[i]!].removeAll { $0 == i }
            members[h].append(i)
            assign[i] = h
        }
        // The smallest open group, none of `avoiding`, that takes `x`.
        func smallestTaking(_ x: Int, avoiding: [Int]) -> Int? {
            members.indices.filter { !avoiding.contains($0) && !members[$0].isEmpty && fits(x, $0) }
                .min { (members[$0].count, $0) < (members[$1].count, $1) }
        }
        // People wished together move only to be gathered: moving one alone would part them.
        let bound = Set(r.togetherPairs.flatMap { [$0.0, $0.1] })
        // Someone who may not stay: to the smallest open group that takes them, else the one they clash with leaves.
        for g in members.indices {
            var k = 0
            while k < members[g].count {
                let i = members[g][k]
                let clash = members[g][..<k].first { r.programme.conflicts.areTied(i, $0) }
                guard clash != nil || !r.allowed(i, g) else {
                    k += 1
                    continue
                }
                let leaving = ([i] + (clash.map { [$0] } ?? [])).filter { !bound.contains($0) }
                guard
                    let (who, h) = leaving.lazy.compactMap({ x in smallestTaking(x, avoiding: [g]).map { (x, $0) } })
                        .first
                else { return nil }
                move(who, to: h)
                k = 0
            }
        }
        // `x` into group `g`: whoever there is tied to `x` first moves to another group that takes them, and when `g`
        // is full one more member does; false (and nothing changed) when someone cannot.
        func gather(_ x: Int, into g: Int) -> Bool {
            guard r.allowed(x, g), let own = assign[x] else { return false }
            let saved = (members, assign)
            for b in members[g] where r.programme.conflicts.areTied(x, b) {
                guard !bound.contains(b), let h = smallestTaking(b, avoiding: [g, own]) else {
                    (members, assign) = saved
                    return false
                }
                move(b, to: h)
            }
            if members[g].count >= cfg.maxSize {
                guard
                    let (b, h) = members[g].lazy.filter({ !bound.contains($0) })
                        .compactMap({ b in smallestTaking(b, avoiding: [g, own]).map { (b, $0) } }).first
                else {
                    (members, assign) = saved
                    return false
                }
                move(b, to: h)
            }
            move(x, to: g)
            return true
        }
        // Each set wished together (pairs joined through shared people) into the group holding most of it, else the
        // next; nil when none can take the rest.
        for set in Wish.sets(joinedBy: r.togetherPairs) {
            let placed = set.filter { assign[$0] != nil }
            let held = Dictionary(grouping: placed, by: { assign[$0]! }).mapValues(\.count)
            guard held.count > 1 else { continue }
            let saved = (members, assign)
            let gathered = held.keys.sorted { (held[$1]!, $0) < (held[$0]!, $1) }.contains { g in
                (members, assign) = saved
                return placed.filter { assign[$0] != g }.allSatisfy { gather($0, into: g) }
            }
            guard gathered else { return nil }
        }
        for j in r.joiners {
            // A joiner wished together with someone already placed goes to that group when it can.
            let partner = r.togetherPairs.lazy.compactMap { $0.0 == j ? $0.1 : $0.1 == j ? $0.0 : nil }
                .compactMap { assign[$0] }.first
            if let g = partner, fits(j, g) {
                members[g].append(j)
                assign[j] = g
                continue
            }
            let best = members.indices.filter { fits(j, $0) }.min { a, b in
                let ka = (
                    members[a].count < cfg.minSizeAfterDropout && !members[a].isEmpty ? 0 : 1,
                    r.groups[a].homeRegion == p[j].region ? 0 : 1, members[a].count, a
                )
                let kb = (
                    members[b].count < cfg.minSizeAfterDropout && !members[b].isEmpty ? 0 : 1,
                    r.groups[b].homeRegion == p[j].region ? 0 : 1, members[b].count, b
                )
                return ka < kb
            }
            guard let g = best else { return nil }
            members[g].append(j)
            assign[j] = g
        }
        for g in members.indices where !members[g].isEmpty && members[g].count < cfg.minSizeAfterDropout {
            var trial = members, trialAssign = assign
            // Own region first, then from the largest group.
            let home = r.groups[g].homeRegion, conflicts = r.programme.conflicts
            let ok = TopUp.fill(
                g, in: &trial, minimum: cfg.minSizeAfterDropout,
                canJoin: { i, members in
                    !bound.contains(i) && r.allowed(i, g) && !members.contains { conflicts.areTied(i, $0) }
                },
                ranking: { _ in { i, _, size in [p[i].region == home ? 0 : 1, -size, i] } })
            for (h, people) in trial.enumerated() { for i in people { trialAssign[i] = h } }
            if !ok {
                // Dissolve: everyone to a group with room and no tie.
                trial = members
                trialAssign = assign
                for i in members[g] {
                    let target = trial.indices.filter { h in
                        h != g && trial[h].count >= cfg.minSizeAfterDropout && trial[h].count < cfg.maxSize
                            && r.allowed(i, h)
                            && !trial[h].contains { r.programme.conflicts.areTied(i, $0) }
                    }.min { (trial[$0].count, $0) < (trial[$1].count, $1) }
                    guard let h = target else { return nil }
                    trial[h].append(i)
                    trialAssign[i] = h
                }
                trial[g] = []
            }
            members = trial
            assign = trialAssign
        }
        return assign
    }
}
