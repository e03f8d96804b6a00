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

    /// Wall-clock seconds for the branch-and-cut search; nil means no limit.
    package var timeLimit: Double?
    /// Stop when (incumbent − bound) / |incumbent| ≤ this. 0 asks for a proof of optimality.
    package var relativeGap: Double = 0
    package var branching: Branching = .pseudocost
    package var backtracking: Backtracking = .bestLocalBound
    package var cuts: Cuts = .none
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
    /// Keep GLPK's own terminal output in `Solution.log`.
    package var captureLog = true

    package init(timeLimit: Double? = nil, relativeGap: Double = 0) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }

    /// Options for one solve within a run: at most `seconds` (and never past the run's limit), stopped when the
    /// run is cancelled.
    package init(within budget: RunBudget, seconds: Double) {
        self.init(timeLimit: max(0.1, min(seconds, budget.remaining)))
        cancellation = budget.cancellation
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
