import RunControl

/// How branch-and-cut runs. Every field is checked against GLPK's documented range before use,
/// because GLPK aborts the process on an invalid parameter.
package struct SolverOptions: Sendable {
    package enum Branching: Sendable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost
    }
    package enum Backtracking: Sendable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }

    package struct Cuts: Sendable, Equatable {
        package var gomory = false
        package var mir = false
        package var cover = false
        package var clique = false
        package init(gomory: Bool = false, mir: Bool = false, cover: Bool = false, clique: Bool = false) {
            self.gomory = gomory
            self.mir = mir
            self.cover = cover
            self.clique = clique
        }
        package static let none = Cuts()
        package static let all = Cuts(gomory: true, mir: true, cover: true, clique: true)
    }

    /// Wall-clock seconds for the whole solve, the safety cap; nil means no limit.
    package var timeLimit: Double?
    /// Work units (`Work.units`) for the whole solve — the limit that decides where a search stops, the same on
    /// any machine; nil means no limit.
    package var workLimit: Double?
    /// Stop when (incumbent − bound) / |incumbent| ≤ this. 0 asks for a proof of optimality.
    package var relativeGap: Double = 0
    package var branching: Branching = .pseudocost
    package var backtracking: Backtracking = .bestLocalBound
    package var cuts: Cuts = .none
    /// Variables branched on before any other while one of them is fractional (the most fractional first, then
    /// the lowest index): the few decisions that shape a model (how many groups of each kind) before the many
    /// that follow from them. GLPK's `branching` rule chooses among the rest.
    package var branchFirst: [Variable] = []
    /// GLPK's MIP presolver. Forced off when a warm start is given: with presolve on, GLPK's callback sees
    /// the presolved problem and would accept a misaligned solution vector.
    package var presolve = false
    /// A known feasible solution, one value per variable, injected as the first incumbent.
    package var warmStart: [Double]?
    /// Called from inside the search at most every `progressInterval` seconds.
    package var progress: (@Sendable (Progress) -> Void)?
    package var progressInterval: Double = 1
    /// Stops the search (GLPK's `glp_ios_terminate`) at the next callback once raised; the best solution found so
    /// far is returned as on a time limit.
    package var cancellation: Cancellation?
    /// Where the solve's work is recorded when it ends (the run's ledger, set by the `within:` initialisers).
    package var ledger: WorkLedger?
    /// How many of the search's earlier incumbents `Solution.earlier` keeps, newest (best) first: a caller whose
    /// best plan turns out unusable for reasons the model cannot see goes on from the best earlier one.
    package var keptIncumbents = 0
    /// Keep GLPK's own terminal output in `Solution.log`.
    package var captureLog = true

    package init(timeLimit: Double? = nil, relativeGap: Double = 0) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }

    /// Options for one solve within a run: `share` of the run's work left, the run's remaining time as the
    /// safety cap, stopped when the run is cancelled. `Solver.solve` records the solve's work in the run's ledger.
    package init(within budget: RunBudget, share: Double) {
        self.init(within: budget, units: budget.workShare(of: share))
    }

    /// Options for one solve given `units` of work outright (concurrent solves, whose allowances are fixed
    /// before any starts), with the run's remaining time as the safety cap.
    package init(within budget: RunBudget, units: Double) {
        self.init(timeLimit: max(0.1, budget.remaining))
        workLimit = max(0.01, units)
        cancellation = budget.cancellation
        ledger = budget.ledger
    }
}

/// A snapshot of the search, for progress reporting.
package struct Progress: Sendable, Equatable {
    package var incumbent: Double?
    package var bound: Double?
    package var gap: Double?
    package var elapsed: Double
    package var activeNodes: Int
}
