/// Who may never share a group with whom under the configured `separate` rules.
/// Built once at intake; grouping, scheduling, replanning and the report all ask it.
public struct ConflictModel: Sendable {
    /// The `separate` rules this model was built for.
    public let rules: [Rule]
    /// For each participant, everyone tied to them, ascending.
    public let neighbours: [[Int]]
    /// Number of tied pairs per rule (a pair tied by two rules counts under both).
    public let pairsByRule: [Rule: Int]

    private let schoolKey: [String]
    private let boardKey: [String?]
    private let townKey: [String?]
    private let ancestors: [Set<Int>]
    private let competingSchools: Set<SchoolPair>
    /// Pairs kept apart by wish.
    private let apart: Set<IndexPair>
    /// Pairs kept apart because they met in an earlier cohort.
    private let met: Set<IndexPair>

    struct IndexPair: Hashable, Sendable {
        let a: Int, b: Int
        init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    struct SchoolPair: Hashable, Sendable {
        let a: String, b: String
        init(_ x: String, _ y: String) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    /// The ties among `p` under `rules`, and the pairs the organiser asked to keep apart (rule `wishes`).
    public init(
        participants p: [Participant], rules configured: [Rule], apart: [(Int, Int)] = [], metBefore: [(Int, Int)] = []
    ) {
        let rules =
            configured.filter { $0 != .wishes && $0 != .metBefore } + (apart.isEmpty ? [] : [.wishes])
            + (metBefore.isEmpty ? [] : [.metBefore])
        self.rules = rules
        let apartPairs = Set(apart.filter { $0.0 != $0.1 }.map { IndexPair($0.0, $0.1) })
        self.apart = apartPairs
        let metPairs = Set(metBefore.filter { $0.0 != $0.1 }.map { IndexPair($0.0, $0.1) })
        self.met = metPairs
        var keys = Text.KeyCache()
        let schoolKey = p.map { keys.key($0.school) }
        self.schoolKey = schoolKey
        let boardKey = p.map { $0.board.map { keys.key($0) } }, townKey = p.map { $0.town.map { keys.key($0) } }
        let ancestors = Hierarchy.ancestors(p).map(Set.init)
        self.boardKey = boardKey
        self.townKey = townKey
        self.ancestors = ancestors
        let schools = Set(schoolKey)
        var competing = Set<SchoolPair>()
        for (i, person) in p.enumerated() {
            for c in person.competitors.map({ keys.key($0) }) where c != schoolKey[i] && schools.contains(c) {
                competing.insert(SchoolPair(schoolKey[i], c))
            }
        }
        competingSchools = competing

        // Candidate pairs come from buckets (same school/board/town, competing schools, chains),
        // so the model is built in time proportional to the ties, not to N².
        var adjacency = [Set<Int>](repeating: [], count: p.count)
        var counts: [Rule: Int] = [:]
        func tie(_ i: Int, _ j: Int) {
            adjacency[i].insert(j)
            adjacency[j].insert(i)
        }
        func buckets(_ keys: [String?]) -> [[Int]] {
            var b: [String: [Int]] = [:]
            for (i, k) in keys.enumerated() { if let k, !k.isEmpty { b[k, default: []].append(i) } }
            return b.keys.sorted().map { b[$0]! }
        }
        let bySchool = buckets(schoolKey)
        for rule in rules {
            var n = 0
            switch rule {
            case .school, .board, .town:
                let keys: [String?] = rule == .school ? schoolKey : rule == .board ? boardKey : townKey
                for members in buckets(keys) {
                    for x in members.indices {
                        for y in members.indices where y > x {
                            tie(members[x], members[y])
                            n += 1
                        }
                    }
                }
            case .hierarchy:
                for (i, up) in ancestors.enumerated() {
                    for j in up {
                        tie(i, j)
                        n += 1
                    }
                }
            case .competitors:
                let index = Dictionary(bySchool.map { (schoolKey[$0[0]], $0) }, uniquingKeysWith: { a, _ in a })
                for pair in competing {
                    for i in index[pair.a] ?? [] {
                        for j in index[pair.b] ?? [] {
                            tie(i, j)
                            n += 1
                        }
                    }
                }
            case .wishes, .metBefore:
                for pair in (rule == .wishes ? apartPairs : metPairs).sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
                    tie(pair.a, pair.b)
                    n += 1
                }
            }
            counts[rule] = n
        }
        neighbours = adjacency.map { $0.sorted() }
        pairsByRule = counts
    }

    /// The number of participants.
    public var count: Int { neighbours.count }

    /// Whether `i` and `j` may not share a group.
    public func areTied(_ i: Int, _ j: Int) -> Bool {
        i != j && !rules(between: i, j).isEmpty
    }

    /// How many pairs of `set` each rule ties (a pair tied by two rules counts for both): what binds a tied set.
    public func tiedPairs(among set: [Int]) -> [Rule: Int] {
        var count: [Rule: Int] = [:]
        for (x, i) in set.enumerated() {
            for j in set[(x + 1)...] { for rule in rules(between: i, j) { count[rule, default: 0] += 1 } }
        }
        return count
    }

    /// Every configured rule that keeps `i` and `j` apart, in rule order. Independent of the adjacency
    /// lists, so a plan checked with it is checked by a second piece of code.
    public func rules(between i: Int, _ j: Int) -> [Rule] {
        rules.sorted().filter { rule in
            switch rule {
            case .school: schoolKey[i] == schoolKey[j]
            case .board: boardKey[i] != nil && boardKey[i] == boardKey[j] && !boardKey[i]!.isEmpty
            case .town: townKey[i] != nil && townKey[i] == townKey[j] && !townKey[i]!.isEmpty
            case .hierarchy: ancestors[i].contains(j) || ancestors[j].contains(i)
            case .competitors:
                schoolKey[i] != schoolKey[j] && competingSchools.contains(SchoolPair(schoolKey[i], schoolKey[j]))
            case .wishes: apart.contains(IndexPair(i, j))
            case .metBefore: met.contains(IndexPair(i, j))
            }
        }
    }

    /// Participants tied to at least one other.
    public var tiedParticipants: Int { neighbours.filter { !$0.isEmpty }.count }
    /// Tied pairs, each counted once.
    public var totalPairs: Int { neighbours.reduce(0) { $0 + $1.count } / 2 }
}
