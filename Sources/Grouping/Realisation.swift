import Intake
import RunControl

extension GroupPlanner {
    /// A number per distinct function (as `Text.functionKey` spells them, in sorted order), per participant.
    static func functionIds(_ p: [Participant]) -> [Int] {
        let keys = p.map { Text.functionKey($0.function) }
        let index = Dictionary(uniqueKeysWithValues: Array(Set(keys)).sorted().enumerated().map { ($1, $0) })
        return keys.map { index[$0]! }
    }

    /// `members` (participants) packed into `bins` groups by `EjectionChains.pack`, by level bands when
    /// level is an objective and with the variety tie-break when variety is. Groups and the stuck are
    /// positions in `members`.
    static func pack(_ members: [Int], into bins: Int, _ programme: Programme) -> (
        bins: [[Int]], stuck: [Int], filled: Bool
    ) {
        let p = programme.participants, g = programme.config.groups, priorities = programme.config.priorities
        let position = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        let tied = members.map { programme.conflicts.neighbours[$0].compactMap { position[$0] }.sorted() }
        let functions = priorities.contains(.variety) ? functionIds(p) : nil
        return EjectionChains.pack(
            people: members.count, tied: tied, bins: bins, minSize: g.minSize, maxSize: g.maxSize,
            levels: priorities.contains(.level) ? members.map { p[$0].level } : nil,
            functions: functions.map { f in members.map { f[$0] } })
    }

    /// Who fills each class, as the detailed models receive them: each type's flow into a class, taken from
    /// the type's people in order. People of one type are twins (same region, level, function and tied
    /// sets), so which of them go where changes nothing.
    static func classPeople(_ c: Composition, _ flow: [[Int]], classes: [Int]) -> [Int: [Int]] {
        var pool = c.members.map { $0[...] }
        var people: [Int: [Int]] = [:]
        for cl in classes {
            for t in c.types.indices where flow[t][cl] > 0 {
                people[cl, default: []] += pool[t].prefix(flow[t][cl])
                pool[t] = pool[t].dropFirst(flow[t][cl])
            }
        }
        return people
    }

    /// Classes of an aggregate plan whose people the greedy pass and ejection chains cannot fit into the
    /// class's groups, with who is left over (or, for groups left short, their members) and how many are
    /// unplaced — a cheap check that is never wrong when it says "fits".
    /// Also returns the groups it built for the classes that fit (members per group), so a plan exists
    /// even when no later model realises its counts.
    static func realise(_ programme: Programme, _ c: Composition, flow: [[Int]], groupsPerClass: [Int])
        -> (groups: [[Int]], stuck: [(cl: Int, people: [Int], unplaced: Int)])
    {
        let classes = groupsPerClass.indices.filter { groupsPerClass[$0] > 0 }
        let people = classPeople(c, flow, classes: classes)
        let g = programme.config.groups
        var groups: [[Int]] = [], stuck: [(cl: Int, people: [Int], unplaced: Int)] = []
        for cl in classes {
            let members = (people[cl] ?? []).sorted()
            // The first stage ignores levels; packing by level bands gives the later stages a start with little spread.
            let packed = pack(members, into: groupsPerClass[cl], programme)
            // A class whose groups could not all be filled names the members of its short groups instead.
            let left =
                packed.filled
                ? packed.stuck.map { members[$0] }
                : packed.stuck.map { members[$0] }
                    + packed.bins.filter { $0.count < g.minSize }.flatMap { $0.map { members[$0] } }
            if !left.isEmpty { stuck.append((cl, left, packed.stuck.count)) }
            groups += packed.bins.map { $0.map { members[$0] } }
        }
        return (groups, stuck)
    }
}

extension GroupPlanner {
    /// A whole plan by hand, for programmes whose first aggregate model GLPK cannot find a solution for in
    /// its time (5,000 people): each region gets its share of the groups (people / target size, adjusted
    /// to `k` in total and to what its people can fill), is packed by the greedy pass and ejection chains,
    /// and whoever is left is placed by `LocalRepair`, own region first. nil when that gets stuck.
    static func greedyPlan(_ programme: Programme, groups k: Int, _ deadline: RunBudget) -> [[Int]]? {
        let p = programme.participants, g = programme.config.groups
        let byRegion = Dictionary(grouping: p.indices, by: { p[$0].region }).sorted { $0.key < $1.key }
        var quota = byRegion.map {
            max(0, min($0.value.count / g.minSize, Int((Double($0.value.count) / Double(g.targetSize)).rounded())))
        }
        // Match the total to k: add groups where people per group is highest, remove where it is lowest.
        func load(_ r: Int) -> Double { Double(byRegion[r].value.count) / Double(max(quota[r], 1)) }
        while quota.reduce(0, +) < k,
            let r = quota.indices.filter({ quota[$0] < byRegion[$0].value.count / g.minSize }).max(by: {
                load($0) < load($1)
            })
        { quota[r] += 1 }
        while quota.reduce(0, +) > k, let r = quota.indices.filter({ quota[$0] > 0 }).min(by: { load($0) < load($1) }) {
            quota[r] -= 1
        }
        var groups: [[Int]] = [], slotRegion: [String?] = [], left: [Int] = []
        for (r, entry) in byRegion.enumerated() {
            if deadline.isCancelled { return nil }
            let members = entry.value
            guard quota[r] > 0 else {
                left += members
                continue
            }
            let packed = pack(members, into: quota[r], programme)
            groups += packed.bins.map { $0.map { members[$0] } }
            slotRegion += Array(repeating: entry.key, count: quota[r])
            left += packed.stuck.map { members[$0] }
        }
        while groups.count < k {
            groups.append([])
            slotRegion.append(nil)
        }
        var repair = LocalRepair(programme, groups: groups, slotRegion: slotRegion)
        repair.cancellation = deadline.cancellation
        guard repair.place(left, preferring: []), repair.fillSmallGroups(),
            repair.groups.allSatisfy({ (g.minSize...g.maxSize).contains($0.count) })
        else { return nil }
        repair.improve(within: deadline, share: 0.05)
        return repair.groups
    }
}
