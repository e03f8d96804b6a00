import Foundation
import GLPK
import Intake
import RunControl

/// What a grouping run may spend and where it reports.
public struct GroupingOptions: Sendable {
    /// The run's budget; grouping takes what is left of it.
    public var budget: RunBudget
    /// Where progress goes.
    public var events: EventSink
    /// Grouping within `budget`, reporting to `events`.
    public init(budget: RunBudget, events: EventSink = .none) {
        self.budget = budget
        self.events = events
    }
    /// A run of its own with `timeLimit` seconds (tests and benchmarks).
    public init(timeLimit: Double = 60) { self.init(budget: RunBudget(timeLimit: timeLimit)) }

    /// A GLPK progress callback that reports `stage` in organiser's words.
    func reporter(_ describe: @escaping @Sendable (_ value: Int?, _ bound: Int?) -> String)
        -> @Sendable (GLPK.Progress) -> Void
    {
        let events = self.events, budget = self.budget
        return { p in
            // GLPK reports −DBL_MAX as the bound before the root LP is solved.
            let bound = p.bound.flatMap { abs($0) < 1e300 ? $0 : nil }
            let value = p.incumbent.map { Int($0.rounded()) }, proven = bound.map { Int(($0 - 1e-6).rounded(.up)) }
            events.emit(
                RunEvent(
                    stage: .grouping, kind: .progress, message: describe(value, proven),
                    value: p.incumbent, bound: bound, gap: p.gap, elapsed: budget.elapsed))
        }
    }

    /// "forming groups: 36 outside their region, at least 34 possible".
    func reporter(_ o: Objective) -> @Sendable (GLPK.Progress) -> Void {
        reporter { value, bound in
            "forming groups: " + (value.map { "\($0) \(o.counts)" } ?? "no grouping yet")
                + (bound.map { ", at least \(max(0, $0)) possible" } ?? "")
        }
    }
}

/// Stage 2 of the pipeline: groups that break no hard rule, optimised lexicographically, with proofs.
public enum GroupPlanner {
    /// Largest programme for the all-slot fallback model; measured: above a few hundred people its LP
    /// relaxation alone does not finish in useful time.
    static let weightedLimit = 400
    /// Largest later-stage aggregate model (variables) that is solved at all; see `bounds`.
    static let laterStageLimit = 40_000

    public static func plan(_ programme: Programme, options: GroupingOptions = GroupingOptions())
        throws(GroupingFailure) -> GroupingResult
    {
        let deadline = options.budget
        let p = programme.participants, g = programme.config.groups
        let k: Int
        switch GroupCount.resolve(participants: p.count, g) {
        case .impossible(let reason, let relaxations):
            throw .impossible(Infeasibility.size(reason: reason, relaxations: relaxations))
        case .groups(let count, _, _): k = count
        }
        // No tied set can outnumber the groups when nobody is tied to as many people as there are groups;
        // the search itself takes seconds at 5,000 people, so it only runs when it could matter.
        let maxDegree = programme.conflicts.neighbours.map(\.count).max() ?? 0
        let largest = maxDegree + 1 > k ? MaxClique.find(in: programme.conflicts) : nil
        if let largest, largest.members.count > k {
            throw .impossible(Infeasibility.tiedSet(largest.members, groups: k, programme))
        }

        let cliques = Cliques.cover(programme.conflicts, regions: p.map(\.region), minSize: g.minSize)
        if options.budget.isCancelled { throw .cancelled }
        let priorities = programme.config.priorities
        var stats = SolveStats()
        do {
            let outcome = try Self.bounds(programme, cliques, k, priorities, deadline, options, &stats)
            let composition = outcome.composition
            var slotClass: [Int] = []
            for (cl, count) in outcome.groupsPerClass.enumerated() { slotClass += Array(repeating: cl, count: count) }

            if deadline.isCancelled { throw GroupingFailure.cancelled }
            let placement = try exact(programme, composition, outcome.flow, slotClass, deadline, options, &stats)
            let complete = placement.unplaced.isEmpty && placement.members.allSatisfy { $0.count >= g.minSize }
            var members: [[Int]]? = complete ? placement.members : nil
            // Large programmes: the later stages did not close, so moves and swaps may still improve them.
            if complete && p.count > Self.weightedLimit && stats.timeLimitHit {
                members = improved(
                    programme, placement.members, deadline, &stats, label: "moves and swaps over the placed groups")
            }
            if members == nil {
                // The all-slot model proves more but does not scale; above that, repair locally.
                members =
                    p.count <= Self.weightedLimit
                    ? try weighted(
                        programme, composition, outcome.flow, slotClass, priorities, deadline, options, &stats)
                    : repaired(
                        programme, composition, placement, slotClass, deadline,
                        share: outcome.firstPlan == nil ? 0.9 : 0.45, &stats)
                // The first stage's realised groups, improved for the later objectives, may beat the repair.
                if let first = outcome.firstPlan {
                    let alternative = improved(programme, first, deadline, &stats)
                    if members.map({
                        Metrics.lexicographic(alternative, p, priorities).lexicographicallyPrecedes(
                            Metrics.lexicographic($0, p, priorities))
                    }) ?? true {
                        members = alternative
                    }
                }
            }
            if members == nil && p.count > Self.weightedLimit {
                throw GroupingFailure.internalError(
                    "the aggregate plan could not be realised with named people in \(placement.failedSlots.count) "
                        + "groups, and the local repair found no valid grouping either; this is not a proof that "
                        + "none exists — try a longer time limit or one more group ([groups] count = \(k + 1))"
                )
            }
            guard let members else {
                let largest = largest ?? MaxClique.find(in: programme.conflicts)
                throw GroupingFailure.impossible(
                    Explanation(
                        .groups,
                        "no grouping of the \(p.count) participants into \(k) groups of \(g.minSize)–\(g.maxSize) "
                            + "keeps every tied pair apart",
                        people: largest.members,
                        details: [
                            "largest mutually tied set: \(largest.members.count) people "
                                + "(\(largest.members.map { p[$0].name }.joined(separator: ", ")))"
                        ],
                        suggestions: [
                            .init(
                                "[groups] max_size", to: "\(g.maxSize + 1)",
                                effect: "groups of up to "
                                    + "\(g.maxSize + 1)"),
                            .init("[groups] count", to: "\(k + 1)", effect: "one more, smaller group"),
                        ]))
            }
            if deadline.isCancelled { throw GroupingFailure.cancelled }
            let groups = Self.label(members, p)
            let violations = PlanCheck.violations(groups, programme)
            guard violations.isEmpty else {
                throw GroupingFailure.internalError(
                    "the solver's plan breaks a rule: " + violations.map(\.description).joined(separator: "; "))
            }
            stats.seconds = deadline.elapsed
            return GroupingResult(
                groups: groups,
                objectives: objectives(groups.map(\.members), p, priorities, outcome.values),
                stats: stats,
                awayReasons: AwayReasons.explain(groups, programme))
        } catch let e as GLPKError {
            throw .internalError(e.description)
        } catch let e as GroupingFailure {
            throw e
        } catch {
            throw .internalError("\(error)")
        }
    }

