import Foundation
import SWXMLHash
import ZIPFoundation

/// One worksheet's cells as text, the way a CSV export would show them: shared and inline strings as
/// written, whole numbers without a decimal point, cells formatted as dates as `YYYY-MM-DD`.
public struct SheetTable: Sendable, Equatable {
    /// One row as stored: its row number in the sheet and its cells from column A, gaps filled with "".
    public struct Row: Sendable, Equatable {
        /// The row number Excel shows (1-based).
        public var number: Int
        /// Cell texts from column A; a missing cell is "".
        public var cells: [String]
    }

    /// The sheet's name as the workbook lists it.
    public var name: String
    /// Every sheet in the workbook, in tab order (to name them when a requested sheet is missing).
    public var sheetNames: [String]
    /// The rows that hold at least one cell, in sheet order.
    public var rows: [Row]
}

/// Why a file could not be read as a workbook.
public enum WorkbookFailure: Error, Equatable, Sendable {
    /// A compound document: an Excel 97–2003 workbook (.xls) or a password-protected .xlsx.
    case legacyOrEncrypted
    /// Not a ZIP archive, or one without the parts every .xlsx has (e.g. an .ods or .docx).
    case notAWorkbook(String)
    /// A part larger than `WorkbookReader.maximumPartSize` when unpacked.
    case tooLarge(part: String)
    /// The requested sheet does not exist.
    case noSuchSheet(String, available: [String])
}

/// Reads the cells of one sheet of an Office Open XML workbook (.xlsx) with ZIPFoundation and SWXMLHash.
public enum WorkbookReader {
    /// No part of a sign-up workbook comes near this when unpacked; a larger one is refused before it fills memory.
    public static let maximumPartSize = 64 << 20

