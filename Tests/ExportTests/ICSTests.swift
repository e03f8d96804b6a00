import Foundation
import Testing

@testable import Export

@Suite struct ICSTests {
    static func event(_ summary: String, _ description: String = "d") -> ICS.Event {
        ICS.Event(
            uid: "p-g01-m1@intervision", sequence: 0, date: (2027, 1, 14), start: 13 * 60 + 30, end: 16 * 60,
            summary: summary, description: description)
    }

    static func text(_ events: [ICS.Event]) -> String {
        ICS.calendar(
            name: "Test", timeZone: "Europe/Amsterdam", stamp: Date(timeIntervalSince1970: 1_800_000_000),
            events: events)
    }

    @Test func linesAreFoldedAt75OctetsWithoutSplittingCharacters() throws {
        let long = String(repeating: "Özlem Çelik, ", count: 20)
        let ics = Self.text([Self.event(long, long)])
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        // Unfolding restores the escaped text exactly.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + long.replacingOccurrences(of: ",", with: "\\,")))
    }

    @Test func textIsEscaped() {
        #expect(ICS.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    }

    @Test func theCalendarCarriesTheRequiredPropertiesAndZone() {
        let ics = Self.text([Self.event("x")])
        for line in [
            "METHOD:PUBLISH", "PRODID:-//Intervision//Intervision planner//EN", "VERSION:2.0", "BEGIN:VTIMEZONE",
            "TZID:Europe/Amsterdam",
            "DTSTAMP:20270115T080000Z", "SEQUENCE:0", "UID:p-g01-m1@intervision",
            "DTSTART;TZID=Europe/Amsterdam:20270114T133000", "DTEND;TZID=Europe/Amsterdam:20270114T160000",
            // Summer time in 2027 starts on the last Sunday of March at 02:00 local.
            "DTSTART:20270328T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        ] {
            #expect(ics.contains(line + "\r\n"), "\(line) missing")
        }
    }

    @Test func slugsStayInsideTheFolder() {
        #expect(Slug.make("Özlem van ’t Hof", fallback: "f") == "ozlem-van-t-hof")
        #expect(Slug.make("../../etc/passwd", fallback: "f") == "etc-passwd")
        #expect(Slug.make("王小明", fallback: "facilitator-3") == "facilitator-3")
        var used: Set<String> = ["anna"]
        #expect(Slug.unique("anna", &used) == "anna-2")
    }
}
