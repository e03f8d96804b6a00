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

        /// A suggestion to set `what` to `to`, or (without `to`) a change described in words.
        public init(_ what: String, to: String? = nil, effect: String = "") {
            self.what = what
            self.to = to
            self.effect = effect
        }

        /// The change as a user would write it: `[groups] max_size = 9`.
        public var change: String { to.map { "\(what) = \($0)" } ?? what }
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
