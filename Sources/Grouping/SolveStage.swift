import GLPK

extension SolveStats.Stage {
    /// The record of one GLPK solve of a model with `variables` and `constraints`.
    package init(_ name: String, variables: Int, constraints: Int, _ s: Solution) {
        self.init(
            name: name, variables: variables, constraints: constraints, status: s.status.rawValue, seconds: s.elapsed,
            iterations: s.work.iterations, nodes: s.work.nodes, work: s.work.units, stoppedBy: s.stoppedBy?.label)
    }
}

extension StopReason {
    /// How reports and plan.json name it.
    package var label: String {
        switch self {
        case .work: "work limit"
        case .time: "time limit"
        case .cancelled: "cancelled"
        }
    }
}
