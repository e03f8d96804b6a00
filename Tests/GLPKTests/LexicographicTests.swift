import Foundation
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
    @Test func cancellingStopsAHardSearchWithinASecond() throws {
        let model = Problems.hardKnapsack()
        let cancellation = Cancellation()
        var options = SolverOptions(timeLimit: 60)
        options.branching = .firstFractional
        options.backtracking = .breadthFirst
        options.cancellation = cancellation
        // On a thread of its own and timed by the solver's own return: under a full parallel test run, tasks on the
        // shared pool can wait seconds before they start or resume.
        let box = Box()
        let fixed = options
        let thread = Thread {
            let s = try? Solver.solve(model, options: fixed)
            box.set(s, ContinuousClock.now)
        }
        thread.start()
        // Blocking sleeps: this test keeps its thread, so a busy task pool cannot delay the cancel.
        Thread.sleep(forTimeInterval: 0.3)
        let cancelled = ContinuousClock.now
        cancellation.cancel()
        while box.get() == nil { Thread.sleep(forTimeInterval: 0.01) }
        let (solution, returned) = box.get()!
        let s = try #require(solution)
        #expect(returned - cancelled < .seconds(1), "stopped within a second of the cancel")
        #expect(s.elapsed < 30, "long before its own time limit")
        #expect(s.status == .feasible || s.status == .timeLimitNoSolution)
    }
}

/// A solve's result and when it returned, written by its thread.
final class Box: @unchecked Sendable {
    // `@unchecked`: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value: (Solution?, ContinuousClock.Instant)?
    func set(_ s: Solution?, _ t: ContinuousClock.Instant) {
        lock.lock()
        value = (s, t)
        lock.unlock()
    }
    func get() -> (Solution?, ContinuousClock.Instant)? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