    /// True for data that starts like a ZIP archive (every .xlsx) or a compound document (.xls).
    public static func looksLikeWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: compoundDocument)
    }

    static let compoundDocument: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The named sheet (exact name first, then ignoring case), or the first one when `sheet` is nil.
    public static func read(_ data: Data, sheet: String? = nil) throws(WorkbookFailure) -> SheetTable {
        if data.starts(with: compoundDocument) { throw .legacyOrEncrypted }
        guard let archive = openArchive(data) else { throw .notAWorkbook("the ZIP archive is damaged or cut off") }
        let parts = Parts(archive: archive, bytes: data)
        guard let workbookXML = try parts.data("xl/workbook.xml") else {
            throw .notAWorkbook("it has no xl/workbook.xml (an OpenDocument or Word file?)")
        }
        let workbook = parse(workbookXML)
        let sheets = workbook["workbook"]["sheets"]["sheet"].all.compactMap { s -> (name: String, rel: String)? in
            guard let e = s.element, let name = e.attribute(by: "name")?.text else { return nil }
            let rel = e.allAttributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value.text ?? ""
            return (name, rel)
        }
        let names = sheets.map(\.name)
        guard let first = sheets.first else { throw .notAWorkbook("it lists no sheets") }
        var chosen = first
        if let sheet {
            guard
                let match = sheets.first(where: { $0.name == sheet })
                    ?? sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
            else { throw .noSuchSheet(sheet, available: names) }
            chosen = match
        }
        let date1904 = ["1", "true"].contains(
            workbook["workbook"]["workbookPr"].element?.attribute(by: "date1904")?.text)
        let path = try sheetPath(parts, relation: chosen.rel, position: sheets.firstIndex { $0 == chosen }! + 1)
        guard let sheetXML = try parts.data(path) else { throw .notAWorkbook("the sheet's part \(path) is missing") }
        let strings = try parts.data("xl/sharedStrings.xml").map(sharedStrings) ?? []
        let dateStyles = try parts.data("xl/styles.xml").map(Self.dateStyles) ?? []
        let cells = CellDecoder(strings: strings, dateStyles: dateStyles, date1904: date1904)
        return SheetTable(name: chosen.name, sheetNames: names, rows: rows(parse(sheetXML), cells))
    }

    /// The archive, read from a private temporary file that is unlinked as soon as it is open: ZIPFoundation's
    /// in-memory reader traps when a damaged header points past the end (found by `make fuzz`), its file reader
    /// does not. The bytes never outlive this call on disk and never leave the machine.
    private static func openArchive(_ data: Data) -> Archive? {
        var template = Array((NSTemporaryDirectory() + "/intervision-workbook-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return nil }
        let path = String(cString: template)
        defer { unlink(path) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == data.count else { return nil }
        return try? Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    }

    private static func parse(_ data: Data) -> XMLIndexer {
        XMLHash.config { $0.shouldProcessNamespaces = true }.parse(data)
    }

    /// The worksheet part a sheet's relationship points to; `xl/worksheets/sheetN.xml` when there are no rels.
    private static func sheetPath(_ parts: Parts, relation: String, position: Int) throws(WorkbookFailure) -> String {
        let fallback = "xl/worksheets/sheet\(position).xml"
        guard let rels = try parts.data("xl/_rels/workbook.xml.rels") else { return fallback }
        let target = parse(rels)["Relationships"]["Relationship"].all.first {
            $0.element?.attribute(by: "Id")?.text == relation
        }?.element?.attribute(by: "Target")?.text
        guard let target else { return fallback }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// Shared strings in order; rich text runs joined, phonetic guides (`rPh`) left out.
    private static func sharedStrings(_ data: Data) -> [String] {
        parse(data)["sst"]["si"].all.map { si in
            if let t = si["t"].element { return t.text }
            return si["r"].all.map { $0["t"].element?.text ?? "" }.joined()
        }
    }

    /// Indexes into `cellXfs` whose number format shows a date.
    private static func dateStyles(_ data: Data) -> Set<Int> {
        let styles = parse(data)["styleSheet"]
        var custom: [Int: String] = [:]
        for f in styles["numFmts"]["numFmt"].all {
            guard let e = f.element, let id = e.attribute(by: "numFmtId").flatMap({ Int($0.text) }) else { continue }
            custom[id] = e.attribute(by: "formatCode")?.text ?? ""
        }
        var dates = Set<Int>()
        for (index, xf) in styles["cellXfs"]["xf"].all.enumerated() {
            guard let id = xf.element?.attribute(by: "numFmtId").flatMap({ Int($0.text) }) else { continue }
            if builtInDateFormats.contains(id) || custom[id].map(isDateFormat) == true { dates.insert(index) }
        }
        return dates
    }

    /// Excel's built-in date and date-time formats (ECMA-376 part 1, 18.8.30), with the East Asian ones.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A custom format shows a date when it holds d or y, or m without h or s (then m means minutes), outside
    /// quoted text, escapes and `[...]` sections (`[h]:mm` is a duration, `[Red]` a colour).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        var letters = Set<Character>()
        for c in code.lowercased() {
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
            } else if quoted {
                continue
            } else if c == "[" {
                bracket = true
            } else if c == "]" {
                bracket = false
            } else if !bracket {
                letters.insert(c)
            }
        }
        return letters.contains("d") || letters.contains("y")
            || (letters.contains("m") && !letters.contains("h") && !letters.contains("s"))
    }

    private static func rows(_ sheet: XMLIndexer, _ cells: CellDecoder) -> [SheetTable.Row] {
        var rows: [SheetTable.Row] = []
        var previous = 0
        for row in sheet["worksheet"]["sheetData"]["row"].all {
            let number = row.element?.attribute(by: "r").flatMap { Int($0.text) } ?? previous + 1
            previous = number
            var texts: [String] = []
            for c in row["c"].all {
                guard let e = c.element else { continue }
                let column = e.attribute(by: "r").flatMap { CellReference.column(of: $0.text) } ?? texts.count + 1
                // A sheet cannot be wider than XFD; a broken file claiming so must not allocate millions of cells.
                guard column <= 16_384 else { continue }
                let text = cells.text(c, e)
                if text.isEmpty { continue }
                if texts.count < column { texts += Array(repeating: "", count: column - texts.count) }
                texts[column - 1] = text
            }
            if !texts.isEmpty { rows.append(.init(number: number, cells: texts)) }
        }
        return rows
    }
}

/// Turns one `<c>` element into the text a CSV export of it would hold.
struct CellDecoder {
    let strings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool

    func text(_ c: XMLIndexer, _ e: SWXMLHash.XMLElement) -> String {
        let value = c["v"].element?.text ?? ""
        switch e.attribute(by: "t")?.text ?? "n" {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr":
            if let t = c["is"]["t"].element { return t.text }
            return c["is"]["r"].all.map { $0["t"].element?.text ?? "" }.joined()
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "d": return String(value.prefix(10))
        case "str", "e": return value
        default: return number(value, style: e.attribute(by: "s").flatMap { Int($0.text) })
        }
    }

    private func number(_ value: String, style: Int?) -> String {
        guard let x = Double(value) else { return value }
        if let style, dateStyles.contains(style), let d = ExcelDate.day(serial: x, date1904: date1904) {
            return String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
        }
        // Excel stores 12 as "12" but a computed 12 may come as "12.000000000000002"; both read as 12.
        let rounded = (x * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return value
    }
}

/// Reads archive members: ZIPFoundation finds them in the central directory; their bytes are taken from the
/// data by the local header and unpacked by `Inflate`, bounded, and checked against the stored CRC-32.
private struct Parts {
    let archive: Archive
    let bytes: Data

    func data(_ path: String) throws(WorkbookFailure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(WorkbookReader.maximumPartSize) else { throw .tooLarge(part: path) }
        guard let raw = compressedBytes(of: entry) else {
            throw .notAWorkbook("its part \(path) lies outside the file")
        }
        let data: Data
        if entry.isCompressed {
            do {
                data = try Inflate.unpack(raw, limit: WorkbookReader.maximumPartSize)
            } catch .tooLarge {
                throw .tooLarge(part: path)
            } catch {
                throw .notAWorkbook("its part \(path) cannot be unpacked")
            }
        } else {
            data = raw
        }
        guard data.crc32(checksum: 0) == entry.checksum else {
            throw .notAWorkbook("its part \(path) is damaged (checksum)")
        }
        // Every part Excel writes is UTF-8. FoundationXML's parser traps on invalid UTF-8 in a tag (found by
        // `make fuzz`), so such a part is refused before it reaches the parser.
        guard String(validating: data, as: UTF8.self) != nil else {
            throw .notAWorkbook("its part \(path) is not UTF-8 XML")
        }
        return data
    }

    /// The entry's stored bytes: after the first local header (`PK\u{3}\u{4}`) that names the entry, as long as the
    /// central directory says, when that fits in the file.
    private func compressedBytes(of entry: Entry) -> Data? {
        let name = Array(entry.path.utf8)
        let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let b = [UInt8](bytes)
        var i = 0
        while i + 30 + name.count <= b.count {
            if b[i] == 0x50, Array(b[i..<i + 4]) == signature {
                let nameLength = Int(b[i + 26]) | Int(b[i + 27]) << 8
                let extraLength = Int(b[i + 28]) | Int(b[i + 29]) << 8
                if nameLength == name.count, Array(b[(i + 30)..<(i + 30 + nameLength)]) == name {
                    let start = i + 30 + nameLength + extraLength
                    guard entry.compressedSize <= UInt64(b.count), start + Int(entry.compressedSize) <= b.count
                    else { return nil }
                    return Data(b[start..<(start + Int(entry.compressedSize))])
                }
            }
            i += 1
        }
        return nil
    }
}
