import Grouping
import Intake

/// A quick feasible membership for the first incumbent: joiners into groups with room (undersized first,
/// own region next), then each group under the minimum filled from groups that can spare someone, or
/// dissolved into groups with room. nil when this simple repair gets stuck; the solver then starts cold.
struct Repair {
    let r: Regroup

    func run() -> [Int: Int]? {
        let cfg = r.programme.config.groups
        let p = r.programme.participants
        var members = r.remaining
        var assign = r.home
        let tied = { (i: Int, g: Int) in members[g].contains { r.programme.conflicts.areTied(i, $0) } }
        let fits = { (i: Int, g: Int) in r.allowed(i, g) && members[g].count < cfg.maxSize && !tied(i, g) }
        for j in r.joiners {
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
                canJoin: { i, members in r.allowed(i, g) && !members.contains { conflicts.areTied(i, $0) } },
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
