/// The programme config (TOML) as plain values, with docs/SPEC.md's defaults.
public struct ProgrammeConfig: Sendable, Equatable, Codable {
    public struct Groups: Sendable, Equatable, Codable {
        public var minSize = 6
        public var maxSize = 8
        public var targetSize = 7
        public var count: Int?
        public var minSizeAfterDropout = 5
    }

    public enum CasesPerMeeting: Sendable, Equatable, Codable {
        case fixed(Int)
        case auto
    }

    public enum Holidays: String, Sendable, Equatable, Codable, CaseIterable { case nl, none }

    public struct Schedule: Sendable, Equatable, Codable {
        public var firstDate: Day?
        public var lastDate: Day?
        public var meetings = 5
        public var minWeeksBetween = 4
        public var maxWeeksBetween = 8
        public var weekdays: [Weekday] = [.tuesday, .wednesday, .thursday]
        /// Minutes after midnight, local to the programme's time zone.
        public var startMinutes = 13 * 60 + 30
        public var durationMinutes = 150
        public var casesPerMeeting = CasesPerMeeting.fixed(1)
        public var fixedDates: [Int: Day] = [:]
        public var blackoutDates: [DayRange] = []
        public var holidays = Holidays.nl
        public var methods = ["tienstappen", "incident", "roddel", "tgi", "socratisch", "e5"]
    }

    public var name = "Intervision programme"
    public var timezone = "Europe/Amsterdam"
    public var groups = Groups()
    public var separate: [Rule] = Rule.defaults
    public var priorities: [Objective] = Objective.defaults
    /// Function → level overrides on top of `Levels.builtIn`.
    public var levels: [String: Int] = [:]
    public var schedule = Schedule()
    /// Region value → holiday region, overriding the built-in province mapping.
    public var regions: [String: HolidayRegion] = [:]

    public init() {}
}
