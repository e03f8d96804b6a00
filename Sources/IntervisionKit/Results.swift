/// What `check` found: the validated programme and its summary.
public struct CheckReport: Sendable {
    /// The programme as read.
    public var programme: Programme
    /// Make-up, ties and early signs of trouble.
    public var summary: CheckSummary
    /// Warnings about the input (nothing that stops planning).
    public var warnings: [Diagnostic] { programme.warnings }
    /// Whether the summary already shows that no plan can exist.
    public var isImpossible: Bool { summary.isImpossible }
}

/// A plan written to its folder.
public struct PlannedProgramme: Sendable {
    /// The programme as read.
    public var programme: Programme
    /// The groups, with every objective's value and proven bound.
    public var grouping: GroupingResult
    /// Facilitators, meetings and rotation.
    public var schedule: ScheduleResult
    /// Where it was written.
    public var folder: String
    /// Every file written, by path inside the folder, sorted.
    public var files: [String]
    /// Seconds the run took.
    public var seconds: Double
    /// Warnings about the input.
    public var warnings: [Diagnostic] { programme.warnings }
}

/// A new version of a plan, written over the old one.
public struct ReplannedProgramme: Sendable {
    /// The version that was replaced.
    public var before: CurrentPlan
    /// The new version: groups, moves with their proven bounds, calendar and changed meetings.
    public var result: ReplanResult
    /// The first day that was not history.
    public var from: Day
    /// The plan folder.
    public var folder: String
    /// The contents of `changes.md`.
    public var changes: String
    /// Who must receive new files: the groups whose calendar or membership changed, and their facilitators.
    public var recipients: ChangesFile.Recipients
    /// Warnings about the joiners' file.
    public var warnings: [Diagnostic]
}
