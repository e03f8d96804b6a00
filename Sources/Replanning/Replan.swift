import Grouping
import Intake
import Scheduling

/// The plan as it stands before a replan.
public struct CurrentPlan: Sendable {
    /// Everyone who ever took part; `dropped` already holds earlier dropouts.
    public var programme: Programme
    public var groups: [Group]
    public var schedule: ScheduleResult
    public var version: Int
    public init(programme: Programme, groups: [Group], schedule: ScheduleResult, version: Int) {
        self.programme = programme
        self.groups = groups
        self.schedule = schedule
        self.version = version
    }
}

/// What changes: who leaves, who joins (indices into the programme the request was built with), from when.
public struct ReplanRequest: Sendable {
    public var drop: Set<Int>
    public var joiners: [Int]
    /// Meetings before this day are history.
    public var from: Day
    public init(drop: Set<Int>, joiners: [Int], from: Day) {
        self.drop = drop
        self.joiners = joiners
        self.from = from
    }
}

public struct Move: Sendable, Equatable {
    public var participant: Int
    public var from: String
    public var to: String
}

/// A rescheduled or re-rotated future meeting, for `changes.md`.
public struct MeetingChange: Sendable, Equatable {
    public var group: String
    public var number: Int
    public var before: Meeting
    public var after: Meeting
}

public struct ReplanResult: Sendable {
    /// The new programme: joiners included, every dropout in `dropped`.
    public var programme: Programme
    public var grouping: GroupingResult
    public var schedule: ScheduleResult
    public var moves: [Move]
    public var movesBound: Int
    public var dissolved: [String]
    public var dissolvedBound: Int
    public var changedMeetings: [MeetingChange]
    public var version: Int
}

public enum ReplanFailure: Error, Sendable, Equatable {
    case invalidInput(String, fix: String)
    /// The changes leave no valid plan; the explanation says why and what would help.
    case impossible(Explanation)
    case internalError(String)
}
