import Foundation
import IntervisionKit

/// The JSON the API sends, as `docs/openapi.yaml` describes it. Keys are sorted so a response is the same bytes
/// for the same state.
enum APIModels {
    /// One problem with an input: where it is, what is wrong, what to do, and the row it is on (when the file
    /// is text), so a page can show it.
    struct Problem: Codable, Sendable, Equatable {
        var severity: String
        var file: String
        var sheet: String?
        var line: Int?
        var column: Int?
        var field: String?
        var message: String
        var fix: String?
        var row: String?
        /// The message and fix in Dutch, where intake has them.
        var nl: Dutch?

        struct Dutch: Codable, Sendable, Equatable {
            var message: String
            var fix: String?
        }

        init(_ d: Diagnostic, rows: [String: [Substring]] = [:]) {
            severity = d.severity.rawValue
            file = d.file
            sheet = d.sheet
            line = d.line
            column = d.column
            field = d.field
            message = d.message
            fix = d.fix
            nl = d.dutch.map { Dutch(message: $0.message, fix: $0.fix) }
            if let line = d.line, let lines = rows[d.file], line >= 1, line <= lines.count {
                row = String(lines[line - 1].prefix(500))
            }
        }
    }

    /// A count per value (participants per region, per function).
    struct Count: Codable, Sendable {
        var value: String
        var count: Int
    }

    /// What `check` found.
    struct Check: Codable, Sendable {
        struct Signal: Codable, Sendable {
            var kind: String
            var text: String
            var relaxations: [String]
            var nl: Dutch?

            struct Dutch: Codable, Sendable {
                var text: String
                var relaxations: [String]
            }
        }
        var participants: Int
        var facilitators: Int?
        var groups: Int?
        var smallest: Int?
        var largest: Int?
        var regions: [Count]
        var functions: [Count]
        var levels: [Count]
        var rules: [String]
        var tiedParticipants: Int
        var impossible: Bool
        var signals: [Signal]
        var warnings: [Problem]

        init(_ report: CheckReport, rows: [String: [Substring]] = [:]) {
            let s = report.summary
            participants = s.participants
            facilitators = s.facilitators
            if case .groups(let count, let smallest, let largest) = s.groups {
                groups = count
                self.smallest = smallest
                self.largest = largest
            }
            regions = s.byRegion.map { Count(value: $0.0, count: $0.1) }
            functions = s.byFunction.map { Count(value: $0.0, count: $0.1) }
            levels = s.byLevel.map { Count(value: String($0.0), count: $0.1) }
            rules = s.rules.map(\.rawValue)
            tiedParticipants = s.tiedParticipants
            impossible = s.isImpossible
            signals = s.signals.map {
                Signal(
                    kind: $0.kind.rawValue, text: $0.text, relaxations: $0.relaxations,
                    nl: $0.dutch.map { Signal.Dutch(text: $0.text, relaxations: $0.relaxations) })
            }
            warnings = report.warnings.map { Problem($0, rows: rows) }
        }
    }

    /// `201` of `POST /api/programmes`.
    struct Created: Codable, Sendable {
        var id: String
        var check: Check
    }

    /// `422`: every problem found.
    struct Problems: Codable, Sendable {
        var problems: [Problem]
    }

    /// Any other error: what went wrong, and what to do.
    struct Failure: Codable, Sendable {
        var error: String
        var message: String
        var fix: String?
        var problems: [Problem]?
        var explanation: Explanation?
        /// The message, fix and details in Dutch, where the stage that failed has them.
        var nl: Dutch?

        struct Explanation: Codable, Sendable {
            var subject: String
            var headline: String
            var details: [String]
            var people: [String]
            var suggestions: [String]
        }

        struct Dutch: Codable, Sendable {
            var message: String
            var fix: String?
            var details: [String]?
            var suggestions: [String]?
        }
    }

    /// A programme in the list.
    struct ProgrammeSummary: Codable, Sendable {
        var id: String
        var name: String
        var participants: Int
        var status: String
        var version: Int?
        var published: String?
        var job: String?
    }

    /// `GET /api/programmes`.
    struct ProgrammeList: Codable, Sendable {
        var programmes: [ProgrammeSummary]
    }

    /// `202`: the job that does the work.
    struct Accepted: Codable, Sendable {
        var job: String
    }

