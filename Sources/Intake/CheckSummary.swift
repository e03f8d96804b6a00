/// What `intervision check` tells an organiser before planning: the make-up of the programme,
/// the ties, and early signs that a plan is impossible or will need compromises.
public struct CheckSummary: Sendable {
    /// Something the organiser should know before planning.
    public struct Signal: Sendable, Equatable {
        /// `impossible`: no plan can exist (exit 3); `warning`: a compromise ahead; `note`: for information.
        public enum Kind: String, Sendable { case impossible, warning, note }
        /// How serious it is.
        public var kind: Kind
        /// What it is, in words.
        public var text: String
        /// Changes that would help.
        public var relaxations: [String] = []
        /// Text and changes in Dutch, for organisers' pages.
        public var dutch: Dutch?

        /// A signal's words in Dutch.
        public struct Dutch: Sendable, Equatable {
            /// What it is.
            public var text: String
            /// Changes that would help, in the order of the English ones.
            public var relaxations: [String]
        }

        /// Text and changes in Dutch when asked and known, else in English.
        public func words(dutch wanted: Bool) -> (text: String, relaxations: [String]) {
            if wanted, let dutch { return (dutch.text, dutch.relaxations) }
            return (text, relaxations)
        }
    }

    /// Participants signed up.
    public var participants: Int
    /// Facilitators, when a facilitators file was given.
    public var facilitators: Int?
    /// Participants per region, most first.
    public var byRegion: [(String, Int)]
    /// Participants per level, lowest level first.
    public var byLevel: [(Int, Int)]
    /// Participants per function, most first.
    public var byFunction: [(String, Int)]
    /// How many groups, of which sizes (or why none works).
    public var groups: GroupCount.Outcome
    /// `min_size...max_size`.
    public var sizeRange: ClosedRange<Int>
    /// The `separate` rules.
    public var rules: [Rule]
    /// Tied pairs per rule, in rule order.
    public var pairsByRule: [(Rule, Int)]
    /// Participants tied to at least one other.
    public var tiedParticipants: Int
    /// The largest set of mutually tied people (they need as many groups).
    public var largestTiedSet: MaxClique.Result
    /// The set's members as "name (school, region)".
    public var largestTiedSetDescription: [String]
    /// Early signs of trouble, most serious first.
    public var signals: [Signal]

    /// Whether some signal shows that no plan can exist.
    public var isImpossible: Bool { signals.contains { $0.kind == .impossible } }

    /// The summary of a programme that passed intake.
    public init(_ p: Programme) {
        let people = p.participants, g = p.config.groups
        participants = people.count
        facilitators = p.facilitators?.count
        byRegion = Self.tally(people.map(\.region))
        byLevel = Dictionary(grouping: people, by: \.level).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        byFunction = Self.tally(people.map { $0.function.lowercased() })
        groups = GroupCount.resolve(participants: people.count, g)
        sizeRange = g.minSize...g.maxSize
        rules = p.config.separate
        pairsByRule = p.config.separate.map { ($0, p.conflicts.pairsByRule[$0] ?? 0) }
        tiedParticipants = p.conflicts.tiedParticipants
        largestTiedSet = MaxClique.find(in: p.conflicts)
        largestTiedSetDescription = largestTiedSet.members.map {
            "\(people[$0].name) (\(people[$0].school), \(people[$0].region))"
        }
        signals = []
        collectSignals(p)
    }

