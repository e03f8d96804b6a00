/// Checks that stand between a Swift value and a GLPK `abort()`. Each mirrors a GLPK precondition
/// listed in GLPK-NOTES.md; a model that passes here cannot make GLPK abort through misuse.
enum Validation {
    static let maxName = 255

    static func check(_ model: Model) throws(GLPKError) {
        guard !model.columns.isEmpty else { throw .invalidModel("the model has no variables") }
        guard model.columns.count < Int(Int32.max), model.constraints.count < Int(Int32.max) else {
            throw .invalidModel("too many rows or columns for GLPK")
        }
        try checkName(model.name, "model name")
        for (j, c) in model.columns.enumerated() {
            let what = "variable \(model.label(j))"
            try checkName(c.name, what)
            if c.lowerBound.isNaN || c.upperBound.isNaN { throw .invalidModel("\(what) has a NaN bound") }
            if c.lowerBound == .infinity || c.upperBound == -.infinity {
                throw .invalidModel("\(what) has bounds [\(c.lowerBound), \(c.upperBound)] that admit no value")
            }
            if c.lowerBound > c.upperBound {
                throw .invalidModel("\(what) has lower bound \(c.lowerBound) above upper bound \(c.upperBound)")
            }
            if c.kind != .continuous {
                for b in [c.lowerBound, c.upperBound] where b.isFinite && b != b.rounded() {
                    throw .invalidModel("integer \(what) has fractional bound \(b)")
                }
            }
        }
        try checkExpression(model.objective, in: model, what: "objective")
        for (i, row) in model.constraints.enumerated() {
            let what = "constraint \(row.name.isEmpty ? "#\(i + 1)" : row.name)"
            try checkName(row.name, what)
            try checkExpression(row.expression, in: model, what: what)
            if !row.rhs.isFinite { throw .invalidModel("\(what) has a right-hand side that is not finite") }
        }
    }

    static func checkExpression(_ e: LinearExpression, in model: Model, what: String) throws(GLPKError) {
        if !e.constant.isFinite { throw .invalidModel("\(what) has a constant that is not finite") }
        for t in e.terms {
            guard t.variable.index >= 0, t.variable.index < model.columns.count else {
                throw .invalidModel("\(what) uses variable #\(t.variable.index), which is not in this model")
            }
            guard t.coefficient.isFinite else {
                throw .invalidModel("\(what) has a coefficient that is not finite for \(model.label(t.variable.index))")
            }
        }
    }

    static func checkName(_ name: String, _ what: String) throws(GLPKError) {
        if name.utf8.count > maxName { throw .invalidModel("\(what): name longer than \(maxName) bytes") }
        if name.utf8.contains(0) { throw .invalidModel("\(what): name contains a NUL byte") }
    }

    static func check(_ o: SolverOptions, model: Model) throws(GLPKError) {
        if let t = o.timeLimit {
            guard t.isFinite, t >= 0, t * 1000 < Double(Int32.max) else {
                throw .invalidOptions("time limit \(t) s must be a finite number of seconds ≥ 0 and under 24 days")
            }
        }
        guard o.relativeGap.isFinite, o.relativeGap >= 0 else {
            throw .invalidOptions("relative gap \(o.relativeGap) must be a finite number ≥ 0")
        }
        // Each kept incumbent is a copy of every value: a bounded number keeps memory bounded.
        guard (0...1_000).contains(o.keptIncumbents) else {
            throw .invalidOptions("kept incumbents \(o.keptIncumbents) must be between 0 and 1000")
        }
        guard o.progressInterval.isFinite, o.progressInterval >= 0 else {
            throw .invalidOptions("progress interval must be a finite number of seconds ≥ 0")
        }
        if let x = o.warmStart {
            if let problem = model.violation(of: x) { throw .infeasibleWarmStart(problem) }
        }
    }
}
