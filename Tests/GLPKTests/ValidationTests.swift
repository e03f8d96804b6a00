import Testing

@testable import GLPK

/// Each of these would make GLPK call abort() and kill the process if it reached the C library.
@Suite struct ValidationTests {
    private func rejects(_ expected: String, _ build: (inout Model) -> Void) {
        var m = Model()
        build(&m)
        do {
            _ = try Solver.solve(m)
            Issue.record("expected rejection: \(expected)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func emptyModel() { rejects("no variables") { _ in } }

    @Test func fractionalBoundOnIntegerVariable() {
        rejects("fractional bound 2.5") { $0.addVariable("n", kind: .integer, upperBound: 2.5) }
    }

    @Test func lowerAboveUpper() {
        rejects("lower bound 3.0 above upper bound 1.0") { $0.addVariable("y", lowerBound: 3, upperBound: 1) }
    }

    @Test func nanAndInfiniteCoefficients() {
        rejects("not finite") { m in
            let x = m.addVariable("x")
            m.add(LinearExpression([(x, .nan)]), .lessOrEqual, 1)
        }
        rejects("right-hand side that is not finite") { m in
            let x = m.addVariable("x")
            m.add(LinearExpression([(x, 1)]), .lessOrEqual, .infinity)
        }
    }

    @Test func variableFromAnotherModel() {
        var other = Model()
        _ = other.addVariable()
        _ = other.addVariable()
        let foreign = other.addVariable()
        rejects("not in this model") { m in
            let x = m.addVariable("x")
            m.add(x + foreign, .lessOrEqual, 1)
        }
    }

    @Test func overlongName() {
        rejects("longer than 255 bytes") { $0.addVariable(String(repeating: "ë", count: 200)) }
    }

    @Test func badOptions() {
        let (m, _) = Problems.knapsack()
        var tooMany = SolverOptions()
        tooMany.keptIncumbents = 1_001
        for options in [
            SolverOptions(timeLimit: -1), SolverOptions(timeLimit: .nan), SolverOptions(relativeGap: -0.1), tooMany,
        ] {
            #expect(throws: GLPKError.self) { try Solver.solve(m, options: options) }
        }
    }

    @Test func duplicateTermsAreMergedNotPassedToGLPK() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 10)
        m.add(LinearExpression([(x, 1), (x, 1)]), .lessOrEqual, 7)  // 2x ≤ 7
        m.maximize(LinearExpression([(x, 1), (x, 0)]))
        let s = try Solver.solve(m)
        #expect(s.objective == 3)
    }
}
