import Foundation
import Intake

/// Days on which no meeting may take place: the shipped Dutch school and public holidays
/// (`Resources/holidays-nl.tsv`, each range with its source) plus the programme's blackout dates.
package struct HolidayCalendar: Sendable {
    package struct Entry: Sendable, Equatable {
        package enum Kind: String, Sendable { case school, `public`, customary }
        package var kind: Kind
        /// nil: every region.
        package var region: HolidayRegion?
        package var range: DayRange
        package var name: String
        package var source: String
    }

    package private(set) var entries: [Entry]
    /// Days for which the data is complete in every region.
    package let coverage: DayRange?
    package private(set) var sources: [String: String]

    package static let none = HolidayCalendar(entries: [], coverage: nil, sources: [:])

    /// The shipped Dutch calendar. The file is part of the package, so failing to read it is a build error.
    package static let netherlands: HolidayCalendar = {
        guard let url = Bundle.module.url(forResource: "holidays-nl", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            let calendar = try? HolidayCalendar(tsv: text)
        else {
            preconditionFailure("holidays-nl.tsv is missing or malformed in the Scheduling bundle")
        }
        return calendar
    }()

    /// The holiday data file could not be read; `description` says where.
    package struct Malformed: Error, CustomStringConvertible { package var description: String }

    init(entries: [Entry], coverage: DayRange?, sources: [String: String]) {
        self.entries = entries
        self.coverage = coverage
        self.sources = sources
    }

    package init(tsv: String) throws {
        var entries: [Entry] = [], sources: [String: String] = [:]
        var covered: DayRange?
        for (n, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if line.hasPrefix("# source ") {
                sources[String(fields[0].dropFirst("# source ".count))] = fields.dropFirst().joined(separator: "\t")
            } else if line.hasPrefix("# Coverage: every day from ") {
                let words = line.split(separator: " ")
                if let a = words.firstIndex(of: "from").flatMap({ Day(parsing: String(words[$0 + 1])) }),
                    let b = words.firstIndex(of: "to").flatMap({ Day(parsing: String(words[$0 + 1])) })
                {
                    covered = DayRange(a, b)
                }
            }
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard fields.count == 6, let kind = Entry.Kind(rawValue: fields[0]),
                let first = Day(parsing: fields[2]), let last = Day(parsing: fields[3]), first <= last,
                fields[1] == "all" || HolidayRegion(rawValue: fields[1]) != nil
            else {
                throw Malformed(description: "line \(n + 1): expected kind, region, first, last, name, source")
            }
            entries.append(
                Entry(
                    kind: kind, region: HolidayRegion(rawValue: fields[1]), range: DayRange(first, last),
                    name: fields[4], source: fields[5]))
        }
        if let e = entries.first(where: { sources[$0.source] == nil }) {
            throw Malformed(description: "\(e.name) \(e.range) cites unknown source \(e.source)")
        }
        self.entries = entries
        self.sources = sources
        coverage = covered
    }

    /// The calendar the config asks for.
    package static func forConfig(_ s: ProgrammeConfig.Schedule) -> HolidayCalendar {
        s.holidays == .nl ? .netherlands : .none
    }

    /// Why `day` is closed for a group whose members are in `regions`; nil when it is open.
    package func closure(on day: Day, for regions: Set<HolidayRegion>) -> Entry? {
        entries.first { $0.range.contains(day) && ($0.region == nil || regions.contains($0.region!)) }
    }
}
