import Testing

@testable import Intake

@Suite struct DayTests {
    @Test func parsesAndValidates() {
        #expect(Day(parsing: "2027-01-14")?.description == "2027-01-14")
        #expect(Day(parsing: "2028-02-29") != nil)
        #expect(Day(parsing: "2027-02-29") == nil)
        #expect(Day(parsing: "2027-1-5")?.description == "2027-01-05")
        #expect(Day(parsing: "5-1-2027")?.description == "2027-01-05")
        #expect(Day(parsing: "2027/01/05") == nil)
        #expect(Day(parsing: "14 maart") == nil)
    }

    @Test func weekdaysOfKnownDates() {
        #expect(Day(parsing: "2027-01-14")!.weekday == .thursday)
        #expect(Day(parsing: "2026-11-22")!.weekday == .sunday)
        #expect(Day(parsing: "2027-04-27")!.weekday == .tuesday)  // King's Day 2027
        #expect(Day(parsing: "1970-01-01")!.weekday == .thursday)
    }

    @Test func ordinalRoundTripsAcrossLeapYears() {
        let start = Day(parsing: "2023-12-25")!
        for offset in 0..<2000 {
            let d = start.adding(days: offset)
            #expect(Day(ordinal: d.ordinal) == d)
            #expect(d - start == offset)
        }
        #expect(Day(parsing: "2028-03-01")!.adding(days: -1).description == "2028-02-29")
    }
}
