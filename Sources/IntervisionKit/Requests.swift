import Foundation

/// The three input files of a programme, as read from disk or uploaded.
public struct ProgrammeInputs: Sendable {
    /// Sign-ups, one row per participant (required).
    public var signups: InputFile
    /// The programme config (TOML); nil means the defaults.
    public var config: InputFile?
    /// The facilitators; nil means unnamed facilitator slots.
    public var facilitators: InputFile?
    /// Venues per group or per meeting of a group (`group, meeting, location, online`); nil: the config's.
    public var venues: InputFile?
    /// The organiser's wishes (`kind, person, other`): apart, together, facilitator, not_facilitator.
    public var wishes: InputFile?
    /// Earlier cohorts' groups (`group, email`, e.g. their groups.csv), treated as `[rules] met_before` says.
    public var previous: [InputFile] = []

    /// Inputs already in memory (an upload, a test).
    public init(
        signups: InputFile, config: InputFile? = nil, facilitators: InputFile? = nil, venues: InputFile? = nil,
        wishes: InputFile? = nil
    ) {
        self.signups = signups
        self.config = config
        self.facilitators = facilitators
        self.venues = venues
        self.wishes = wishes
    }

    /// Inputs read from disk; every file that cannot be read is reported, not just the first. `sheet` and
    /// `facilitatorsSheet` pick the sheet of a workbook (default: its first).
    public init(
        signups: String, config: String? = nil, facilitators: String? = nil, sheet: String? = nil,
        facilitatorsSheet: String? = nil, venues: String? = nil, wishes: String? = nil, previous: [String] = []
    ) throws(PlanningFailure) {
        // A plan folder stands for its groups.csv.
        let previous = previous.map { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
                ? (path as NSString).appendingPathComponent("groups.csv") : path
        }
        let files = try InputFile.readAll([signups, config, facilitators, venues, wishes] + previous)
        var signupFile = files[0]!, facilitatorFile = files[2]
        signupFile.sheet = sheet
        facilitatorFile?.sheet = facilitatorsSheet
        self.init(
            signups: signupFile, config: files[1], facilitators: facilitatorFile, venues: files[3], wishes: files[4])
        self.previous = files.dropFirst(5).compactMap { $0 }
    }
}

extension InputFile {
    /// The files at `paths` (nil stays nil); every file that cannot be read is reported, not just the first.
    public static func readAll(_ paths: [String?]) throws(PlanningFailure) -> [InputFile?] {
        var problems: [Diagnostic] = [], files: [InputFile?] = []
        for path in paths {
            do { files.append(try path.map { path throws(IntakeFailure) in try InputFile.read(path) }) } catch {
                problems += error.diagnostics
                files.append(nil)
            }
        }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        return files
    }
}

/// What `plan` is asked to do.
public struct PlanRequest: Sendable {
    /// The programme's files.
    public var inputs: ProgrammeInputs
    /// The plan folder to create (it must not hold a plan yet, unless `replace`).
    public var folder: String
    /// Plan again into a folder whose plan has not been published (no replan, no `publish`): its files are
    /// replaced by the new plan's, in one atomic step. A published plan is refused: it changes by replan only.
    public var replace: Bool
    /// The time stamped into files; `ReproducibleClock.now()` by default.
    public var now: Date
    /// Whether the report and plan.json show each stage's wall-clock seconds; not under `SOURCE_DATE_EPOCH`
    /// (`ReproducibleClock.isFixed()`) by default, so reproducible runs write identical files.
    public var withDurations: Bool

    /// A request to plan `inputs` into `folder`.
    public init(
        inputs: ProgrammeInputs, folder: String, replace: Bool = false, now: Date = ReproducibleClock.now(),
        withDurations: Bool = !ReproducibleClock.isFixed()
    ) {
        self.inputs = inputs
        self.folder = folder
        self.replace = replace
        self.now = now
        self.withDurations = withDurations
    }
}

/// Who leaves, who joins and from when, as a replan is asked for them.
public struct ReplanChanges: Sendable {
    /// A participant who leaves, named by email, with where the request came from (for messages).
    public struct Dropout: Sendable, Equatable {
        /// The participant's email (case-insensitive).
        public var email: String
        /// Where it was given: a file name, or how the front end names its own input.
        public var source: String
        /// The line in `source`, when it is a file.
        public var line: Int?
        /// A dropout named at `source` (and `line`).
        public init(email: String, source: String, line: Int? = nil) {
            self.email = email
            self.source = source
            self.line = line
        }
    }

