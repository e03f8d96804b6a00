import Foundation

/// One row of an attendance file (`replan --attendance`): who was (not) at which meeting.
public struct AttendanceRow: Sendable, Equatable {
    /// The group's id as written.
    public var group: String
    /// The meeting number.
    public var meeting: Int
    /// The participant's email (or a name nobody else has), as written.
    public var person: String
    /// Whether they were there.
    public var present: Bool
    /// The file, for messages.
    public var source: String
    /// The line in `source` (0: not from a file).
    public var line: Int

    /// A row: `person` was (`present`) or was not at meeting `meeting` of `group`.
    public init(group: String, meeting: Int, person: String, present: Bool, source: String, line: Int = 0) {
        self.group = group
        self.meeting = meeting
        self.person = person
        self.present = present
        self.source = source
        self.line = line
    }
}

/// Reads attendance files (CSV or .xlsx: `group, meeting, email, present`, Dutch `groep, bijeenkomst, e-mail,
/// aanwezig`). `present` is yes/no (ja/nee, 1/0, true/false, x or empty for no). Only the shape is checked here;
/// whether the meeting and the person exist is checked against the plan.
public enum AttendanceReader {
    static let columns: [ColumnSpec] = [
        .init(name: "group", aliases: ["groep"], required: true),
        .init(name: "meeting", aliases: ["bijeenkomst", "nummer"], required: true),
        .init(name: "email", aliases: ["e-mail", "mail", "deelnemer", "person"], required: true),
        .init(name: "present", aliases: ["aanwezig", "attended"], required: true),
    ]

    /// The rows of `file`, or every problem with its line.
    public static func read(_ file: InputFile, meetings: Int) throws(IntakeFailure) -> [AttendanceRow] {
        var sink = DiagnosticSink(file: file.name)
        guard
            let (_, rows) = CSV.rows(
                file, specs: columns, sink: &sink,
                noRows: ("attendance", "add one row per participant and meeting: group, meeting, email, present"))
        else { throw IntakeFailure(diagnostics: sink.items) }
        var out: [AttendanceRow] = []
        for row in rows {
            row.checkWidth(&sink)
            let line = row.record.line
            guard let group = row.require("group", &sink, what: ("a group id such as G03", "een groepscode zoals G03")),
                let person = row.require(
                    "email", &sink, what: ("the participant's email", "het e-mailadres van de deelnemer"))
            else { continue }
            guard
                case .some(.some(let number)) = row.integer(
                    "meeting", in: 1...meetings, &sink,
                    meaning: ("a meeting number (1 to \(meetings))", "bijeenkomstnummer (1 tot en met \(meetings))"))
            else {
                if row.text("meeting") == nil {
                    sink.error(
                        line: line, column: row.map.column("meeting"), field: "meeting", "no meeting number",
                        fix: "write the meeting's number, 1 to \(meetings)",
                        nl: .init(
                            "geen nummer van de bijeenkomst",
                            fix: "schrijf het nummer van de bijeenkomst, 1 tot en met \(meetings)"))
                }
                continue
            }
            let word = Text.key(row.text("present") ?? "")
            let yes = ["yes", "ja", "j", "y", "1", "true", "waar", "aanwezig", "present"]
            let no = ["no", "nee", "n", "0", "false", "onwaar", "afwezig", "absent", ""]
            guard yes.contains(word) || no.contains(word) else {
                sink.error(
                    line: line, column: row.map.column("present"), field: "present",
                    "\"\(row.text("present") ?? "")\" is not yes or no",
                    fix: "write ja or nee (yes or no)",
                    nl: .init("\"\(row.text("present") ?? "")\" is geen ja of nee", fix: "schrijf ja of nee"))
                continue
            }
            out.append(
                AttendanceRow(
                    group: group, meeting: number, person: person, present: yes.contains(word), source: file.name,
                    line: line))
        }
        guard !sink.hasErrors else { throw IntakeFailure(diagnostics: sink.items) }
        return out
    }
}
