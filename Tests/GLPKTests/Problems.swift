import GLPK

/// Small models with known optima, shared by the tests.
enum Problems {
    /// 0/1 knapsack: capacity 15; best is every item but the first, value 15.
    static func knapsack() -> (Model, [Variable]) {
        let weights: [Double] = [12, 2, 1, 1, 4], values: [Double] = [4, 2, 1, 2, 10]
        var m = Model(name: "knapsack")
        let x = weights.indices.map { m.addVariable("take\($0)", kind: .binary) }
        m.add(LinearExpression(zip(x, weights).map { ($0, $1) }), .lessOrEqual, 15, name: "capacity")
        m.maximize(LinearExpression(zip(x, values).map { ($0, $1) }))
        return (m, x)
    }

    /// 4×4 assignment with the classic optimum 13 (rows to columns 1, 0, 2, 3).
    static func assignment(_ cost: [[Double]] = [[9, 2, 7, 8], [6, 4, 3, 7], [5, 8, 1, 8], [7, 6, 9, 4]]) -> (
        Model, [[Variable]]
    ) {
        var m = Model(name: "assignment")
        let n = cost.count
        let x = (0..<n).map { i in (0..<n).map { j in m.addVariable("x_\(i)_\(j)", kind: .binary) } }
        for i in 0..<n { m.add(.sum(x[i]), .equal, 1, name: "row\(i)") }
        for j in 0..<n { m.add(.sum((0..<n).map { x[$0][j] }), .equal, 1, name: "col\(j)") }
        m.minimize(LinearExpression((0..<n).flatMap { i in (0..<n).map { j in (x[i][j], cost[i][j]) } }))
        return (m, x)
    }

    /// A multi-dimensional knapsack that GLPK cannot close within a second but where the
    /// search finds incumbents early: the shape of a time-limited grouping solve.
    /// Profits correlate with weights, which is what makes such instances hard to close.
    static func hardKnapsack(items: Int = 120, dimensions: Int = 8) -> Model {
        var rng = SplitMix(seed: 20261122)
        var m = Model(name: "mkp")
        let x = (0..<items).map { m.addVariable("x\($0)", kind: .binary) }
        var weightSum = [Double](repeating: 0, count: items)
        for d in 0..<dimensions {
            let w = (0..<items).map { _ in Double(rng.next(in: 100...1000)) }
            for i in 0..<items { weightSum[i] += w[i] }
            m.add(LinearExpression(zip(x, w).map { ($0, $1) }), .lessOrEqual, w.reduce(0, +) / 2, name: "dim\(d)")
        }
        m.maximize(
            LinearExpression(
                x.indices.map { (x[$0], weightSum[$0] / Double(dimensions) + Double(rng.next(in: 0...50))) }))
        return m
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
