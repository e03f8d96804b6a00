package enum SolveStatus: String, Sendable, Equatable {
    /// Proven optimal (within `relativeGap`).
    case optimal
    /// An incumbent exists but the search stopped before proving it optimal (time limit).
    case feasible
    case infeasible
    case unbounded
    /// The time limit ran out before any feasible solution was found.
    case timeLimitNoSolution = "time-limit"
}

package struct Solution: Sendable {
    package var status: SolveStatus
    /// Objective of the best solution found, in the model's own sense.
    package var objective: Double?
    /// Best proven bound on the objective (lower for minimise, upper for maximise).
    package var bestBound: Double?
    /// Values per variable; empty when no solution exists.
    package var values: [Double]
    package var elapsed: Double
    package var log: String
    /// Whether the warm start was handed to GLPK and accepted as an incumbent.
    package var warmStartAccepted: Bool

    /// |objective − bound| / max(|objective|, 1e-9); 0 when proven optimal, nil without both numbers.
    package var gap: Double? {
        if status == .optimal { return 0 }
        guard let o = objective, let b = bestBound else { return nil }
        return abs(o - b) / max(abs(o), 1e-9)
    }

    package subscript(_ v: Variable) -> Double { values[v.index] }
    package func value(_ e: LinearExpression) -> Double { e.value(at: values) }
    package var hasSolution: Bool { !values.isEmpty }
}

package enum GLPKError: Error, Equatable, CustomStringConvertible {
    case invalidModel(String)
    case invalidOptions(String)
    case infeasibleWarmStart(String)
    case solverFailed(String)

    package var description: String {
        switch self {
        case .invalidModel(let m): "invalid model: \(m)"
        case .invalidOptions(let m): "invalid solver options: \(m)"
        case .infeasibleWarmStart(let m): "warm start is not feasible: \(m)"
        case .solverFailed(let m): "GLPK failed: \(m)"
        }
    }
}
