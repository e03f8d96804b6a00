import Intake

/// One meeting of one group: when, who brings a case, who looks back, which method.
public struct Meeting: Sendable, Equatable, Codable {
    /// The group's id.
    public var group: String
    /// 1-based.
    public var number: Int
    /// The day it takes place.
    public var date: Day
    /// Minutes after midnight, local time. Normally `start_time`; on a fixed date shared by all groups a
    /// facilitator's second group starts after the first has ended (a facilitator is never in two rooms).
    public var start: Int
    /// Minutes after midnight when it ends.
    public var end: Int
    /// Participant indices, in the order they present.
    public var caseBringers: [Int]
    /// The previous meeting's case bringers, who open with what they did with their case (*terugblik*).
    public var lookBack: [Int]
    /// The intervision method's code (e.g. `tienstappen`).
    public var method: String
    /// Members who said they are unavailable on this date (the least possible, see `ScheduleResult`).
    public var absent: [Int]
    /// The group as it was for this meeting; history keeps its own membership after a replan.
    public var members: [Int]
    /// Calendar revision: raised whenever a replan changes anything people see in the event.
    public var sequence: Int
    /// The meeting no longer takes place (its group was dissolved in a replan).
    public var cancelled: Bool
    /// When the event last changed (seconds since 1970); nil: the plan's own timestamp.
    public var stamp: Double?
    /// Where it takes place (`ProgrammeConfig.Venues.place`); nil: no venue configured.
    public var location: String?
    /// The video-call link; nil: none.
    public var online: String?
    /// Who led it, when that is not the group's facilitator now: history keeps the facilitator of its day after a
    /// replan hands the group to someone else.
    public var facilitator: Int?
    /// Cancelled on its own (`replan --cancel-meeting --no-reschedule`) while the group goes on.
    public var cancelledAlone = false
    /// Who was there, once attendance is recorded (`replan --attendance`); nil: not recorded.
    public var present: [Int]?

    /// A meeting; `sequence` 0, not cancelled and stamped with the plan's own time unless given.
    public init(
        group: String, number: Int, date: Day, start: Int, end: Int, caseBringers: [Int], lookBack: [Int],
        method: String,
        absent: [Int], members: [Int], sequence: Int = 0, cancelled: Bool = false, stamp: Double? = nil
    ) {
        self.group = group
        self.number = number
        self.date = date
        self.start = start
        self.end = end
        self.caseBringers = caseBringers
        self.lookBack = lookBack
        self.method = method
        self.absent = absent
        self.members = members
        self.sequence = sequence
        self.cancelled = cancelled
        self.stamp = stamp
    }

    /// What a calendar shows; two versions of a meeting with the same content need no new SEQUENCE.
    public func sameContent(as o: Meeting) -> Bool {
        (date, start, end, method, cancelled) == (o.date, o.start, o.end, o.method, o.cancelled)
            && (caseBringers, lookBack, members) == (o.caseBringers, o.lookBack, o.members)
            && (location, online) == (o.location, o.online)
    }
}

/// The calendar part of a plan. Without `[schedule]` dates it holds only the facilitator assignment.
public struct ScheduleResult: Sendable {
    /// Group id → facilitator index; empty without a facilitators file (every group has an unnamed slot).
    public var facilitatorOf: [String: Int]
    /// Group order, then meeting number.
    public var meetings: [Meeting]
    /// Groups led by a facilitator from another region (the proven minimum).
    public var facilitatorsOutsideRegion: Int
    /// Member-meetings on a day the member said they are unavailable.
    public var absences: Int
    /// Proven lower bound on `absences` over all calendars that meet the hard rules.
    public var absencesBound: Int
    /// False after a replan: dates are kept rather than re-chosen, so absences are counted, not minimised.
    public var absencesOptimised = true
    /// Plain-words notes for the organiser (e.g. a member who cannot bring a case on any date).
    public var notes: [ScheduleNote]
    /// Groups handed from one facilitator to another in a replan: the earlier facilitator's calendar keeps the
    /// group's meetings from that day on as cancelled.
    public var handovers: [Handover] = []

    /// A group that a facilitator led until `from`.
    public struct Handover: Sendable, Equatable, Codable {
        /// The group's id.
        public var group: String
        /// The facilitator who led it before (index).
        public var facilitator: Int
        /// The first day someone else leads it.
        public var from: Day
        /// A handover of `group` from `facilitator` on `from`.
        public init(group: String, facilitator: Int, from: Day) {
            self.group = group
            self.facilitator = facilitator
            self.from = from
        }
    }

    /// The facilitator who leads (or led) meeting `m`.
    public func facilitator(of m: Meeting) -> Int? { m.facilitator ?? facilitatorOf[m.group] }

    /// A calendar as given; `absencesOptimised` starts true.
    public init(
        facilitatorOf: [String: Int] = [:], meetings: [Meeting] = [], facilitatorsOutsideRegion: Int = 0,
        absences: Int = 0, absencesBound: Int = 0, notes: [ScheduleNote] = []
    ) {
        self.facilitatorOf = facilitatorOf
        self.meetings = meetings
        self.facilitatorsOutsideRegion = facilitatorsOutsideRegion
        self.absences = absences
        self.absencesBound = absencesBound
        self.notes = notes
    }

    /// The meetings of one group, in number order.
    public func meetings(of group: String) -> [Meeting] { meetings.filter { $0.group == group } }
}

/// Why no calendar or facilitator assignment exists, in the organiser's terms.
public enum SchedulingFailure: Error, Sendable, Equatable {
    /// Exit 2: the input cannot be scheduled as given (e.g. dates outside the shipped holiday data).
    case invalidInput(String, fix: String, dutch: Diagnostic.Dutch? = nil)
    /// Exit 3: the hard rules leave no calendar; the explanation names the constraint and what would help.
    case impossible(Explanation)
    case internalError(String)
}

/// A note for the organiser in both languages the outputs are written in: the CLI shows `en`, the report and
/// the files for people the programme's language.
public struct ScheduleNote: Sendable, Equatable, Codable, CustomStringConvertible {
    /// English.
    public var en: String
    /// Dutch.
    public var nl: String

    /// A note in both languages.
    public init(en: String, nl: String) {
        self.en = en
        self.nl = nl
    }

    /// The English text.
    public var description: String { en }

    private enum CodingKeys: String, CodingKey { case en, nl }

    /// Plan files from before notes had two languages hold plain strings; those read as both.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(en: text, nl: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(en: try c.decode(String.self, forKey: .en), nl: try c.decode(String.self, forKey: .nl))
    }
}

extension Meeting {
    /// The meeting with its venue and link as the config places it (`Venues.place`), for a group whose members
    /// mostly come from `region`.
    public mutating func place(_ config: ProgrammeConfig, region: String?) {
        let place = config.venues?.place(group: group, meeting: number, region: region)
        location = place?.location
        online = place?.online
    }
}
