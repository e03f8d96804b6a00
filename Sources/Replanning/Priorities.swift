import GLPK
import Grouping
import Intake
import RunControl

/// Stage 2 of a regroup: the people who move and the late joiners choose among the open groups, with
/// everybody else fixed, minimising the configured priorities in order. Bounds hold for this choice only.
struct Priorities {
    let r: Regroup
    let assignment: [Int: Int]
    let movers: [Int]
    /// Another valid assignment moving the same people into the same open groups (the greedy start): the search
    /// starts from whichever of the two is better in the priorities' order.
    let alternative: [Int: Int]?

    init(_ r: Regroup, assignment: [Int: Int], movers: [Int], alternative: [Int: Int]? = nil) {
        self.r = r
        self.assignment = assignment
        self.movers = movers
        self.alternative = alternative
    }

    func solve(budget: RunBudget, stats: inout SolveStats) throws(ReplanFailure) -> ([Int: Int], [ObjectiveResult]) {
        let p = r.programme.participants
        let cfg = r.programme.config.groups
        let open = Array(Set(assignment.values)).sorted()
        let moving = Set(movers)
        var fixed: [Int: [Int]] = [:]
        for i in assignment.keys.sorted() where !moving.contains(i) { fixed[assignment[i]!, default: []].append(i) }
        var model = Model(name: "replan-priorities")
        var x: [Int: [Int: Variable]] = [:]
        for i in movers.sorted() {
            var row: [Int: Variable] = [:]
            for g in open
            where r.allowed(i, g) && !(fixed[g] ?? []).contains(where: { r.programme.conflicts.areTied(i, $0) }) {
                row[g] = model.addVariable("x\(i)_\(g)", kind: .binary)
            }
            x[i] = row
            model.add(.sum(row.values.sorted()), .equal, 1, name: "one_\(i)")
        }
        func count(_ g: Int, _ who: [Int]) -> LinearExpression {
            LinearExpression(
                who.compactMap { x[$0]?[g] }.map { ($0, 1.0) },
                constant: Double(who.filter { !moving.contains($0) && assignment[$0] == g }.count))
        }
        var size: [Int: LinearExpression] = [:]
        for g in open {
            size[g] = count(g, r.people)
            model.add(size[g]!, .greaterOrEqual, Double(r.minimum(g)), name: "min_\(g)")
            model.add(size[g]!, .lessOrEqual, Double(cfg.maxSize), name: "max_\(g)")
        }
        for (q, clique) in r.cliques().enumerated() {
            let inMotion = clique.filter(moving.contains)
            guard inMotion.count > 1 else { continue }
            for g in open {
                let vars = inMotion.compactMap { x[$0]?[g] }
                if vars.count > 1 { model.add(.sum(vars), .lessOrEqual, 1, name: "clique\(q)_\(g)") }
            }
        }
        // Wished together: movers go with their partner, wherever the membership stage put the pair.
        for (n, (i, j)) in r.togetherPairs.enumerated() {
            switch (moving.contains(i), moving.contains(j)) {
            case (true, true):
                for g in open {
                    let a = x[i]?[g].map { LinearExpression([($0, 1.0)]) } ?? LinearExpression(constant: 0)
                    let b = x[j]?[g].map { LinearExpression([($0, 1.0)]) } ?? LinearExpression(constant: 0)
                    model.add(a - b, .equal, 0, name: "together\(n)_\(g)")
                }
            case (true, false), (false, true):
                let (mover, anchor) = moving.contains(i) ? (i, j) : (j, i)
                guard let g = assignment[anchor] else { continue }
                let v = x[mover]?[g].map { LinearExpression([($0, 1.0)]) } ?? LinearExpression(constant: 0)
                model.add(v, .equal, 1, name: "together\(n)")
            case (false, false): continue
            }
        }
        var reach: [Int: [Int]] = [:]
        for i in x.keys.sorted() { for g in x[i]!.keys.sorted() { reach[g, default: []].append(i) } }
        let metrics = MetricModel(
            model: &model, people: r.people, groups: open, size: size, count: count, fixed: fixed, reach: reach,
            programme: r.programme)
        func values(_ a: [Int: Int]) -> [Double] {
            var v = [Double](repeating: 0, count: model.variableCount)
            for i in movers { if let column = x[i]?[a[i]!] { v[column.index] = 1 } }
            metrics.complete(&v, assignment: a)
            return v
        }
        // The organiser's order, with the repeated pairs at `fresh`'s place when they are an objective.
        var steps: [(name: String, expression: LinearExpression, objective: Objective?)] =
            r.programme.config.priorities.map { ($0.metric, metrics.expression[$0]!, $0) }
        if let repeats = metrics.repeats {
            steps.insert(("fresh", repeats, nil), at: min(r.programme.config.freshPlace, steps.count))
        }
        let cost = { (v: [Double]) in steps.map { $0.expression.value(at: v) } }
        var start = values(assignment)
        if let other = alternative.map(values), model.violation(of: other) == nil,
            cost(other).lexicographicallyPrecedes(cost(start))
        {
            start = other
        }
        var results: [ObjectiveResult] = []
        for (n, (name, objective, o)) in steps.enumerated() {
            var options = SolverOptions(within: budget, share: 1 / Double(steps.count - n))
            // No MIR cuts: on these small models they cost more time than they save (measured on the 345 fixture).
            options.cuts = .init(gomory: true, mir: false, cover: true, clique: true)
            options.warmStart = start
            let step: Lexicographic.Step
            do { step = try Lexicographic.minimize(objective, in: &model, holding: name, options: options) } catch {
                throw .internalError("replan \(name): \(error)")
            }
            let s = step.solution
            stats.stages.append(
                .init(name, variables: step.variables, constraints: step.rows, s))
            stats.seconds += s.elapsed
            guard let value = step.value else {
                // It starts from the membership's plan, so only a fault leaves it without one.
                if s.status == .infeasible { throw .internalError("replan \(name): \(s.status.rawValue)") }
                throw .outOfTime("replan \(name)")
            }
            if !step.proven { stats.timeLimitHit = true }
            if let o { results.append(ObjectiveResult(objective: o, value: value, bound: step.bound)) }
            start = s.values
        }
        var final = assignment
        for i in movers { final[i] = x[i]!.first { start[$0.value.index] > 0.5 }!.key }
        // The metrics re-counted from the groups themselves: what the report shows.
        let groups = Dictionary(grouping: r.people, by: { final[$0]! }).values.map { $0.sorted() }
        for n in results.indices { results[n].value = Metrics.total(results[n].objective, groups, p) }
        return (final, results)
    }
}

