import GLPK
import Intake
import RunControl

/// The small master model: how many groups of each class, and how many people of each type go into
/// them. It ignores who exactly is tied to whom except through clique capacities, so its optimum is a
/// proven lower bound for every real plan; the detailed model then tries to reach it with named people.
struct AggregateModel {
    let composition: Composition
    var model = Model(name: "aggregate")
    var m: [Variable] = []
    var y: [[Variable?]] = []
    var metric: [Objective: LinearExpression] = [:]
    /// Distinct-function counters: (d, class, the flows it counts).
    var distinctVars: [(d: Variable, cl: Int, flows: [Variable])] = []
    /// Per class with odd cycles: (b, class), b = 1 when the class has more than two groups.
    var moreThanTwo: [(b: Variable, cl: Int)] = []
    /// The last solve's record, also when it found no solution (what stopped it goes into the report).
    var lastStage: SolveStats.Stage?

    init(_ programme: Programme, _ c: Composition, groupCount k: Int) {
        composition = c
        let g = programme.config.groups
        let n = programme.participants.count
        m = c.classes.indices.map { model.addVariable("m\($0)", kind: .integer, lowerBound: 0, upperBound: Double(k)) }
        model.add(.sum(m), .equal, Double(k), name: "groups")
        y = c.types.indices.map { t in
            c.classes.indices.map { cl in
                c.admits(c.classes[cl], t)
                    ? model.addVariable(
                        "y\(t)_\(cl)", kind: .integer, lowerBound: 0,
                        upperBound: Double(min(c.members[t].count, k * g.maxSize)))
                    : nil
            }
        }
        for t in c.types.indices {
            model.add(.sum(y[t].compactMap { $0 }), .equal, Double(c.members[t].count), name: "type\(t)")
        }
        for cl in c.classes.indices {
            let s = LinearExpression.sum(c.types.indices.compactMap { y[$0][cl] })
            model.add(s - Double(g.minSize) * m[cl], .greaterOrEqual, 0, name: "min\(cl)")
            model.add(s - Double(g.maxSize) * m[cl], .lessOrEqual, 0, name: "max\(cl)")
        }
        // People wished together go to one class (their group is one of its groups): equal flows, each 0 or 1.
        for unit in c.units {
            for cl in c.classes.indices { model.addAllEqual(unit.map { y[$0][cl] }, name: "unit\(cl)") }
        }
        // An odd cycle of ties does not fit two groups: b may be 1 only in a class of three groups or more, and with
        // b = 0 not all of the cycle goes there.
        if !c.cycles.isEmpty {
            for cl in c.classes.indices {
                let cycles = c.cycles.filter { $0.allSatisfy { y[$0][cl] != nil } }
                guard !cycles.isEmpty else { continue }
                let b = model.addVariable("b\(cl)", kind: .binary)
                moreThanTwo.append((b, cl))
                model.add(3.0 * b - m[cl], .lessOrEqual, 0, name: "three\(cl)")
                for cycle in cycles {
                    model.add(
                        .sum(cycle.map { y[$0][cl]! }) - Double(cycle.count) * b, .lessOrEqual,
                        Double(cycle.count - 1), name: "cycle\(cl)")
                }
            }
        }
        // A clique of tied people has at most one member per group: per class, at most m_c of them.
        var typesOfClique = [[Int]](repeating: [], count: c.cliques.count)
        for t in c.types.indices { for q in c.signatures[c.types[t].signature] { typesOfClique[q].append(t) } }
        for (q, ts) in typesOfClique.enumerated() {
            for cl in c.classes.indices {
                let vars = ts.compactMap { y[$0][cl] }
                if !vars.isEmpty { model.add(.sum(vars) - m[cl], .lessOrEqual, 0, name: "clique\(q)_\(cl)") }
            }
        }
        var home = LinearExpression()
        for r in c.regions.indices {
            let classes = c.classes.indices.filter { c.classes[$0].region == r }
            home =
                home
                + LinearExpression(
                    c.types.indices.filter { c.types[$0].region == r }.flatMap { t in
                        classes.compactMap { y[t][$0] }.map { ($0, 1.0) }
                    })
        }
        // A mixed group's largest region has one member.
        home = home + .sum(c.classes.indices.filter { c.classes[$0].region == Composition.mixed }.map { m[$0] })
        metric[.region] = LinearExpression(constant: Double(n)) - home
        metric[.level] = LinearExpression(c.classes.indices.map { (m[$0], Double(c.spread(c.classes[$0]))) })
        // Distinct functions per class: at most one per group and at most the people of that function.
        var distinct = LinearExpression()
        for cl in c.classes.indices {
            for f in c.functions.indices {
                let ys = c.types.indices.filter { c.types[$0].function == f }.compactMap { y[$0][cl] }
                guard !ys.isEmpty else { continue }
                let d = model.addVariable("d\(f)_\(cl)", lowerBound: 0, upperBound: Double(k))
                model.add(d - m[cl], .lessOrEqual, 0)
                model.add(d - .sum(ys), .lessOrEqual, 0)
                distinctVars.append((d, cl, ys))
                distinct = distinct + d
            }
        }
        metric[.variety] = LinearExpression(constant: Double(n)) - distinct
    }

