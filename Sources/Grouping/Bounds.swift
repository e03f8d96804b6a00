import GLPK
import Intake
import RunControl

/// The first step of a grouping run: one aggregate model per priority. Each is only as detailed as the
/// objectives so far need and holds the earlier objectives at the values they reached; its optimum is the
/// proven bound the report shows.
extension GroupingRun {
    struct Bounds {
        var values: [Objective: (value: Int, bound: Int)]
        var composition: Composition
        var groupsPerClass: [Int]
        var flow: [[Int]]
        /// Large programmes: named groups realising the first objective's aggregate plan, when the greedy
        /// pass and ejection chains managed it.
        var firstPlan: [[Int]]?
        /// The last stage's earlier plans, best first, for when its flows cannot be filled with named people.
        var earlier: [AggregateModel.Plan] = []
        /// The objective of the last stage that found a plan.
        var lastObjective: Objective
        /// The variety stage's start: the previous stage's plan with named people, complete and valid.
        var start: [[Int]]?
        /// The tie cover the models used, for later relaxations.
        var cover: [[Int]] = []
    }

    /// The aggregate models, one per priority, each only as detailed as the objectives so far need,
    /// each holding the earlier objectives at the values they reached.
    mutating func bounds(cover: [[Int]]) throws -> Bounds {
        let k = groupCount, deadline = budget
        var values: [Objective: (value: Int, bound: Int)] = [:]
        var last: (Composition, AggregateModel.StageResult)?
        var restrictions: [AggregateModel.Restriction] = []
        var firstPlan: [[Int]]?
        var cliques = cover
        var handPlan: [[Int]]?
        var realised: [[Int]]?
        let laterStagesRun = laterStagesWillRun(cover)
        for (n, o) in priorities.enumerated() {
            if deadline.isCancelled { throw GroupingFailure.cancelled }
            let prefix = priorities[...n]
            var c = Composition(
                programme.participants, cliques: cliques,
                byLevel: prefix.contains(.level), byFunction: prefix.contains(.variety), together: together,
                cycles: oddCycles)
            var model = AggregateModel(programme, c, groupCount: k)
            // GLPK does not interrupt its root LP: measured on the spread stage, 24,076 variables took 9–12 s
            // (2,000 people) but 61,776 took 181 s against a 60 s limit (5,000). Such later stages are left out.
            if n > 0 && model.model.variableCount > GroupPlanner.laterStageLimit {
                skipStage(o, c, model, because: "too large for GLPK's root LP to finish in useful time")
                break
            }
            // The variety stage starts from the previous stage's plan realised with named people, each class
            // already arranged for variety: its root bound often equals that plan's value, which ends the search.
            // When that plan cannot be filled, an earlier one of its search that can goes on (and is held).
            realised = nil
            if o == .variety, let (pc, prev) = last {
                var pr = prev
                realised = realisedStart(pc, &pr, priorities[n - 1])
                values[priorities[n - 1]]!.value = pr.value
                last = (pc, pr)
            }
            for earlier in priorities[..<n] { model.hold(earlier, atMost: values[earlier]!.value) }
            for limit in restrictions { model.restrict(limit) }
            // Large programmes: the first stage starts from a plan by hand (GLPK finds none in time at 5,000).
            if n == 0 && programme.participants.count > GroupPlanner.weightedLimit {
                handPlan = GroupPlanner.greedyPlan(programme, groups: k, deadline)
                if deadline.isCancelled { throw GroupingFailure.cancelled }
            } else if n == 0 && keepsSetsAndPairsMetBefore {
                // Measured on the 345 fixture with wishes and an earlier cohort: without a start GLPK's search found
                // no plan for this model in 58 nodes; from a plan by hand (away 101) it proves 75 in 69.
                handPlan = GroupPlanner.greedyPlan(programme, groups: k, deadline).flatMap {
                    try? Together.enforce($0, programme)
                }
            }
            let start = warmStart(
                model, o, previous: last, handPlan: handPlan, firstPlan: realised ?? (n > 0 ? firstPlan : nil))
            // The first objective is the one organisers care most about; later ones get less of the clock.
            var r: AggregateModel.StageResult
            do {
                // The last stage's search may end far from its bound; the columns its LP uses are a second chance
                // (`SupportSearch`). Not earlier ones: their work would be the later stages' (measured on the 345
                // fixture with an earlier cohort: spread unchanged, variety 127 instead of 119).
                r = try model.minimize(
                    o, share: n == 0 ? (laterStagesRun ? 0.25 : 0.6) : 0.15, options: options,
                    warmStart: start, secondChance: n == priorities.count - 1)
            } catch {
                // A later objective without any solution in its time: keep the plan of the objectives so far;
                // this one and the rest are reported without a proven bound.
                guard n > 0 else { throw error }
                if var stage = model.lastStage {
                    stage.status =
                        "no solution within its \(stage.stoppedBy ?? "limit"); "
                        + "the earlier stage's plan is used"
                    stats.stages.append(stage)
                    stats.timeLimitHit = true
                } else {
                    skipStage(o, c, model, because: "no solution")
                }
                break
            }
            stats.stages.append(r.stage)
            // The plan from the LP's columns can meet the bound with flows no grouping realises (ties the cover
            // does not count); then the search's own plan goes on. The bound holds either way.
            let stageIndex = stats.stages.count - 1
            if let searched = r.searched, programme.participants.count <= GroupPlanner.weightedLimit,
                filled(c, r, label: "the \(o.metric) stage's groups")?.complete != true
            {
                r = r.with(searched)
                stats.stages[stageIndex].name +=
                    "; that plan cannot be filled with named people: "
                    + "the search's is used"
            }
            if n == 0 && programme.participants.count > GroupPlanner.weightedLimit {
                // Clique cuts first: they are valid, so the bound they raise stays proven.
                firstPlan = addMissedCliques(o, prefix, handPlan, &cliques, &c, &model, &r)
                if firstPlan == nil {
                    (r, firstPlan) = realisable(c, &model, o, r, &restrictions)
                }
            }
            values[o] = (r.value, r.bound)
            stats.timeLimitHit = stats.timeLimitHit || !r.proven
            last = (c, r)
            // Not proven within its work (a short time limit), the plan by hand it started from would go on: the
            // models without the sets, gathered afterwards, do better (measured: away 104 against 81 at 3 s).
            if n == 0 && keepsSetsAndPairsMetBefore && !r.proven {
                throw SetsUnproven(
                    why: "the first stage with them and the pairs met before was not proven within its work "
                        + "(\(o.metric) \(r.value), at least \(r.bound))")
            }
            // Measured on the same input: the later stages' flows could not be filled with the sets in one group
            // and the pairs met before apart, and their searches spent the work the placement needed (a plan by
            // hand, away 104). The first stage's flows fill; moves and swaps then improve the later objectives.
            if n == 0 && n < priorities.count - 1 && keepsSetsAndPairsMetBefore {
                for later in priorities[1...] {
                    stats.stages.append(
                        .init(
                            name: "bound \(later.metric)", variables: 0, constraints: 0,
                            status: "left out: with sets wished together and pairs met before, its flows could not "
                                + "be filled; moves and swaps improve the first stage's groups instead",
                            seconds: 0))
                }
                stats.timeLimitHit = true
                break
            }
        }
        return Bounds(
            values: values, composition: last!.0, groupsPerClass: last!.1.groupsPerClass, flow: last!.1.flow,
            firstPlan: firstPlan, earlier: last!.1.earlier, lastObjective: priorities.last { values[$0] != nil }!,
            start: realised, cover: cliques)
    }

