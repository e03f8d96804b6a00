import Intake
import Scheduling

/// Dates and times as people read them in letters and lists, in the programme's language — never the machine's
/// locale, so the same plan gives the same files everywhere.
struct DateText {
    let language: ProgrammeConfig.Language

    private static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let monthsNL = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]
    private static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "dinsdag 12 januari 2027" / "Tuesday 12 January 2027".
    func long(_ d: Day) -> String { "\(weekday(d)) \(short(d))" }

    /// "12 januari 2027" / "12 January 2027".
    func short(_ d: Day) -> String { "\(d.day) \(month(d.month)) \(d.year)" }

    /// "di 12 jan" / "Tue 12 Jan", for tight cells.
    func compact(_ d: Day) -> String { "\(weekday(d).prefix(language == .nl ? 2 : 3)) \(d.day) \(shortMonth(d.month))" }

    /// "mrt" / "Mar": the abbreviations each language uses (Dutch writes mrt, not maa).
    func shortMonth(_ m: Int) -> String {
        language == .nl
            ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][m - 1]
            : String(month(m).prefix(3))
    }

    /// Full weekday name.
    func weekday(_ d: Day) -> String {
        language == .nl ? d.weekday.dutchName : Self.weekdaysEN[Weekday.allCases.firstIndex(of: d.weekday)!]
    }

    /// Full month name, 1-based.
    func month(_ m: Int) -> String { language == .nl ? Self.monthsNL[m - 1] : Self.monthsEN[m - 1] }

    /// "15:00–17:30".
    func times(_ start: Int, _ end: Int) -> String { "\(Clock.text(start))–\(Clock.text(end))" }

    /// "a, b en c" / "a, b and c".
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (language == .nl ? " en " : " and ") + items.last!
    }
}