    /// The part of a stage's work for its second chance from the columns its LP uses (`SupportSearch`).
    static let supportShare = 0.3

    /// The largest gap (relative to the plan's value) a last stage may end with to get its second chance: near its
    /// bound the LP's columns often hold a better plan; far from it (no bound found, as on the 345 fixture with
    /// wishes and an earlier cohort) the relaxation only takes work from the placement that follows.
    static let secondChanceGap = 0.1

    /// Largest model (variables) whose search uses Gomory cuts.
    static let gomoryLimit = 8_000

    /// The model's size before building it: group counts, admitted flows and distinct-function counters.
    static func estimatedVariables(_ c: Composition) -> Int {
        c.classes.count * (1 + c.functions.count)
            + c.types.indices.reduce(0) { n, t in n + c.classes.filter { c.admits($0, t) }.count }
    }

    /// How many earlier plans of a stage's search are kept (`StageResult.earlier`). Measured on the 345 fixture
    /// with an earlier cohort and ten times the work: the spread search ends at 21, which no grouping fills.
    static let keptIncumbents = 4

    /// A solution's value, group counts and flows; nil without a solution.
    private func plan(_ s: Solution) -> Plan? {
        guard let objective = s.objective, s.hasSolution else { return nil }
        return plan(.init(objective: objective, values: s.values))
    }

    /// An incumbent's value, group counts and flows.
    private func plan(_ s: Solution.Incumbent) -> Plan {
        let counts: [Int] = m.map { Int(s.values[$0.index].rounded()) }
        let flow: [[Int]] = y.map { row in row.map { v in v.map { Int(s.values[$0.index].rounded()) } ?? 0 } }
        return (Int(s.objective.rounded()), counts, flow)
    }

    /// A stage's plan: its value, groups per class and flows.
    typealias Plan = (value: Int, groupsPerClass: [Int], flow: [[Int]])

    /// What the second chance (`SupportSearch`) did, for the stage's name.
    private func supportNote(_ s: Solution, _ first: Solution) -> String {
        let value = Int((s.objective ?? 0).rounded())
        let reached = first.objective.map { String(Int($0.rounded())) } ?? "none"
        return ", then \(value) from the columns its LP uses (the search reached \(reached))"
    }

    /// Keeps an earlier objective at the value it reached.
    mutating func hold(_ o: Objective, atMost value: Int) {
        model.add(metric[o]!, .lessOrEqual, Double(value), name: "hold \(o.metric)")
    }

    /// A heuristic limit, not a valid cut: at most `atMost` people of some kinds (region and tied-set
    /// signature) in groups of `groupRegion`. Added when a class's counts could not be realised with named
    /// people, so the next solve sends some of them elsewhere (choosing whom costs least); the first
    /// solve's bound stays the proven one.
    struct Restriction: Sendable {
        var kinds: Set<Kind>, groupRegion: Int, atMost: Int
        struct Kind: Hashable, Sendable { var region: Int, signature: Int }
    }

