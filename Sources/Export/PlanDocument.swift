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
        public var status: String
        public var uid: String
        public var sequence: Int
    }
    public struct ScheduleSummary: Codable, Sendable {
        public var absences: Int
        public var absencesBound: Int
        public var facilitatorsOutsideRegion: Int
        public var notes: [String]
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
    public var groups: [GroupEntry]
    public var objectives: [ObjectiveEntry]
    public var meetings: [MeetingEntry]
    public var schedule: ScheduleSummary
    public var solver: SolveStats

    public init(version: Int, created: Date, programme: Programme, result: GroupingResult, schedule: ScheduleResult) {
        self.version = version
        self.created = ISO8601DateFormatter().string(from: created)
        self.programme = programme.config.name
        config = programme.config
        participants = programme.participants
        facilitators = programme.facilitators
        let email: (Int) -> String = { programme.participants[$0].email }
        groups = result.groups.map { g in
            GroupEntry(id: g.id, homeRegion: g.homeRegion, members: g.members.map(email),
                       facilitator: schedule.facilitatorOf[g.id].map { programme.facilitators![$0].email })
        }
        meetings = schedule.meetings.map { m in
            MeetingEntry(group: m.group, number: m.number, date: m.date, start: Clock.text(m.start), end: Clock.text(m.end),
                         caseBringers: m.caseBringers.map(email), lookBack: m.lookBack.map(email), method: m.method,
                         absent: m.absent.map(email), status: "planned", uid: RotaFiles.uid(programme.config.name, m), sequence: 0)
        }
        self.schedule = ScheduleSummary(absences: schedule.absences, absencesBound: schedule.absencesBound,
                                        facilitatorsOutsideRegion: schedule.facilitatorsOutsideRegion, notes: schedule.notes)
        objectives = result.objectives.map { ObjectiveEntry(metric: $0.objective.metric, value: $0.value, bound: $0.bound, optimal: $0.optimal) }
        // Wall times differ run to run; the plan file must not, so only statuses are kept.
        solver = SolveStats(stages: result.stats.stages.map { var s = $0; s.seconds = 0; return s }, seconds: 0, timeLimitHit: result.stats.timeLimitHit)
    }

    public func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }
}

/// All files of a plan folder, by relative path.
public enum PlanFiles {
    /// `SOURCE_DATE_EPOCH` when set, so reruns produce identical files.
    public static func timestamp(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        env["SOURCE_DATE_EPOCH"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? Date()
    }

    public static func build(_ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult, version: Int = 1, created: Date) -> [String: Data] {
        let doc = PlanDocument(version: version, created: created, programme: programme, result: result, schedule: schedule).encoded()
        let p = programme.participants
        let rows = result.groups.flatMap { g in
            let facilitator = RotaFiles.facilitatorName(programme, schedule, g.id)
            return g.members.map { i in [g.id, p[i].email, p[i].name, p[i].function, String(p[i].level), p[i].school, p[i].region, facilitator] }
        }
        return RotaFiles.build(programme, result.groups, schedule, created: created).merging([
            "plan.json": doc,
            "history/plan-v\(version).json": doc,
            "groups.csv": Data(CSVWriter.render(header: ["group", "email", "name", "function", "level", "school", "region", "facilitator"], rows: rows).utf8),
            "report.html": Data(Report.html(programme, result, schedule, created: created).utf8),
        ]) { a, _ in a }
    }
}