    /// The optimum of `o`'s aggregate model relaxed to an LP, rounded up, with the objectives of `holding` held at
    /// their values: a proven bound for plans that meet them. nil when the LP did not finish within the work left.
    mutating func relaxationBound(
        _ o: Objective, prefix: ArraySlice<Objective>, holding: [(Objective, Int)], _ cliques: [[Int]]
    ) -> Int? {
        let c = Composition(
            programme.participants, cliques: cliques, byLevel: prefix.contains(.level),
            byFunction: prefix.contains(.variety), together: together, cycles: oddCycles)
        var model = AggregateModel(programme, c, groupCount: groupCount)
        for (earlier, value) in holding { model.hold(earlier, atMost: value) }
        model.model.minimize(model.metric[o]!)
        let relaxed = model.model.relaxation
        guard let s = try? Solver.solve(relaxed, options: SolverOptions(within: budget, share: 1)) else {
            return nil
        }
        stats.stages.append(
            .init(
                "bound \(o.metric), LP relaxation only (\(c.types.count) types, \(c.classes.count) classes)",
                variables: relaxed.variableCount, constraints: relaxed.constraints.count, s))
        guard s.status == .optimal, let z = s.objective else { return nil }
        return max(0, Int((z - 1e-6).rounded(.up)))
    }