    struct Bounds {
        var values: [Objective: (value: Int, bound: Int)]
        var composition: Composition
        var groupsPerClass: [Int]
        var flow: [[Int]]
        /// Large programmes: named groups realising the first objective's aggregate plan, when the greedy
        /// pass and ejection chains managed it.
        var firstPlan: [[Int]]?
    }

    /// The aggregate models, one per priority, each only as detailed as the objectives so far need,
    /// each holding the earlier objectives at the values they reached.
    static func bounds(
        _ programme: Programme, _ cover: [[Int]], _ k: Int, _ priorities: [Objective],
        _ deadline: RunBudget, _ options: GroupingOptions, _ stats: inout SolveStats
    ) throws -> Bounds {
        var values: [Objective: (value: Int, bound: Int)] = [:]
        var last: (Composition, AggregateModel.StageResult)?
        var restrictions: [AggregateModel.Restriction] = []
        var firstPlan: [[Int]]?
        var cliques = cover
        var handPlan: [[Int]]?
        // When the second stage will be too large to run, the first gets the time it would have had.
        let laterStagesRun =
            priorities.count < 2
            || AggregateModel.estimatedVariables(
                Composition(
                    programme.participants, cliques: cover, byLevel: priorities[...1].contains(.level),
                    byFunction: priorities[...1].contains(.variety))) <= Self.laterStageLimit
        for (n, o) in priorities.enumerated() {
            if deadline.isCancelled { throw GroupingFailure.cancelled }
            let prefix = priorities[...n]
            var c = Composition(
                programme.participants, cliques: cliques,
                byLevel: prefix.contains(.level), byFunction: prefix.contains(.variety))
            var model = AggregateModel(programme, c, groupCount: k)
            // GLPK does not interrupt its root LP: measured on the spread stage, 24,076 variables took 9–12 s
            // (2,000 people) but 61,776 took 181 s against a 60 s limit (5,000). Such later stages are left out.
            if n > 0 && model.model.variableCount > Self.laterStageLimit {
                stats.stages.append(
                    .init(
                        name: "bound \(o.metric) (\(c.types.count) types, \(c.classes.count) classes)",
                        variables: model.model.variableCount,
                        constraints: model.model.constraints.count,
                        status: "too large to solve in time; the earlier stage's plan is used", seconds: 0))
                stats.timeLimitHit = true
                break
            }
            for earlier in priorities[..<n] { model.hold(earlier, atMost: values[earlier]!.value) }
            for limit in restrictions { model.restrict(limit) }
            // Large programmes: the first stage starts from a plan by hand (GLPK finds none in time at 5,000).
            if n == 0 && programme.participants.count > Self.weightedLimit {
                handPlan = greedyPlan(programme, groups: k, deadline)
                if deadline.isCancelled { throw GroupingFailure.cancelled }
            }
            var start =
                last.map { model.warmStart(from: $0.0, $0.1) }
                ?? handPlan.map { model.warmStart(groups: $0, programme.participants) }
            // The first stage's named groups (packed by level bands) usually start the later stages far better.
            if n > 0, let plan = firstPlan {
                let alternative = model.warmStart(groups: plan, programme.participants)
                if model.model.violation(of: alternative) == nil,
                    start.map({
                        model.model.violation(of: $0) != nil
                            || model.metric[o]!.value(at: alternative) < model.metric[o]!.value(at: $0)
                    }) ?? true
                {
                    start = alternative
                }
            }
            // The first objective is the one organisers care most about; later ones get less of the clock.
            var r: AggregateModel.StageResult
            do {
                r = try model.minimize(
                    o, timeLimit: deadline.share(of: n == 0 ? (laterStagesRun ? 0.25 : 0.6) : 0.15), options: options,
                    warmStart: start)
            } catch {
                // A later objective without any solution in its time: keep the plan of the objectives so far;
                // this one and the rest are reported without a proven bound.
                guard n > 0 else { throw error }
                stats.stages.append(
                    .init(
                        name: "bound \(o.metric) (\(c.types.count) types, \(c.classes.count) classes)",
                        variables: model.model.variableCount,
                        constraints: model.model.constraints.count,
                        status: "no solution in time; the earlier stage's plan is used", seconds: 0))
                stats.timeLimitHit = true
                break
            }
            stats.stages.append(r.stage)
            if n == 0 && programme.participants.count > Self.weightedLimit {
                // Clique cuts first: they are valid, so the bound they raise stays proven.
                for round in 2...6 where deadline.elapsed < 0.3 * deadline.timeLimit {
                    let (groups, stuck) = realise(programme, c, flow: r.flow, groupsPerClass: r.groupsPerClass)
                    if stuck.isEmpty {
                        firstPlan = groups
                        break
                    }
                    let extra = missedCliques(programme, c, r, stuck.map(\.cl), cliques)
                    guard !extra.isEmpty else { break }
                    let c2 = Composition(
                        programme.participants, cliques: cliques + extra, byLevel: prefix.contains(.level),
                        byFunction: prefix.contains(.variety))
                    var model2 = AggregateModel(programme, c2, groupCount: k)
                    guard
                        var next = try? model2.minimize(
                            o, timeLimit: deadline.share(of: 0.25), options: options,
                            warmStart: handPlan.map { model2.warmStart(groups: $0, programme.participants) })
                    else { break }
                    next.stage.name +=
                        ", round \(round): \(extra.count) more tied sets from groups that could not be filled, "
                        + "value \(next.value)"
                    stats.stages.append(next.stage)
                    cliques += extra
                    (c, model, r) = (c2, model2, next)
                }
                if firstPlan == nil {
                    (r, firstPlan) = realisable(programme, c, &model, o, r, &restrictions, deadline, options, &stats)
                }
            }
            values[o] = (r.value, r.bound)
            stats.timeLimitHit = stats.timeLimitHit || !r.proven
            last = (c, r)
        }
        return Bounds(
            values: values, composition: last!.0, groupsPerClass: last!.1.groupsPerClass, flow: last!.1.flow,
            firstPlan: firstPlan)
    }

