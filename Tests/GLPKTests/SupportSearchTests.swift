import Testing

@testable import GLPK

@Suite struct SupportSearchTests {
    /// A plan as a stopped search leaves it: feasible, the given assignment, no bound.
    static func stopped(_ model: Model, _ x: [[Variable]], assigning columns: [Int]) throws -> Solution {
        var fixed = model
        for (i, j) in columns.enumerated() { fixed.add(LinearExpression([(x[i][j], 1)]), .equal, 1) }
        var s = try Solver.solve(fixed)
        s.status = .feasible
        s.bestBound = nil
        return s
    }

    @Test func theColumnsTheLPUsesGiveTheOptimumAndItsProof() throws {
        let (model, x) = Problems.assignment()
        // Rows to columns 0, 1, 2, 3: cost 9 + 4 + 1 + 4 = 18, where 13 is the optimum.
        let first = try Self.stopped(model, x, assigning: [0, 1, 2, 3])
        #expect(first.objective == 18)
        let outcome = try SupportSearch.improve(
            model, after: first, restricting: x.flatMap { $0 }, integralObjective: true, options: SolverOptions())
        #expect(outcome.improved)
        let s = outcome.solution
        #expect(s.status == .optimal && s.objective == 13 && s.bestBound == 13)
        #expect(model.violation(of: s.values) == nil)
        // Re-checked from the values: the classic optimum, rows to columns 1, 0, 2, 3.
        #expect(x.map { row in row.firstIndex { s[$0] > 0.5 }! } == [1, 0, 2, 3])
        #expect(s.work.iterations > first.work.iterations, "the relaxation and the restricted solve are counted")
    }

    @Test func aPlanAlreadyAtTheLPBoundIsProvenAndKept() throws {
        let (model, x) = Problems.assignment()
        let first = try Self.stopped(model, x, assigning: [1, 0, 2, 3])
        let outcome = try SupportSearch.improve(
            model, after: first, restricting: x.flatMap { $0 }, integralObjective: true, options: SolverOptions())
        #expect(!outcome.improved)
        #expect(outcome.solution.status == .optimal && outcome.solution.objective == 13)
        #expect(outcome.solution.values == first.values)
    }

    @Test func aModelWithoutSomeColumnsKeepsTheRestAndMapsBack() {
        var m = Model(name: "small")
        let a = m.addVariable("a", kind: .integer, upperBound: 5), b = m.addVariable("b", kind: .integer, upperBound: 5)
        let c = m.addVariable("c", kind: .integer, upperBound: 5)
        m.add(a + b, .lessOrEqual, 4)
        m.add(LinearExpression([(b, 1)]), .lessOrEqual, 3)
        m.minimize(a + c)
        let (small, kept) = m.without([false, true, false])
        #expect(kept == [0, 2])
        #expect(small.variableCount == 2)
        // "b ≤ 3" lost its only term and 0 satisfies it: dropped; "a + b ≤ 4" keeps a.
        #expect(small.constraints.count == 1 && small.constraints[0].expression.terms.count == 1)
        #expect(m.relaxation.columns.allSatisfy { $0.kind == .continuous })
    }
}
