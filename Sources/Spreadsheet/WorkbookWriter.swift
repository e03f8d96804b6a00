import Foundation
import ZIPFoundation

/// A workbook to write: sheets of a header row and data rows, opened by Excel and LibreOffice with the header
/// frozen, a filter on it and columns sized to their contents — no import dialog, no encoding question.
public struct Workbook: Sendable {
    /// One cell's value.
    public enum Cell: Sendable, Equatable {
        /// Text, shown as written (never run as a formula).
        case text(String)
        /// A whole number.
        case number(Int)
        /// A number with at most two decimals, given in hundredths (450 is 4.5), so its text is exact.
        case hundredths(Int)
        /// A calendar day, stored as a date so it sorts and filters as one and shows in the reader's locale.
        case date(year: Int, month: Int, day: Int)
        /// Nothing.
        case empty
    }

    /// One sheet: its tab name, the header row and the rows below it.
    public struct Sheet: Sendable {
        /// The tab's name (at most 31 characters, none of `[]:*?/\`; longer or odd names are cleaned).
        public var name: String
        /// Column headers, in bold on a shaded frozen row.
        public var header: [String]
        /// Data rows; a row may be shorter than the header.
        public var rows: [[Cell]]

        /// A sheet named `name` with `header` over `rows`.
        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// `n` hundredths as a decimal without trailing zeros: 450 → "4.5", 400 → "4", -5 → "-0.05".
    public static func decimal(_ n: Int) -> String {
        let sign = n < 0 ? "-" : "", a = abs(n)
        let fraction = a % 100
        guard fraction != 0 else { return sign + String(a / 100) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + "\(a / 100).\(digits)"
    }

    /// The sheets in tab order.
    public var sheets: [Sheet]

    /// A workbook of `sheets`.
    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The .xlsx file. Every part is stored uncompressed with a fixed timestamp, so the same workbook gives
    /// the same bytes on every machine whatever its zlib (deflate output differs between implementations).
    public func data() -> Data {
        let names = Self.sheetNames(sheets.map(\.name))
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(names)), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", Self.styles),
        ]
        for (n, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(n + 1).xml", SheetXML.render(sheet)))
        }
        // In-memory archives only fail when memory does; nothing here depends on input.
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try! archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.timestamp,
                compressionMethod: .none
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return archive.data!
    }

    /// 1980-01-01 00:00 UTC, the earliest time a ZIP header holds.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// Tab names Excel accepts: no `[]:*?/\`, at most 31 characters, unique ignoring case, never empty.
    static func sheetNames(_ raw: [String]) -> [String] {
        var used = Set<String>()
        return raw.enumerated().map { n, name in
            var base = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Sheet\(n + 1)" }
            var candidate = base, k = 2
            while !used.insert(candidate.lowercased()).inserted {
                let suffix = " (\(k))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            return candidate
        }
    }

    private var contentTypes: String {
        let sheetTypes = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return XML.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheetTypes + "</Types>"
    }

    private var rootRelationships: String {
        XML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"xl/workbook.xml\" Type=\""
            + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/>"
            + "</Relationships>"
    }

    private func workbookXML(_ names: [String]) -> String {
        let list = names.enumerated().map {
            "<sheet name=\"\(XML.escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
        }.joined()
        // Printing repeats each sheet's header row on every page.
        let titles = names.enumerated().map {
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\($0)\">'"
                + XML.escape($1.replacingOccurrences(of: "'", with: "''")) + "'!$1:$1</definedName>"
        }.joined()
        return XML.declaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<bookViews><workbookView/></bookViews><sheets>\(list)</sheets>"
            + "<definedNames>\(titles)</definedNames></workbook>"
    }

    private var workbookRelationships: String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let sheetRels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(type)worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return XML.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sheetRels
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(type)styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Style 0 plain, 1 the header (bold, shaded, bottom border), 2 a date in the reader's short date format.
    static let styles =
        XML.declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDE6F0\"/><bgColor indexed=\"64\"/>"
        + "</patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF8093A8\"/></bottom><diagonal/>"
        + "</border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
        + "applyBorder=\"1\"/>"
        + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

/// One worksheet's XML.
enum SheetXML {
    static func render(_ sheet: Workbook.Sheet) -> String {
        let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0, 1)
        let last = CellReference.letters(width) + String(sheet.rows.count + 1)
        var xml =
            XML.declaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:\(last)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for c in 0..<width {
            xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(columnWidth(sheet, c))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += row(1, sheet.header.map { .text($0) }, style: 1)
        for (n, cells) in sheet.rows.enumerated() { xml += row(n + 2, cells, style: 0) }
        xml += "</sheetData><autoFilter ref=\"A1:\(last)\"/>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        // On paper: A4 landscape, all columns on one page wide, as many pages down as needed.
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    /// Characters of the longest cell (dates count as 10), plus room for the filter button; 8 to 60.
    static func columnWidth(_ sheet: Workbook.Sheet, _ c: Int) -> Int {
        var longest = c < sheet.header.count ? sheet.header[c].count + 3 : 0
        for row in sheet.rows where c < row.count {
            switch row[c] {
            case .text(let s): longest = max(longest, s.count)
            case .number(let n): longest = max(longest, String(n).count)
            case .hundredths(let n): longest = max(longest, Workbook.decimal(n).count)
            case .date: longest = max(longest, 10)
            case .empty: break
            }
        }
        return min(max(longest + 2, 8), 60)
    }

    private static func row(_ number: Int, _ cells: [Workbook.Cell], style: Int) -> String {
        var xml = "<row r=\"\(number)\">"
        for (c, cell) in cells.enumerated() {
            let ref = CellReference.letters(c + 1) + String(number)
            let s = style == 0 ? "" : " s=\"\(style)\""
            switch cell {
            case .text(let text):
                xml +=
                    "<c r=\"\(ref)\"\(s) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escape(text))</t></is></c>"
            case .number(let n): xml += "<c r=\"\(ref)\"\(s)><v>\(n)</v></c>"
            case .hundredths(let n): xml += "<c r=\"\(ref)\"\(s)><v>\(Workbook.decimal(n))</v></c>"
            case .date(let y, let m, let d):
                xml += "<c r=\"\(ref)\" s=\"2\"><v>\(ExcelDate.serial(year: y, month: m, day: d))</v></c>"
            case .empty: continue
            }
        }
        return xml + "</row>"
    }
}

/// Text as XML 1.0 allows it.
enum XML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Escapes markup and drops characters XML 1.0 cannot hold (control characters other than tab and breaks).
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let v = u.value
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