    mutating func restrict(_ r: Restriction) {
        let c = composition
        let vars = c.types.indices.filter {
            r.kinds.contains(.init(region: c.types[$0].region, signature: c.types[$0].signature))
        }.flatMap { t in
            c.classes.indices.filter { c.classes[$0].region == r.groupRegion }.compactMap { y[t][$0] }
        }
        if !vars.isEmpty { model.add(.sum(vars), .lessOrEqual, Double(r.atMost), name: "restrict") }
    }

    struct StageResult {
        var value: Int
        var bound: Int
        var groupsPerClass: [Int]
        var flow: [[Int]]
        var stage: SolveStats.Stage
        var proven: Bool
        /// When the plan came from the columns the LP uses (`SupportSearch`): the search's own plan, worse, for
        /// when the better one cannot be filled with named people.
        var searched: Plan?
        /// Earlier plans of the search, best first: for when this one cannot be filled with named people.
        var earlier: [Plan] = []

        /// The result with `plan` as its plan, the bound unchanged.
        func with(_ plan: Plan) -> StageResult {
            var r = self
            (r.value, r.groupsPerClass, r.flow) = plan
            r.proven = plan.value <= bound
            r.searched = nil
            return r
        }
    }

    /// The previous stage's solution in this model's terms, so GLPK starts from a plan that already
    /// holds the earlier objectives (its own heuristics often find none in these models). Groups of a
    /// coarser class go to the class of the same region admitting every level; each coarse type's flow
    /// is split over its finer types in order.
    func warmStart(from prev: Composition, _ r: StageResult) -> [Double] {
        let c = composition
        var x = [Double](repeating: 0, count: model.variableCount)
        let classIndex = Dictionary(uniqueKeysWithValues: c.classes.enumerated().map { ($1, $0) })
        let mapClass = prev.classes.map { pc -> Int in
            let sameLevels = prev.levels == c.levels
            return classIndex[
                Composition.GroupClass(
                    region: pc.region, low: sameLevels ? pc.low : 0, high: sameLevels ? pc.high : c.levels.count - 1)]!
        }
        for (pcl, count) in r.groupsPerClass.enumerated() { x[m[mapClass[pcl]].index] += Double(count) }
        let prevIndex = Dictionary(uniqueKeysWithValues: prev.types.enumerated().map { ($1, $0) })
        var children = [[Int]](repeating: [], count: prev.types.count)
        for (t, key) in c.types.enumerated() {
            let parent = Composition.TypeKey(
                region: key.region, level: prev.levels == c.levels ? key.level : 0,
                function: prev.functions == c.functions ? key.function : 0, signature: key.signature, unit: key.unit)
            children[prevIndex[parent]!].append(t)
        }
        // Split unit by unit, each to the finer type whose function the class holds fewest of: that
        // keeps functions varied, so the start is close to the variety optimum.
        var held = [[Int]](repeating: [Int](repeating: 0, count: c.functions.count), count: c.classes.count)
        for (pt, kids) in children.enumerated() {
            var left = kids.map { c.members[$0].count }
            for pcl in prev.classes.indices {
                let cl = mapClass[pcl]
                for _ in 0..<r.flow[pt][pcl] {
                    let k = kids.indices.filter { left[$0] > 0 }.min {
                        held[cl][c.types[kids[$0]].function] < held[cl][c.types[kids[$1]].function]
                    }!
                    x[y[kids[k]][cl]!.index] += 1
                    held[cl][c.types[kids[k]].function] += 1
                    left[k] -= 1
                }
            }
        }
        completeStart(&x)
        return x
    }

    /// A real plan in this model's terms: each group counts in the class of its majority region (mixed
    /// when no region has two members) and its level range. Any valid plan is feasible here, so GLPK starts
    /// with an incumbent.
    func warmStart(groups: [[Int]], _ p: [Participant]) -> [Double] {
        let c = composition
        var x = [Double](repeating: 0, count: model.variableCount)
        let regionIndex = Dictionary(uniqueKeysWithValues: c.regions.enumerated().map { ($1, $0) })
        let classIndex = Dictionary(uniqueKeysWithValues: c.classes.enumerated().map { ($1, $0) })
        for members in groups {
            let home = Metrics.homeRegion(members, p)
            let region = members.filter { p[$0].region == home }.count > 1 ? regionIndex[home]! : Composition.mixed
            let levels = members.map { c.types[c.typeOf[$0]].level }
            guard let cl = classIndex[.init(region: region, low: levels.min()!, high: levels.max()!)] else { return x }
            x[m[cl].index] += 1
            for i in members { if let v = y[c.typeOf[i]][cl] { x[v.index] += 1 } }
        }
        completeStart(&x)
        return x
    }

