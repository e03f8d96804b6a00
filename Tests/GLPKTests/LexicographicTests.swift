import RunControl
import Testing

@testable import GLPK

/// One rounding rule for every integer bound, and hold rows that keep earlier objectives.
@Suite struct LexicographicTests {
    static func stopped(bound: Double?) -> Solution {
        Solution(
            status: .feasible, objective: 33, bestBound: bound, values: [], elapsed: 0, log: "",
            warmStartAccepted: false)
    }

    @Test func boundsRoundUpPastNoiseAndNeverExceedTheValue() {
        // Rounding 33.0000004 straight up gave 34, a bound above the value 33.
        #expect(Lexicographic.provenBound(Self.stopped(bound: 33.000_000_4), value: 33) == 33)
        #expect(Lexicographic.provenBound(Self.stopped(bound: 31.2), value: 33) == 32)
        #expect(Lexicographic.provenBound(Self.stopped(bound: 40), value: 33) == 33)
        // GLPK's −DBL_MAX before the root LP, or no bound at all, proves only that counts are not negative.
        #expect(Lexicographic.provenBound(Self.stopped(bound: -Double.greatestFiniteMagnitude), value: 33) == 0)
        #expect(Lexicographic.provenBound(Self.stopped(bound: nil), value: 33) == 0)
    }

    @Test func theFirstObjectiveIsHeldWhileTheSecondIsMinimised() throws {
        // x + y ≥ 3 over integers in [0, 5]: minimise x first (0), then −y (the hold keeps x at 0, so y = 5).
        var model = Model(name: "lexicographic")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 5)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 5)
        model.add(x + y, .greaterOrEqual, 3)
        let first = try Lexicographic.minimize(1.0 * x, in: &model, holding: "x", options: SolverOptions())
        #expect(first.value == 0 && first.bound == 0 && first.proven && first.rows == 1)
        let second = try Lexicographic.minimize(-1.0 * y, in: &model, holding: "y", options: SolverOptions())
        #expect(second.value == -5 && second.solution[x] == 0 && second.rows == 2)
    }
}

/// A raised cancellation stops branch and bound at its next callback, with the incumbent so far.
@Suite struct CancellationTests {
    @Test func cancellingStopsAHardSearchWithinASecond() async throws {
        let model = Problems.hardKnapsack()
        let cancellation = Cancellation()
        var options = SolverOptions(timeLimit: 60)
        options.branching = .firstFractional
        options.backtracking = .breadthFirst
        options.cancellation = cancellation
        async let solved = Task.detached { try Solver.solve(model, options: options) }.value
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = ContinuousClock.now
        cancellation.cancel()
        let s = try await solved
        #expect(ContinuousClock.now - cancelled < .seconds(1), "stopped within a second of the cancel")
        #expect(s.elapsed < 30, "long before its own time limit")
        #expect(s.status == .feasible || s.status == .timeLimitNoSolution)
    }
}
