import GLPK
import Grouping
import Intake
import RunControl

/// Which people move, among choices with as many moves: stage 1 of a regroup proves the fewest moves, but any of
/// several people may be the one who moves, and the priorities stage only places the ones stage 1 chose. Measured:
/// three leaving one group of 24 people in pure-level groups, stage 1 sent a level-2 member to top it up where a
/// level-1 member keeps every group level (spread 1 reported "optimal" for that choice).
extension Regroup {
    /// Evaluations of one exchange the search may spend: counted, so the choice is the same on any machine.
    static let moverChoiceWork = 200_000

    /// The assignment with movers exchanged for people staying at home — `m` stays, `n` goes where `m` went — while
    /// that improves the organiser's order (`Metrics` per group, repeated pairs at `fresh`'s place when they count);
    /// every rule, lock, wish and size still holds and the number of moves is the same. nil when nothing improves.
    /// The evaluations spent are recorded in `stats`; a cancelled or timed-out run stops early (the clock is only
    /// the run's safety cap).
    func betterMovers(_ assignment: [Int: Int], budget: RunBudget, stats: inout SolveStats) -> [Int: Int]? {
        let maxSize = programme.config.groups.maxSize
        let together = Set(togetherPairs.flatMap { [$0.0, $0.1] })
        var a = assignment
        var members: [Int: [Int]] = [:]
        for i in people { members[a[i]!, default: []].append(i) }
        func tied(_ i: Int, _ m: [Int]) -> Bool { m.contains { $0 != i && programme.conflicts.areTied(i, $0) } }
        func score(_ m: [Int]) -> [Int] { Metrics.ranked([m], programme) }
        func plus(_ x: [Int], _ y: [Int]) -> [Int] { zip(x, y).map { $0 + $1 } }
        var work = 0, changed = false, improved = true, exchanges = 0
        defer {
            stats.stages.append(
                SolveStats.Stage(
                    name: "who moves: \(exchanges) exchange(s) of a mover for someone staying", variables: 0,
                    constraints: 0, status: "feasible", seconds: 0, iterations: work,
                    stoppedBy: budget.isSpent && work < Self.moverChoiceWork ? StopReason.time.label : nil))
        }
        while improved && work < Self.moverChoiceWork && !budget.isSpent {
            improved = false
            for m in people where !together.contains(m) && home[m] != nil && a[m] != home[m] {
                let h = home[m]!, g = a[m]!
                guard let atHome = members[h], !atHome.isEmpty, allowed(m, h), !tied(m, atHome) else { continue }
                exchange: for n in people.sorted() where n != m && !together.contains(n) && home[n] == a[n] {
                    let h2 = a[n]!
                    guard h2 != g, allowed(n, g), work < Self.moverChoiceWork else { continue }
                    if work % 1_000 == 0 && budget.isSpent { break exchange }
                    work += 1
                    let newG = members[g]!.filter { $0 != m } + [n]
                    let newH = atHome.filter { $0 != n } + [m]
                    let newH2 = h2 == h ? newH : members[h2]!.filter { $0 != n }
                    guard newH.count <= maxSize, newH2.count >= minimum(h2), !tied(n, newG), !tied(m, newH) else {
                        continue
                    }
                    let touched = h2 == h ? [g, h] : [g, h, h2]
                    let before = touched.map { score(members[$0]!) }.reduce(into: score([])) { $0 = plus($0, $1) }
                    let after = (h2 == h ? [newG, newH] : [newG, newH, newH2]).map(score)
                        .reduce(into: score([])) { $0 = plus($0, $1) }
                    guard after.lexicographicallyPrecedes(before) else { continue }
                    (members[g], members[h]) = (newG, newH)
                    if h2 != h { members[h2] = newH2 }
                    (a[m], a[n]) = (h, g)
                    changed = true
                    improved = true
                    exchanges += 1
                    break exchange
                }
            }
        }
        return changed ? a : nil
    }
}
