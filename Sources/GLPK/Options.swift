import RunControl

/// How branch-and-cut runs. Every field is checked against GLPK's documented range before use,
/// because GLPK aborts the process on an invalid parameter.
public struct SolverOptions: Sendable {
    public enum Branching: Sendable { case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost }
    public enum Backtracking: Sendable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }

    public struct Cuts: Sendable, Equatable {
        public var gomory = false
        public var mir = false
        public var cover = false
        public var clique = false
        public init(gomory: Bool = false, mir: Bool = false, cover: Bool = false, clique: Bool = false) {
            self.gomory = gomory
            self.mir = mir
            self.cover = cover
            self.clique = clique
        }
        public static let none = Cuts()
        public static let all = Cuts(gomory: true, mir: true, cover: true, clique: true)
    }

    /// Wall-clock seconds for the branch-and-cut search; nil means no limit.
    public var timeLimit: Double?
    /// Stop when (incumbent − bound) / |incumbent| ≤ this. 0 asks for a proof of optimality.
    public var relativeGap: Double = 0
    public var branching: Branching = .pseudocost
    public var backtracking: Backtracking = .bestLocalBound
    public var cuts: Cuts = .none
    /// GLPK's MIP presolver. Forced off when a warm start is given: with presolve on, GLPK's callback sees
    /// the presolved problem and would accept a misaligned solution vector.
    public var presolve = false
    /// A known feasible solution, one value per variable, injected as the first incumbent.
    public var warmStart: [Double]?
    /// Called from inside the search at most every `progressInterval` seconds.
    public var progress: (@Sendable (Progress) -> Void)?
    public var progressInterval: Double = 1
    /// Stops the search (GLPK's `glp_ios_terminate`) at the next callback once raised; the best solution found so
    /// far is returned as on a time limit.
    public var cancellation: Cancellation?
    /// Keep GLPK's own terminal output in `Solution.log`.
    public var captureLog = true

    public init(timeLimit: Double? = nil, relativeGap: Double = 0) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }

    /// Options for one solve within a run: at most `seconds` (and never past the run's limit), stopped when the
    /// run is cancelled.
    public init(within budget: RunBudget, seconds: Double) {
        self.init(timeLimit: max(0.1, min(seconds, budget.remaining)))
        cancellation = budget.cancellation
    }
}

/// A snapshot of the search, for progress reporting.
public struct Progress: Sendable, Equatable {
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
    public var elapsed: Double
    public var activeNodes: Int
}