    /// A move or swap previewed: who would move, and each objective before and after.
    struct Preview: Codable, Sendable {
        struct Move: Codable, Sendable {
            var email: String
            var name: String
            var from: String
            var to: String
        }
        struct Delta: Codable, Sendable {
            var metric: String
            var before: Int
            var after: Int
        }
        var allowed: Bool
        var moves: [Move]
        var deltas: [Delta]
        var reason: String?
        var details: [String]?
        var suggestions: [String]?
        /// Why not, in Dutch: reason, details and suggestions as an organiser's page shows them.
        var nl: Refusal?
        /// One entry per suggestion: the people it puts into other groups, on top of (or instead of) the moves
        /// asked, so a page can try it; empty when the suggestion is not people into groups.
        var alternatives: [[Placement]]?

        struct Placement: Codable, Sendable {
            var email: String
            var group: String
        }

        struct Refusal: Codable, Sendable {
            var reason: String
            var details: [String]
            var suggestions: [String]
        }

        /// A refused change, in English and (where known) Dutch, with what each suggestion would place where.
        static func refused(_ why: Explanation, _ programme: Programme?) -> Preview {
            let english = why.text(dutch: false), people = programme?.participants ?? []
            return Preview(
                allowed: false, moves: [], deltas: [], reason: english.headline, details: english.details,
                suggestions: english.suggestions,
                nl: why.dutch.map { _ in
                    let dutch = why.text(dutch: true)
                    return Refusal(reason: dutch.headline, details: dutch.details, suggestions: dutch.suggestions)
                },
                alternatives: why.suggestions.map { s in
                    s.reassign.compactMap { r in
                        people.indices.contains(r.participant)
                            ? Placement(email: people[r.participant].email, group: r.group) : nil
                    }
                })
        }
    }

    /// The encoder every response uses.
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// The failure as JSON, with the problems listed when the input was wrong.
    static func failure(_ f: PlanningFailure, programme: Programme? = nil) -> Failure {
        switch f {
        case .invalidInput(let d):
            let errors = d.filter { $0.severity == .error }
            return Failure(
                error: "invalid-input", message: errors.first?.message ?? "the input is not valid",
                fix: errors.first?.fix, problems: d.map { Problem($0) },
                nl: errors.first?.dutch.map { Failure.Dutch(message: $0.message, fix: $0.fix) })
        case .impossible(let why):
            let names = why.people.map { i in
                programme.flatMap { $0.participants.indices.contains(i) ? $0.participants[i].name : nil } ?? "#\(i)"
            }
            let english = why.text(dutch: false)
            return Failure(
                error: "impossible", message: why.headline, fix: why.suggestions.first?.change,
                explanation: .init(
                    subject: why.subject.rawValue, headline: why.headline, details: why.details, people: names,
                    suggestions: english.suggestions),
                nl: why.dutch.map { _ in
                    let dutch = why.text(dutch: true)
                    return Failure.Dutch(
                        message: dutch.headline, fix: dutch.suggestions.first, details: dutch.details,
                        suggestions: dutch.suggestions)
                })
        case .cancelled:
            return Failure(
                error: "cancelled", message: "the run was cancelled; nothing was written",
                nl: .init(message: "de berekening is afgebroken; er is niets geschreven"))
        case .cannotWrite(let folder, let reason):
            return Failure(
                error: "cannot-write", message: "\(folder) could not be written: \(reason)",
                fix: "check that the disk has room and the folder is writable, then try again; nothing was changed",
                nl: .init(
                    message: "de planmap kon niet worden geschreven (\(reason)); er is niets veranderd",
                    fix: "kijk of de schijf ruimte heeft en de map beschrijfbaar is, en probeer het opnieuw"))
        case .outOfTime(let step, let limit):
            return Failure(
                error: "out-of-time",
                message: "no valid plan was found within the time limit of \(Int(limit.rounded())) s (\(step)); "
                    + "this does not prove that none exists",
                fix: "try again with a longer time limit",
                nl: .init(
                    message: "binnen de rekentijd van \(Int(limit.rounded())) s is geen geldig plan gevonden; dat "
                        + "bewijst niet dat er geen is",
                    fix: "probeer het opnieuw met meer rekentijd"))
        case .internalError(let message):
            return Failure(
                error: "internal", message: message,
                fix: "try again; when it happens again, keep the input files and report it to whoever runs Intervision",
                nl: .init(
                    message: "er ging iets mis in Intervision zelf (\(message)); er is niets geschreven",
                    fix: "probeer het opnieuw; gebeurt het weer, bewaar dan de invoerbestanden en meld het bij wie "
                        + "Intervision beheert"))
        }
    }
}
