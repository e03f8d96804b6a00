import Foundation

/// A strict check of TOML syntax before TOMLKit parses the config. TOMLKit's C++ parser (toml++) asserts on
/// some malformed input (`a = [}` aborts the whole process), so only text this recogniser accepts reaches it.
/// It follows TOML 1.0: comments, `[table]` and `[[array]]` headers, bare, quoted and dotted keys, basic and
/// literal strings (one- and multi-line), integers (decimal, hex, octal, binary), floats, booleans, dates and
/// times, arrays over several lines and inline tables. It checks syntax only; TOMLKit still builds the tables.
struct TOMLSyntax {
    /// The first syntax error: 1-based line and column, and what is wrong.
    struct Problem: Error, Equatable {
        var line: Int, column: Int
        var message: String
    }

    private let s: [Unicode.Scalar]
    private var i = 0
    private var line = 1, lineStart = 0

    /// Nil when `text` is well-formed TOML, else its first syntax error.
    static func check(_ text: String) -> Problem? {
        var parser = TOMLSyntax(s: Array(text.unicodeScalars))
        do {
            try parser.document()
            return nil
        } catch {
            return error
        }
    }

    private init(s: [Unicode.Scalar]) { self.s = s }

    private var current: Unicode.Scalar? { i < s.count ? s[i] : nil }
    private func peek(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    private func fail(_ message: String) -> Problem { Problem(line: line, column: i - lineStart + 1, message: message) }

    private mutating func advance() {
        if s[i] == "\n" {
            line += 1
            lineStart = i + 1
        }
        i += 1
    }

    private mutating func expect(_ c: Unicode.Scalar, _ what: String) throws(Problem) {
        guard current == c else { throw fail("expected \(what)") }
        advance()
    }

    // MARK: Structure

    private mutating func document() throws(Problem) {
        while current != nil {
            skipBlanks()
            guard let c = current else { return }
            if c == "\n" || c == "\r" {
                try newline()
            } else if c == "#" {
                try comment()
            } else if c == "[" {
                try header()
                try endOfLine()
            } else {
                try keyValue()
                try endOfLine()
            }
        }
    }

    private mutating func skipBlanks() {
        while current == " " || current == "\t" { advance() }
    }

    private mutating func newline() throws(Problem) {
        if current == "\r" {
            advance()
            guard current == "\n" else { throw fail("a carriage return must be followed by a line feed") }
        }
        advance()
    }

    private mutating func comment() throws(Problem) {
        advance()
        while let c = current, c != "\n" {
            if c == "\r" && peek(1) == "\n" { return }
            if isControl(c) { throw fail("a comment holds a control character") }
            advance()
        }
    }

    /// Blanks, an optional comment, then the end of the line or file.
    private mutating func endOfLine() throws(Problem) {
        skipBlanks()
        if current == "#" { try comment() }
        guard let c = current else { return }
        guard c == "\n" || c == "\r" else { throw fail("unexpected text after the value; start a new line") }
        try newline()
    }

    private mutating func header() throws(Problem) {
        advance()
        let array = current == "["
        if array { advance() }
        skipBlanks()
        try key()
        skipBlanks()
        try expect("]", "] to close the table name")
        if array { try expect("]", "]] to close the array-of-tables name") }
    }

    private mutating func keyValue() throws(Problem) {
        try key()
        skipBlanks()
        try expect("=", "= after the key")
        skipBlanks()
        try value(depth: 0)
    }

    private mutating func key() throws(Problem) {
        while true {
            try simpleKey()
            skipBlanks()
            guard current == "." else { return }
            advance()
            skipBlanks()
        }
    }

    private mutating func simpleKey() throws(Problem) {
        switch current {
        case "\"": try basicString()
        case "'": try literalString()
        case let c? where isBare(c):
            while let c = current, isBare(c) { advance() }
        default: throw fail("expected a key (letters, digits, _ and -, or a quoted name)")
        }
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(Problem) {
        guard depth < 100 else { throw fail("arrays or tables nested too deeply") }
        guard let c = current else { throw fail("expected a value") }
        switch c {
        case "\"": try peek(1) == "\"" && peek(2) == "\"" ? multiLineString("\"") : basicString()
        case "'": try peek(1) == "'" && peek(2) == "'" ? multiLineString("'") : literalString()
        case "[": try array(depth: depth)
        case "{": try inlineTable(depth: depth)
        case "t", "f": try word(c == "t" ? "true" : "false")
        case "i", "n": try word(c == "i" ? "inf" : "nan")
        case "+", "-", "0"..."9": try numberOrDate()
        default: throw fail("expected a value: a quoted string, a number, a date, true/false, [ ] or { }")
        }
    }

    private mutating func word(_ w: String) throws(Problem) {
        for c in w.unicodeScalars { try expect(c, "\(w)") }
        if let c = current, isBare(c) { throw fail("unexpected letters after \(w)") }
    }

    private mutating func array(depth: Int) throws(Problem) {
        advance()
        while true {
            try arrayGap()
            if current == "]" { return advance() }
            try value(depth: depth + 1)
            try arrayGap()
            if current == "," {
                advance()
                continue
            }
            try expect("]", "a comma or ] in the list")
            return
        }
    }

    /// Blanks, comments and line breaks between array items.
    private mutating func arrayGap() throws(Problem) {
        while let c = current {
            if c == " " || c == "\t" {
                advance()
            } else if c == "\n" || c == "\r" {
                try newline()
            } else if c == "#" {
                try comment()
            } else {
                return
            }
        }
        throw fail("the list is never closed with ]")
    }

    private mutating func inlineTable(depth: Int) throws(Problem) {
        advance()
        skipBlanks()
        if current == "}" { return advance() }
        while true {
            skipBlanks()
            try key()
            skipBlanks()
            try expect("=", "= after the key")
            skipBlanks()
            try value(depth: depth + 1)
            skipBlanks()
            if current == "," {
                advance()
                continue
            }
            try expect("}", "a comma or } in the inline table (which must stay on one line)")
            return
        }
    }

    // MARK: Strings

    private mutating func basicString() throws(Problem) {
        advance()
        while let c = current {
            switch c {
            case "\"": return advance()
            case "\\": try escape()
            case "\n", "\r": throw fail("the string is not closed on its line")
            default:
                if isControl(c) { throw fail("the string holds a control character") }
                advance()
            }
        }
        throw fail("the string is never closed")
    }

    private mutating func literalString() throws(Problem) {
        advance()
        while let c = current {
            if c == "'" { return advance() }
            if c == "\n" || c == "\r" { throw fail("the string is not closed on its line") }
            if isControl(c) { throw fail("the string holds a control character") }
            advance()
        }
        throw fail("the string is never closed")
    }

    private mutating func multiLineString(_ quote: Unicode.Scalar) throws(Problem) {
        for _ in 0..<3 { advance() }
        while let c = current {
            if c == quote && peek(1) == quote && peek(2) == quote {
                for _ in 0..<3 { advance() }
                // Up to two more quotes may end the content.
                for _ in 0..<2 where current == quote { advance() }
                return
            }
            if quote == "\"" && c == "\\" {
                // A line-ending backslash trims the break and the blanks after it.
                var k = 1
                while peek(k) == " " || peek(k) == "\t" { k += 1 }
                if peek(k) == "\n" || peek(k) == "\r" {
                    advance()
                    continue
                }
                try escape()
            } else if c == "\n" || c == "\r" {
                try newline()
            } else if isControl(c) {
                throw fail("the string holds a control character")
            } else {
                advance()
            }
        }
        throw fail("the multi-line string is never closed")
    }

    private mutating func escape() throws(Problem) {
        advance()
        guard let c = current else { throw fail("the string ends inside an escape") }
        switch c {
        case "b", "t", "n", "f", "r", "\"", "\\": advance()
        case "u", "U":
            advance()
            var code: UInt32 = 0
            for _ in 0..<(c == "u" ? 4 : 8) {
                guard let h = current, let d = hexValue(h) else {
                    throw fail("expected hexadecimal digits after \\\(c)")
                }
                code = code * 16 + d
                advance()
            }
            guard Unicode.Scalar(code) != nil else { throw fail("\\\(c) names no Unicode character") }
        default: throw fail("unknown escape \\\(c) (write \\\\ for a backslash)")
        }
    }

    // MARK: Numbers and dates

    /// Integers, floats, dates and times: a run of the characters they are made of, then checked as a whole.
    private mutating func numberOrDate() throws(Problem) {
        let start = i, startColumn = i - lineStart + 1
        while let c = current, isNumeric(c) || (c == " " && isTimeAfterSpace()) { advance() }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        guard Self.isNumber(text) || Self.isDateTime(text) else {
            throw Problem(line: line, column: startColumn, message: "\"\(text)\" is not a number, date or time")
        }
    }

    /// A space between a date and a time (`2027-01-14 13:30:00`).
    private func isTimeAfterSpace() -> Bool {
        guard let d = peek(1), d.properties.numericType != nil, i >= 10 else { return false }
        return s[i - 3] == "-" && peek(3) == ":"
    }

    private func isNumeric(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil))
            || "+-_.:".unicodeScalars.contains(c)
    }

    static func isNumber(_ t: String) -> Bool {
        let pattern =
            #"^[+-]?(0|[1-9](_?[0-9])*)$|^0x[0-9A-Fa-f](_?[0-9A-Fa-f])*$|^0o[0-7](_?[0-7])*$|^0b[01](_?[01])*$"#
        let float = #"^[+-]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?$|^[+-]?(inf|nan)$"#
        return t.range(of: pattern, options: .regularExpression) != nil
            || t.range(of: float, options: .regularExpression) != nil
    }

    static func isDateTime(_ t: String) -> Bool {
        let date = #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#
        let time = #"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"#
        let offset = #"([Zz]|[+-][0-9]{2}:[0-9]{2})"#
        let forms = ["^\(date)$", "^\(time)$", "^\(date)[Tt ]\(time)\(offset)?$"]
        return forms.contains { t.range(of: $0, options: .regularExpression) != nil }
    }

    // MARK: Characters

    private func isBare(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-")
    }

    private func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }
}
