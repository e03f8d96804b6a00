import Foundation
import Grouping
import Intake

/// `plan.json`: everything a later replan needs, in a versioned schema.
public struct PlanDocument: Codable, Sendable {
    public struct GroupEntry: Codable, Sendable {
        public var id: String
        public var homeRegion: String
        public var members: [String]
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
    public var solver: SolveStats

    public init(version: Int, created: Date, programme: Programme, result: GroupingResult) {
        self.version = version
        self.created = ISO8601DateFormatter().string(from: created)
        self.programme = programme.config.name
        config = programme.config
        participants = programme.participants
        facilitators = programme.facilitators
        groups = result.groups.map { GroupEntry(id: $0.id, homeRegion: $0.homeRegion, members: $0.members.map { programme.participants[$0].email }) }
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

    public static func build(_ programme: Programme, _ result: GroupingResult, version: Int = 1, created: Date) -> [String: Data] {
        let doc = PlanDocument(version: version, created: created, programme: programme, result: result).encoded()
        let p = programme.participants
        let rows = result.groups.flatMap { g in
            g.members.map { i in [g.id, p[i].email, p[i].name, p[i].function, String(p[i].level), p[i].school, p[i].region, ""] }
        }
        return [
            "plan.json": doc,
            "history/plan-v\(version).json": doc,
            "groups.csv": Data(CSVWriter.render(header: ["group", "email", "name", "function", "level", "school", "region", "facilitator"], rows: rows).utf8),
            "report.html": Data(Report.html(programme, result, created: created).utf8),
        ]
    }
}
