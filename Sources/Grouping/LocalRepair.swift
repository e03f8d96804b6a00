import Foundation
import GLPK
import Intake
import RunControl

/// The fallback for programmes too large for the all-slot model, when some region's aggregate counts cannot
/// be realised with named people (overlapping tied sets the aggregate does not see). The classes that did
/// work keep their groups; the people of the others are placed greedily (most constrained first, own region
/// first), anyone still left by a one-step ejection (move the single tied or blocking member elsewhere),
/// groups under the minimum are topped up, and then single moves and swaps that improve the objectives in
/// priority order run until nothing improves or time is up. The aggregate bounds still hold, so the
/// result states how far from proven optimal it is.
struct LocalRepair {
    let p: [Participant]
    let tied: [Set<Int>]
    let minSize: Int, maxSize: Int
    let priorities: [Objective]
    let regionOf: [Int], functionOf: [Int]
    /// The region each slot was meant for (nil: mixed or unknown).
    let slotRegion: [String?]
    var groups: [[Int]]
    /// Majority region per group while improving (recomputed only for groups that change).
    private var homes: [String?] = []
    /// Polled between people: a cancelled run gives up (placing returns false).
    var cancellation: Cancellation?
    /// People `improve` never moves (those wished together, once gathered).
    var pinned: Set<Int> = []
    /// Per person, those they met in an earlier cohort, when repeated pairs (`fresh`) are an objective rather than
    /// kept apart by rule (`Programme.countsRepeats`); nil otherwise.
    let met: [Set<Int>]?
    /// How many of `priorities` rank above `fresh`.
    let freshRank: Int
    /// Groups scored by `improve` so far: its counted work.
    private(set) var scored = 0
    /// Whether `improve` was stopped by the clock (or a cancel) rather than by its work allowance or a local optimum.
    private(set) var stoppedByClock = false
    /// Work units per group scored; calibrated against GLPK's units on the reference machine (Benchmarks/README.md).
    static let unitsPerScore = 4e-5

