/// Lexicographic optimisation, as grouping, scheduling and replanning all do it: minimise one objective, then
/// hold it at the value reached while the next one is minimised. Every objective minimised this way counts
/// people, groups or meetings, so values and proven bounds are whole numbers, rounded by one rule.
package enum Lexicographic {
    /// The outcome of one objective's solve.
    package struct Step: Sendable {
        /// GLPK's answer.
        package var solution: Solution
        /// The value reached; nil when the solve found no solution.
        package var value: Int?
        /// The best proven lower bound on the objective, never above `value`; equal to it when proven optimal.
        package var bound: Int
        /// Variables and rows of the model as it was solved (before the hold row), for the stage statistics.
        package var variables: Int, rows: Int
        /// Whether `value` is proven optimal.
        package var proven: Bool { solution.status == .optimal }
    }

    /// The one rounding rule for integer bounds: GLPK's bound is a float a hair off the whole number it stands
    /// for, so 1e-6 of noise is removed before rounding up; the result is clamped to `lowest...value` (a bound
    /// can never exceed the value reached, and a count is never below 0).
    package static func provenBound(_ solution: Solution, value: Int, lowest: Int = 0) -> Int {
        guard solution.status != .optimal else { return value }
        guard let raw = solution.bestBound, raw.isFinite else { return lowest }
        let rounded = (raw - 1e-6).rounded(.up)
        return Int(min(Double(value), max(Double(lowest), rounded)))
    }

    /// Minimises `objective` over `model` and, when a solution exists, adds the row `objective ≤ value` (named
    /// `hold_NAME`), so later objectives cannot make this one worse.
    package static func minimize(
        _ objective: LinearExpression, in model: inout Model, holding name: String, options: SolverOptions
    ) throws(GLPKError) -> Step {
        model.minimize(objective)
        let s = try Solver.solve(model, options: options)
        let (variables, rows) = (model.variableCount, model.constraints.count)
        guard s.hasSolution else { return Step(solution: s, value: nil, bound: 0, variables: variables, rows: rows) }
        let value = Int(s.value(objective).rounded())
        model.add(objective, .lessOrEqual, Double(value), name: "hold_\(name)")
        return Step(solution: s, value: value, bound: provenBound(s, value: value), variables: variables, rows: rows)
    }
}
