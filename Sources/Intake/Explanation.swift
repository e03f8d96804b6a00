/// Why no plan satisfies the hard rules, in participants' terms, with changes that would help. One shape for
/// every stage: grouping, the calendar and replanning all explain themselves with it.
public struct Explanation: Sendable, Equatable, Error {
    /// What could not be planned.
    public enum Subject: String, Sendable, Equatable {
        /// No grouping keeps the rules.
        case groups
        /// No facilitators or dates keep the calendar rules.
        case calendar
        /// The changes asked of a replan leave no valid plan.
        case changes
    }

    /// A change to the input that would make a plan possible, and what it costs or gives.
    public struct Suggestion: Sendable, Equatable {
        /// What to change: a config key such as `[groups] max_size`, or a change in words.
        public var what: String
        /// The new value, when the change is a setting.
        public var to: String?
        /// What it would cost or give; empty when it speaks for itself.
        public var effect: String
        /// For a refused move or swap: the people to put in another group on top of (or instead of) the changes
        /// asked, so a front end can offer to try the suggestion as it stands. Empty for other suggestions.
        public var reassign: [Reassignment]

        /// One person into one group, as a suggestion proposes it.
        public struct Reassignment: Sendable, Equatable {
            /// The participant's index.
            public var participant: Int
            /// The group's id.
            public var group: String

            /// Participant `participant` into group `group`.
            public init(participant: Int, group: String) {
                self.participant = participant
                self.group = group
            }
        }

        /// A suggestion to set `what` to `to`, or (without `to`) a change described in words; `reassign` when the
        /// change is people into groups.
        public init(_ what: String, to: String? = nil, effect: String = "", reassign: [Reassignment] = []) {
            self.what = what
            self.to = to
            self.effect = effect
            self.reassign = reassign
        }

        /// The change as a user would write it: `[groups] max_size = 9`.
        public var change: String { to.map { "\(what) = \($0)" } ?? what }

        /// Change and effect in one line, as a reader sees the suggestion: `[groups] count = 3: 3 groups of 4–4`.
        public var line: String { effect.isEmpty ? change : "\(change): \(effect)" }
    }

    /// Groups, calendar or changes.
    public var subject: Subject
    /// The one-sentence reason.
    public var headline: String
    /// Participant indices of the people who cannot be reconciled (empty when people are not the cause).
    public var people: [Int]
    /// The small set of people (or facts) behind the headline, one line each.
    public var details: [String]
    /// Changes that would help, most useful first.
    public var suggestions: [Suggestion]
    /// The same explanation in Dutch, where the stage that explains has it.
    public var dutch: Dutch?

    /// An explanation's words in Dutch, for organisers' pages: headline, details and suggestions as a reader
    /// sees them (a suggestion's change and effect in one line).
    public struct Dutch: Sendable, Equatable {
        /// The one-sentence reason.
        public var headline: String
        /// One line each; `nil` when the English details are names and figures that need no translation.
        public var details: [String]?
        /// Changes that would help, in the order of the English ones.
        public var suggestions: [String]

        /// The Dutch words of an explanation.
        public init(_ headline: String, details: [String]? = nil, suggestions: [String] = []) {
            self.headline = headline
            self.details = details
            self.suggestions = suggestions
        }
    }

    /// This explanation with its Dutch words.
    public func inDutch(_ headline: String, details: [String]? = nil, suggestions: [String] = []) -> Explanation {
        var e = self
        e.dutch = Dutch(headline, details: details, suggestions: suggestions)
        return e
    }

    /// Headline, details and suggestions (change and effect in one line) in Dutch when asked and known, else in
    /// English.
    public func text(dutch wanted: Bool) -> (headline: String, details: [String], suggestions: [String]) {
        if wanted, let dutch { return (dutch.headline, dutch.details ?? details, dutch.suggestions) }
        return (headline, details, suggestions.map(\.line))
    }

    /// An explanation; `suggestions` in order of usefulness.
    public init(
        _ subject: Subject, _ headline: String, people: [Int] = [], details: [String] = [],
        suggestions: [Suggestion] = []
    ) {
        self.subject = subject
        self.headline = headline
        self.people = people
        self.details = details
        self.suggestions = suggestions
    }

    /// An explanation whose suggestions are changes in words.
    public init(_ subject: Subject, _ headline: String, changes: [String]) {
        self.init(subject, headline, suggestions: changes.map { Suggestion($0) })
    }
}
