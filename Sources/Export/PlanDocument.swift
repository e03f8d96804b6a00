import Foundation
import Grouping
import Intake
import Scheduling

/// `plan.json`: everything a later replan needs, in a versioned schema.
public struct PlanDocument: Codable, Sendable {
    public struct GroupEntry: Codable, Sendable {
        public var id: String
        public var homeRegion: String
        public var members: [String]
        /// The facilitator's email; nil without a facilitators file.
        public var facilitator: String?
    }
    public struct MeetingEntry: Codable, Sendable {
        public var group: String
        public var number: Int
        public var date: Day
        public var start: String
        public var end: String
        /// Emails, in presenting order.
        public var caseBringers: [String]
        public var lookBack: [String]
        public var method: String
        public var absent: [String]
        /// The group at the time of this meeting.
        public var members: [String]?
        public var status: String
        public var uid: String
        public var sequence: Int
        /// When the event last changed (seconds since 1970); absent: `created`.
        public var stamp: Double?
    }
    /// What a replan did, for the record and for `changes.md`.
    public struct ReplanEntry: Codable, Sendable {
        public struct Move: Codable, Sendable, Equatable {
            public var email: String, from: String, to: String
            public init(email: String, from: String, to: String) {
                self.email = email
                self.from = from
                self.to = to
            }
        }
        public var from: Day?
        public var dropped: [String]
        public var added: [String]
        public var moves: Int
        public var movesBound: Int
        public var dissolved: [String]
        public var dissolvedBound: Int
        public var moved: [Move]
        public init(
            from: Day?, dropped: [String], added: [String], moves: Int, movesBound: Int, dissolved: [String],
            dissolvedBound: Int, moved: [Move]
        ) {
            self.from = from
            self.dropped = dropped
            self.added = added
            self.moves = moves
            self.movesBound = movesBound
            self.dissolved = dissolved
            self.dissolvedBound = dissolvedBound
            self.moved = moved
        }
    }
    public struct ScheduleSummary: Codable, Sendable {
        public var absences: Int
        public var absencesBound: Int
        public var facilitatorsOutsideRegion: Int
        public var notes: [String]
        /// false after a replan: dates were kept, absences counted rather than minimised.
        public var absencesOptimised: Bool?
    }
    public struct ObjectiveEntry: Codable, Sendable {
        public var metric: String
        public var value: Int
        public var bound: Int
        public var optimal: Bool
    }
    public static let schema = "intervision-plan/1"
    public var schema = PlanDocument.schema
    public var version: Int
    public var created: String
    public var programme: String
    public var config: ProgrammeConfig
    public var participants: [Participant]
    public var facilitators: [Facilitator]?
    /// Emails of participants who left; they stay in `participants` because history names them.
    public var dropped: [String]?
    public var groups: [GroupEntry]
    public var objectives: [ObjectiveEntry]
    public var meetings: [MeetingEntry]
    public var schedule: ScheduleSummary
    public var replan: ReplanEntry?
    /// Facilitators of dissolved groups (group id → email): they still receive the cancellations.
    public var cancelledGroupFacilitators: [String: String]?
    public var solver: SolveStats

    public init(
        version: Int, created: Date, programme: Programme, result: GroupingResult, schedule: ScheduleResult,
        replan: ReplanEntry? = nil
    ) {
        self.version = version
        self.created = ISO8601DateFormatter().string(from: created)
        self.programme = programme.config.name
        config = programme.config
        participants = programme.participants
        facilitators = programme.facilitators
        dropped = programme.dropped.isEmpty ? nil : programme.dropped.sorted().map { programme.participants[$0].email }
        self.replan = replan
        let email: (Int) -> String = { programme.participants[$0].email }
        groups = result.groups.map { g in
            GroupEntry(
                id: g.id, homeRegion: g.homeRegion, members: g.members.map(email),
                facilitator: schedule.facilitatorOf[g.id].map { programme.facilitators![$0].email })
        }
        meetings = schedule.meetings.map { m in
            MeetingEntry(
                group: m.group, number: m.number, date: m.date, start: Clock.text(m.start), end: Clock.text(m.end),
                caseBringers: m.caseBringers.map(email), lookBack: m.lookBack.map(email), method: m.method,
                absent: m.absent.map(email), members: m.members.map(email),
                status: m.cancelled ? "cancelled" : "planned",
                uid: RotaFiles.uid(programme.config.name, m), sequence: m.sequence, stamp: m.stamp)
        }
        self.schedule = ScheduleSummary(
            absences: schedule.absences, absencesBound: schedule.absencesBound,
            facilitatorsOutsideRegion: schedule.facilitatorsOutsideRegion, notes: schedule.notes,
            absencesOptimised: schedule.absencesOptimised ? nil : false)
        let active = Set(result.groups.map(\.id))
        let gone = schedule.facilitatorOf.filter { !active.contains($0.key) }
        cancelledGroupFacilitators = gone.isEmpty ? nil : gone.mapValues { programme.facilitators![$0].email }
        objectives = result.objectives.map {
            ObjectiveEntry(metric: $0.objective.metric, value: $0.value, bound: $0.bound, optimal: $0.optimal)
        }
        // Wall times differ run to run; the plan file must not, so only statuses are kept.
        solver = SolveStats(
            stages: result.stats.stages.map {
                var s = $0
                s.seconds = 0
                return s
            }, seconds: 0, timeLimitHit: result.stats.timeLimitHit)
    }

    public func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }
}
