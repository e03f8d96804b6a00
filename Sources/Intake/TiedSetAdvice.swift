/// What would let a tied set larger than the number of groups be planned: more (smaller) groups, a rule or a tie
/// dropped, or fewer of these people in this programme. The check's signal and the planner's explanation both
/// take their suggestions from here, so an organiser reads the same advice before and after planning.
public enum TiedSetAdvice {
    /// Smallest group worth suggesting: fewer than three people cannot hold an intervision meeting (one brings a
    /// case, the others ask), whatever `min_size` allows.
    static let smallestUsefulGroup = 3

    /// The reason in one sentence, in English and Dutch: "these 8 people from Het Baken must all be in different
    /// groups, but there are only 2 groups".
    public static func headline(_ clique: [Int], groups k: Int, _ people: [Participant]) -> (
        english: String, dutch: String
    ) {
        (
            "these \(clique.count) people \(CheckSummary.describe(clique, people)) must all be in different groups, "
                + "but there are only \(k) groups",
            "deze \(clique.count) mensen \(CheckSummary.describeInDutch(clique, people)) moeten allemaal in "
                + "verschillende groepen, maar er zijn maar \(k) groepen"
        )
    }

    /// Changes that would help, each with what it gives, and the same in Dutch (one line per suggestion). Every
    /// effect is computed: a rule dropped says how large the largest tied set then is.
    public static func changes(_ clique: [Int], groups k: Int, _ programme: Programme) -> (
        english: [Explanation.Suggestion], dutch: [String]
    ) {
        let p = programme.participants, g = programme.config.groups
        var english: [Explanation.Suggestion] = [], dutch: [String] = []
        // One call per suggestion keeps the two lists one for one.
        func suggest(_ change: Explanation.Suggestion, _ words: String) {
            english.append(change)
            dutch.append(words)
        }
        let n = p.count, need = clique.count
        if need * g.minSize <= n {
            let sizes = "\(n / need)–\((n + need - 1) / need)"
            suggest(
                .init("[groups] count", to: "\(need)", effect: "\(need) groups of \(sizes) instead of \(k)"),
                "[groups] count = \(need): \(need) groepen van \(sizes) in plaats van \(k)")
        } else if n / need >= smallestUsefulGroup {
            // The config must still read: min_size_after_dropout may not exceed min_size, so it comes down too.
            let small = n / need
            let settings =
                ["count = \(need)", "min_size = \(small)"]
                + (g.minSizeAfterDropout > small ? ["min_size_after_dropout = \(small)"] : [])
            let and = settings.dropLast().joined(separator: ", ") + " and " + settings.last!
            let en = settings.dropLast().joined(separator: ", ") + " en " + settings.last!
            suggest(
                .init("[groups] \(and)", effect: "\(need) groups, some of only \(small)"),
                "[groups] \(en): \(need) groepen, sommige van maar \(small)")
        }
        let rules = Set(programme.conflicts.tiedPairs(among: clique).keys)
        for rule in [Rule.school, .hierarchy, .board, .town] where rules.contains(rule) {
            let after = largest(programme.ties(rules: programme.config.separate.filter { $0 != rule }))
            suggest(
                .init(
                    "[rules] separate without \"\(rule.rawValue)\"",
                    effect: "‘\(rule.explanation)’ no longer keeps people apart; " + becomes(after, k)),
                "[rules] separate zonder \"\(rule.rawValue)\": ‘\(rule.dutchExplanation)’ houdt mensen dan "
                    + "niet meer uit elkaar; " + wordt(after, k))
        }
        // A competitor tie between two schools of the set, dropped from both schools' competitors column.
        let schools = Dictionary(grouping: clique, by: { p[$0].school })
        let names = schools.keys.sorted()
        var competing: [(String, String)] = []
        for (a, x) in names.enumerated() {
            for y in names[(a + 1)...]
            where programme.conflicts.rules(between: schools[x]![0], schools[y]![0]) == [.competitors] {
                competing.append((x, y))
            }
        }
        for (x, y) in competing.prefix(3) {
            var people = p
            for i in people.indices where people[i].school == x || people[i].school == y {
                let other = people[i].school == x ? y : x
                people[i].competitors.removeAll { Text.key($0) == Text.key(other) }
            }
            let after = largest(programme.ties(rules: programme.config.separate, participants: people))
            suggest(
                .init(
                    "drop the competitor tie between \(x) and \(y) (edit the competitors column of both)",
                    effect: "members of the two schools may then share a group; " + becomes(after, k)),
                "laat de concurrentieband tussen \(x) en \(y) vallen (pas de kolom concurrenten van beide aan): leden "
                    + "van de twee scholen mogen dan in één groep; " + wordt(after, k))
        }
        if rules.contains(.wishes) {
            let among = Set(clique)
            let kept = programme.wishes.filter {
                !($0.kind == .apart && among.contains($0.person) && among.contains($0.other))
            }
            let dropped = programme.wishes.count - kept.count
            if dropped > 0 {
                var fewer = programme
                fewer.wishes = kept
                let after = largest(fewer.ties(rules: programme.config.separate))
                suggest(
                    .init(
                        "remove the \(dropped) `apart` wish\(dropped == 1 ? "" : "es") among them from the wishes file",
                        effect: becomes(after, k)),
                    "haal \(dropped == 1 ? "de wens" : "de \(dropped) wensen") `niet_samen` tussen hen uit het "
                        + "wensenbestand: " + wordt(after, k))
            }
        }
        if rules.contains(.metBefore) {
            suggest(
                .init(
                    "[rules] met_before", to: "\"avoid\"",
                    effect: "people who met before are kept apart where the groups allow it, and the report counts "
                        + "those who meet again"),
                "[rules] met_before = \"avoid\": wie elkaar eerder trof, blijft uit elkaar waar de groepen het "
                    + "toelaten, en het verslag telt wie elkaar weer treft")
        }
        // Fewer of them: the fewest to leave out so the groups left can still separate the rest.
        if let out = (need - k...need - 1).first(where: { d in
            guard case .groups(let left, _, _) = GroupCount.resolve(participants: n - d, g) else { return false }
            return need - d <= left
        }) {
            suggest(
                .init(
                    "plan at most \(need - out) of these \(need) people in this programme",
                    effect: "the other \(out) join a later round"),
                "neem hoogstens \(need - out) van deze \(need) mensen op in dit programma: de andere \(out) schuiven "
                    + "door naar een latere ronde")
        }
        return (english, dutch)
    }