    /// Large programmes: while some class of the aggregate plan cannot be filled with named people, adds the
    /// tied sets found inside it (valid cuts, so the raised bound stays proven) and solves again. Returns the
    /// named groups once every class is filled; nil when that did not happen.
    private mutating func addMissedCliques(
        _ o: Objective, _ prefix: ArraySlice<Objective>, _ handPlan: [[Int]]?, _ cliques: inout [[Int]],
        _ c: inout Composition, _ model: inout AggregateModel, _ r: inout AggregateModel.StageResult
    ) -> [[Int]]? {
        let k = groupCount
        for round in 2...6 where budget.workSpentFraction < 0.3 {
            let (groups, stuck) = GroupPlanner.realise(
                programme, c, flow: r.flow, groupsPerClass: r.groupsPerClass)
            if stuck.isEmpty {
                return groups
            }
            let extra = missedCliques(c, r, stuck.map(\.cl), cliques)
            guard !extra.isEmpty else { break }
            let c2 = Composition(
                programme.participants, cliques: cliques + extra, byLevel: prefix.contains(.level),
                byFunction: prefix.contains(.variety), together: together, cycles: oddCycles)
            var model2 = AggregateModel(programme, c2, groupCount: k)
            guard
                var next = try? model2.minimize(
                    o, share: 0.25, options: options,
                    warmStart: handPlan.map { model2.warmStart(groups: $0, programme.participants) })
            else { break }
            next.stage.name +=
                ", round \(round): \(extra.count) more tied sets from groups that could not be filled, "
                + "value \(next.value)"
            stats.stages.append(next.stage)
            cliques += extra
            (c, model, r) = (c2, model2, next)
        }
        return nil
    }

    /// The last stage's earlier plans, best first (at most `earlierPlansTried`), filled with named people when its own
    /// plan is proven unfillable; the first complete one replaces the outcome's plan. nil when none fills.
    mutating func fillEarlier(_ outcome: inout Bounds) throws -> GroupPlanner.Placement? {
        for (tried, plan) in outcome.earlier.prefix(Self.earlierPlansTried).enumerated() {
            let placement = try exact(outcome.composition, plan.flow, GroupPlanner.slots(plan.groupsPerClass))
            let complete = placement.isComplete(minSize: programme.config.groups.minSize)
            stats.stages.append(
                .init(
                    name: "the last stage's flows cannot be filled with named people: its search's plan \(tried + 1) "
                        + "before the last (\(plan.value))" + (complete ? " is used" : " cannot either"),
                    variables: 0, constraints: 0, status: complete ? "feasible" : "infeasible", seconds: 0))
            if complete {
                outcome.values[outcome.lastObjective]!.value = plan.value
                (outcome.groupsPerClass, outcome.flow) = (plan.groupsPerClass, plan.flow)
                return placement
            }
            guard placement.unfillable else { return nil }
        }
        return nil
    }

    /// How many earlier plans of a stage's search are tried when its plan cannot be filled with named people.
    static let earlierPlansTried = 3

    /// The stage result's flows realised with named people, one small model per class minimising variety (as the
    /// final placement does), within a small share of the work; nil when some class could not be filled. Its class
    /// models go into the statistics as one stage. When some class is proven unfillable (ties the aggregate model
    /// does not count), the search's earlier plans are tried, best first, and the first that fills replaces `r`:
    /// more work must never give a worse plan, and a longer search can end on a plan no grouping fills.
    private mutating func realisedStart(_ c: Composition, _ r: inout AggregateModel.StageResult, _ o: Objective)
        -> [[Int]]?
    {
        guard programme.participants.count <= GroupPlanner.weightedLimit else { return nil }
        var candidate = r
        var found: GroupPlanner.Placement?
        for tried in 0...min(Self.earlierPlansTried, r.earlier.count) {
            if tried > 0 { candidate = r.with(r.earlier[tried - 1]) }
            let label =
                "start for variety: the previous stage's groups"
                + (tried > 0 ? " (its search's plan \(tried) before the last, \(o.metric) \(candidate.value))" : "")
            guard let (placement, complete) = filled(c, candidate, label: label) else { return nil }
            if complete {
                found = placement
                break
            }
            guard placement.unfillable else { return nil }
        }
        guard let placement = found else { return nil }
        r = candidate
        let members = placement.members
        // Moves and swaps that keep the earlier objectives often find the variety the class models could not
        // reach with the people the flows gave them.
        return improved(
            members, label: "start for variety: moves and swaps", pinned: Set(together.joined()))
    }

