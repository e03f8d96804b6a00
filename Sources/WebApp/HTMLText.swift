/// Text put into a page: every character that could start markup is escaped, in text and in attributes alike.
func esc(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// The language a page is read in: Dutch unless the reader switched to English.
struct Lang: Sendable {
    let english: Bool
    /// The Dutch text, or the English one.
    func t(_ nl: String, _ en: String) -> String { english ? en : nl }
    var code: String { english ? "en" : "nl" }
}
