/// The stages of planning and replanning, in the order a run passes them.
public enum RunStage: String, Sendable, CaseIterable, Codable {
    /// Forming the groups (aggregate bounds, then named people).
    case grouping
    /// Choosing which facilitator leads which group.
    case facilitators
    /// Choosing the meeting dates.
    case dates
    /// Choosing who brings a case at which meeting.
    case rotation
    /// Replanning: who moves after dropouts and joiners, and where.
    case regrouping
    /// Writing the plan folder.
    case writing

    /// What the stage does, in words an organiser understands.
    public var activity: String {
        switch self {
        case .grouping: "forming groups"
        case .facilitators: "assigning facilitators"
        case .dates: "choosing meeting dates"
        case .rotation: "planning who brings a case"
        case .regrouping: "finding the fewest moves"
        case .writing: "writing the plan"
        }
    }
}

/// Something that happened during a run, for a progress line or a web page.
public struct RunEvent: Sendable, Equatable {
    /// Whether a stage began, reports progress, or ended.
    public enum Kind: String, Sendable, Equatable { case started, progress, finished }

    /// The stage the event belongs to.
    public var stage: RunStage
    /// Started, progress or finished.
    public var kind: Kind
    /// Plain words, e.g. "forming groups: 36 outside their region, at least 36 possible".
    public var message: String
    /// The best value found so far (progress only).
    public var value: Double?
    /// The best proven bound so far (progress only).
    public var bound: Double?
    /// (value − bound) / value (progress only).
    public var gap: Double?
    /// Seconds since the run started.
    public var elapsed: Double

    /// An event; `value`, `bound` and `gap` only for progress.
    public init(
        stage: RunStage, kind: Kind, message: String, value: Double? = nil, bound: Double? = nil,
        gap: Double? = nil, elapsed: Double
    ) {
        self.stage = stage
        self.kind = kind
        self.message = message
        self.value = value
        self.bound = bound
        self.gap = gap
        self.elapsed = elapsed
    }
}

/// Where a run's events go. Called from the threads the stages run on: keep it cheap and thread-safe.
public struct EventSink: Sendable {
    /// Receives each event.
    public let emit: @Sendable (RunEvent) -> Void

    /// A sink calling `emit` for every event.
    public init(_ emit: @escaping @Sendable (RunEvent) -> Void) { self.emit = emit }

    /// A sink that drops every event.
    public static let none = EventSink { _ in }

    /// Reports that `stage` began.
    public func started(_ stage: RunStage, _ budget: RunBudget, _ detail: String? = nil) {
        emit(
            RunEvent(
                stage: stage, kind: .started, message: stage.activity + (detail.map { ": \($0)" } ?? ""),
                elapsed: budget.elapsed))
    }

    /// Reports that `stage` ended, with what it reached.
    public func finished(_ stage: RunStage, _ budget: RunBudget, _ detail: String) {
        emit(RunEvent(stage: stage, kind: .finished, message: "\(stage.activity): \(detail)", elapsed: budget.elapsed))
    }
}

/// What a stage needs of its run: the budget it spends and the sink it reports to.
public struct RunContext: Sendable {
    /// The run's budget; the stage takes what is left of it.
    public var budget: RunBudget
    /// Where progress goes.
    public var events: EventSink
    /// A stage within `budget`, reporting to `events`.
    public init(budget: RunBudget, events: EventSink = .none) {
        self.budget = budget
        self.events = events
    }
    /// A run of its own with `timeLimit` seconds and no progress (tests and benchmarks).
    public init(timeLimit: Double) { self.init(budget: RunBudget(timeLimit: timeLimit)) }
}