/// The SPEC metrics as linear expressions over an assignment in which only `movers` choose, exact for integral
/// solutions. A group no mover can reach contributes a constant; inside the others every region, level and
/// function a fixed member already brings is a constant too, and the big-M of each region row is only as large as
/// that group can actually get — which keeps the relaxation tight when few people move.
struct MetricModel {
    var expression: [Objective: LinearExpression] = [:]
    /// Repeated pairs (`fresh`) when they are an objective, else nil.
    var repeats: LinearExpression?
    private var fill: [(variable: Variable, value: ([Int: Int]) -> Double)] = []

    init(
        model: inout Model, people: [Int], groups: [Int], size: [Int: LinearExpression],
        count: (Int, [Int]) -> LinearExpression, fixed: [Int: [Int]], reach: [Int: [Int]], programme: Programme
    ) {
        let p = programme.participants
        let members = { (g: Int, a: [Int: Int]) in people.filter { a[$0] == g } }
        var away = LinearExpression(), spread = LinearExpression(), variety = LinearExpression()
        for g in groups {
            let F = fixed[g] ?? [], R = reach[g] ?? []
            guard !R.isEmpty else {
                away = away + Double(Metrics.away(F, p))
                spread = spread + Double(Metrics.spread(F, p))
                variety = variety + Double(Metrics.variety(F, p))
                continue
            }
            // away: size − largest region, the largest chosen among regions that can occur here.
            let regions = Array(Set((F + R).map { p[$0].region })).sorted()
            let most = regions.map { r in (F + R).filter { p[$0].region == r }.count }
            let top = Double(most.max() ?? 0)
            let largest = model.addVariable("largest\(g)", lowerBound: 0, upperBound: top)
            fill.append((largest, { a in Double(Metrics.tally(members(g, a).map { p[$0].region }).first?.count ?? 0) }))
            var h: [Variable] = []
            for r in regions {
                let fixedHere = Double(F.filter { p[$0].region == r }.count)
                let v = model.addVariable("h\(g)_\(r)", kind: .binary)
                h.append(v)
                fill.append((v, { a in Metrics.tally(members(g, a).map { p[$0].region }).first?.value == r ? 1 : 0 }))
                model.add(
                    largest - count(g, people.filter { p[$0].region == r }) + (top - fixedHere) * v, .lessOrEqual,
                    top - fixedHere, name: "largest_\(g)_\(r)")
            }
            model.add(.sum(h), .equal, 1, name: "region_\(g)")
            away = away + size[g]! - largest
            // spread: highest − lowest level present; levels of fixed members are present for sure.
            let levels = Array(Set((F + R).map { p[$0].level })).sorted()
            let topLevel = Double(levels.last ?? 0)
            let hi = model.addVariable("hi\(g)", lowerBound: 0, upperBound: topLevel),
                lo = model.addVariable("lo\(g)", lowerBound: 0, upperBound: topLevel)
            fill.append((hi, { a in Double(members(g, a).map { p[$0].level }.max() ?? 0) }))
            fill.append((lo, { a in Double(members(g, a).map { p[$0].level }.min() ?? 0) }))
            model.add(hi - lo, .greaterOrEqual, 0, name: "order_\(g)")
            let fixedLevels = Set(F.map { p[$0].level })
            for level in levels {
                if fixedLevels.contains(level) {
                    model.add(LinearExpression([(hi, 1)]), .greaterOrEqual, Double(level), name: "hi_\(g)_\(level)")
                    model.add(LinearExpression([(lo, 1)]), .lessOrEqual, Double(level), name: "lo_\(g)_\(level)")
                    continue
                }
                let present = model.addVariable("lv\(g)_\(level)", kind: .binary)
                fill.append((present, { a in members(g, a).contains { p[$0].level == level } ? 1 : 0 }))
                let who = R.filter { p[$0].level == level }
                model.add(count(g, who) - Double(who.count) * present, .lessOrEqual, 0, name: "lv_\(g)_\(level)")
                model.add(hi - Double(level) * present, .greaterOrEqual, 0, name: "hi_\(g)_\(level)")
                model.add(lo + topLevel * present, .lessOrEqual, Double(level) + topLevel, name: "lo_\(g)_\(level)")
            }
            spread = spread + hi - lo
            // variety: size − distinct functions; functions of fixed members count for sure.
            let fixedFunctions = Set(F.map { Text.functionKey(p[$0].function) })
            var distinct = LinearExpression(constant: Double(fixedFunctions.count))
            for f in Set(R.map { Text.functionKey(p[$0].function) }).subtracting(fixedFunctions).sorted() {
                let z = model.addVariable("f\(g)_\(f)", kind: .binary)
                fill.append((z, { a in members(g, a).contains { Text.functionKey(p[$0].function) == f } ? 1 : 0 }))
                model.add(
                    z - count(g, R.filter { Text.functionKey(p[$0].function) == f }), .lessOrEqual, 0,
                    name: "fn_\(g)_\(f)")
                distinct = distinct + z
            }
            variety = variety + size[g]! - distinct
        }
        expression[.region] = away
        expression[.level] = spread
        expression[.variety] = variety
        if programme.countsRepeats {
            repeats = Self.repeats(
                model: &model, people: people, groups: groups, count: count, fixed: fixed, reach: reach,
                programme: programme, fill: &fill)
        }
    }

