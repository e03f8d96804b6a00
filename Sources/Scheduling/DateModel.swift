import GLPK
import Grouping
import Intake
import RunControl

/// Meeting dates for the groups of one facilitator (or one group without a facilitators file) as one
/// integer program: y[g,k,d] = meeting k of group g on day d. Spacing is written as "meeting k on d needs
/// meeting k−1 inside d's window", which keeps the relaxation of each group a path and the LP nearly integral;
/// the facilitator's groups share each day at most once. Minimised: member absences first, then the distance
/// from evenly spread ideal dates (so meetings cover the period instead of bunching at its start).
struct DateModel {
    struct Input {
        var group: Group
        var candidates: [[Int]]
        /// Members unavailable per day offset.
        var absentees: [Int: [Int]]
        /// In a replan: the day offset each meeting had. Keeping it comes before everything else.
        var anchor: [Int]?
        /// Meetings dropped on their own (indices): pinned, and no spacing is kept to or from them.
        var dropped: Set<Int> = []

        /// With the members unavailable on each candidate day looked up.
        init(group: Group, candidates: [[Int]], first: Day, programme: Programme, anchor: [Int]? = nil) {
            self.group = group
            self.candidates = candidates
            self.anchor = anchor
            var absentees: [Int: [Int]] = [:]
            for d in Set(candidates.flatMap { $0 }) {
                let who = Scheduler.unavailable(group.members, on: first.adding(days: d), programme)
                if !who.isEmpty { absentees[d] = who }
            }
            self.absentees = absentees
        }
    }

