import Foundation

package enum Text {
    /// The form in which names are compared: trimmed, case and accents folded, inner spaces collapsed.
    /// "Coördinator " and "coordinator" are the same function; "Het Baken" and "het  baken" the same school.
    package static func key(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `key` remembered per text: sign-ups repeat the same school and competitor names thousands of times.
    package struct KeyCache {
        private var memo: [String: String] = [:]
        /// An empty cache.
        package init() {}
        /// `Text.key(s)`, computed once per distinct `s`.
        package mutating func key(_ s: String) -> String {
            if let k = memo[s] { return k }
            let k = Text.key(s)
            memo[s] = k
            return k
        }
    }

    /// A function name with spaces and hyphens removed as well: "adjunct directeur" = "adjunct-directeur".
    package static func functionKey(_ s: String) -> String {
        key(s).filter { $0.isLetter || $0.isNumber }
    }

    /// `s` without leading and trailing white space (by Unicode scalars: Foundation's character sets made this
    /// one of the slowest steps of reading 10,000 sign-ups).
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Levenshtein distance, for "did you mean" hints on short identifiers.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func closest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (best, d) = scored, d <= max(2, word.count / 3) else { return nil }
        return best
    }

    /// The hint for a misspelt identifier, in English and Dutch ("did you mean "school"?"); nil when no candidate is
    /// close enough.
    static func didYouMean(_ word: String, in candidates: [String]) -> (en: String, nl: String)? {
        closest(word, in: candidates).map { ("did you mean \"\($0)\"?", "bedoelt u \"\($0)\"?") }
    }

    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        return !s.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
    }
}
