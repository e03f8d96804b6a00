/// What one run may spend: counted work (what decides where every search stops, so the same input gives the
/// same plan on any machine), a wall-clock limit (the user's safety cap, reached only on a machine far slower
/// than the reference), a cancellation flag, and how many solves may run at once. One budget is passed through
/// every stage of a run — grouping, facilitators, dates, rotation, replanning — and each stage takes a share
/// of what is left.
public struct RunBudget: Sendable {
    /// Work units a run gets per second of its time limit. Calibrated on the reference machine (2 cores, see
    /// `Benchmarks/README.md`) so that spending a whole allowance takes about half the time limit there:
    /// the clock only stops a search on a machine (or under a load) more than twice as slow.
    public static let workPerSecond = 30.0
    /// Seconds for the whole run: the safety cap.
    public let timeLimit: Double
    /// Raised by the front end (or by cancelling the Swift task that runs the use case).
    public let cancellation: Cancellation
    /// Solves that may run at the same time; the time shares assume this many.
    public let parallelism: Int
    /// When the run started.
    public let start: ContinuousClock.Instant
    /// The counted work this budget may spend and has spent.
    package let ledger: WorkLedger

    /// The work units a run may be given explicitly (`--work`): enough for the largest programmes' searches at
    /// the top, one unit at the bottom so a solve can start.
    public static let workRange: ClosedRange<Double> = 1...1_000_000

    /// A budget that starts now, with `work` units of work, or `timeLimit × workPerSecond` when `work` is nil.
    /// Giving the work separately keeps the plan fixed while the safety cap is raised — for a debug build, a
    /// busy machine or a benchmark that wants the default run's plan. `timeLimit` must be positive and finite;
    /// `work` is clamped to `workRange`; `parallelism` at least 1.
    public init(
        timeLimit: Double, work: Double? = nil, cancellation: Cancellation = Cancellation(), parallelism: Int = 2
    ) {
        let limit = timeLimit.isFinite && timeLimit > 0 ? timeLimit : 1
        let units = work.map { $0.isFinite ? min(Self.workRange.upperBound, max(Self.workRange.lowerBound, $0)) : 1 }
        self.init(
            timeLimit: limit, cancellation: cancellation, parallelism: parallelism, start: .now,
            ledger: WorkLedger(allowance: units ?? limit * Self.workPerSecond))
    }

    private init(
        timeLimit: Double, cancellation: Cancellation, parallelism: Int, start: ContinuousClock.Instant,
        ledger: WorkLedger
    ) {
        self.timeLimit = timeLimit.isFinite && timeLimit > 0 ? timeLimit : 1
        self.cancellation = cancellation
        self.parallelism = max(1, parallelism)
        self.start = start
        self.ledger = ledger
    }

    /// The part of this budget a stage may use so later stages keep the rest: the same start, cancellation
    /// and parallelism, `fraction` of the work left, and a time limit `fraction` of the way from now to this
    /// budget's limit.
    public func portion(_ fraction: Double) -> RunBudget {
        let f = min(1, max(0, fraction))
        return RunBudget(
            timeLimit: elapsed + remaining * f, cancellation: cancellation, parallelism: parallelism, start: start,
            ledger: WorkLedger(allowance: workLeft * f, parent: ledger))
    }

    /// Work set aside now for the stages after the next one: `fraction` of the work left, in a ledger of its
    /// own that the next stage cannot spend even when it overruns its portion (GLPK cannot stop inside one
    /// node's LP, and parallel solves get their allowances before they start), with this budget's time limit.
    /// What it spends still counts here.
    public func reserve(_ fraction: Double) -> RunBudget {
        RunBudget(
            timeLimit: timeLimit, cancellation: cancellation, parallelism: parallelism, start: start,
            ledger: WorkLedger(allowance: workLeft * min(1, max(0, fraction)), parent: ledger))
    }

    /// Work units this budget may still spend.
    public var workLeft: Double { max(0, ledger.allowance - ledger.spent) }

    /// The share of the budget's work spent so far, 0…1.
    public var workSpentFraction: Double {
        ledger.allowance > 0 ? min(1, ledger.spent / ledger.allowance) : 1
    }

    /// A fraction of the work left, never under a hundredth of a unit so a solve can at least start.
    public func workShare(of fraction: Double) -> Double { max(0.01, workLeft * fraction) }

    /// Records `units` of work as done (see `WorkLedger`).
    public func spend(_ units: Double) { ledger.spend(units) }

    /// Seconds since the run started.
    public var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Seconds left before the time limit; 0 once it has passed.
    public var remaining: Double { max(0, timeLimit - elapsed) }

    /// Whether the run was cancelled.
    public var isCancelled: Bool { cancellation.isCancelled }

    /// Whether work should stop now: cancelled, or past the time limit.
    public var isSpent: Bool { isCancelled || elapsed >= timeLimit }
}
