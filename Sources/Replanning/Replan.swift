import Grouping
import Intake
import Scheduling

/// The plan as it stands before a replan.
public struct CurrentPlan: Sendable {
    /// Everyone who ever took part; `dropped` already holds earlier dropouts.
    public var programme: Programme
    /// The groups of the current version (dissolved ones are gone).
    public var groups: [Group]
    /// Facilitators and every meeting, past and future.
    public var schedule: ScheduleResult
    /// The version number in plan.json (1 after `plan`).
    public var version: Int
    /// Groups the organiser locked (`replan --lock`): nobody moves into or out of them until unlocked.
    public var locked: [String]
    /// A plan as stored.
    public init(programme: Programme, groups: [Group], schedule: ScheduleResult, version: Int, locked: [String] = []) {
        self.programme = programme
        self.groups = groups
        self.schedule = schedule
        self.version = version
        self.locked = locked
    }
}

/// What changes: who leaves, who joins (indices into the programme the request was built with), from when.
public struct ReplanRequest: Sendable {
    /// Participants who leave.
    public var drop: Set<Int>
    /// Participants who join (already appended to the programme).
    public var joiners: [Int]
    /// Meetings before this day are history.
    public var from: Day
    /// The organiser's moves: participant → group id, carried out exactly (`replan --move`).
    public var moves: [(person: Int, group: String)]
    /// The organiser's swaps of two participants of different groups (`replan --swap`).
    public var swaps: [(Int, Int)]
    /// Groups to lock from this replan on (`replan --lock G03`).
    public var lock: [String]
    /// Locked groups to free again (`replan --unlock G03`).
    public var unlock: [String]
    /// Meetings the organiser moves to a given day (`replan --move-meeting G03:3=2027-04-12`).
    public var meetingMoves: [(group: String, number: Int, date: Day)] = []
    /// Meetings that cannot take place on their day (`replan --cancel-meeting G03:3`).
    public var meetingCancellations: [(group: String, number: Int)] = []
    /// Whether a cancelled meeting goes to the nearest valid day (true) or is dropped (`--no-reschedule`).
    public var reschedule = true
    /// Attendance at past meetings (`replan --attendance`): group, meeting number and who was not there; everyone
    /// else in the meeting was.
    public var attendance: [(group: String, number: Int, absent: Set<Int>)] = []
    /// A request in participant indices.
    public init(
        drop: Set<Int>, joiners: [Int], from: Day, moves: [(person: Int, group: String)] = [], swaps: [(Int, Int)] = [],
        lock: [String] = [], unlock: [String] = []
    ) {
        self.drop = drop
        self.joiners = joiners
        self.from = from
        self.moves = moves
        self.swaps = swaps
        self.lock = lock
        self.unlock = unlock
    }
}

/// Someone who changes group in a replan.
public struct Move: Sendable, Equatable {
    /// The participant's index.
    public var participant: Int
    /// The group they leave.
    public var from: String
    /// The group they join.
    public var to: String
}

/// A rescheduled or re-rotated future meeting, for `changes.md`.
public struct MeetingChange: Sendable, Equatable {
    /// The group's id.
    public var group: String
    /// The meeting number (1-based).
    public var number: Int
    /// The meeting as it was.
    public var before: Meeting
    /// The meeting as it is now.
    public var after: Meeting
}

/// Version N+1 of a plan, with what changed and the proven bounds of the changes.
public struct ReplanResult: Sendable {
    /// The new programme: joiners included, every dropout in `dropped`.
    public var programme: Programme
    /// The new groups and their objectives (bounds hold for the movers' choice).
    public var grouping: GroupingResult
    /// The calendar: history frozen, future meetings kept unless a rule forces a move.
    public var schedule: ScheduleResult
    /// Participants still taking part whose group changed.
    public var moves: [Move]
    /// Proven minimum number of moves.
    public var movesBound: Int
    /// Groups that stop; their future meetings are cancelled.
    public var dissolved: [String]
    /// Proven minimum number of dissolved groups (given the fewest moves).
    public var dissolvedBound: Int
    /// Future meetings whose date, rotation or members changed.
    public var changedMeetings: [MeetingChange]
    /// The new version number.
    public var version: Int
    /// What the organiser's own moves and swaps did to each objective (empty when there were none).
    public var manualDeltas: [ManualChanges.Delta] = []
    /// The groups locked in the new version (sorted).
    public var locked: [String] = []
    /// Groups locked and unlocked by this replan.
    public var lockedNow: [String] = [], unlockedNow: [String] = []
    /// Wishes the organiser added in this replan (`replan --wishes`).
    public var newWishes: [Wish] = []
    /// Groups handed to another facilitator in this replan (who led them before, from when).
    public var handovers: [ScheduleResult.Handover] = []
    /// Proven minimum number of groups that needed a new facilitator.
    public var handoversBound = 0
    /// Groups opened in this replan for late joiners who fit nowhere.
    public var newGroups: [String] = []
}

/// Why a replan produced no new version.
public enum ReplanFailure: Error, Sendable, Equatable {
    /// The request does not fit the plan (e.g. a cut-off outside the programme): message and fix.
    case invalidInput(String, fix: String, dutch: Diagnostic.Dutch? = nil)
    /// The changes leave no valid plan; the explanation says why and what would help.
    case impossible(Explanation)
    /// A search that had to find the new groups found none before its work ran out: not a proof that none exists.
    /// Names the step (e.g. "replan moves").
    case outOfTime(String)
    /// A solver fault.
    case internalError(String)
}
