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

    /// The run's budget.
    var budget: RunBudget { options.budget }
    /// The objectives in the order they are minimised.
    var priorities: [Objective] { programme.config.priorities }
}
