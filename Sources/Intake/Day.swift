import Spreadsheet

/// A calendar date without time or zone, as organisers write it (`2027-01-14`).
/// Computed with the proleptic Gregorian calendar, so results never depend on the machine's locale.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// The day, or nil when it does not exist (31 April, 29 February outside leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, or the Dutch spreadsheet form `D-M-YYYY` that Excel writes in a Dutch locale.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            self.init(year: a, month: b, day: c)
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            self.init(year: c, month: b, day: a)
        } else {
            return nil
        }
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        (year, month, day) = ExcelDate.civil(fromDays: ordinal)
    }

    /// Days since 1970-01-01.
    public var ordinal: Int { ExcelDate.daysFromCivil(year, month, day) }

    /// Monday to Sunday.
    public var weekday: Weekday { Weekday.allCases[((ordinal % 7) + 10) % 7] }  // 1970-01-01 was a Thursday

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    /// Days from `b` to `a`.
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Calendar order.
    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = d
    }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A day of the week, in English as in the config (Dutch names are accepted there too).
public enum Weekday: String, CaseIterable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The day's name in Dutch, as organisers write it in a config and read it on a page: `maandag`.
    public var dutchName: String {
        switch self {
        case .monday: "maandag"
        case .tuesday: "dinsdag"
        case .wednesday: "woensdag"
        case .thursday: "donderdag"
        case .friday: "vrijdag"
        case .saturday: "zaterdag"
        case .sunday: "zondag"
        }
    }
}

/// An inclusive range of days, e.g. an unavailability `2027-02-15..2027-02-19`.
public struct DayRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let first: Day, last: Day
    /// The days from `first` to `last`, both included.
    public init(_ first: Day, _ last: Day) {
        self.first = first
        self.last = last
    }
    /// One day.
    public init(_ day: Day) {
        first = day
        last = day
    }
    /// Whether `d` lies in the range.
    public func contains(_ d: Day) -> Bool { first <= d && d <= last }
    /// `YYYY-MM-DD`, or `YYYY-MM-DD..YYYY-MM-DD` for more than one day.
    public var description: String { first == last ? "\(first)" : "\(first)..\(last)" }
}