    private mutating func collectSignals(_ p: Programme) {
        let people = p.participants, g = p.config.groups
        var groupCount: Int?
        switch groups {
        case .impossible(let reason, let relaxations):
            let nl = GroupCount.dutch(participants: people.count, g)
            signals.append(
                Signal(
                    kind: .impossible, text: reason, relaxations: relaxations,
                    dutch: nl.map { .init(text: $0.reason, relaxations: $0.relaxations) }))
        case .groups(let k, _, _):
            groupCount = k
        }
        if let k = groupCount, largestTiedSet.members.count > k {
            let set = largestTiedSet.members
            let advice = TiedSetAdvice.changes(set, groups: k, p)
            let headline = TiedSetAdvice.headline(set, groups: k, people)
            signals.append(
                Signal(
                    kind: .impossible, text: headline.english,
                    relaxations: advice.english.map(\.line),
                    dutch: .init(text: headline.dutch, relaxations: advice.dutch)))
        }
        if let k = groupCount, let f = p.facilitators {
            let capacity = f.reduce(0) { $0 + $1.maxGroups }
            if capacity < k {
                signals.append(
                    Signal(
                        kind: .impossible,
                        text:
                            "the \(f.count) facilitators can lead at most \(capacity) groups together, but there "
                            + "are \(k) groups",
                        relaxations: [
                            "raise max_groups for some facilitators", "add \(k - capacity) more facilitator slots",
                        ],
                        dutch: .init(
                            text: "de \(f.count) begeleiders kunnen samen hoogstens \(capacity) groepen leiden, maar "
                                + "er zijn \(k) groepen",
                            relaxations: [
                                "verhoog max_groups bij een paar begeleiders",
                                "voeg \(k - capacity) begeleidersplaatsen toe",
                            ])))
            }
        }
        // Regions too small for a group, and regions whose ties need more groups than they can fill: together one
        // note, since the plan handles them and the report says why each person is outside their region.
        var small: [String] = [], tied: [(region: String, away: Int)] = []
        // The rules that bind those regions' tied sets: only they are worth reconsidering.
        var binding = Set<Rule>()
        for (region, n) in byRegion {
            let members = people.filter { $0.region == region }.map(\.index)
            if n < g.minSize {
                small.append("\(region) \(n)")
                continue
            }
            let own = n / g.minSize
            let clique = MaxClique.find(in: p.conflicts, among: members)
            if clique.members.count > own {
                tied.append((region, clique.members.count - own))
                binding.formUnion(p.conflicts.tiedPairs(among: clique.members).keys)
            }
        }
        if !small.isEmpty {
            signals.append(
                Signal(
                    kind: .note,
                    text: "too few participants for a group of their own in " + small.joined(separator: ", ")
                        + ": they join groups of other regions",
                    relaxations: [
                        "nothing to do: the plan keeps neighbouring regions together where it can",
                        "or add their region to a larger one in the sign-ups (the region column) before planning",
                    ],
                    dutch: .init(
                        text: "te weinig deelnemers voor een eigen groep in " + small.joined(separator: ", ")
                            + ": zij komen in groepen van andere regio's",
                        relaxations: [
                            "niets te doen: het plan houdt buurregio's waar het kan bij elkaar",
                            "of voeg hun regio vóór het plannen bij een grotere regio (de kolom regio van de "
                                + "aanmeldingen)",
                        ])))
        }
        if !tied.isEmpty {
            let total = tied.reduce(0) { $0 + $1.away }
            // Colleagues and reporting lines are what intervision must keep apart; competitor, board and town ties
            // are the ones organisers set wider than needed, so only those are offered.
            let rules = [Rule.competitors, .board, .town].filter {
                binding.contains($0) && p.config.separate.contains($0)
            }.map {
                rule in
                rule == .competitors
                    ? (
                        english: "check the competitors column for schools that do not really compete, or leave "
                            + "`competitors` out of [rules] separate",
                        dutch:
                            "kijk in de kolom concurrenten na of scholen echt concurreren, of haal `competitors` uit "
                            + "[rules] separate"
                    )
                    : (
                        english: "or leave `\(rule.rawValue)` out of [rules] separate (‘\(rule.explanation)’ no "
                            + "longer keeps people apart)",
                        dutch: "of haal `\(rule.rawValue)` uit [rules] separate (‘\(rule.dutchExplanation)’ houdt "
                            + "mensen dan niet meer uit elkaar)"
                    )
            }
            signals.append(
                Signal(
                    kind: .note,
                    text: "ties leave too few groups in some regions: expect at least \(total) participants in a group "
                        + "of another region ("
                        + tied.map { "\($0.region) \($0.away)" }.joined(separator: ", ") + ")",
                    relaxations: [
                        "nothing to do: the plan minimises this (objective `away`) and the report gives each person's "
                            + "reason"
                    ] + rules.map(\.english),
                    dutch: .init(
                        text: "door banden zijn er in sommige regio's te weinig groepen: reken op minstens \(total) "
                            + "deelnemers in een groep van een andere regio ("
                            + tied.map { "\($0.region) \($0.away)" }.joined(separator: ", ") + ")",
                        relaxations: [
                            "niets te doen: het plan houdt dit zo klein mogelijk (doel `away`) en het verslag geeft "
                                + "per persoon de reden"
                        ] + rules.map(\.dutch))))
        }
    }

    /// "from 3 competing schools (A 4, B 3, C 2)" or "from De Linde".
    static func describe(_ set: [Int], _ people: [Participant]) -> String {
        let schools = tally(set.map { people[$0].school })
        if schools.count == 1 { return "from \(schools[0].0)" }
        return "from \(schools.count) schools (\(schools.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))"
    }

    /// "van 3 concurrerende scholen (A 4, B 3, C 2)" or "van De Linde".
    static func describeInDutch(_ set: [Int], _ people: [Participant]) -> String {
        let schools = tally(set.map { people[$0].school })
        if schools.count == 1 { return "van \(schools[0].0)" }
        return "van \(schools.count) scholen (\(schools.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))"
    }

    /// Counts per value, most frequent first, then alphabetical.
    static func tally(_ values: [String]) -> [(String, Int)] {
        Dictionary(grouping: values, by: { $0 }).map { ($0.key, $0.value.count) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}
