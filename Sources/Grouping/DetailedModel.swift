import GLPK
import Intake

/// Named people in group slots: x[i, s] = 1 when participant i joins slot s. Only pairs the aggregate
/// plan allows get a variable, identical slots are ordered (a person of rank k among those allowed in a
/// class may only use its first k+1 slots), and ties are clique rows per slot.
struct DetailedModel {
    enum Mode {
        /// Every type fills each class with exactly the aggregate flow: region and level outcomes are then
        /// those of the aggregate model, and only variety is left to optimise. With `slack`, people may stay
        /// unplaced at a cost above any variety gain (ties the aggregate could not see); `LocalRepair` places them.
        case exactFlows([[Int]], slack: Bool = false)
        /// People may also use any slot of their own region's classes (or every slot); all objectives are
        /// optimised with lexicographic weights.
        case weighted(flow: [[Int]], everywhere: Bool)
    }

    let people: [Int]
    /// Each person's position in `people`, by participant index.
    let position: [Int: Int]
    let slots: [Int]
    let slotClass: [Int]
    var model = Model(name: "detailed")
    /// x[person position][slot position], nil where not allowed.
    var x: [[Variable?]] = []
    var distinctVars: [(d: Variable, of: [Variable])] = []
    /// Per slot and level: a flag that may be 1 only when someone of that level is in the slot.
    private var presence: [(u: Variable, of: [Variable])] = []
    /// Per slot: its spread and the level flags it is bounded by.
    private var spreadVars: [(s: Variable, levels: [(level: Double, u: Variable)])] = []
    /// Where exact flows leave the spread open: spread and variety ranked as in `priorities`, and the largest value
    /// that can take (`arrangeForSpread`).
    private var arranged: (objective: LinearExpression, ceiling: Double)?
    let maxSize: Int, minSize: Int
    /// For the greedy pass, which packs the people itself.
    let programme: Programme
    /// People may stay unplaced (see `Mode.exactFlows`).
    private(set) var slack = false