    /// Maximal tied sets inside the people of classes that could not be filled, at least as large as the
    /// class's number of groups and not inside a set the model already counts.
    static func missedCliques(
        _ programme: Programme, _ c: Composition, _ r: AggregateModel.StageResult,
        _ classes: [Int], _ known: [[Int]]
    ) -> [[Int]] {
        let adjacency = programme.conflicts.neighbours.map(Set.init)
        var memberOf = [Set<Int>](repeating: [], count: programme.participants.count)
        for (q, clique) in known.enumerated() { for i in clique { memberOf[i].insert(q) } }
        let people = classPeople(c, r.flow, classes: classes)
        var found: [[Int]] = []
        for cl in classes {
            for clique in Cliques.large(
                adjacency, among: people[cl] ?? [], atLeast: max(3, r.groupsPerClass[cl]), budget: 50_000
            ).prefix(50) {
                let inside = clique.dropFirst().reduce(memberOf[clique[0]]) { $0.intersection(memberOf[$1]) }
                if inside.isEmpty && !found.contains(clique) { found.append(clique) }
            }
        }
        return found
    }

    /// Large programmes only: while some class of the first stage's plan cannot be filled with named people
    /// (ties the clique counts do not capture), keep the people left over out of that region's groups and
    /// solve again. The first solve's bound stays the proven one; a later value equal to it is still optimal.
    static func realisable(
        _ programme: Programme, _ c: Composition, _ model: inout AggregateModel, _ o: Objective,
        _ first: AggregateModel.StageResult, _ restrictions: inout [AggregateModel.Restriction],
        _ deadline: RunBudget, _ options: GroupingOptions, _ stats: inout SolveStats
    ) -> (AggregateModel.StageResult, [[Int]]?) {
        var r = first
        var local: [AggregateModel.Restriction] = []
        // A restricted plan is only worth it while it costs no more than placing the leftovers by repair would.
        var ceiling = first.value
        for round in 1...9 {
            let (groups, stuck) = realise(programme, c, flow: r.flow, groupsPerClass: r.groupsPerClass)
            guard !stuck.isEmpty else {
                restrictions += local
                return (r, groups)
            }
            if round == 1 { ceiling = first.value + max(1, stuck.reduce(0) { $0 + $1.unplaced }) }
            guard round < 9 && deadline.elapsed < 0.4 * deadline.timeLimit else { break }
            var added: [AggregateModel.Restriction] = []
            let people = classPeople(c, r.flow, classes: stuck.map(\.cl))
            for (cl, left, unplaced) in stuck {
                // The people left over and everyone in the class tied to them: the next solve keeps as many
                // fewer of these kinds in the region's groups and chooses who goes.
                let here = Set(people[cl] ?? [])
                let core = Set(left + left.flatMap { programme.conflicts.neighbours[$0].filter(here.contains) })
                let kinds = Set(
                    core.map {
                        AggregateModel.Restriction.Kind(
                            region: c.types[c.typeOf[$0]].region, signature: c.types[c.typeOf[$0]].signature)
                    })
                let groupRegion = c.classes[cl].region
                let inRegionGroups = c.types.indices.filter {
                    kinds.contains(.init(region: c.types[$0].region, signature: c.types[$0].signature))
                }
                .reduce(0) { sum, t in
                    sum
                        + c.classes.indices.filter { c.classes[$0].region == groupRegion }.reduce(0) {
                            $0 + r.flow[t][$1]
                        }
                }
                // Short groups (nobody unplaced): one person fewer of these kinds lets the class be filled.
                added.append(.init(kinds: kinds, groupRegion: groupRegion, atMost: inRegionGroups - max(1, unplaced)))
            }
            for limit in added { model.restrict(limit) }
            guard var next = try? model.minimize(o, timeLimit: deadline.share(of: 0.25), options: options) else {
                break
            }
            let used = next.value <= ceiling
            next.stage.name +=
                ", round \(round + 1): \(stuck.count) classes that could not be filled send people elsewhere, "
                + "value \(next.value)"
                + (used ? "" : " (more than repairing would cost: not used)")
            stats.stages.append(next.stage)
            guard used else { break }
            local += added
            next.bound = first.bound
            next.proven = next.value == first.bound
            r = next
        }
        // No restricted plan could be filled: the unrestricted one goes on, and the repair places the leftovers.
        return (first, nil)
    }

