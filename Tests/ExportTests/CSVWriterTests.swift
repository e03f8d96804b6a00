import Testing

@testable import Export

/// Cells a spreadsheet would run, or that would start a new row, stay one inert cell.
@Suite struct CSVWriterTests {
    @Test func aCarriageReturnLineFeedInsideACellIsQuoted() {
        // "\r\n" is one Character in Swift, equal to neither "\r" nor "\n": the check must look at scalars.
        let cell = CSVWriter.cell("Anne\r\n=2+5+cmd|' /C calc'!A0")
        #expect(cell == "\"Anne\r\n=2+5+cmd|' /C calc'!A0\"")
    }

    @Test func formulasAreNeutralisedAndQuotesDoubled() {
        #expect(CSVWriter.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        for lead in ["+", "-", "@", "\t", "\r"] {
            #expect(CSVWriter.cell(lead + "1").hasPrefix("'") || CSVWriter.cell(lead + "1").hasPrefix("\"'"))
        }
        #expect(CSVWriter.cell("Het Baken") == "Het Baken")
    }

    @Test func everyRowEndsInCRLFAfterABOM() {
        let text = CSVWriter.render(header: ["a", "b"], rows: [["x\ny", "z"]])
        #expect(text == "\u{FEFF}a,b\r\n\"x\ny\",z\r\n")
    }
}