    init(_ programme: Programme, groups: [[Int]], slotRegion: [String?]) {
        p = programme.participants
        tied = programme.conflicts.neighbours.map(Set.init)
        minSize = programme.config.groups.minSize
        maxSize = programme.config.groups.maxSize
        priorities = programme.config.priorities
        let regions = Array(Set(p.map(\.region))).sorted()
        let r = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1, $0) })
        regionOf = p.map { r[$0.region]! }
        functionOf = GroupPlanner.functionIds(p)
        freshRank = programme.config.freshPlace
        if programme.countsRepeats {
            var met = Array(repeating: Set<Int>(), count: p.count)
            for pair in programme.metBefore {
                met[pair.a].insert(pair.b)
                met[pair.b].insert(pair.a)
            }
            self.met = met
        } else {
            met = nil
        }
        self.slotRegion = slotRegion
        self.groups = groups
    }

    func clear(_ i: Int, _ g: Int) -> Bool { !groups[g].contains { tied[i].contains($0) } }
    func region(_ g: Int) -> String? { groups[g].isEmpty ? slotRegion[g] : Metrics.homeRegion(groups[g], p) }

    /// Places `people`, most tied first (a static DSatur order: the dynamic one costs people × groups per
    /// step, minutes at 2,000 people); false when someone cannot be placed even with an ejection.
    mutating func place(_ people: [Int], preferring slots: Set<Int>) -> Bool {
        for i in people.sorted(by: { (-tied[$0].count, $0) < (-tied[$1].count, $1) }) {
            if cancellation?.isCancelled == true { return false }
            var best: ((Int, Int, Int, Int), Int)?
            for g in groups.indices where groups[g].count < maxSize && clear(i, g) {
                let key = (slots.contains(g) ? 0 : 1, region(g) == p[i].region ? 0 : 1, groups[g].count, g)
                if best == nil || key < best!.0 { best = (key, g) }
            }
            // Outside their own region only when no one-step ejection makes room at home.
            if let g = best?.1, region(g) == p[i].region || slots.contains(g) {
                groups[g].append(i)
                continue
            }
            if eject(for: i, withinRegion: true) { continue }
            if let g = best?.1 {
                groups[g].append(i)
                continue
            }
            guard eject(for: i) else { return false }
        }
        return true
    }

    /// Frees a place for `i`: in some group, the one member blocking `i` (tied to `i`, or any member when
    /// the group is full and nobody is tied) moves to another group with room and no tie.
    /// With `withinRegion`, only groups of `i`'s region, and the ejected member moves to another of them.
    mutating func eject(for i: Int, withinRegion: Bool = false) -> Bool {
        let order = groups.indices.filter { !withinRegion || region($0) == p[i].region }
            .sorted { (region($0) == p[i].region ? 0 : 1, $0) < (region($1) == p[i].region ? 0 : 1, $1) }
        for g in order {
            let blockers = groups[g].filter { tied[i].contains($0) }
            let candidates =
                blockers.count == 1 ? blockers : (blockers.isEmpty && groups[g].count >= maxSize ? groups[g] : [])
            for j in candidates {
                let rest = groups[g].filter { $0 != j }
                guard rest.allSatisfy({ !tied[i].contains($0) }) else { continue }
                if let h = groups.indices.first(where: {
                    $0 != g && groups[$0].count < maxSize && clear(j, $0)
                        && (!withinRegion || region($0) == p[j].region)
                }) {
                    groups[g] = rest + [i]
                    groups[h].append(j)
                    return true
                }
            }
        }
        return false
    }

    /// Tops up groups under the minimum from groups that can spare someone; false when that is impossible.
    mutating func fillSmallGroups() -> Bool {
        for g in groups.indices where groups[g].count < minSize {
            if cancellation?.isCancelled == true { return false }
            let (tied, p, planned) = (self.tied, self.p, slotRegion[g])
            let filled = TopUp.fill(
                g, in: &groups, minimum: minSize, canJoin: { i, members in !members.contains { tied[i].contains($0) } },
                ranking: { members in
                    // The group's region as it stands: the planned one while it is empty.
                    let home = members.isEmpty ? planned : Metrics.homeRegion(members, p)
                    return { i, h, _ in [p[i].region == home ? 0 : 1, h, i] }
                })
            if !filled { return false }
        }
        return true
    }

    /// The objectives of one group in priority order, without allocating: groups have at most a dozen members.
    struct Score: Comparable {
        var a = 0, b = 0, c = 0, d = 0, e = 0
        static func < (x: Score, y: Score) -> Bool { (x.a, x.b, x.c, x.d, x.e) < (y.a, y.b, y.c, y.d, y.e) }
        static func + (x: Score, y: Score) -> Score {
            Score(a: x.a + y.a, b: x.b + y.b, c: x.c + y.c, d: x.d + y.d, e: x.e + y.e)
        }
    }

    /// Whether `improve` also prefers, among moves that keep the spread, those that gather each level in fewer
    /// groups (`Score` ranks the number of same-level pairs right after the spread): a mixed group only turns
    /// level when its last member of the other level leaves, which no single move that keeps the rest does.
    var concentrate = false

    func score(_ m: [Int]) -> Score {
        var v = [0, 0, 0, 0, 0]
        var n = 0
        for (rank, o) in priorities.prefix(3).enumerated() {
            if let met, rank == freshRank {
                v[n] = repeats(m, met)
                n += 1
            }
            defer { n += 1 }
            switch o {
            case .region:
                var best = 0
                for x in m.indices {
                    var c = 0
                    for y in m.indices where regionOf[m[y]] == regionOf[m[x]] { c += 1 }
                    best = max(best, c)
                }
                v[n] = m.count - best
            case .level:
                var lo = Int.max, hi = Int.min
                for x in m {
                    lo = min(lo, p[x].level)
                    hi = max(hi, p[x].level)
                }
                v[n] = m.isEmpty ? 0 : hi - lo
                if concentrate {
                    n += 1
                    for x in m { for y in m where p[y].level == p[x].level { v[n] -= 1 } }
                }
            case .variety:
                var distinct = 0
                for x in m.indices where !m[..<x].contains(where: { functionOf[$0] == functionOf[m[x]] }) {
                    distinct += 1
                }
                v[n] = m.count - distinct
            }
        }
        if let met, freshRank >= min(3, priorities.count) { v[n] = repeats(m, met) }
        return Score(a: v[0], b: v[1], c: v[2], d: v[3], e: v[4])
    }

    /// Pairs in `m` who met before.
    private func repeats(_ m: [Int], _ met: [Set<Int>]) -> Int {
        var n = 0
        for (x, i) in m.enumerated() { for j in m[(x + 1)...] where met[i].contains(j) { n += 1 } }
        return n
    }

    /// Whether `i` costs its group something a move could save.
    func costly(_ i: Int, in g: Int) -> Bool {
        let m = groups[g]
        if let met, m.contains(where: { met[i].contains($0) }) { return true }
        for o in priorities {
            switch o {
            case .region: if let r = region(g), p[i].region != r { return true }
            case .level:
                let levels = m.map { p[$0].level }
                if levels.min()! != levels.max()!, p[i].level == levels.min()! || p[i].level == levels.max()! {
                    return true
                }
            case .variety: if m.contains(where: { $0 != i && functionOf[$0] == functionOf[i] }) { return true }
            }
        }
        return false
    }

    /// Single moves and swaps between groups, taken whenever they improve the objectives in priority order,
    /// until none does or `share` of the run's work left is spent (counted in groups scored, so the result is
    /// the same on any machine); the clock only stops it at the run's time limit. The work is recorded in `run`.
    /// Candidate groups for a person: those of their own region and those of the group's region.
    mutating func improve(within run: RunBudget, share: Double) {
        let allowance = Int(run.workShare(of: share) / Self.unitsPerScore)
        let start = scored
        defer { run.spend(Double(scored - start) * Self.unitsPerScore) }
        var scores = groups.map(score)
        homes = groups.indices.map(region)
        var improved = true
        func more() -> Bool {
            if run.isSpent {
                stoppedByClock = true
                return false
            }
            return scored - start < allowance
        }
        while improved && more() {
            improved = false
            for g in groups.indices where more() {
                var x = 0
                while x < groups[g].count {
                    let i = groups[g][x]
                    if !pinned.contains(i), costly(i, in: g), tryImprove(i, from: g, &scores) {
                        improved = true
                    } else {
                        x += 1
                    }
                }
            }
        }
    }

    /// The record of the moves and swaps done so far, as a solver stage.
    func stage(_ name: String, seconds: Double) -> SolveStats.Stage {
        SolveStats.Stage(
            name: name, variables: 0, constraints: 0, status: "feasible", seconds: seconds, iterations: scored,
            work: Double(scored) * Self.unitsPerScore, stoppedBy: stoppedByClock ? StopReason.time.label : nil)
    }

    private mutating func tryImprove(_ i: Int, from g: Int, _ scores: inout [Score]) -> Bool {
        let without = groups[g].filter { $0 != i }
        let gWithout = score(without)
        let home = homes[g]
        for h in groups.indices where h != g && (homes[h] == p[i].region || homes[h] == home) {
            let before = scores[g] + scores[h]
            scored += 1
            if groups[g].count > minSize && groups[h].count < maxSize && clear(i, h) {
                let hWith = score(groups[h] + [i])
                if gWithout + hWith < before {
                    groups[g] = without
                    groups[h].append(i)
                    scores[g] = gWithout
                    scores[h] = hWith
                    homes[g] = region(g)
                    homes[h] = region(h)
                    return true
                }
            }
            for j in groups[h] where !pinned.contains(j) && !tied[j].contains(where: { without.contains($0) }) {
                let hRest = groups[h].filter { $0 != j }
                guard !hRest.contains(where: { tied[i].contains($0) }) else { continue }
                let gNew = without + [j], hNew = hRest + [i]
                let (sg, sh) = (score(gNew), score(hNew))
                scored += 2
                if sg + sh < before {
                    groups[g] = gNew
                    groups[h] = hNew
                    scores[g] = sg
                    scores[h] = sh
                    homes[g] = region(g)
                    homes[h] = region(h)
                    return true
                }
            }
        }
        return false
    }
}
