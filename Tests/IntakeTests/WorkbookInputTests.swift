import Foundation
import Spreadsheet
import Testing

@testable import Intake

/// Sign-ups and facilitators as Excel workbooks, made by openpyxl (Fixtures/make_workbooks.py): Dutch headers,
/// numbers stored as numbers, unavailable dates stored as Excel dates, the data on a named sheet.
@Suite("Workbook input")
struct WorkbookInputTests {
    @Test("a workbook reads to the same programme as the CSV it was made from")
    func sameProgramme() throws {
        let config = try Fixture.file("lead-and-learn.toml")
        let csv = try ProgrammeReader.load(
            signups: Fixture.file("lead-and-learn-345.csv"), config: config,
            facilitators: Fixture.file("facilitators-lead-and-learn.csv"))
        let xlsx = try ProgrammeReader.load(
            signups: Fixture.file("lead-and-learn-345.xlsx"), config: config,
            facilitators: Fixture.file("facilitators-lead-and-learn.xlsx"))
        #expect(xlsx.participants.count == 345)
        #expect(xlsx.participants == csv.participants)
        #expect(xlsx.facilitators == csv.facilitators)
        // Excel dates came back as the days the CSV spells out; the check is not vacuous.
        #expect(xlsx.participants.filter { !$0.unavailable.isEmpty }.count > 20)
        #expect(xlsx.warnings.map(\.message) == csv.warnings.map(\.message))
    }

    @Test("problems are located by sheet, row and column letter, as Excel names the cell")
    func locations() throws {
        var file = try Fixture.file("lead-and-learn-345.xlsx")
        // Break one email (row 14, column B) by rewriting the workbook with the Spreadsheet writer.
        let failure = Fixture.failureOf(
            signups: InputFile(name: "aanmeldingen.xlsx", data: try Self.workbookWithBadEmail(file.data)))
        let email = try #require(failure.first { $0.field == "email" })
        #expect(email.location == "aanmeldingen.xlsx:Aanmeldingen:14:B")
        #expect(email.description.contains("not a valid email address"))
        file.sheet = "Blad7"
        let missing = Fixture.failureOf(signups: file)
        #expect(
            missing.map(\.message) == ["the workbook has no sheet \"Blad7\"; it has \"Aanmeldingen\", \"Toelichting\""])
        file.sheet = "toelichting"
        let wrong = Fixture.failureOf(signups: file)
        #expect(wrong.contains { $0.message.contains("missing required column") && $0.sheet == "Toelichting" })
    }

    @Test("an old .xls or a password-protected workbook is refused with what to do")
    func legacy() {
        let failure = Fixture.failureOf(
            signups: InputFile(
                name: "oud.xls",
                data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64))))
        #expect(failure.count == 1)
        #expect(failure.first?.message.contains("Excel 97–2003") == true)
        #expect(failure.first?.fix?.contains(".xlsx") == true)
    }

    /// The fixture workbook with row 14's email replaced by "geen-adres".
    static func workbookWithBadEmail(_ data: Data) throws -> Data {
        let table = try WorkbookReader.read(data)
        var rows = table.rows.map(\.cells)
        rows[13][1] = "geen-adres"
        return Workbook(sheets: [
            .init(name: "Aanmeldingen", header: rows[0], rows: rows.dropFirst().map { $0.map { .text($0) } })
        ]).data()
    }
}

extension Fixture {
    /// The diagnostics of inputs that must fail.
    static func failureOf(signups: InputFile) -> [Diagnostic] {
        do {
            _ = try ProgrammeReader.load(signups: signups)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
