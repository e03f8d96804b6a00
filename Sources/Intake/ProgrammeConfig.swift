/// The programme config (TOML) as plain values, with docs/SPEC.md's defaults. Ranges are checked by
/// `ConfigReader`; a value here is always within them.
public struct ProgrammeConfig: Sendable, Equatable, Codable {
    /// `[groups]`: how large the groups are and how many there are.
    public struct Groups: Sendable, Equatable, Codable {
        /// `min_size`: the smallest group a plan may form.
        public var minSize = 6
        /// `max_size`: the largest group a plan may form.
        public var maxSize = 8
        /// `target_size`: the number of groups is participants / target size, rounded to the nearest feasible.
        public var targetSize = 7
        /// `count`: a fixed number of groups instead of the one `targetSize` gives.
        public var count: Int?
        /// `min_size_after_dropout`: the smallest a group may become during the programme before a replan
        /// moves people into it or dissolves it.
        public var minSizeAfterDropout = 5
    }

    /// `cases_per_meeting`: a fixed number of case bringers per meeting, or `auto` (everyone once).
    public enum CasesPerMeeting: Sendable, Equatable, Codable {
        /// This many case bringers at every meeting.
        case fixed(Int)
        /// Everyone brings one case over the programme, at most two per meeting.
        case auto
    }

    /// `holidays`: the built-in Dutch school and public holidays, or none (list them in `blackout_dates`).
    public enum Holidays: String, Sendable, Equatable, Codable, CaseIterable {
        /// Dutch school holidays per holiday region and public holidays.
        case nl
        /// No built-in holidays.
        case none
    }

    /// `[schedule]`: when and how the groups meet.
    public struct Schedule: Sendable, Equatable, Codable {
        /// `first_date`: no meeting before it; nil means the plan has no calendar.
        public var firstDate: Day?
        /// `last_date`: no meeting after it.
        public var lastDate: Day?
        /// `meetings`: meetings per group.
        public var meetings = 5
        /// `min_weeks_between`: the least time between two meetings of a group.
        public var minWeeksBetween = 4
        /// `max_weeks_between`: the most time between two meetings of a group.
        public var maxWeeksBetween = 8
        /// `weekdays`: the days of the week a meeting may fall on.
        public var weekdays: [Weekday] = [.tuesday, .wednesday, .thursday]
        /// Minutes after midnight, local to the programme's time zone.
        public var startMinutes = 13 * 60 + 30
        /// `duration_minutes`: how long a meeting lasts.
        public var durationMinutes = 150
        /// `cases_per_meeting`.
        public var casesPerMeeting = CasesPerMeeting.fixed(1)
        /// `fixed_dates`: meeting number → the date all groups hold that meeting.
        public var fixedDates: [Int: Day] = [:]
        /// `blackout_dates`: days and ranges with no meetings.
        public var blackoutDates: [DayRange] = []
        /// `holidays`.
        public var holidays = Holidays.nl
        /// The longest programme period (last date minus first date), in days: three years.
        public static let longestPeriod = 3 * 366
        /// `methods`: intervision methods, used in turn (codes such as `tienstappen`, `incident`).
        public var methods = ["tienstappen", "incident", "roddel", "tgi", "socratisch", "e5"]
    }

    /// `[programme] name`: shown in every file and calendar.
    public var name = "Intervision programme"
    /// `[programme] timezone`: an IANA time zone; meeting times are local to it.
    public var timezone = "Europe/Amsterdam"
    /// `[groups]`.
    public var groups = Groups()
    /// `[rules] separate`: the hard rules, pairs that never share a group.
    public var separate: [Rule] = Rule.defaults
    /// `[rules] priorities`: the soft objectives, minimised in this order.
    public var priorities: [Objective] = Objective.defaults
    /// `[rules] met_before`: what to do with pairs who shared a group in an earlier cohort (`--previous`).
    public var metBefore: MetBefore?
    /// Where `fresh` stands in `[rules] priorities`: how many of `priorities` rank above it (nil: not listed, so
    /// first). Only with `met_before = "avoid"`: the other modes keep every pair apart or none.
    public var freshRank: Int?
    /// The name of the metric of repeated pairs in `[rules] priorities`.
    public static let fresh = "fresh"
    /// `freshRank` in effect: 0 when `fresh` is not listed.
    public var freshPlace: Int { min(freshRank ?? 0, priorities.count) }

