import Foundation
import Testing

@testable import Intake

@Suite struct CSVTests {
    @Test func excelDutchExportWithBOMSemicolonsCRLFAndQuotedLineBreak() throws {
        let text =
            "\u{FEFF}Naam;E-mail;Functie;Organisatie;Provincie;Concurrenten;Afwezig\r\n"
            + "\"Vries, Anne de\";anne@baken.nl;Teamleider;Het Baken;Utrecht;\"De "
            + "Linde|Ring\";2027-02-15..2027-02-19|2027-03-01\r\n"
            + "Bram;bram@linde.nl;Conrector;\"De Linde\r\nlocatie Zeist\";Utrecht;;\r\n"
            + "Carla;carla@ring.nl;coördinator;Ring;Gelderland;;14-3-2027\r\n"
            + ";;;;;;\r\n"
        let t = try CSVTable.parse(Data(text.utf8))
        #expect(t.delimiter == ";")
        #expect(t.records.map(\.line) == [2, 3, 5], "a quoted line break moves the next record's line")
        #expect(t.records[0].fields[0] == "Vries, Anne de")
        let p = try ProgrammeReader.load(signups: Fixture.csv(text))
        #expect(p.participants.count == 3)
        #expect(p.participants[0].competitors == ["De Linde", "Ring"])
        #expect(p.participants[1].school == "De Linde locatie Zeist", "a line break in a cell (Alt+Enter) is one space")
        #expect(p.participants[0].unavailable.map(\.description) == ["2027-02-15..2027-02-19", "2027-03-01"])
        #expect(p.participants[2].level == 1, "coördinator is level 1 by default")
        #expect(p.participants[2].unavailable.map(\.description) == ["2027-03-14"], "Dutch D-M-YYYY as Excel writes it")
    }

    @Test func tabSeparatedWithEnglishHeadersInAnyCase() throws {
        let text = "NAME\tEmail\tFunction\tSchool\tRegion\tLevel\nAnne\tanne@a.nl\tconsultant\tA\tUtrecht\t2\n"
        let p = try ProgrammeReader.load(signups: Fixture.csv(text))
        #expect(p.participants.first?.level == 2)
        #expect(p.participants.first?.function == "consultant")
    }

    @Test func commaFileUsesSemicolonOrPipeInListCells() throws {
        let p = try Fixture.load(
            Fixture.header + "Anne,anne@a.nl,teamleider,,A,,Utrecht,,,B;C|D,,2027-01-05;2027-01-06\n")
        #expect(p.participants[0].competitors == ["B", "C", "D"])
        #expect(p.participants[0].unavailable.count == 2)
    }

    @Test func unknownExtraColumnsAreKeptOutOfTheWay() throws {
        let p = try Fixture.load(
            "name,email,function,school,region,opmerking\nAnne,anne@a.nl,rector,A,Utrecht,\"vegetarisch, graag\"\n")
        #expect(p.participants[0].level == 3)
    }

    @Test func spreadsheetColumnLetters() {
        #expect([1, 12, 26, 27, 52].map(\.columnLetters) == ["A", "L", "Z", "AA", "AZ"])
    }
}

/// Dutch Excel's plain "CSV" save is Windows-1252: read as such, with one note, to the same programme.
@Suite struct EncodingTests {
    @Test func aWindows1252ExportReadsLikeTheUTF8One() throws {
        let utf8 = try ProgrammeReader.load(signups: Fixture.file("lerend-leiderschap-52.csv"))
        let cp1252 = try ProgrammeReader.load(signups: Fixture.file("lerend-leiderschap-52-windows-1252.csv"))
        #expect(cp1252.participants == utf8.participants)
        #expect(
            cp1252.participants.contains { $0.name.contains("Ö") || $0.name.contains("ö") || $0.name.contains("é") })
        let notes = cp1252.warnings.filter { $0.message.contains("Windows-1252") }
        #expect(notes.count == 1 && notes[0].line == nil)
        #expect(!utf8.warnings.contains { $0.message.contains("Windows-1252") })
    }
}
