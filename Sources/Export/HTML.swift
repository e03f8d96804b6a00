/// The report's small HTML vocabulary: rows, cells and marked-up words, so report code reads as structure
/// rather than as long strings. Arguments are markup; wrap user text in `HTML.text` to escape it.
enum HTML {
    /// `s` with `&`, `<`, `>` and `"` escaped, safe as element content and attribute value.
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A table row of data cells.
    static func row(_ cells: [String]) -> String { "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>" }

    /// A table row of header cells.
    static func header(_ titles: [String]) -> String {
        "<tr>" + titles.map { "<th>\($0)</th>" }.joined() + "</tr>"
    }

    /// An opening `<table>` with its header row in `<thead>`, which print repeats on every page.
    static func table(_ titles: [String], class name: String? = nil) -> String {
        "<table" + (name.map { " class=\"\($0)\"" } ?? "") + "><thead>" + header(titles) + "</thead>"
    }

    /// `content` in a `<span>` of class `name`.
    static func span(_ name: String, _ content: String) -> String { "<span class=\"\(name)\">\(content)</span>" }

    /// Good news, in green.
    static func ok(_ content: String) -> String { span("ok", content) }

    /// Something short of the best, in amber.
    static func gap(_ content: String) -> String { span("gap", content) }

    /// A section heading with its anchor and one paragraph of introduction; `newPage` starts it on a new sheet
    /// when printed.
    static func section(_ id: String, _ title: String, newPage: Bool = false, intro: String) -> String {
        "<h2 id=\"\(id)\"\(newPage ? " class=\"page\"" : "")>\(title)</h2><p>\(intro)</p>"
    }

    /// Something wrong, in red.
    static func bad(_ content: String) -> String { span("bad", content) }
}
