/// A hard rule: who may never share a group. One name per rule, used in code, messages, report and tests.
public enum Rule: String, CaseIterable, Sendable, Codable, Comparable {
    /// Colleagues: the same school.
    case school
    /// One is above the other in the `reports_to` chain, however many steps up.
    case hierarchy
    /// One's school lists the other's school as a competitor (either side declaring is enough).
    case competitors
    /// The same school board.
    case board
    /// Schools in the same town.
    case town
    /// The organiser asked to keep these two apart (`--wishes` kind `apart`, the `not_with` column, or an earlier
    /// cohort with `met_before = "apart"`). Not named in `[rules] separate`: it holds whenever such wishes exist.
    case wishes
    /// They shared a group in an earlier cohort (`--previous`) and `met_before` keeps them apart.
    case metBefore = "met_before"

    /// The rules `[rules] separate` may name.
    public static let configurable: [Rule] = [.school, .hierarchy, .competitors, .board, .town]

    /// The rules used when the config names none.
    public static let defaults: [Rule] = [.school, .hierarchy, .competitors]

    /// What the rule means for a pair, in words.
    public var explanation: String {
        switch self {
        case .school: "colleagues at the same school"
        case .hierarchy: "one reports (directly or indirectly) to the other"
        case .competitors: "their schools compete"
        case .board: "same school board"
        case .town: "schools in the same town"
        case .wishes: "the organiser asked to keep them apart"
        case .metBefore: "they were in one group in an earlier cohort"
        }
    }

    /// What the rule means for a pair, in Dutch words.
    public var dutchExplanation: String {
        switch self {
        case .school: "collega's van dezelfde school"
        case .hierarchy: "de een is (in)direct leidinggevende van de ander"
        case .competitors: "hun scholen zijn concurrenten"
        case .board: "hetzelfde schoolbestuur"
        case .town: "scholen in dezelfde plaats"
        case .wishes: "de organisator vroeg hen uit elkaar te houden"
        case .metBefore: "zaten in een eerdere lichting al samen in een groep"
        }
    }

    /// Declaration order.
    public static func < (a: Rule, b: Rule) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A soft objective, minimised lexicographically in the configured order. Definitions in docs/SPEC.md.
public enum Objective: String, CaseIterable, Sendable, Codable {
    /// Σ over groups of (size − size of its largest region).
    case region
    /// Σ over groups of (max level − min level).
    case level
    /// Σ over groups of (size − number of distinct functions).
    case variety

    /// The order used when the config names none.
    public static let defaults: [Objective] = [.region, .level, .variety]

    /// The metric's name in reports: `away`, `spread`, `variety`.
    public var metric: String {
        switch self {
        case .region: "away"
        case .level: "spread"
        case .variety: "variety"
        }
    }

    /// What the metric counts over the plan, in an organiser's words, for `n` of them: "36 outside their region",
    /// "1 level step within groups".
    public func counts(_ n: Int) -> String { self == .region ? inGroup(n) : inGroup(n) + " within groups" }

    /// What the metric counts over the plan, in Dutch, for `n` of them: "36 buiten eigen regio".
    public func dutchCounts(_ n: Int) -> String {
        self == .region ? dutchInGroup(n) : dutchInGroup(n) + " binnen groepen"
    }

    /// What the metric counts in one group, for `n` of them: "1 level step", "2 level steps".
    public func inGroup(_ n: Int) -> String {
        switch self {
        case .region: "outside their region"
        case .level: n == 1 ? "level step" : "level steps"
        case .variety: n == 1 ? "repeated function" : "repeated functions"
        }
    }

    /// What the metric counts in one group, in Dutch, for `n` of them: "1 niveaustap", "2 niveaustappen".
    public func dutchInGroup(_ n: Int) -> String {
        switch self {
        case .region: "buiten eigen regio"
        case .level: n == 1 ? "niveaustap" : "niveaustappen"
        case .variety: n == 1 ? "herhaalde functie" : "herhaalde functies"
        }
    }
}

/// Dutch school-holiday region.
public enum HolidayRegion: String, CaseIterable, Sendable, Codable {
    case noord, midden, zuid
}
