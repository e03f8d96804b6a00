import Foundation
import Testing
import ZIPFoundation

@testable import Spreadsheet

@Suite("Workbooks")
struct WorkbookTests {
    @Test("a written workbook reads back cell for cell, dates as ISO days, on every sheet")
    func roundTrip() throws {
        let book = Workbook(sheets: [
            .init(
                name: "Groepen", header: ["groep", "naam", "datum", "aantal"],
                rows: [
                    [
                        .text("G01"), .text("Anouk de Vries-Coördinator & <co>"), .date(year: 2027, month: 3, day: 4),
                        .number(7),
                    ],
                    [.text("=1+1"), .empty, .date(year: 1900, month: 1, day: 1), .number(-3)],
                ]),
            .init(name: "Deelnemers", header: ["e-mail"], rows: [[.text("a@b.nl")]]),
        ])
        let data = book.data()
        let first = try WorkbookReader.read(data)
        #expect(first.name == "Groepen")
        #expect(first.sheetNames == ["Groepen", "Deelnemers"])
        #expect(first.rows.map(\.number) == [1, 2, 3])
        #expect(first.rows[1].cells == ["G01", "Anouk de Vries-Coördinator & <co>", "2027-03-04", "7"])
        #expect(first.rows[2].cells == ["=1+1", "", "1900-01-01", "-3"])
        let second = try WorkbookReader.read(data, sheet: "deelnemers")
        #expect(second.rows.map(\.cells) == [["e-mail"], ["a@b.nl"]])
        #expect(throws: WorkbookFailure.noSuchSheet("Blad9", available: ["Groepen", "Deelnemers"])) {
            try WorkbookReader.read(data, sheet: "Blad9")
        }
        #expect(book.data() == data, "the same workbook gives the same bytes")
    }

    @Test("serial numbers: both date systems, Lotus's phantom 29 February 1900, and back")
    func serials() {
        #expect(ExcelDate.day(serial: 45292, date1904: false)! == (2024, 1, 1))
        #expect(ExcelDate.day(serial: 45292.75, date1904: false)! == (2024, 1, 1))
        #expect(ExcelDate.day(serial: 59, date1904: false)! == (1900, 2, 28))
        #expect(ExcelDate.day(serial: 60, date1904: false) == nil)
        #expect(ExcelDate.day(serial: 61, date1904: false)! == (1900, 3, 1))
        #expect(ExcelDate.day(serial: 0, date1904: true)! == (1904, 1, 1))
        #expect(ExcelDate.day(serial: .nan, date1904: false) == nil)
        for serial in [1, 59, 61, 10_000, 45_292, 2_958_465] {
            let d = ExcelDate.day(serial: Double(serial), date1904: false)!
            #expect(ExcelDate.serial(year: d.year, month: d.month, day: d.day) == serial)
        }
    }

    @Test("custom number formats: dates told from durations, colours and quoted text")
    func dateFormats() {
        #expect(WorkbookReader.isDateFormat("dd-mm-yyyy"))
        #expect(WorkbookReader.isDateFormat("[$-413]d mmmm yyyy"))
        #expect(!WorkbookReader.isDateFormat("[h]:mm:ss"))
        #expect(!WorkbookReader.isDateFormat("0.00\" dagen\""))
        #expect(!WorkbookReader.isDateFormat("[Red]0"))
    }

    @Test("what is not a workbook is refused with the reason, not a crash")
    func refusals() {
        #expect(throws: WorkbookFailure.legacyOrEncrypted) {
            try WorkbookReader.read(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]))
        }
        #expect(throws: WorkbookFailure.self) { try WorkbookReader.read(Data("PK\u{3}\u{4}garbage".utf8)) }
        #expect(
            Workbook.sheetNames(["a/b", "A/B", "", String(repeating: "x", count: 40)])
                == ["ab", "AB (2)", "Sheet3", String(repeating: "x", count: 31)])
    }
}

/// Inputs `make fuzz` found: each once crashed or hung a dependency; now each is refused as a damaged workbook.
@Suite("Workbook fuzz regressions")
struct WorkbookFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Regressions")

    @Test("a deflate stream that runs past its entry (ZIPFoundation spun at end of file) is refused")
    func streamPastEntry() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("stream-runs-past-entry.xlsx"))
        #expect(throws: WorkbookFailure.self) { try WorkbookReader.read(data) }
    }

    @Test("invalid UTF-8 inside a tag (FoundationXML trapped) is refused before parsing")
    func invalidUTF8() throws {
        // The fuzz input is the sheet XML; it is wrapped in an otherwise valid workbook as the fuzz target does.
        let sheet = try Data(contentsOf: Self.folder.appendingPathComponent("invalid-utf8-in-tag.bin"))
        let book = try Self.workbook(sheetXML: sheet)
        #expect(throws: WorkbookFailure.notAWorkbook("its part xl/worksheets/sheet1.xml is not UTF-8 XML")) {
            try WorkbookReader.read(book)
        }
    }

    static func workbook(sheetXML: Data) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, Data)] = [
            ("xl/workbook.xml", Data("<workbook><sheets><sheet name=\"S\"/></sheets></workbook>".utf8)),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ]
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }
}
