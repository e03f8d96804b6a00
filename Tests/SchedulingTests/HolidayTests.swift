import Intake
import TestFixtures
import Testing

@testable import Scheduling

/// The shipped holiday data against the dates Rijksoverheid published (typed in here from the overviews
/// 2025-2026, 2026-2027 and 2027-2028, not read from the data file).
@Suite struct HolidayTests {
    static let nl = HolidayCalendar.netherlands

    static func day(_ s: String) -> Day { TestFixtures.day(s) }

    static func closed(_ s: String, _ r: HolidayRegion) -> String? { nl.closure(on: day(s), for: [r])?.name }

    @Test func everyRangeCitesAKnownSourceAndCoverageIsStated() {
        #expect(Self.nl.entries.count > 60)
        #expect(Self.nl.entries.allSatisfy { Self.nl.sources[$0.source] != nil })
        #expect(Self.nl.coverage == DayRange(Self.day("2025-09-01"), Self.day("2028-09-03")))
    }

    /// School holidays run Saturday to Sunday: 9 days for autumn, spring and May, 16 for Christmas, 44 for summer.
    @Test func schoolHolidaysHaveThePublishedShape() {
        for e in Self.nl.entries where e.kind == .school {
            #expect(e.range.first.weekday == .saturday && e.range.last.weekday == .sunday, "\(e.name) \(e.range)")
            let days = e.range.last - e.range.first + 1
            let expected = [
                "herfstvakantie": 9, "voorjaarsvakantie": 9, "meivakantie": 9, "kerstvakantie": 16, "zomervakantie": 44,
            ][e.name]
            #expect(days == expected, "\(e.name) \(e.range) has \(days) days")
        }
    }

    @Test(
        arguments: [
            // Spring 2027: zuid 13–21 Feb, noord and midden 20–28 Feb.
            ("2027-02-16", HolidayRegion.zuid, "voorjaarsvakantie"), ("2027-02-16", .noord, nil),
            ("2027-02-16", .midden, nil),
            ("2027-02-23", .noord, "voorjaarsvakantie"), ("2027-02-23", .midden, "voorjaarsvakantie"),
            ("2027-02-23", .zuid, nil),
            // Autumn 2026: noord 10–18 Oct, midden and zuid 17–25 Oct.
            ("2026-10-13", .noord, "herfstvakantie"), ("2026-10-13", .zuid, nil),
            ("2026-10-21", .midden, "herfstvakantie"),
            // Summer 2027: zuid until 5 Sep; noord from 10 Jul.
            ("2027-09-01", .zuid, "zomervakantie"), ("2027-09-01", .midden, nil),
            ("2027-07-13", .noord, "zomervakantie"), ("2027-07-13", .midden, nil),
            // Spring 2026: noord 21 Feb–1 Mar, midden and zuid 14–22 Feb.
            ("2026-02-17", .midden, "voorjaarsvakantie"), ("2026-02-17", .noord, nil),
            ("2026-02-26", .noord, "voorjaarsvakantie"),
            // Spring 2028: noord 19–27 Feb, midden and zuid 26 Feb–5 Mar.
            ("2028-03-01", .zuid, "voorjaarsvakantie"), ("2028-03-01", .noord, nil),
            // National: Christmas 2027-28 to 9 Jan, May 2028 29 Apr–7 May.
            ("2028-01-06", .zuid, "kerstvakantie"), ("2028-05-03", .noord, "meivakantie"),
            // Public holidays.
            ("2028-04-27", .midden, "koningsdag"), ("2027-05-06", .noord, "hemelvaartsdag"),
            ("2027-05-17", .zuid, "tweede pinksterdag"),
            ("2027-03-26", .midden, "goede vrijdag"), ("2027-03-29", .midden, "tweede paasdag"),
            ("2026-05-25", .noord, "tweede pinksterdag"),
            ("2027-03-30", .midden, nil), ("2027-06-01", .zuid, nil),
        ] as [(String, HolidayRegion, String?)])
    func publishedDates(day: String, region: HolidayRegion, expected: String?) {
        #expect(Self.closed(day, region) == expected)
    }

    @Test func provincesMapToTheirHolidayRegionAndConfigOverrides() {
        #expect(HolidayRegions.of("Fryslân", overrides: [:]) == .noord)
        #expect(HolidayRegions.of("noord-holland", overrides: [:]) == .noord)
        #expect(HolidayRegions.of("Zuid Holland", overrides: [:]) == .midden)
        #expect(HolidayRegions.of("Limburg", overrides: [:]) == .zuid)
        #expect(HolidayRegions.of("Gelderland", overrides: ["Gelderland": .zuid]) == .zuid)
        #expect(HolidayRegions.of("Randstad", overrides: [:]) == nil)
    }

    @Test func aMalformedDataLineIsRefused() {
        #expect(throws: HolidayCalendar.Malformed.self) {
            try HolidayCalendar(tsv: "school\tnoord\t2027-02-30\t2027-03-01\tx\tS\n")
        }
        #expect(throws: HolidayCalendar.Malformed.self) {
            try HolidayCalendar(tsv: "school\tnoord\t2027-02-20\t2027-02-28\tx\tUNKNOWN\n")
        }
    }
}
