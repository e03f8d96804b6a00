/// Managerial layer by function, for rows whose level column is empty.
package enum Levels {
    /// Levels run from 1 to 20: real programmes use 1–4 (team leader … board), and the grouping models grow
    /// with the cube of the number of distinct levels (measured: 40 levels 0.4 GB, 80 levels 1.4 GB).
    package static let range = 1...20

    /// Dutch secondary-education (VO) defaults, plus the English names a form may use.
    package static let builtIn: [String: Int] = [
        "teamleider": 1, "afdelingsleider": 1, "coördinator": 1, "coordinator": 1,
        "team leader": 1, "department head": 1,
        "conrector": 2, "locatiedirecteur": 2, "deelschoolleider": 2, "adjunct-directeur": 2,
        "location director": 2, "deputy head": 2,
        "directeur": 3, "rector": 3, "director": 3, "principal": 3,
        "rector-bestuurder": 4, "bestuurder": 4, "board member": 4,
    ]

    /// Built-in table with the config's `[levels]` on top, keyed by `Text.functionKey`.
    package static func table(overrides: [String: Int]) -> [String: Int] {
        var t: [String: Int] = [:]
        // Sorted: two spellings of one function ("Team leider", "teamleider") must not let a Dictionary's
        // per-process order decide which level wins.
        for f in builtIn.keys.sorted() { t[Text.functionKey(f)] = builtIn[f] }
        for f in overrides.keys.sorted() { t[Text.functionKey(f)] = overrides[f] }
        return t
    }
}