    /// Groups only interact through a shared facilitator; without one each group is its own model.
    /// Indices into `groups`, each component ascending, components by their first group.
    static func components(_ groups: [Group], facilitatorOf: [String: Int]) -> [[Int]] {
        Dictionary(grouping: groups.indices, by: { facilitatorOf[groups[$0].id] ?? -1 - $0 })
            .values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
    struct Output {
        var offsets: [[Int]]
        var absences: Int
        var bound: Int
        var status: SolveStatus
        /// True when the model found nothing in time and `earliest` chose the dates.
        var byRule = false
    }

    static func solve(_ inputs: [Input], rules: DateRules, budget: RunBudget, share: Double) throws(SchedulingFailure)
        -> Output
    {
        var model = Model(name: "dates")
        let m = rules.schedule.meetings
        var y: [[[Int: Variable]]] = []
        for (g, input) in inputs.enumerated() {
            y.append(
                input.candidates.enumerated().map { k, days in
                    Dictionary(
                        uniqueKeysWithValues: days.map { ($0, model.addVariable("y\(g)_\(k)_\($0)", kind: .binary)) })
                })
        }
        var absences = LinearExpression(), deviation = LinearExpression(), changes = LinearExpression()
        var worstDeviation = 0.0, worstAbsences = 0.0
        for (g, input) in inputs.enumerated() {
            let previousDays = y[g].map { $0.keys.sorted() }
            for k in 0..<m {
                model.add(.sum(y[g][k].values.sorted()), .equal, 1, name: "once_\(g)_\(k)")
                let ideal = input.anchor.map { Double($0[k]) } ?? (m == 1 ? 0 : Double(k * rules.span) / Double(m - 1))
                worstDeviation += Double(rules.span)
                worstAbsences += Double(input.group.members.count)
                // Sorted: the order of terms and rows reaches GLPK, and a Dictionary's order changes per process.
                for (d, v) in y[g][k].sorted(by: { $0.key < $1.key }) {
                    absences = absences + Double(input.absentees[d]?.count ?? 0) * v
                    deviation = deviation + abs(Double(d) - ideal).rounded() * v
                    if let anchor = input.anchor, anchor[k] != d { changes = changes + v }
                    guard k > 0, !input.dropped.contains(k), !input.dropped.contains(k - 1) else { continue }
                    let earlier = DateRules.slice(previousDays[k - 1], in: rules.previous(before: d))
                    let window = earlier.map { y[g][k - 1][$0]! }.sorted()
                    model.add(v - .sum(window), .lessOrEqual, 0, name: "after_\(g)_\(k)_\(d)")
                }
            }
        }
        // A facilitator leads at most one meeting a day. A date fixed for all groups is the exception: there
        // every group holds that meeting, and the facilitator's groups meet one after the other.
        if inputs.count > 1 {
            var byDay: [Int: [Variable]] = [:]
            for g in y.indices {
                for k in 0..<m where rules.fixedDate(k) == nil && !inputs[g].dropped.contains(k) {
                    for (d, v) in y[g][k].sorted(by: { $0.key < $1.key }) { byDay[d, default: []].append(v) }
                }
            }
            for (d, vs) in byDay.sorted(by: { $0.key < $1.key }) where vs.count > 1 {
                model.add(.sum(vs), .lessOrEqual, 1, name: "day_\(d)")
            }
        }
        // Weighted so that one absence outweighs any change in spread: the absence count stays lexicographically first.
        let absenceWeight = worstDeviation + 1
        model.minimize(absenceWeight * (worstAbsences + 1) * changes + absenceWeight * absences + deviation)
        var options = SolverOptions(within: budget, share: share)
        options.cuts = .all
        let s: Solution
        do { s = try Solver.solve(model, options: options) } catch { throw .internalError("dates: \(error)") }
        guard s.hasSolution else {
            if s.status == .infeasible { return Output(offsets: [], absences: 0, bound: 0, status: .infeasible) }
            // No calendar in the time this part had (a long period, a busy machine): dates by rule rather than
            // none, with nothing proven about absences.
            guard let offsets = earliest(inputs, rules: rules) else {
                throw .internalError("dates: no calendar found within the time limit (\(s.status.rawValue))")
            }
            let absent = zip(inputs, offsets).reduce(0) { sum, pair in
                sum + pair.1.reduce(0) { $0 + (pair.0.absentees[$1]?.count ?? 0) }
            }
            return Output(offsets: offsets, absences: absent, bound: 0, status: .feasible, byRule: true)
        }
        let offsets = y.map { meetings in meetings.map { days in days.first { s[$0.value] > 0.5 }!.key } }
        let value = Int(s.value(absences).rounded())
        // The bound on the weighted objective bounds the absences too, because deviation < weight
        // (without anchors; with them the absences are not what is minimised first).
        let bound = s.status == .optimal ? value : Int(((s.bestBound ?? 0) / absenceWeight).rounded(.down))
        return Output(offsets: offsets, absences: value, bound: max(0, bound), status: s.status)
    }

    /// Dates by rule when the model has no answer in time: group after group, each meeting on the first
    /// candidate day that follows the previous meeting within the spacing rules, from which the group's later
    /// meetings can still be placed, and on which the facilitator leads no other group (a date fixed for all
    /// groups excepted). nil when that gets stuck.
    static func earliest(_ inputs: [Input], rules: DateRules) -> [[Int]]? {
        var used = Set<Int>(), result: [[Int]] = []
        for input in inputs {
            let cands = input.candidates.map { $0.sorted() }
            let m = cands.count
            // canFinish[k]: days for meeting k from which meetings k+1… can all still be placed.
            var canFinish = [[Int]](repeating: [], count: m)
            if m > 0 { canFinish[m - 1] = cands[m - 1] }
            for k in stride(from: m - 2, through: 0, by: -1) {
                canFinish[k] = cands[k].filter { !DateRules.slice(canFinish[k + 1], in: rules.next(after: $0)).isEmpty }
            }
            var days: [Int] = []
            for k in 0..<m {
                let shared = rules.fixedDate(k) != nil
                let window = days.last.map { rules.next(after: $0) } ?? Int.min...Int.max
                guard let d = canFinish[k].first(where: { window.contains($0) && (shared || !used.contains($0)) })
                else { return nil }
                days.append(d)
            }
            for (k, d) in days.enumerated() where rules.fixedDate(k) == nil { used.insert(d) }
            result.append(days)
        }
        return result
    }
}