    /// Largest tied set under changed ties; the search is capped so advice stays quick on any programme.
    private static func largest(_ ties: ConflictModel) -> Int {
        MaxClique.find(in: ties, budget: 20_000).members.count
    }

    private static func becomes(_ size: Int, _ k: Int) -> String {
        size <= 1
            ? "nobody is tied to anyone then"
            : "the largest tied set becomes \(size)"
                + (size <= k ? ", which \(k) groups can separate" : ", still more than \(k) groups")
    }

    private static func wordt(_ size: Int, _ k: Int) -> String {
        size <= 1
            ? "dan is niemand nog aan een ander verbonden"
            : "de grootste verbonden groep wordt dan \(size)"
                + (size <= k ? ", wat \(k) groepen kunnen scheiden" : ", nog steeds meer dan \(k) groepen")
    }
}

extension Programme {
    /// The ties under `rules` (and other sign-up data, when given), keeping the organiser's `apart` wishes and the
    /// pairs met before that are kept apart: what a suggested change would leave.
    public func ties(rules: [Rule], participants people: [Participant]? = nil) -> ConflictModel {
        Self.ties(people ?? participants, rules: rules, wishes, facilitators, metBeforeApart)
    }

    /// The tie model of a programme: rule ties, `apart` wishes (also those implied by facilitator wishes) and the
    /// pairs met before that are kept apart.
    static func ties(
        _ people: [Participant], rules: [Rule], _ wishes: [Wish], _ facilitators: [Facilitator]?,
        _ metBeforeApart: [MetPair]
    ) -> ConflictModel {
        ConflictModel(
            participants: people, rules: rules,
            apart: wishes.apartPairs + wishes.facilitatorApartPairs(people, facilitators),
            metBefore: metBeforeApart.map { ($0.a, $0.b) })
    }
}
