/// What one run may spend: a wall-clock limit (the user's safety cap), a cancellation flag, and how many
/// solves may run at once. One budget is passed through every stage of a run — grouping, facilitators,
/// dates, rotation, replanning — and each stage takes a share of what is left.
public struct RunBudget: Sendable {
    /// Seconds for the whole run.
    public let timeLimit: Double
    /// Raised by the front end (or by cancelling the Swift task that runs the use case).
    public let cancellation: Cancellation
    /// Solves that may run at the same time; the time shares assume this many.
    public let parallelism: Int
    /// When the run started.
    public let start: ContinuousClock.Instant

    /// A budget that starts now. `timeLimit` must be positive and finite; `parallelism` at least 1.
    public init(timeLimit: Double, cancellation: Cancellation = Cancellation(), parallelism: Int = 2) {
        self.init(timeLimit: timeLimit, cancellation: cancellation, parallelism: parallelism, start: .now)
    }

    private init(timeLimit: Double, cancellation: Cancellation, parallelism: Int, start: ContinuousClock.Instant) {
        self.timeLimit = timeLimit.isFinite && timeLimit > 0 ? timeLimit : 1
        self.cancellation = cancellation
        self.parallelism = max(1, parallelism)
        self.start = start
    }

    /// The part of this budget a stage may use so later stages keep the rest: the same start, cancellation
    /// and parallelism, with a limit `fraction` of the way from now to this budget's limit.
    public func portion(_ fraction: Double) -> RunBudget {
        RunBudget(
            timeLimit: elapsed + remaining * min(1, max(0, fraction)), cancellation: cancellation,
            parallelism: parallelism, start: start)
    }

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

    /// A fraction of what is left, never under a tenth of a second so a solve can at least start.
    public func share(of fraction: Double) -> Double { max(0.1, remaining * fraction) }
}
