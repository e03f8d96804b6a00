import Intake
import RunControl

/// One grouping run: what every step needs (the programme, how many groups, the priorities, the budget and
/// where progress goes) and what the steps gather (the statistics of every solve). The planner's steps —
/// `bounds`, `exact`, `weighted`, `repaired`, `improved` — are methods on it.
struct GroupingRun {
    /// The programme being grouped.
    let programme: Programme
    /// How many groups the plan has (`GroupCount.resolve`).
    let groupCount: Int
    /// The budget and the event sink.
    let options: GroupingOptions
    /// Every solve so far, for the report and the benchmarks.
    var stats = SolveStats()
    /// Whether a search that could have found a grouping stopped at its limit without one (no proof of
    /// impossibility): the planner then makes a plan by hand rather than explaining an impossibility.
    var searchGaveUp = false
    /// Whether the models keep each set of people wished together in one group (`Composition.units`); off for
    /// the second attempt when the first could not place them.
    var togetherInModels = true
    /// Odd cycles of ties through the sets wished together (`Cliques.oddCycles`), for the aggregate models.
    var oddCycles: [[Int]] = []

    /// The run's budget.
    var budget: RunBudget { options.budget }
    /// The sets of people wished together that the models keep in one group (until an attempt gives up on them).
    var together: [[Int]] {
        togetherInModels ? programme.wishes.togetherSets : []
    }
    /// The first stage with the sets wished together and the pairs met before was not proven: the planner starts
    /// again without the sets (`gatherTogetherAfterwards`).
    struct SetsUnproven: Error {
        /// Why, for the stage record.
        let why: String
    }
    /// Whether the models keep sets wished together in one group while pairs who met before are kept apart: the
    /// first stage then starts from a plan by hand and the later stages are left to moves and swaps (`bounds`).
    var keepsSetsAndPairsMetBefore: Bool { !together.isEmpty && !programme.metBeforeApart.isEmpty }
    /// The objectives in the order they are minimised.
    var priorities: [Objective] { programme.config.priorities }
}

extension GroupingRun {
    /// The next attempt leaves the sets wished together out of the models (`Together.enforce` gathers them after
    /// grouping); a stage record says why.
    mutating func gatherTogetherAfterwards(because why: String, _ status: String) {
        togetherInModels = false
        stats.stages.append(
            .init(
                name: "wished-together sets kept in one group by the models: \(why); again with the sets gathered "
                    + "afterwards",
                variables: 0, constraints: 0, status: status, seconds: budget.elapsed))
    }

    /// A plan without the solver's help: regions packed by the greedy pass and ejection chains, the rest placed
    /// and improved by local moves and swaps. Every objective is reported without a proven bound (0) and the time
    /// limit as reached. nil when the packing gets stuck or the result breaks a rule.
    mutating func byHand(reason: String) -> GroupingResult? {
        let p = programme.participants
        guard var members = GroupPlanner.greedyPlan(programme, groups: groupCount, budget) else { return nil }
        members = improved(members, label: "plan by hand, moves and swaps (\(reason))")
        guard let gathered = try? Together.enforce(members, programme) else { return nil }
        members = gathered
        let groups = GroupPlanner.label(members, p)
        guard PlanCheck.violations(groups, programme).isEmpty else { return nil }
        stats.timeLimitHit = true
        stats.seconds = budget.elapsed
        return GroupingResult(
            groups: groups, objectives: GroupPlanner.objectives(groups.map(\.members), p, priorities, [:]),
            stats: stats, awayReasons: AwayReasons.explain(groups, programme))
    }
}