    init(
        _ programme: Programme, _ c: Composition, people: [Int], slots: [Int], slotClass: [Int],
        mode: Mode, priorities: [Objective], keepUnits: Bool = true
    ) {
        self.people = people
        position = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1, $0) })
        self.slots = slots
        self.slotClass = slotClass
        maxSize = programme.config.groups.maxSize
        minSize = programme.config.groups.minSize
        self.programme = programme
        if case .exactFlows(_, true) = mode { slack = true }
        let classesHere = Array(Set(slots.map { slotClass[$0] })).sorted()
        addAssignment(allowed: people.map { Self.allowedClasses($0, c, mode, classesHere) }, classesHere)
        addMembershipAndSizeRows()
        addTieRows(c)
        if keepUnits { addUnitRows(c) }
        let variety = addVarietyCounters(c)
        switch mode {
        case .exactFlows(let flow, _):
            addFlowRows(c, flow, classesHere)
            // Flows of a model that does not tell levels apart leave the spread to the placement (`arrangeForSpread`):
            // ranked as in `priorities`, the spread then goes before variety (as it would in the aggregate stages).
            if Self.leavesSpread(c, priorities) {
                let levelFirst = priorities.firstIndex(of: .level)! < priorities.firstIndex(of: .variety) ?? .max
                let p = programme.participants
                let levels = Array(Set(people.map { p[$0].level })).sorted()
                let spread = spread(levels: levels, levelOf: { p[people[$0]].level })
                let spreadCeiling = Double(slots.count * ((levels.last ?? 0) - (levels.first ?? 0)))
                let (first, second) = levelFirst ? (spread, variety) : (variety, spread)
                let (top, below) =
                    levelFirst ? (spreadCeiling, Double(people.count)) : (Double(people.count), spreadCeiling)
                arranged = ((below + 1) * first + second, top * (below + 1) + below)
            }
            minimiseVariety(variety, ceiling: Double(people.count))
        case .weighted:
            minimiseWeighted(c, priorities, variety)
        }
    }

    /// The classes whose slots person `i` may join.
    private static func allowedClasses(_ i: Int, _ c: Composition, _ mode: Mode, _ classesHere: [Int]) -> Set<Int> {
        let t = c.typeOf[i]
        switch mode {
        case .exactFlows(let flow, _): return Set(classesHere.filter { flow[t][$0] > 0 })
        case .weighted(let flow, let everywhere):
            return Set(
                classesHere.filter { cl in
                    everywhere || c.classes[cl].region == c.types[t].region
                        || c.classes[cl].region == Composition.mixed || flow[t][cl] > 0
                })
        }
    }

    /// x[i, s] for the allowed pairs. Slots of one class are interchangeable, so the k-th person allowed in a
    /// class may only use the class's first k+1 slots: every plan keeps one representative, and the search
    /// no longer explores its permutations.
    private mutating func addAssignment(allowed: [Set<Int>], _ classesHere: [Int]) {
        var rank: [Int: [Int: Int]] = [:]
        for cl in classesHere {
            var k = 0
            for pos in people.indices where allowed[pos].contains(cl) {
                rank[cl, default: [:]][pos] = k
                k += 1
            }
        }
        var slotIndexInClass: [Int] = []
        var seen: [Int: Int] = [:]
        for s in slots {
            slotIndexInClass.append(seen[slotClass[s], default: 0])
            seen[slotClass[s], default: 0] += 1
        }
        x = people.enumerated().map { pos, i in
            slots.enumerated().map { sp, s in
                let cl = slotClass[s]
                guard allowed[pos].contains(cl), slotIndexInClass[sp] <= rank[cl]![pos]! else { return nil }
                return model.addVariable("x\(i)_\(s)", kind: .binary)
            }
        }
    }

    /// Everyone in one slot (at most one with slack); every slot within the size range.
    private mutating func addMembershipAndSizeRows() {
        for (pos, i) in people.enumerated() {
            model.add(.sum(x[pos].compactMap { $0 }), slack ? .lessOrEqual : .equal, 1, name: "one\(i)")
        }
        for sp in slots.indices {
            let s = LinearExpression.sum(people.indices.compactMap { x[$0][sp] })
            model.add(s, .greaterOrEqual, Double(minSize), name: "min\(slots[sp])")
            model.add(s, .lessOrEqual, Double(maxSize), name: "max\(slots[sp])")
        }
    }

    /// At most one member of each cover clique per slot.
    private mutating func addTieRows(_ c: Composition) {
        for q in c.cliques {
            let inside = q.compactMap { position[$0] }
            guard inside.count > 1 else { continue }
            for sp in slots.indices {
                let vars = inside.compactMap { x[$0][sp] }
                if vars.count > 1 { model.add(.sum(vars), .lessOrEqual, 1) }
            }
        }
    }

    /// People wished together share their slot: where one of them may not go, none of them goes.
    private mutating func addUnitRows(_ c: Composition) {
        for unit in c.units {
            let here = unit.flatMap { c.members[$0] }.compactMap { position[$0] }
            guard here.count > 1 else { continue }
            for sp in slots.indices { model.addAllEqual(here.map { x[$0][sp] }) }
        }
    }

    /// A counter per slot and function that may be 1 only when someone of that function is in the slot;
    /// returns the variety metric (people − distinct functions). Functions come from the people, not the
    /// composition: a coarser one (without functions) still gets groups arranged for variety.
    private mutating func addVarietyCounters(_ c: Composition) -> LinearExpression {
        var distinct = LinearExpression()
        let p = programme.participants
        let function = Dictionary(uniqueKeysWithValues: people.map { ($0, Text.functionKey(p[$0].function)) })
        let index = Dictionary(
            uniqueKeysWithValues: Set(function.values).sorted().enumerated().map { ($1, $0) })
        for sp in slots.indices {
            var byFunction: [Int: [Variable]] = [:]
            for (pos, i) in people.enumerated() {
                if let v = x[pos][sp] { byFunction[index[function[i]!]!, default: []].append(v) }
            }
            for f in byFunction.keys.sorted() {
                let d = model.addVariable("d\(f)_\(slots[sp])", kind: .binary)
                model.add(d - .sum(byFunction[f]!), .lessOrEqual, 0)
                distinctVars.append((d, byFunction[f]!))
                distinct = distinct + d
            }
        }
        return LinearExpression(constant: Double(people.count)) - distinct
    }

    /// Every type fills each class with exactly (with slack: at most) its aggregate flow.
    private mutating func addFlowRows(_ c: Composition, _ flow: [[Int]], _ classesHere: [Int]) {
        for t in Set(people.map { c.typeOf[$0] }).sorted() {
            for cl in classesHere where flow[t][cl] > 0 {
                let vars = people.indices.filter { c.typeOf[people[$0]] == t }.flatMap { pos in
                    slots.indices.filter { slotClass[slots[$0]] == cl }.compactMap { x[pos][$0] }
                }
                model.add(.sum(vars), slack ? .lessOrEqual : .equal, Double(flow[t][cl]), name: "flow\(t)_\(cl)")
            }
        }
    }

    /// Switches the objective from variety alone to spread and variety (see `arranged`); false when the flows fix the
    /// spread. The rows stay: one model serves both solves.
    mutating func arrangeForSpread() -> Bool {
        guard let (objective, ceiling) = arranged else { return false }
        minimiseVariety(objective, ceiling: ceiling)
        return true
    }

    /// Exact flows fix region (and level, when the flows tell levels apart): `objective` is what is left, at most
    /// `ceiling`, after placing everyone who can be placed.
    private mutating func minimiseVariety(_ objective: LinearExpression, ceiling: Double) {
        guard slack else { return model.minimize(objective) }
        let placed = LinearExpression.sum(x.flatMap { $0.compactMap { $0 } })
        model.minimize((ceiling + 1) * (LinearExpression(constant: Double(people.count)) - placed) + objective)
    }

    /// All objectives, weighted so that each outweighs everything after it in `priorities`.
    private mutating func minimiseWeighted(_ c: Composition, _ priorities: [Objective], _ variety: LinearExpression) {
        let people = self.people
        let metric: [Objective: LinearExpression] = [
            .variety: variety, .region: away(c),
            .level: spread(levels: c.levels, levelOf: { c.levels[c.types[c.typeOf[people[$0]]].level] }),
        ]
        let ceiling: [Objective: Double] = [
            .region: Double(people.count), .variety: Double(people.count),
            .level: Double(slots.count * ((c.levels.last ?? 0) - (c.levels.first ?? 0))),
        ]
        var objective = LinearExpression(), weight = 1.0
        for o in priorities.reversed() {
            objective = objective + weight * metric[o]!
            weight *= ceiling[o]! + 1
        }
        model.minimize(objective)
    }

    /// Σ over slots of (size − members of the slot's planned region); a mixed slot counts everyone but one.
    private func away(_ c: Composition) -> LinearExpression {
        var away = LinearExpression(constant: Double(people.count))
        for sp in slots.indices {
            let home = c.classes[slotClass[slots[sp]]].region
            if home == Composition.mixed {
                away = away + (-1.0)
            } else {
                let inRegion = people.indices.filter { c.types[c.typeOf[people[$0]]].region == home }
                away = away - .sum(inRegion.compactMap { x[$0][sp] })
            }
        }
        return away
    }

    /// Σ over slots of a variable at least (max level − min level) of the slot, through per-level presence flags.
    /// `levels`: the levels there are, ascending; `levelOf(position)`: the level of the person at that position.
    private mutating func spread(levels: [Int], levelOf: (Int) -> Int) -> LinearExpression {
        var spread = LinearExpression()
        for sp in slots.indices {
            var present: [Int: Variable] = [:]
            for l in levels.indices {
                let vars = people.indices.filter { levelOf($0) == levels[l] }.compactMap { x[$0][sp] }
                guard !vars.isEmpty else { continue }
                let u = model.addVariable("u\(l)_\(slots[sp])", kind: .binary)
                for v in vars { model.add(v - u, .lessOrEqual, 0) }
                present[l] = u
                presence.append((u, vars))
            }
            let s = model.addVariable("spread\(slots[sp])", lowerBound: 0)
            spreadVars.append((s, present.keys.sorted().map { (Double(levels[$0]), present[$0]!) }))
            // Sorted: the rows' order reaches GLPK, and a Dictionary's order changes with every process.
            for l in present.keys.sorted() {
                for l2 in present.keys.sorted() where l2 < l {
                    let step = Double(levels[l] - levels[l2])
                    model.add(
                        LinearExpression([(s, 1), (present[l]!, -step), (present[l2]!, -step)]), .greaterOrEqual, -step)
                }
            }
            spread = spread + s
        }
        return spread
    }

    /// A first plan by hand for the exact-flow model, whose feasible points GLPK's own heuristics rarely
    /// find: whoever has fewest groups left open first (DSatur), each into the smallest group holding
    /// nobody they are tied to; the groups are then numbered by their earliest member, which satisfies the slot
    /// ordering.
    /// nil when the greedy pass gets stuck (or the slots are not interchangeable); GLPK then starts cold.
    func greedyStart() -> [Double]? {
        guard let bins = greedyBins(), bins.allSatisfy({ $0.count >= minSize }) else { return nil }
        return start(bins)
    }

    /// Whether flows of `c` leave the spread open: its classes do not tell levels apart while `priorities` rank it.
    static func leavesSpread(_ c: Composition, _ priorities: [Objective]) -> Bool {
        c.levels.count == 1 && priorities.contains(.level)
    }

    /// A start from another model's groups of the same people and slots (members per slot, as `groups` gives them).
    func start(groups: [[Int]]) -> [Double]? {
        let bins = groups.map { $0.compactMap { position[$0] } }
        guard bins.allSatisfy({ !$0.isEmpty }) else { return nil }
        return start(bins.sorted { $0.min()! < $1.min()! })
    }

    /// The full start vector for person positions per slot position, numbered by earliest member; nil when it
    /// breaks a row.
    private func start(_ bins: [[Int]]) -> [Double]? {
        var x0 = [Double](repeating: 0, count: model.variableCount)
        for (sp, bin) in bins.enumerated() {
            for pos in bin {
                guard let v = x[pos][sp] else { return nil }
                x0[v.index] = 1
            }
        }
        for (d, of) in distinctVars { x0[d.index] = of.contains { x0[$0.index] > 0.5 } ? 1 : 0 }
        for (u, of) in presence { x0[u.index] = of.contains { x0[$0.index] > 0.5 } ? 1 : 0 }
        for (s, levels) in spreadVars {
            let here = levels.filter { x0[$0.u.index] > 0.5 }.map(\.level)
            x0[s.index] = (here.max() ?? 0) - (here.min() ?? 0)
        }
        return model.violation(of: x0) == nil ? x0 : nil
    }

    /// The greedy pass itself, finished by ejection chains: person positions per slot position, numbered by
    /// earliest member. With slack, people no chain places are left out; groups may then be under the
    /// minimum (LocalRepair tops them up).
    func greedyBins() -> [[Int]]? {
        guard Set(slots.map { slotClass[$0] }).count == 1 else { return nil }
        var (bins, stuck, _) = GroupPlanner.pack(people, into: slots.count, programme)
        // With slack whoever is still left stays unplaced (LocalRepair places them); otherwise no start.
        guard slack || stuck.isEmpty else { return nil }
        guard bins.allSatisfy({ !$0.isEmpty }) else { return nil }
        bins.sort { $0.min()! < $1.min()! }
        return bins
    }

    /// Members per slot position, from a solution.
    func groups(_ s: Solution) -> [[Int]] {
        slots.indices.map { sp in people.indices.filter { x[$0][sp].map { s[$0] > 0.5 } ?? false }.map { people[$0] } }
    }
}
