import Foundation
import Spreadsheet

/// A delimited text file as organisers export it from Excel, LibreOffice or a form tool:
/// `,` `;` or tab (detected from the header), UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting.
///
/// Hand-written rather than taken from a CSV package because every message must name the physical
/// line a record starts on, which quoted line breaks make differ from the record number.
struct CSVTable {
    struct Record {
        /// Physical line (1-based) where the record starts.
        var line: Int
        var fields: [String]
    }

    var delimiter: Character
    var header: Record
    var records: [Record]
    /// Control characters found in cells (`ControlCharacters.isRefused`); the cells keep them, callers refuse.
    var refused: [ControlCharacters.Finding] = []
    /// Cells whose line breaks or tabs were joined into one space: (line, column).
    var joined: [(line: Int, column: Int)] = []

    /// Set when the file was not UTF-8 but Windows-1252, the encoding of Dutch Excel's plain "CSV" export.
    var windows1252 = false
    /// The worksheet's name when the table was read from an Excel workbook; `line` is then the row number.
    var sheet: String?

    enum Failure: Error, Equatable {
        /// NUL bytes: not a text file at all.
        case binary
        case notUTF8(line: Int, byte: UInt8)
        case empty
        case unterminatedQuote(line: Int)
    }

    static func parse(_ data: Data) throws(Failure) -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) { throw .binary }
        var windows1252 = false
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if let cp1252 = Self.windows1252(bytes) {
            text = cp1252
            windows1252 = true
        } else {
            throw invalidUTF8(in: bytes)
        }
        let scalars = Array(text.unicodeScalars)
        let delimiter = detectDelimiter(scalars)
        var records = try split(scalars, delimiter: delimiter.unicodeScalars.first!)
        // Spreadsheets pad exports with empty rows (`;;;;`); they carry nothing.
        records.removeAll { $0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = records.first else { throw .empty }
        var table = CSVTable(delimiter: delimiter, header: header, records: Array(records.dropFirst()))
        table.windows1252 = windows1252
        table.clean()
        return table
    }

    /// Joins line breaks inside cells into spaces and notes refused control characters.
    fileprivate mutating func clean() {
        func clean(_ record: inout Record, refused: inout [ControlCharacters.Finding], joined: inout [(Int, Int)]) {
            for (n, field) in record.fields.enumerated() {
                if let bad = field.unicodeScalars.first(where: ControlCharacters.isRefused) {
                    refused.append(.init(line: record.line, column: n + 1, scalar: bad))
                }
                let (text, wasJoined) = ControlCharacters.joiningBreaks(field)
                if wasJoined {
                    record.fields[n] = text
                    joined.append((record.line, n + 1))
                }
            }
        }
        var refused: [ControlCharacters.Finding] = [], joined: [(Int, Int)] = []
        clean(&header, refused: &refused, joined: &joined)
        for r in records.indices { clean(&records[r], refused: &refused, joined: &joined) }
        self.refused = refused
        self.joined = joined.map { (line: $0.0, column: $0.1) }
    }

    /// The text when `bytes` read as Windows-1252: every byte above 0x7F is a letter or sign there except five
    /// that code points never use, so a file holding none of those is taken for Windows-1252.
    static func windows1252(_ bytes: [UInt8]) -> String? {
        guard !bytes.contains(where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) else { return nil }
        return String(data: Data(bytes), encoding: .windowsCP1252)
    }

    static func invalidUTF8(in bytes: [UInt8]) -> Failure {
        var line = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            let valid =
                length > 0 && i + length <= bytes.count
                && bytes[(i + 1)..<(i + length)].allSatisfy { $0 >> 6 == 0b10 }
            if !valid { return .notUTF8(line: line, byte: b) }
            if b == 0x0A { line += 1 }
            i += length
        }
        return .notUTF8(line: line, byte: 0)
    }

    /// The candidate that occurs most often outside quotes in the first line; comma when none does.
    private static func detectDelimiter(_ s: [Unicode.Scalar]) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in s {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "\n" || c == "\r" { break }
            if !quoted, let k = counts[Character(c)] { counts[Character(c)] = k + 1 }
        }
        return [";", "\t", ","].max { counts[$0]! < counts[$1]! } ?? ","
    }

    private static func split(_ s: [Unicode.Scalar], delimiter: Unicode.Scalar) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = [], field = String.UnicodeScalarView()
        var line = 1, recordLine = 1, i = 0
        var quoted = false, quoteLine = 0
        func endField() {
            fields.append(String(field))
            field = .init()
        }
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" || (c == "\r" && !(i + 1 < s.count && s[i + 1] == "\n")) { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.allSatisfy({ $0 == " " }) {
                quoted = true
                quoteLine = line
                field = .init()
            } else if c == delimiter {
                endField()
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if quoted { throw .unterminatedQuote(line: quoteLine) }
        if !fields.isEmpty || !field.isEmpty {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}

extension Int {
    /// Spreadsheet column letters: 1 → A, 27 → AA.
    var columnLetters: String { CellReference.letters(self) }
}

extension CSVTable {
    /// A worksheet as a table: its first row that holds anything is the header; nil for an empty sheet.
    init?(_ sheet: SheetTable) {
        let records = sheet.rows.map { Record(line: $0.number, fields: $0.cells) }.filter {
            !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        guard let header = records.first else { return nil }
        self.init(delimiter: ",", header: header, records: Array(records.dropFirst()))
        self.sheet = sheet.name
        clean()
    }
}