    /// Participants who leave.
    public var dropouts: [Dropout]
    /// Files listing leavers: one email per line (`#` starts a comment), or a CSV with an email column.
    public var dropoutLists: [InputFile]
    /// Late joiners: a file with the sign-up columns.
    public var joiners: InputFile?
    /// A new venues file (`group, meeting, location, online`): later meetings move to the venues it names.
    public var venues: InputFile?
    /// The organiser's moves (`--move EMAIL=G07`): carried out exactly as asked, or refused with the reason.
    public var moves: [ManualMove] = []
    /// The organiser's swaps (`--swap A,B`): two participants of different groups change places.
    public var swaps: [ManualSwap] = []
    /// Groups to lock (`--lock G03`): nobody moves into or out of them in this and later replans.
    public var lock: [String] = []
    /// Locked groups to free again (`--unlock G03`).
    public var unlock: [String] = []
    /// More wishes (`--wishes FILE`), added to the ones the plan keeps and honoured from `from` on.
    public var wishes: InputFile?
    /// Facilitators who leave from `from` on, by email (`--drop-facilitator`): their groups get another one.
    public var dropFacilitators: [String] = []
    /// New facilitators (`--add-facilitators FILE`, the facilitators file's columns), available from `from` on.
    public var addFacilitators: InputFile?
    /// Days a facilitator cannot come (`--facilitator-unavailable EMAIL=DATE[..DATE]`): their meetings on those
    /// days move, or their group gets another facilitator when the dates cannot move.
    public var facilitatorUnavailable: [FacilitatorDays] = []

    /// Meetings moved to a given day (`--move-meeting G03:3=2027-04-12`): made as asked or refused with the rule.
    public var meetingMoves: [MeetingMove] = []
    /// Meetings that cannot take place on their day (`--cancel-meeting G03:3`).
    public var meetingCancellations: [MeetingRef] = []
    /// A cancelled meeting goes to the nearest valid day (true), or is dropped and the rotation shifts (false,
    /// `--no-reschedule`).
    public var rescheduleCancelled = true

    /// Attendance at past meetings (`--attendance FILE`: group, meeting, email, present). A meeting named in it
    /// counts as recorded: members not listed were there.
    public var attendance: InputFile?
    /// Attendance given directly (`intervision attendance DIR G03:2 --absent EMAIL`): the meeting and who was
    /// not there; everyone else was.
    public var absences: [(meeting: MeetingRef, absent: [String])] = []

    /// One meeting of one group: `G03:3`.
    public struct MeetingRef: Sendable, Equatable {
        /// The group's id.
        public var group: String
        /// The meeting number (1-based).
        public var number: Int
        /// Meeting `number` of `group`.
        public init(group: String, number: Int) {
            self.group = group
            self.number = number
        }
    }

    /// A meeting and the day it moves to.
    public struct MeetingMove: Sendable, Equatable {
        /// Which meeting.
        public var meeting: MeetingRef
        /// Its new day.
        public var date: Day
        /// `meeting` moves to `date`.
        public init(_ meeting: MeetingRef, to date: Day) {
            self.meeting = meeting
            self.date = date
        }
    }

    /// Days one facilitator (by email) is unavailable.
    public struct FacilitatorDays: Sendable, Equatable {
        /// The facilitator's email.
        public var email: String
        /// The days, both ends included.
        public var days: DayRange
        /// `email` is unavailable on `days`.
        public init(email: String, days: DayRange) {
            self.email = email
            self.days = days
        }
    }

    /// Someone the organiser moves to a group, named by email.
    public struct ManualMove: Sendable, Equatable {
        /// The participant's email.
        public var email: String
        /// The group id to move to.
        public var group: String
        /// A move of `email` to `group`.
        public init(email: String, group: String) {
            self.email = email
            self.group = group
        }
    }

    /// Two participants who change places, named by email.
    public struct ManualSwap: Sendable, Equatable {
        /// One participant's email.
        public var first: String
        /// The other's.
        public var second: String
        /// A swap of `first` and `second`.
        public init(_ first: String, _ second: String) {
            self.first = first
            self.second = second
        }
    }
    /// The first day that is not history; nil means today in the programme's time zone.
    public var from: Day?
    /// The time stamped into changed events; `ReproducibleClock.now()` by default.
    public var now: Date
    /// Whether files show wall-clock seconds (see `PlanRequest.withDurations`).
    public var withDurations: Bool

    /// The changes for one replan.
    public init(
        dropouts: [Dropout] = [], dropoutLists: [InputFile] = [], joiners: InputFile? = nil, venues: InputFile? = nil,
        from: Day? = nil, now: Date = ReproducibleClock.now(), withDurations: Bool = !ReproducibleClock.isFixed()
    ) {
        self.dropouts = dropouts
        self.dropoutLists = dropoutLists
        self.joiners = joiners
        self.venues = venues
        self.from = from
        self.now = now
        self.withDurations = withDurations
    }
}