    /// The stage result's flows realised with named people, one small model per class minimising variety (as the
    /// final placement does), within a small share of the work, and whether every class was filled. Its class
    /// models go into the statistics as one stage.
    mutating func filled(_ c: Composition, _ r: AggregateModel.StageResult, label: String)
        -> (placement: GroupPlanner.Placement, complete: Bool)?
    {
        let before = stats.stages.count, limitHit = stats.timeLimitHit, started = budget.elapsed
        let placement = try? exact(c, r.flow, GroupPlanner.slots(r.groupsPerClass), share: 0.1)
        let complete = placement?.isComplete(minSize: programme.config.groups.minSize) ?? false
        let classes = stats.stages[before...]
        let value = placement.map { Metrics.total(.variety, $0.members, programme.participants) }
        stats.stages.removeSubrange(before...)
        stats.stages.append(
            .init(
                name: "\(label) with named people (\(classes.count) classes)"
                    + (complete ? ", variety \(value ?? 0)" : ""),
                variables: classes.reduce(0) { $0 + $1.variables },
                constraints: classes.reduce(0) { $0 + $1.constraints },
                status: complete ? "feasible" : "not every class could be filled",
                seconds: budget.elapsed - started))
        stats.timeLimitHit = limitHit
        return placement.map { ($0, complete) }
    }

    /// Whether the second stage's model will be small enough to solve; when not, the first stage gets the
    /// time it would have had.
    private func laterStagesWillRun(_ cover: [[Int]]) -> Bool {
        guard priorities.count >= 2 else { return true }
        let second = Composition(
            programme.participants, cliques: cover, byLevel: priorities[...1].contains(.level),
            byFunction: priorities[...1].contains(.variety), together: together, cycles: oddCycles)
        return AggregateModel.estimatedVariables(second) <= GroupPlanner.laterStageLimit
    }

    /// Records a later stage that was left out; the earlier stage's plan is used and its objective is reported
    /// without a proven bound.
    private mutating func skipStage(_ o: Objective, _ c: Composition, _ model: AggregateModel, because why: String) {
        stats.stages.append(
            .init(
                name: "bound \(o.metric) (\(c.types.count) types, \(c.classes.count) classes)",
                variables: model.model.variableCount, constraints: model.model.constraints.count,
                status: "\(why); the earlier stage's plan is used", seconds: 0))
        stats.timeLimitHit = true
    }

    /// Where a stage's search starts: the previous stage's solution, or the hand plan for the first; the first
    /// stage's named groups (packed by level bands) when they are valid here and better for this objective.
    private func warmStart(
        _ model: AggregateModel, _ o: Objective, previous: (Composition, AggregateModel.StageResult)?,
        handPlan: [[Int]]?, firstPlan: [[Int]]?
    ) -> [Double]? {
        let start =
            previous.map { model.warmStart(from: $0.0, $0.1) }
            ?? handPlan.map { model.warmStart(groups: $0, programme.participants) }
        guard let plan = firstPlan else { return start }
        let alternative = model.warmStart(groups: plan, programme.participants)
        guard model.model.violation(of: alternative) == nil else { return start }
        guard let start, model.model.violation(of: start) == nil else { return alternative }
        return model.metric[o]!.value(at: alternative) < model.metric[o]!.value(at: start) ? alternative : start
    }

    /// Maximal tied sets inside the people of classes that could not be filled, at least as large as the
    /// class's number of groups and not inside a set the model already counts.
    func missedCliques(
        _ c: Composition, _ r: AggregateModel.StageResult, _ classes: [Int], _ known: [[Int]]
    ) -> [[Int]] {
        let adjacency = programme.conflicts.neighbours.map(Set.init)
        var memberOf = [Set<Int>](repeating: [], count: programme.participants.count)
        for (q, clique) in known.enumerated() { for i in clique { memberOf[i].insert(q) } }
        let people = GroupPlanner.classPeople(c, r.flow, classes: classes)
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
    mutating func realisable(
        _ c: Composition, _ model: inout AggregateModel, _ o: Objective,
        _ first: AggregateModel.StageResult, _ restrictions: inout [AggregateModel.Restriction]
    ) -> (AggregateModel.StageResult, [[Int]]?) {
        let deadline = budget
        var r = first
        var local: [AggregateModel.Restriction] = []
        // A restricted plan is only worth it while it costs no more than placing the leftovers by repair would.
        var ceiling = first.value
        for round in 1...9 {
            let (groups, stuck) = GroupPlanner.realise(programme, c, flow: r.flow, groupsPerClass: r.groupsPerClass)
            guard !stuck.isEmpty else {
                restrictions += local
                return (r, groups)
            }
            if round == 1 { ceiling = first.value + max(1, stuck.reduce(0) { $0 + $1.unplaced }) }
            guard round < 9 && deadline.workSpentFraction < 0.4 else { break }
            var added: [AggregateModel.Restriction] = []
            let people = GroupPlanner.classPeople(c, r.flow, classes: stuck.map(\.cl))
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
            guard var next = try? model.minimize(o, share: 0.25, options: options) else {
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

}
