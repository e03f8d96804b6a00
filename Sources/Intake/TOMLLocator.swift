/// Finds the line and column of a key in TOML source text. TOMLKit reports positions only for
/// syntax errors; a value that parses but is out of range still deserves a precise location.
struct TOMLLocator {
    private var positions: [String: (line: Int, column: Int)] = [:]
    private var tables: [String: Int] = [:]

    init(_ source: String) {
        var table = ""
        for (n, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            let indent = raw.count - line.count
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                table = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: "\"", with: "")
                if tables[table] == nil { tables[table] = n + 1 }
                continue
            }
            guard let eq = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            let path = table.isEmpty ? key : "\(table).\(key)"
            if positions[path] == nil { positions[path] = (n + 1, indent + 1) }
        }
    }

    /// `path` is `table.key`; falls back to the table header, then to nothing.
    func locate(_ path: String) -> (line: Int?, column: Int?) {
        if let p = positions[path] { return (p.line, p.column) }
        if let l = tables[path] { return (l, 1) }
        let table = path.split(separator: ".").dropLast().joined(separator: ".")
        if let l = tables[table] { return (l, 1) }
        return (nil, nil)
    }
}
