import GLPK
import Intake
import RunControl

/// What a grouping run may spend and where it reports.
public typealias GroupingOptions = RunContext

extension RunContext {
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
            "forming groups: " + (value.map { "\($0) \(o.counts($0))" } ?? "no grouping yet")
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

    /// Groups for the programme that keep every hard rule, with every objective's value and proven bound; re-checked by
    /// `PlanCheck` before it is returned.
    public static func plan(_ programme: Programme, options: GroupingOptions = GroupingOptions(timeLimit: 60))
        throws(GroupingFailure) -> GroupingResult
    {
        let deadline = options.budget
        let p = programme.participants, g = programme.config.groups
        let k: Int
        switch GroupCount.resolve(participants: p.count, g) {
        case .impossible(let reason, let relaxations):
            throw .impossible(
                Infeasibility.size(
                    reason: reason, relaxations: relaxations, dutch: GroupCount.dutch(participants: p.count, g)))
        case .groups(let count, _, _): k = count
        }
        // No tied set can outnumber the groups when nobody is tied to as many people as there are groups;
        // the search itself takes seconds at 5,000 people, so it only runs when it could matter.
        let maxDegree = programme.conflicts.neighbours.map(\.count).max() ?? 0
        let largest = maxDegree + 1 > k ? MaxClique.find(in: programme.conflicts) : nil
        if let largest, largest.members.count > k {
            throw .impossible(Infeasibility.tiedSet(largest.members, groups: k, programme))
        }

        if options.budget.isCancelled { throw .cancelled }
        let priorities = programme.config.priorities
        var run = GroupingRun(programme: programme, groupCount: k, options: options)
        do {
            var outcome: GroupingRun.Bounds
            var composition: Composition
            var slotClass: [Int]
            var placement: GroupPlanner.Placement
            var complete: Bool
            var start: [[Int]]?
            repeat {
                let cliques = Cliques.cover(
                    programme.conflicts, together: run.together, regions: p.map(\.region), minSize: g.minSize)
                run.oddCycles = Cliques.oddCycles(programme.conflicts, together: run.together, regions: p.map(\.region))
                do {
                    outcome = try run.bounds(cover: cliques)
                } catch let unproven as GroupingRun.SetsUnproven where !deadline.isCancelled {
                    run.gatherTogetherAfterwards(because: unproven.why, "feasible")
                    continue
                } catch let e as GLPKError where !deadline.isCancelled {
                    if !run.together.isEmpty {
                        run.gatherTogetherAfterwards(because: "no first plan within the work limit", "no solution")
                        continue
                    }
                    // The first aggregate model found no solution in its time (a very busy machine): a valid
                    // programme still gets a plan, made by hand, with nothing proven and the report saying so.
                    guard let plan = run.byHand(reason: e.description) else { throw e }
                    return plan
                }
                composition = outcome.composition
                slotClass = Self.slots(outcome.groupsPerClass)
                if deadline.isCancelled { throw GroupingFailure.cancelled }
                placement = try run.exact(composition, outcome.flow, slotClass)
                complete = placement.isComplete(minSize: g.minSize)
                // A longer search can end on flows no grouping fills (ties the aggregate model does not count): the
                // search's earlier plans are tried, then the variety stage's start, so more work never costs more.
                start = nil
                if !complete && placement.unfillable && !deadline.isCancelled {
                    if let earlier = try run.fillEarlier(&outcome) {
                        placement = earlier
                        complete = true
                        slotClass = Self.slots(outcome.groupsPerClass)
                    } else {
                        // Valid and complete; a later objective it does not hold loses its bound (`objectives`).
                        start = outcome.start
                    }
                }
                // Sets wished together narrow the models; when some class cannot then be filled (ties the
                // aggregate model does not see), the models start again without them and gather them afterwards.
                guard !complete && start == nil && !run.together.isEmpty && !deadline.isCancelled else { break }
                run.gatherTogetherAfterwards(
                    because: "\(placement.failedSlots.count) groups could not be filled", "infeasible")
            } while true
            var members: [[Int]]? = complete ? placement.members : start
            // Large programmes, stages left out, or pairs met before kept apart (whose stages end far from their
            // bounds): moves and swaps may still improve what the stages left (measured on the 345 fixture with an
            // earlier cohort: spread 44 → 34 once levels are gathered). Not for every stage stopped at its work: on a
            // slow machine the step then ran into the clock of an 8 s run (Tests/External/determinism.sh).
            if complete && run.stats.timeLimitHit
                && (p.count > Self.weightedLimit || outcome.values.count < priorities.count
                    || !programme.metBeforeApart.isEmpty)
            {
                members = run.improved(placement.members, label: "moves and swaps over the placed groups")
            }
            if members == nil {
                // The all-slot model proves more but does not scale; above that, repair locally.
                members =
                    p.count <= Self.weightedLimit
                    ? try run.weighted(composition, outcome.flow, slotClass)
                    : run.repaired(composition, placement, slotClass, share: outcome.firstPlan == nil ? 0.9 : 0.45)
                // The first stage's realised groups, improved for the later objectives, may beat the repair.
                if let first = outcome.firstPlan {
                    let alternative = run.improved(first)
                    if members.map({
                        Metrics.ranked(alternative, programme).lexicographicallyPrecedes(
                            Metrics.ranked($0, programme))
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
            if members == nil && run.searchGaveUp && !deadline.isCancelled,
                let plan = run.byHand(reason: "no grouping found within the work limit")
            {
                return plan
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
                        ]
                    ).inDutch(
                        "geen indeling van de \(p.count) deelnemers in \(k) groepen van \(g.minSize)–\(g.maxSize) "
                            + "houdt elk verbonden paar uit elkaar",
                        details: [
                            "grootste groep onderling verbonden mensen: \(largest.members.count) "
                                + "(\(largest.members.map { p[$0].name }.joined(separator: ", ")))"
                        ],
                        suggestions: [
                            "[groups] max_size = \(g.maxSize + 1): groepen van maximaal \(g.maxSize + 1)",
                            "[groups] count = \(k + 1): één groep meer, kleinere groepen",
                        ]))
            }
            if deadline.isCancelled { throw GroupingFailure.cancelled }
            var gathered = try Together.enforce(members, programme)
            // Gathering may cost the objectives; moves and swaps of everyone else win back what they can.
            if gathered != members {
                gathered = run.improved(
                    gathered, label: "moves and swaps after gathering the wished-together",
                    pinned: Set(programme.wishes.togetherSets.joined()))
            }
            // Repeated pairs ranked below another objective (or no plan keeping the dealt-round pairs apart): the
            // models did not see them, so moves and swaps lower them where the objectives ranked above allow.
            if programme.countsRepeats && !deadline.isCancelled {
                gathered = run.improved(
                    gathered, label: "moves and swaps for fewer pairs who met before",
                    pinned: Set(programme.wishes.togetherSets.joined()))
            }
            let groups = Self.label(gathered, p)
            let violations = PlanCheck.violations(groups, programme)
            guard violations.isEmpty else {
                throw GroupingFailure.internalError(
                    "the solver's plan breaks a rule: " + violations.map(\.description).joined(separator: "; "))
            }
            // The stages left out with sets wished together and pairs met before (`bounds`) still get proven bounds:
            // each objective's model relaxed to an LP (cheap: no search), with every earlier objective held at the
            // plan's value, so the bound speaks of plans at least as good so far.
            var relaxed: [Objective: Int] = [:]
            for (n, o) in priorities.enumerated()
            where n > 0 && run.keepsSetsAndPairsMetBefore && outcome.values[o] == nil && !deadline.isCancelled
                && (outcome.values[priorities[n - 1]] != nil || relaxed[priorities[n - 1]] != nil)
            {
                let held = priorities[..<n].map { ($0, Metrics.total($0, groups.map(\.members), p)) }
                relaxed[o] = run.relaxationBound(o, prefix: priorities[...n], holding: held, outcome.cover)
            }
            var results = objectives(groups.map(\.members), p, priorities, outcome.values, relaxed: relaxed)
            // Moves and swaps for fewer repeats may trade an objective ranked below `fresh`, and the later
            // aggregate bounds lapse with it: an LP relaxation holding the earlier objectives at the plan's values
            // (repeats left free, so it only relaxes) gives such an objective a bound again.
            for n in results.indices
            where n > 0 && programme.countsRepeats && results[n].bound == 0 && results[n].value > 0
                && !deadline.isCancelled
            {
                let held = priorities[..<n].map { ($0, Metrics.total($0, groups.map(\.members), p)) }
                if let b = run.relaxationBound(priorities[n], prefix: priorities[...n], holding: held, outcome.cover) {
                    results[n].bound = min(b, results[n].value)
                }
            }
            run.stats.seconds = deadline.elapsed
            return GroupingResult(
                groups: groups,
                objectives: results,
                stats: run.stats,
                awayReasons: AwayReasons.explain(groups, programme))
        } catch let e as GLPKError {
            throw .internalError(e.description)
        } catch let e as GroupingFailure {
            throw e
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// Value and proven bound per objective. A bound from the aggregate model holds for plans whose
    /// earlier objectives are no worse than the values it was given; when the plan misses one of those,
    /// later bounds fall back to 0 (nothing proven). `relaxed`: bounds of objectives whose stage was left out, from
    /// LP relaxations holding the earlier objectives at the plan's own values.
    static func objectives(
        _ groups: [[Int]], _ p: [Participant], _ priorities: [Objective],
        _ aggregate: [Objective: (value: Int, bound: Int)], relaxed: [Objective: Int] = [:]
    ) -> [ObjectiveResult] {
        var out: [ObjectiveResult] = []
        var earlierHeld = true
        for o in priorities {
            let value = Metrics.total(o, groups, p)
            guard let a = aggregate[o] else {
                // A bound from an LP relaxation alone still holds when the earlier objectives do.
                out.append(
                    ObjectiveResult(objective: o, value: value, bound: earlierHeld ? min(relaxed[o] ?? 0, value) : 0))
                // The next objective's relaxation held this one at the plan's own value (`plan`).
                earlierHeld = earlierHeld && relaxed[o] != nil
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
