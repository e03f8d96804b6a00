import GLPK
import Intake

/// One group: members as indices into `Programme.participants`, ascending.
public struct Group: Sendable, Equatable, Codable {
    /// `G01`, `G02`, …
    public var id: String
    /// Participant indices, ascending.
    public var members: [Int]
    /// The region most of its members come from (ties: the alphabetically first).
    public var homeRegion: String
    /// A group as given; `members` must be ascending.
    public init(id: String, members: [Int], homeRegion: String) {
        self.id = id
        self.members = members
        self.homeRegion = homeRegion
    }
}

/// One soft objective's outcome: the value reached and the best proven lower bound.
public struct ObjectiveResult: Sendable, Equatable, Codable {
    /// Which objective.
    public var objective: Objective
    /// The value the plan reaches.
    public var value: Int
    /// No plan with the earlier objectives at their values can do better than this.
    public var bound: Int
    /// Whether the value is proven best (it meets the bound).
    public var optimal: Bool { value == bound }
    /// An outcome; `bound` must not exceed `value`.
    public init(objective: Objective, value: Int, bound: Int) {
        self.objective = objective
        self.value = value
        self.bound = bound
    }
    /// (value − bound) / value; 0 when optimal.
    public var gap: Double { value == 0 ? 0 : Double(value - bound) / Double(value) }
}

/// What a grouping run produced, with enough numbers to judge it.
public struct GroupingResult: Sendable {
    /// The groups, by id.
    public var groups: [Group]
    /// In `priorities` order.
    public var objectives: [ObjectiveResult]
    /// How each solve went.
    public var stats: SolveStats
    /// Why each participant placed outside their region is there, keyed by participant index.
    public var awayReasons: [Int: String]
    /// A result as computed by a grouping or replanning run.
    public init(groups: [Group], objectives: [ObjectiveResult], stats: SolveStats, awayReasons: [Int: String]) {
        self.groups = groups
        self.objectives = objectives
        self.stats = stats
        self.awayReasons = awayReasons
    }
}

/// How the solve went: stage by stage, for the report and the benchmarks.
public struct SolveStats: Sendable, Codable, Equatable {
    /// One solve: its model's size and how it ended.
    public struct Stage: Sendable, Codable, Equatable {
        /// What was solved, e.g. "bound away (36 types, 12 classes)".
        public var name: String
        /// Variables of the model.
        public var variables: Int
        /// Rows of the model.
        public var constraints: Int
        /// How it ended: optimal, feasible (stopped by its limit), infeasible, or why it was skipped.
        public var status: String
        /// Wall-clock seconds (0 in files written under SOURCE_DATE_EPOCH, which must not depend on the clock).
        public var seconds: Double
        /// Simplex iterations (GLPK solves) or groups scored (moves and swaps): counted, the same on any machine.
        public var iterations: Int?
        /// Branch-and-bound nodes (GLPK solves).
        public var nodes: Int?
        /// Work units spent (`RunBudget.workPerSecond`).
        public var work: Double?
        /// What stopped the stage before it proved its answer: "work limit" (the same on every machine),
        /// "time limit" (the safety cap: a rerun may differ) or "cancelled"; nil when it ended on its own.
        public var stoppedBy: String?
        /// A stage record.
        public init(
            name: String, variables: Int, constraints: Int, status: String, seconds: Double, iterations: Int? = nil,
            nodes: Int? = nil, work: Double? = nil, stoppedBy: String? = nil
        ) {
            self.name = name
            self.variables = variables
            self.constraints = constraints
            self.status = status
            self.seconds = seconds
            self.iterations = iterations
            self.nodes = nodes
            self.work = work
            self.stoppedBy = stoppedBy
        }

        /// Whether the wall clock, not counted work, ended this stage: its result may differ on a rerun.
        public var clockStopped: Bool { stoppedBy == StopReason.time.label }
    }
    /// Every solve, in order.
    public var stages: [Stage] = []
    /// Wall-clock seconds of the whole run.
    public var seconds: Double = 0
    /// Whether some stage stopped before proving its optimum, by its work limit or the clock (the report then
    /// says so).
    public var timeLimitHit = false
    /// Sets every wall-clock duration to 0, for files that must not depend on the clock.
    public mutating func dropDurations() {
        seconds = 0
        for i in stages.indices { stages[i].seconds = 0 }
    }
    /// Whether the wall clock (the safety cap) stopped some stage: then, unlike a work limit, a rerun may differ.
    public var clockStopped: Bool { stages.contains(where: \.clockStopped) }
    /// Statistics as given.
    public init(stages: [Stage] = [], seconds: Double = 0, timeLimitHit: Bool = false) {
        self.stages = stages
        self.seconds = seconds
        self.timeLimitHit = timeLimitHit
    }
}

/// The SPEC metrics, computed from the groups alone.
public enum Metrics {
    /// `away` of one group: members outside its largest region.
    public static func away(_ members: [Int], _ p: [Participant]) -> Int {
        members.count - (tally(members.map { p[$0].region }).first?.count ?? 0)
    }

    /// `spread` of one group: highest level minus lowest.
    public static func spread(_ members: [Int], _ p: [Participant]) -> Int {
        let levels = members.map { p[$0].level }
        return (levels.max() ?? 0) - (levels.min() ?? 0)
    }

    /// `variety` of one group: members minus distinct functions.
    public static func variety(_ members: [Int], _ p: [Participant]) -> Int {
        members.count - Set(members.map { Text.functionKey(p[$0].function) }).count
    }

    /// The metric of objective `o` for one group.
    public static func value(_ o: Objective, _ members: [Int], _ p: [Participant]) -> Int {
        switch o {
        case .region: away(members, p)
        case .level: spread(members, p)
        case .variety: variety(members, p)
        }
    }

    /// The metric of objective `o` summed over the groups.
    public static func total(_ o: Objective, _ groups: [[Int]], _ p: [Participant]) -> Int {
        groups.reduce(0) { $0 + value(o, $1, p) }
    }

    /// The totals in priority order, to compare plans lexicographically.
    static func lexicographic(_ groups: [[Int]], _ p: [Participant], _ priorities: [Objective]) -> [Int] {
        priorities.map { total($0, groups, p) }
    }

    /// The totals in the programme's order, with the repeated pairs at `fresh`'s place when they are an objective
    /// (`Programme.countsRepeats`).
    public static func ranked(_ groups: [[Int]], _ programme: Programme) -> [Int] {
        var out = lexicographic(groups, programme.participants, programme.config.priorities)
        if programme.countsRepeats { out.insert(programme.repeatedPairs(groups), at: programme.config.freshPlace) }
        return out
    }

    /// Values sorted by count descending, then value ascending: deterministic majorities.
    public static func tally(_ values: [String]) -> [(value: String, count: Int)] {
        Dictionary(grouping: values, by: { $0 }).map { (value: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.value) < ($0.count, $1.value) }
    }

    /// The region most members come from; ties go to the alphabetically first.
    public static func homeRegion(_ members: [Int], _ p: [Participant]) -> String {
        tally(members.map { p[$0].region }).first?.value ?? ""
    }
}
