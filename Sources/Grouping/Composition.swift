import Intake

/// Participants who are interchangeable for every objective: same region, level and function.
/// The aggregate model counts people per type instead of naming them, which removes the symmetry
/// that makes the plain assignment model unprovable.
struct Composition: Sendable {
    struct TypeKey: Hashable, Comparable, Sendable {
        var region: Int, level: Int, function: Int
        /// Which cliques of the tie cover the people belong to (index into `signatures`). People of one
        /// type are tied to exactly the same cliques, so the model can count them per clique.
        var signature: Int
        /// For someone wished together with others: their own index, so they are a type of their own and the
        /// model can keep their set in one class; −1 for everyone else.
        var unit = -1
        static func < (a: TypeKey, b: TypeKey) -> Bool {
            (a.region, a.level, a.function, a.signature, a.unit) < (b.region, b.level, b.function, b.signature, b.unit)
        }
    }
    /// A kind of group: the region it is planned for and the level range it admits (indices into `levels`).
    /// `region` is `Composition.mixed` for groups whose largest region has one member: only regions
    /// with two or more participants can be a group's majority, so the others need no class of their own.
    struct GroupClass: Hashable, Sendable {
        var region: Int, low: Int, high: Int
    }
    static let mixed = -1

    let regions: [String]
    let levels: [Int]
    let functions: [String]
    let types: [TypeKey]
    /// Participants of each type, ascending.
    let members: [[Int]]
    let typeOf: [Int]
    let classes: [GroupClass]

    /// The cover cliques (of the tie graph) each signature belongs to.
    let signatures: [[Int]]
    let cliques: [[Int]]
    /// The types of each set of people wished together (`wishes.togetherSets`), one type per member.
    let units: [[Int]]
    /// Odd cycles of ties (`Cliques.oddCycles`) as types, kept when each of their people is a type of its own.
    let cycles: [[Int]]

    /// Types and classes at the detail the objectives need: without `byLevel` every group class admits
    /// all levels; without `byFunction` functions are not told apart. Coarser models solve much faster.
    /// `together`: sets of people wished together, each member a type of its own (see `units`).
    init(
        _ p: [Participant], cliques: [[Int]], byLevel: Bool = true, byFunction: Bool = true, together: [[Int]] = [],
        cycles: [[Int]] = []
    ) {
        self.cliques = cliques
        let inUnit = Set(together.joined())
        var memberOf = [[Int]](repeating: [], count: p.count)
        for (q, clique) in cliques.enumerated() { for i in clique { memberOf[i].append(q) } }
        let sigs = Array(Set(memberOf)).sorted { $0.lexicographicallyPrecedes($1) }
        signatures = sigs
        let sigIndex = Dictionary(uniqueKeysWithValues: sigs.enumerated().map { ($1, $0) })
        let signatureOf = memberOf.map { sigIndex[$0]! }
        regions = Array(Set(p.map(\.region))).sorted()
        levels = byLevel ? Array(Set(p.map(\.level))).sorted() : [0]
        functions = byFunction ? Array(Set(p.map { Text.functionKey($0.function) })).sorted() : [""]
        let r = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1, $0) })
        let l = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        let f = Dictionary(uniqueKeysWithValues: functions.enumerated().map { ($1, $0) })
        let keys = p.map {
            TypeKey(
                region: r[$0.region]!, level: byLevel ? l[$0.level]! : 0,
                function: byFunction ? f[Text.functionKey($0.function)]! : 0, signature: signatureOf[$0.index],
                unit: inUnit.contains($0.index) ? $0.index : -1)
        }
        types = Array(Set(keys)).sorted()
        let t = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        typeOf = keys.map { t[$0]! }
        var m = [[Int]](repeating: [], count: types.count)
        for (i, k) in typeOf.enumerated() { m[k].append(i) }
        members = m
        let typeIndex = typeOf
        units = together.map { $0.map { typeIndex[$0] } }
        let single = m.map { $0.count == 1 }
        self.cycles = cycles.map { $0.map { typeIndex[$0] } }.filter { $0.allSatisfy { single[$0] } }
        var c: [GroupClass] = []
        let perRegion = Dictionary(grouping: p, by: \.region).mapValues(\.count)
        let names = regions
        let homes = names.indices.filter { (perRegion[names[$0]] ?? 0) > 1 }
        for region in homes + [Self.mixed] {
            for low in levels.indices {
                for high in low..<levels.count { c.append(GroupClass(region: region, low: low, high: high)) }
            }
        }
        classes = c
    }

    func regionName(_ c: GroupClass) -> String { c.region == Self.mixed ? "mixed" : regions[c.region] }

    func admits(_ c: GroupClass, _ type: Int) -> Bool { (c.low...c.high).contains(types[type].level) }
    func spread(_ c: GroupClass) -> Int { levels[c.high] - levels[c.low] }
}
