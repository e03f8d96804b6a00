/// Characters that have no place in a name, school or any other cell: they break CSV rows and calendar lines,
/// move a terminal's cursor, or reorder text (bidirectional overrides, the "Trojan source" trick). Line breaks
/// and tabs inside a cell are ordinary in spreadsheet exports (Alt+Enter) and become one space; every other
/// control character is refused with its place in the file.
enum ControlCharacters {
    /// A refused character: where it is and which it is.
    struct Finding: Equatable {
        var line: Int, column: Int
        var scalar: Unicode.Scalar
    }

    /// Tab, line feed, carriage return and the Unicode line and paragraph separators.
    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == "\n" || c == "\r" || c.value == 0x2028 || c.value == 0x2029
    }

    /// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks.
    static func isRefused(_ c: Unicode.Scalar) -> Bool {
        guard !isBreak(c) else { return false }
        return c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0x202A...0x202E).contains(c.value)
            || (0x2066...0x2069).contains(c.value)
    }

    /// `field` with every run of breaks replaced by one space, and whether anything was replaced.
    static func joiningBreaks(_ field: String) -> (text: String, joined: Bool) {
        guard field.unicodeScalars.contains(where: isBreak) else { return (field, false) }
        var out = String.UnicodeScalarView()
        var previousWasBreak = false
        for c in field.unicodeScalars {
            if isBreak(c) {
                if !previousWasBreak { out.append(" ") }
                previousWasBreak = true
            } else {
                out.append(c)
                previousWasBreak = false
            }
        }
        return (String(out), true)
    }

    /// How a refused character is named in a message: `U+001B (ESC)`.
    static func name(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x1B: "ESC", 0x7F: "DEL", 0x202E: "right-to-left override",
            0x202D: "left-to-right override",
        ]
        return code + (names[c.value].map { " (\($0))" } ?? "")
    }
}