    /// `fresh` — pairs who met before in one group — when it is an objective (`Programme.countsRepeats`): a mover
    /// joining a fixed old group-mate costs their assignment variable; two movers, a variable per group both reach.
    private static func repeats(
        model: inout Model, people: [Int], groups: [Int], count: (Int, [Int]) -> LinearExpression,
        fixed: [Int: [Int]], reach: [Int: [Int]], programme: Programme,
        fill: inout [(variable: Variable, value: ([Int: Int]) -> Double)]
    ) -> LinearExpression {
        var fixedAt: [Int: Int] = [:]
        for g in fixed.keys.sorted() { for i in fixed[g]! { fixedAt[i] = g } }
        let reachable = Dictionary(uniqueKeysWithValues: groups.map { ($0, Set(reach[$0] ?? [])) })
        let moving = Set(reach.values.joined()), present = Set(people)
        var out = LinearExpression()
        for pair in programme.metBefore where present.contains(pair.a) && present.contains(pair.b) {
            let (a, b) = (pair.a, pair.b)
            switch (moving.contains(a), moving.contains(b)) {
            case (false, false):
                if let g = fixedAt[a], fixedAt[b] == g { out = out + 1 }
            case (true, false), (false, true):
                let (mover, anchor) = moving.contains(a) ? (a, b) : (b, a)
                if let g = fixedAt[anchor], reachable[g]?.contains(mover) == true { out = out + count(g, [mover]) }
            case (true, true):
                for g in groups where reachable[g]!.contains(a) && reachable[g]!.contains(b) {
                    let z = model.addVariable("met\(a)_\(b)_\(g)", lowerBound: 0, upperBound: 1)
                    fill.append((z, { x in x[a] == g && x[b] == g ? 1 : 0 }))
                    model.add(z - count(g, [a]) - count(g, [b]), .greaterOrEqual, -1, name: "met_\(a)_\(b)_\(g)")
                    out = out + z
                }
            }
        }
        return out
    }

    /// Values of the metric variables for a given assignment, so it can be handed to GLPK as an incumbent.
    func complete(_ values: inout [Double], assignment: [Int: Int]) {
        for (v, f) in fill { values[v.index] = f(assignment) }
    }
}
