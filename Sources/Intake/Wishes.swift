/// What the organiser knows and the sign-up form does not say, as hard rules: two people who must not meet,
/// two who must, or who leads (or must not lead) someone's group. Read from `--wishes` and the sign-ups'
/// `not_with` column; kept in plan.json so every later replan keeps honouring them.
public struct Wish: Sendable, Equatable, Codable {
    /// The kind of wish, with its names in the wishes file (English and Dutch).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// These two never share a group (rule `wishes`).
        case apart
        /// These two share a group.
        case together
        /// This person's group is led by this facilitator.
        case facilitator
        /// This person's group is never led by this facilitator.
        case notFacilitator = "not_facilitator"

        /// The Dutch name in the wishes file.
        public var dutch: String {
            switch self {
            case .apart: "niet_samen"
            case .together: "samen"
            case .facilitator: "begeleider"
            case .notFacilitator: "niet_begeleider"
            }
        }

        /// The kind for a name in either language, ignoring case, spaces and hyphens.
        public init?(name: String) {
            let key = name.lowercased().replacingOccurrences(of: " ", with: "_")
                .replacingOccurrences(of: "-", with: "_")
            guard let kind = Kind.allCases.first(where: { $0.rawValue == key || $0.dutch == key }) else { return nil }
            self = kind
        }

        /// Whether `other` names a facilitator rather than a participant.
        public var aboutFacilitator: Bool { self == .facilitator || self == .notFacilitator }
    }

    /// Which kind.
    public var kind: Kind
    /// The participant the wish is about (index).
    public var person: Int
    /// The other participant (apart, together) or the facilitator (facilitator, not_facilitator), by index.
    public var other: Int
    /// Where it was given: the wishes file's name, or the sign-ups' (`not_with`).
    public var source: String
    /// Its line in `source`.
    public var line: Int?

    /// A wish of `kind` about `person` and `other`, from `source` (line `line`).
    public init(kind: Kind, person: Int, other: Int, source: String, line: Int? = nil) {
        self.kind = kind
        self.person = person
        self.other = other
        self.source = source
        self.line = line
    }

    /// "row 4" or the source's name, for messages.
    public var place: String { line.map { "\(source):\($0)" } ?? source }
    /// Where the wish was given, in Dutch words: "wensen.csv, regel 4".
    public var dutchPlace: String { line.map { "\(source), regel \($0)" } ?? source }

    /// Whether this wish rules facilitator `f` out for its person: a `facilitator` wish for someone else, or a
    /// `not_facilitator` wish against `f`.
    public func rulesOut(facilitator f: Int) -> Bool {
        (kind == .facilitator && other != f) || (kind == .notFacilitator && other == f)
    }

    /// Whether `other` asks the same (wherever it was given): apart and together are symmetric.
    public func sameWish(as w: Wish) -> Bool {
        guard kind == w.kind else { return false }
        return kind.aboutFacilitator
            ? (person, other) == (w.person, w.other) : Set([person, other]) == Set([w.person, w.other])
    }
}

extension Array where Element == Wish {
    /// The pairs kept apart, as participant indices.
    public var apartPairs: [(Int, Int)] { filter { $0.kind == .apart }.map { ($0.person, $0.other) } }

    /// Pairs that a facilitator wish keeps apart, because no facilitator could lead a group holding both: someone
    /// promised facilitator F and someone promised another, or wishing not F, or from a school F is tied to. The
    /// calendar would refuse such a group; grouping keeps them apart from the start (rule `wishes`).
    public func facilitatorApartPairs(_ p: [Participant], _ facilitators: [Facilitator]?) -> [(Int, Int)] {
        let promised = filter { $0.kind == .facilitator }
        guard !promised.isEmpty else { return [] }
        var pairs = Set<[Int]>()
        func add(_ a: Int, _ b: Int) { if a != b { pairs.insert([Swift.min(a, b), Swift.max(a, b)]) } }
        for w in promised {
            for v in self where v.person != w.person && v.rulesOut(facilitator: w.other) { add(w.person, v.person) }
            guard let f = facilitators?.first(where: { $0.index == w.other }), !f.schools.isEmpty else { continue }
            for q in p where f.isTied(toSchool: q.school) { add(w.person, q.index) }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
    }

    /// People who must share a group, as connected sets (each sorted), in order of their first member.
    public var togetherSets: [[Int]] {
        Wish.sets(joinedBy: filter { $0.kind == .together }.map { ($0.person, $0.other) })
    }
}

extension Wish {
    /// The people `pairs` join, as connected sets (each sorted), in order of their first member.
    public static func sets(joinedBy pairs: [(Int, Int)]) -> [[Int]] {
        var parent: [Int: Int] = [:]
        func find(_ x: Int) -> Int {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        for (person, other) in pairs {
            for x in [person, other] where parent[x] == nil { parent[x] = x }
            let a = find(person), b = find(other)
            if a != b { parent[Swift.max(a, b)] = Swift.min(a, b) }
        }
        let groups = Dictionary(grouping: parent.keys, by: find)
        return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
