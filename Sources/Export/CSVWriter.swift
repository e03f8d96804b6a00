import Foundation

/// CSV as Excel and LibreOffice open it without questions: UTF-8 with BOM, CRLF, RFC 4180 quoting.
/// Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe.
package enum CSVWriter {
    /// The file; `delimiter` `;` is what Dutch Excel opens into columns with a double click.
    package static func render(header: [String], rows: [[String]], delimiter: Character = ",") -> String {
        "\u{FEFF}"
            + ([header] + rows).map { $0.map { cell($0, delimiter) }.joined(separator: String(delimiter)) }
            .joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ raw: String, _ delimiter: Character = ",") -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        // By scalars: "\r\n" is one Character in Swift, equal to neither "\r" nor "\n".
        let separator = delimiter.unicodeScalars.first!
        guard s.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