    /// How pairs from earlier cohorts are treated.
    public enum MetBefore: String, Sendable, Equatable, Codable, CaseIterable {
        /// Never together again: a hard rule, `met_before`.
        case apart
        /// Together again as little as possible: apart when a plan allows it, otherwise counted and reported.
        case avoid
        /// Not considered.
        case ignore
    }

    /// `met_before` in effect (`avoid` by default).
    public var metBeforeMode: MetBefore { metBefore ?? .avoid }
    /// Function → level overrides on top of `Levels.builtIn`.
    public var levels: [String: Int] = [:]
    /// `[schedule]`.
    public var schedule = Schedule()
    /// Region value → holiday region, overriding the built-in province mapping.
    public var regions: [String: HolidayRegion] = [:]

    /// `[programme] language`: the language of what people read (report, calendars, rotas).
    public enum Language: String, Sendable, Equatable, Codable, CaseIterable {
        /// Dutch, the default.
        case nl
        /// English.
        case en
    }
    /// A person named as "Name <email>".
    public struct Contact: Sendable, Equatable, Codable {
        /// The display name.
        public var name: String
        /// The email address.
        public var email: String
        /// A contact as given.
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }
    /// Where the groups meet: `[schedule] location` and `online`, and `[locations]` per region.
    public struct Venues: Sendable, Equatable, Codable {
        /// `[schedule] location`: the venue of every group without one of its own.
        public var standard: String?
        /// `[schedule] online`: a video-call link, shown with every meeting.
        public var online: String?
        /// `[locations]`: region (as in the sign-ups' region column) → venue of the groups of that region.
        public var byRegion: [String: String] = [:]
        /// From the venues file (`--venues`): group id → its venue and link, for all its meetings.
        public var byGroup: [String: Place]?
        /// From the venues file: `G03:2` → the venue and link of that one meeting.
        public var byMeeting: [String: Place]?
        /// No venue.
        public init() {}
        /// The venue of a group whose members mostly come from `region`; nil when none is configured.
        public func venue(forRegion region: String) -> String? { byRegion[region] ?? standard }

        /// Where meeting `number` of `group` takes place and its link: the meeting's own row, then the group's,
        /// then the region's venue, then the programme's.
        public func place(group: String, meeting number: Int, region: String?) -> Place {
            let own = byMeeting?["\(group):\(number)"], groupWide = byGroup?[group]
            let location = own?.location ?? groupWide?.location ?? region.flatMap { venue(forRegion: $0) } ?? standard
            return Place(location: location, online: own?.online ?? groupWide?.online ?? online)
        }
    }

    /// A venue and a video-call link, either of which may be absent.
    public struct Place: Sendable, Equatable, Codable {
        /// Address or room.
        public var location: String?
        /// Video-call link.
        public var online: String?
        /// A place.
        public init(location: String?, online: String?) {
            self.location = location
            self.online = online
        }
    }
    /// `[programme] language`; nil (plans made before it existed) means Dutch.
    public var language: Language?
    /// `[programme] organiser`: named in every calendar event as its organiser.
    public var organiser: Contact?
    /// The venues; nil means none configured.
    public var venues: Venues?
    /// `[programme] min_attendance`: the share of held meetings (0–1) someone must attend, e.g. for a certificate;
    /// nil (plans made before it existed) means 0.8.
    public var minAttendance: Double?
    /// The minimum attendance in effect.
    public var attendanceMinimum: Double { minAttendance ?? 0.8 }
    /// The language in effect.
    public var lang: Language { language ?? .nl }

    /// The defaults of docs/SPEC.md.
    public init() {}
}