    /// Value and proven bound per objective. A bound from the aggregate model holds for plans whose
    /// earlier objectives are no worse than the values it was given; when the plan misses one of those,
    /// later bounds fall back to 0 (nothing proven).
    static func objectives(
        _ groups: [[Int]], _ p: [Participant], _ priorities: [Objective],
        _ aggregate: [Objective: (value: Int, bound: Int)]
    ) -> [ObjectiveResult] {
        var out: [ObjectiveResult] = []
        var earlierHeld = true
        for o in priorities {
            let value = Metrics.total(o, groups, p)
            guard let a = aggregate[o] else {
                out.append(ObjectiveResult(objective: o, value: value, bound: 0))
                earlierHeld = false
                continue
            }
            let bound = earlierHeld ? min(a.bound, value) : 0
            out.append(ObjectiveResult(objective: o, value: value, bound: bound))
            earlierHeld = earlierHeld && value <= a.value
        }
        return out
    }

    /// Ids follow region, then the first member in the sign-up file, so reruns number groups alike.
    static func label(_ members: [[Int]], _ p: [Participant]) -> [Group] {
        let sorted = members.map { $0.sorted() }.sorted { a, b in
            let ra = Metrics.homeRegion(a, p), rb = Metrics.homeRegion(b, p)
            return ra != rb ? ra < rb : (a.first ?? 0) < (b.first ?? 0)
        }
        return sorted.enumerated().map { n, m in
            Group(id: String(format: "G%02d", n + 1), members: m, homeRegion: Metrics.homeRegion(m, p))
        }
    }
}
