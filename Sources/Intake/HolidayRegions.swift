/// Which Dutch school-holiday region a participant's region falls in.
///
/// Provinces map to one region except Gelderland, Flevoland and Noord-Brabant, which the regulation splits
/// by municipality; the built-in table takes the region that holds most of each province's schools, and
/// `[regions]` in the config overrides it (also for regions that are not provinces, e.g. "Randstad").
package enum HolidayRegions {
    package static let builtIn: [String: HolidayRegion] = [
        "drenthe": .noord, "flevoland": .noord, "fryslan": .noord, "friesland": .noord, "groningen": .noord,
        "noord-holland": .noord, "overijssel": .noord,
        "gelderland": .midden, "utrecht": .midden, "zuid-holland": .midden,
        "limburg": .zuid, "noord-brabant": .zuid, "zeeland": .zuid,
    ]

    /// The holiday region of `region`: the config's `[regions]` entry first, then the province table.
    package static func of(_ region: String, overrides: [String: HolidayRegion]) -> HolidayRegion? {
        let key = Text.key(region)
        if let o = overrides.first(where: { Text.key($0.key) == key }) { return o.value }
        return builtIn[key.replacingOccurrences(of: " ", with: "-")]
    }
}