    /// The counters that follow from a start's group counts and flows.
    private func completeStart(_ x: inout [Double]) {
        for (d, cl, flows) in distinctVars { x[d.index] = min(x[m[cl].index], flows.reduce(0) { $0 + x[$1.index] }) }
        for (b, cl) in moreThanTwo { x[b.index] = x[m[cl].index] > 2.5 ? 1 : 0 }
    }

    mutating func minimize(
        _ o: Objective, share: Double, options run: GroupingOptions,
        warmStart: [Double]? = nil, secondChance: Bool = false
    ) throws(GLPKError) -> StageResult {
        model.minimize(metric[o]!)
        let start = warmStart.flatMap { model.violation(of: $0) == nil ? $0 : nil }
        let m = m, big = model.variableCount > Self.gomoryLimit
        let makeOptions = { (part: Double) -> SolverOptions in
            var options = SolverOptions(within: run.budget, share: share * part)
            options.warmStart = start
            // Measured: Gomory cuts close the region and level models at the root but slow the much larger
            // variety model down (345 fixture: 15 s with, 6 s without).
            // Nor on large models: on the 345 fixture with an earlier cohort (9,022 variables) the spread stage
            // spent 10–16 s generating them, uncounted by the work limit, for no better bound than without (21).
            options.cuts = SolverOptions.Cuts(gomory: o != .variety && !big, mir: true, cover: true)
            options.progress = run.reporter(o)
            options.keptIncumbents = Self.keptIncumbents
            // Measured on generated programmes: branching on the group counts first proved spread where GLPK's own
            // choice among thousands of flows stopped at a 60–70 % gap (top-100, top-200, mixed-200), and the
            // first stage on the 345 fixture with an earlier cohort took 1.5 s instead of 10. Not for variety:
            // there it sent one node's LP into 16,000 iterations (35 s) on that fixture with wishes, and it gained
            // nothing on the generated ones.
            if o != .variety { options.branchFirst = m }
            return options
        }
        // Counted against a ledger of its own: the placement that follows gets the same work whether or not the
        // second chance runs (measured: charged to the run, it left the 345 fixture with wishes and an earlier
        // cohort a worse placement, away 82 instead of 79, for a second chance that found nothing better).
        func secondChanceOptions() -> SolverOptions {
            var options = makeOptions(Self.supportShare)
            options.ledger = WorkLedger(allowance: options.workLimit ?? 0)
            return options
        }
        let first = try Solver.solve(model, options: makeOptions(1))
        let columns = y.flatMap { $0.compactMap { $0 } }
        let outcome =
            secondChance && first.status == .feasible && (first.gap ?? 1) <= Self.secondChanceGap
            ? try SupportSearch.improve(
                model, after: first, restricting: columns, integralObjective: true, options: secondChanceOptions())
            : SupportSearch.Outcome(solution: first)
        let s = outcome.solution
        lastStage = .init(
            "bound \(o.metric) (\(composition.types.count) types, \(composition.classes.count) classes)"
                + (outcome.improved ? supportNote(s, first) : ""),
            variables: model.variableCount, constraints: model.constraints.count, s)
        guard let found = plan(s) else {
            throw .solverFailed("the aggregate model found no solution for \(o.metric) (\(s.status.rawValue))")
        }
        return StageResult(
            value: found.value, bound: Lexicographic.provenBound(s, value: found.value),
            groupsPerClass: found.groupsPerClass, flow: found.flow, stage: lastStage!,
            proven: s.status == .optimal,
            searched: outcome.improved ? plan(first) : nil,
            earlier: (outcome.improved ? [plan(first)].compactMap { $0 } : []) + first.earlier.map(plan))
    }
}
