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
    let slots: [Int]
    let slotClass: [Int]
    var model = Model(name: "detailed")
    /// x[person position][slot position], nil where not allowed.
    var x: [[Variable?]] = []
    var distinctVars: [(d: Variable, of: [Variable])] = []
    let maxSize: Int, minSize: Int
    /// For the greedy pass, which packs the people itself.
    let programme: Programme
    /// People may stay unplaced (see `Mode.exactFlows`).
    private(set) var slack = false

    init(
        _ programme: Programme, _ c: Composition, people: [Int], slots: [Int], slotClass: [Int],
        mode: Mode, priorities: [Objective]
    ) {
        self.people = people
        self.slots = slots
        self.slotClass = slotClass
        let g = programme.config.groups
        maxSize = g.maxSize
        minSize = g.minSize
        self.programme = programme
        let classesHere = Array(Set(slots.map { slotClass[$0] })).sorted()
        func allowedClasses(_ i: Int) -> Set<Int> {
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
        // Rank of each person among those allowed in a class, for ordering identical slots.
        var rank: [Int: [Int: Int]] = [:]
        let allowed = people.map(allowedClasses)
        for cl in classesHere {
            var k = 0
            for (pos, _) in people.enumerated() where allowed[pos].contains(cl) {
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
        if case .exactFlows(_, true) = mode { slack = true }
        for (pos, i) in people.enumerated() {
            model.add(.sum(x[pos].compactMap { $0 }), slack ? .lessOrEqual : .equal, 1, name: "one\(i)")
        }
        for sp in slots.indices {
            let s = LinearExpression.sum(people.indices.compactMap { x[$0][sp] })
            model.add(s, .greaterOrEqual, Double(g.minSize), name: "min\(slots[sp])")
            model.add(s, .lessOrEqual, Double(g.maxSize), name: "max\(slots[sp])")
        }
        let position = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1, $0) })
        for q in c.cliques {
            let inside = q.compactMap { position[$0] }
            guard inside.count > 1 else { continue }
            for sp in slots.indices {
                let vars = inside.compactMap { x[$0][sp] }
                if vars.count > 1 { model.add(.sum(vars), .lessOrEqual, 1) }
            }
        }
        // Distinct functions per slot.
        var distinct = LinearExpression()
        for sp in slots.indices {
            var byFunction: [Int: [Variable]] = [:]
            for (pos, i) in people.enumerated() {
                if let v = x[pos][sp] { byFunction[c.types[c.typeOf[i]].function, default: []].append(v) }
            }
            for f in byFunction.keys.sorted() {
                let d = model.addVariable("d\(f)_\(slots[sp])", kind: .binary)
                model.add(d - .sum(byFunction[f]!), .lessOrEqual, 0)
                distinctVars.append((d, byFunction[f]!))
                distinct = distinct + d
            }
        }
        let variety = LinearExpression(constant: Double(people.count)) - distinct

        switch mode {
        case .exactFlows(let flow, _):
            for t in Set(people.map { c.typeOf[$0] }).sorted() {
                for cl in classesHere where flow[t][cl] > 0 {
                    let vars = people.indices.filter { c.typeOf[people[$0]] == t }.flatMap { pos in
                        slots.indices.filter { slotClass[slots[$0]] == cl }.compactMap { x[pos][$0] }
                    }
                    model.add(.sum(vars), slack ? .lessOrEqual : .equal, Double(flow[t][cl]), name: "flow\(t)_\(cl)")
                }
            }
            if slack {
                let placed = LinearExpression.sum(x.flatMap { $0.compactMap { $0 } })
                model.minimize(
                    Double(people.count + 1) * (LinearExpression(constant: Double(people.count)) - placed) + variety)
            } else {
                model.minimize(variety)
            }
        case .weighted:
            var metric: [Objective: LinearExpression] = [.variety: variety]
            var away = LinearExpression(constant: Double(people.count))
            var spread = LinearExpression()
            for sp in slots.indices {
                let home = c.classes[slotClass[slots[sp]]].region
                if home == Composition.mixed {
                    away = away + (-1.0)
                } else {
                    away =
                        away
                        - .sum(
                            people.indices.filter { c.types[c.typeOf[people[$0]]].region == home }.compactMap {
                                x[$0][sp]
                            })
                }
                var present: [Int: Variable] = [:]
                for l in c.levels.indices {
                    let vars = people.indices.filter { c.types[c.typeOf[people[$0]]].level == l }.compactMap {
                        x[$0][sp]
                    }
                    guard !vars.isEmpty else { continue }
                    let u = model.addVariable("u\(l)_\(slots[sp])", kind: .binary)
                    for v in vars { model.add(v - u, .lessOrEqual, 0) }
                    present[l] = u
                }
                let s = model.addVariable("spread\(slots[sp])", lowerBound: 0)
                for (l, ul) in present {
                    for (l2, ul2) in present where l2 < l {
                        model.add(
                            LinearExpression([
                                (s, 1), (ul, -Double(c.levels[l] - c.levels[l2])),
                                (ul2, -Double(c.levels[l] - c.levels[l2])),
                            ]),
                            .greaterOrEqual, -Double(c.levels[l] - c.levels[l2]))
                    }
                }
                spread = spread + s
            }
            metric[.region] = away
            metric[.level] = spread
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
    }

    /// A first plan by hand for the exact-flow model, whose feasible points GLPK's own heuristics rarely
    /// find: whoever has fewest groups left open first (DSatur), each into the smallest group holding
    /// nobody they are tied to; the groups are then numbered by their earliest member, which satisfies the slot
    /// ordering.
    /// nil when the greedy pass gets stuck (or the slots are not interchangeable); GLPK then starts cold.
    func greedyStart() -> [Double]? {
        guard let bins = greedyBins(), bins.allSatisfy({ $0.count >= minSize }) else { return nil }
        var x0 = [Double](repeating: 0, count: model.variableCount)
        for (sp, bin) in bins.enumerated() {
            for pos in bin {
                guard let v = x[pos][sp] else { return nil }
                x0[v.index] = 1
            }
        }
        for (d, of) in distinctVars { x0[d.index] = of.contains { x0[$0.index] > 0.5 } ? 1 : 0 }
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
