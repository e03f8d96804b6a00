/// A second chance for a search that stopped before its proof: the model restricted to the columns its LP
/// relaxation uses ("relaxation-induced" restriction) is solved, starting from the search's plan, and its plan
/// replaces the search's when better. When that plan meets the LP's bound it is proven optimal.
///
/// Why: aggregate models whose LP bound is tight but whose branch and bound finds good plans slowly. Measured on the
/// 345 fixture with wishes, variety stage: the search stopped at its work limit with 162 against a bound of 156;
/// restricted to the columns its LP uses, GLPK found 158 within a third of that work. On the same fixture with an
/// earlier cohort, spread stage (9,022 columns, 422 used by the LP), the restricted model reaches 21, the bound,
/// where the search stopped at 45 (though those flows cannot all be filled with named people).
package enum SupportSearch {
    /// The better of the two solves, with the work of the relaxation and the restricted solve added; `improved`
    /// when the plan is the restricted solve's.
    package struct Outcome: Sendable {
        package var solution: Solution
        package var improved: Bool

        package init(solution: Solution, improved: Bool = false) {
            self.solution = solution
            self.improved = improved
        }
    }

    /// `first` is the search over all of `model`; `options` the restricted solve's (its warm start is replaced by
    /// `first`'s plan). `integralObjective`: the objective is whole at every integer solution, so the LP's bound
    /// may be rounded.
    package static func improve(
        _ model: Model, after first: Solution, restricting columns: [Variable], integralObjective: Bool,
        options: SolverOptions
    ) throws(GLPKError) -> Outcome {
        var lpOptions = options
        lpOptions.warmStart = nil
        lpOptions.branchFirst = []
        lpOptions.keptIncumbents = 0
        let lp = try Solver.solve(model.relaxation, options: lpOptions)
        var unchanged = first
        unchanged.work.add(lp.work)
        guard lp.status == .optimal, let lpValue = lp.objective else { return Outcome(solution: unchanged) }
        let sign = model.sense == .minimize ? 1.0 : -1.0
        // An integral objective only reaches whole values: the LP's bound rounded towards the plan.
        let lpBound =
            !integralObjective ? lpValue : sign > 0 ? (lpValue - 1e-6).rounded(.up) : (lpValue + 1e-6).rounded(.down)
        let bound = first.bestBound.map { sign > 0 ? max($0, lpBound) : min($0, lpBound) } ?? lpBound
        let start = first.hasSolution ? first.values : nil
        var drop = [Bool](repeating: false, count: model.columns.count)
        for v in columns where lp[v] < 1e-6 && (start?[v.index] ?? 0) < 0.5 { drop[v.index] = true }
        let (small, kept) = model.without(drop)
        var newIndex = [Int?](repeating: nil, count: model.columns.count)
        for (i, j) in kept.enumerated() { newIndex[j] = i }
        var restrictedOptions = options
        // Its incumbents are in the restricted model's columns; the search's own earlier ones stay in `earlier`.
        restrictedOptions.keptIncumbents = 0
        restrictedOptions.warmStart = start.map { x in kept.map { x[$0] } }
        restrictedOptions.branchFirst = options.branchFirst.compactMap {
            newIndex[$0.index].map { Variable(index: $0) }
        }
        let r = try Solver.solve(small, options: restrictedOptions)
        // The restricted solve's counts, weighed by its own (smaller) size, in this model's terms.
        unchanged.work.iterations += Int((r.work.units * 1e6 / Double(max(1, lp.work.size))).rounded(.up))
        unchanged.bestBound = bound
        guard r.hasSolution, let value = r.objective,
            first.objective.map({ sign * (value - $0) < -1e-6 }) ?? true
        else {
            if let value = first.objective, sign * (value - bound) < 1e-6 {
                unchanged.status = .optimal
                unchanged.stoppedBy = nil
            }
            return Outcome(solution: unchanged)
        }
        var x = [Double](repeating: 0, count: model.columns.count)
        for (i, j) in kept.enumerated() { x[j] = r.values[i] }
        var s = unchanged
        s.values = x
        s.objective = value
        if sign * (value - bound) < 1e-6 {
            s.status = .optimal
            s.stoppedBy = nil
        } else {
            s.status = .feasible
        }
        return Outcome(solution: s, improved: true)
    }
}
