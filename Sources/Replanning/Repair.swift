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
            var ok = true
            while trial[g].count < cfg.minSizeAfterDropout {
                let donor = r.people.filter { i in
                    let h = trialAssign[i]!
                    return h != g && trial[h].count > cfg.minSizeAfterDropout && r.allowed(i, g)
                        && !trial[g].contains { r.programme.conflicts.areTied(i, $0) }
                }.min { a, b in
                    (p[a].region == r.groups[g].homeRegion ? 0 : 1, -trial[trialAssign[a]!].count, a) < (
                        p[b].region == r.groups[g].homeRegion ? 0 : 1, -trial[trialAssign[b]!].count, b
                    )
                }
                guard let i = donor else {
                    ok = false
                    break
                }
                trial[trialAssign[i]!].removeAll { $0 == i }
                trial[g].append(i)
                trialAssign[i] = g
            }
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
