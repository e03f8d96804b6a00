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

/// Why a solve stopped before it proved its answer.
package enum StopReason: String, Sendable, Equatable {
    /// Its work limit: the same on every machine.
    case work
    /// The wall clock (the safety cap): a rerun may differ.
    case time
    /// The run was cancelled.
    case cancelled
}

/// What a solve did, counted: the same on every machine for the same model and options.
package struct Work: Sendable, Equatable {
    /// Simplex iterations, the root LP and every node's together.
    package var iterations = 0
    /// Branch-and-bound nodes created.
    package var nodes = 0
    /// Pseudocosts initialised: each is two short dual simplex runs on a copy of the problem (GLPK's
    /// `eval_degrad`), which GLPK does not count as iterations.
    package var pseudocosts = 0
    /// Rows plus columns of the model, which weighs each iteration and node.
    package var size = 0

    /// Work units: 1 is about a million row-or-column touches by the simplex (an iteration costs about its
    /// model's rows plus columns), a node about `nodeWeight` iterations' worth (bound tightening, cut rounds),
    /// a pseudocost about `pseudocostWeight` (copying the problem, factorising its basis, up to 2 × 30
    /// iterations). The weights are fitted to solve times on the reference machine (Benchmarks/README.md).
    package var units: Double {
        (Double(iterations) + Self.nodeWeight * Double(nodes) + Self.pseudocostWeight * Double(pseudocosts))
            * Double(size) / 1e6
    }
    /// Adds another solve's counts, of a model of the same size.
    package mutating func add(_ other: Work) {
        iterations += other.iterations
        nodes += other.nodes
        pseudocosts += other.pseudocosts
    }
    /// Iterations' worth of one node.
    package static let nodeWeight = 20.0
    /// Iterations' worth of one pseudocost initialisation.
    package static let pseudocostWeight = 150.0
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
    /// What the solve did, counted.
    package var work = Work()
    /// What stopped the search before a proof; nil when it ended on its own.
    package var stoppedBy: StopReason?
    /// The search's earlier incumbents, newest (best) first, at most `SolverOptions.keptIncumbents`; the accepted
    /// warm start counts as the first incumbent.
    package var earlier: [Incumbent] = []

    /// A solution the search held as its best for a while.
    package struct Incumbent: Sendable, Equatable {
        /// Its objective value, in the model's own sense.
        package var objective: Double
        /// Values per variable.
        package var values: [Double]

        package init(objective: Double, values: [Double]) {
            self.objective = objective
            self.values = values
        }
    }

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
