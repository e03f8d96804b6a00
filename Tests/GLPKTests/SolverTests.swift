import Synchronization
import Testing

@testable import GLPK

@Suite struct SolverTests {
    @Test func knapsackReachesKnownOptimum() throws {
        let (model, x) = Problems.knapsack()
        let s = try Solver.solve(model)
        #expect(s.status == .optimal)
        #expect(s.objective == 15)
        #expect(s.bestBound == 15)
        #expect(s.gap == 0)
        #expect(x.map { s[$0].rounded() } == [0, 1, 1, 1, 1])
        #expect(model.violation(of: s.values) == nil)
    }

    @Test func assignmentReachesKnownOptimum() throws {
        let (model, x) = Problems.assignment()
        let s = try Solver.solve(model)
        #expect(s.status == .optimal)
        #expect(s.objective == 13)
        let chosen = x.map { row in row.firstIndex { s[$0] > 0.5 }! }
        #expect(chosen == [1, 0, 2, 3])
    }

    @Test func branchingOnChosenColumnsFirstStillProves() throws {
        // The same optima whichever columns go first; a hard model needs branching, so the callback's choice is used.
        let (knapsack, x) = Problems.knapsack()
        var options = SolverOptions()
        options.branchFirst = Array(x.reversed())
        let s = try Solver.solve(knapsack, options: options)
        #expect(s.status == .optimal && s.objective == 15 && s.bestBound == 15)
        let hard = Problems.hardKnapsack(items: 24, dimensions: 3)
        let plain = try Solver.solve(hard)
        var first = SolverOptions()
        first.branchFirst = [Variable(index: 0), Variable(index: 1), Variable(index: 2)]
        let chosen = try Solver.solve(hard, options: first)
        #expect(plain.status == .optimal && chosen.status == .optimal)
        #expect(abs(plain.objective! - chosen.objective!) < 1e-6)
        #expect(hard.violation(of: chosen.values) == nil)
    }

    @Test func pureLinearProgramUsesSimplexOnly() throws {
        var m = Model()
        let a = m.addVariable("a", upperBound: 4), b = m.addVariable("b", upperBound: 3)
        m.add(a + b, .lessOrEqual, 5)
        m.maximize(2 * a + LinearExpression([(b, 3)]))
        let s = try Solver.solve(m)
        #expect(s.status == .optimal)
        #expect(abs(s.objective! - 13) < 1e-9)  // a = 2, b = 3
    }

    @Test func infeasibleModelsAreReported() throws {
        var lp = Model()
        let x = lp.addVariable("x", kind: .integer, upperBound: 10),
            y = lp.addVariable("y", kind: .integer, upperBound: 10)
        lp.add(x + y, .greaterOrEqual, 3)
        lp.add(x + y, .lessOrEqual, 2)
        #expect(try Solver.solve(lp).status == .infeasible)

        // Feasible as an LP (x = 0.5) but not in integers: the branch-and-bound has to say so.
        var ip = Model()
        let z = ip.addVariable("z", kind: .integer, upperBound: 5)
        ip.add(2 * z, .equal, 1)
        let s = try Solver.solve(ip)
        #expect(s.status == .infeasible)
        #expect(!s.hasSolution)
    }

    @Test func unboundedModelIsReported() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer)
        m.maximize(LinearExpression([(x, 1)]))
        #expect(try Solver.solve(m).status == .unbounded)
    }

    @Test func timeLimitReturnsIncumbentAndBound() throws {
        let model = Problems.hardKnapsack()
        var options = SolverOptions(timeLimit: 1)
        options.branching = .firstFractional
        options.backtracking = .breadthFirst
        let s = try Solver.solve(model, options: options)
        #expect(s.status == .feasible)
        let objective = try #require(s.objective), bound = try #require(s.bestBound)
        #expect(objective <= bound + 1e-6)  // maximise: the bound lies above
        #expect(s.gap! > 0)
        #expect(s.elapsed < 5)
        #expect(model.violation(of: s.values) == nil)
        #expect(s.log.contains("mip ="))  // GLPK's own progress lines are captured, not printed
    }

    @Test func progressIsReportedDuringSearch() throws {
        let reports = Collector()
        var options = SolverOptions(timeLimit: 1)
        options.progressInterval = 0.1
        options.progress = { reports.add($0) }
        _ = try Solver.solve(Problems.hardKnapsack(), options: options)
        let seen = reports.all
        #expect(seen.count >= 3)
        #expect(seen.contains { $0.incumbent != nil && $0.bound != nil && $0.gap != nil })
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.elapsed <= $1.elapsed })
    }

    @Test func warmStartIsAcceptedAsFirstIncumbent() throws {
        let model = Problems.hardKnapsack(items: 30, dimensions: 3)
        var start = [Double](repeating: 0, count: model.variableCount)
        start[0] = 1
        start[1] = 1  // feasible: two items fit in half of every dimension
        #expect(model.violation(of: start) == nil)
        var options = SolverOptions(timeLimit: 20)
        options.warmStart = start
        let s = try Solver.solve(model, options: options)
        #expect(s.warmStartAccepted)
        #expect(s.status == .optimal)
        #expect(s.objective! >= model.objective.value(at: start))
    }

    @Test func infeasibleWarmStartIsRejectedBeforeGLPK() {
        let (model, _) = Problems.knapsack()
        var options = SolverOptions()
        options.warmStart = [1, 1, 1, 1, 1]  // weight 20 > 15
        #expect(throws: GLPKError.infeasibleWarmStart("constraint capacity is violated (20.0 vs 15.0)")) {
            try Solver.solve(model, options: options)
        }
        options.warmStart = [0.5, 0, 0, 0, 0]
        #expect(throws: GLPKError.self) { try Solver.solve(model, options: options) }
    }

    @Test func solvesRunInParallelTasks() async throws {
        let costs: [[[Double]]] = [
            [[9, 2, 7, 8], [6, 4, 3, 7], [5, 8, 1, 8], [7, 6, 9, 4]],
            [[1, 9, 9, 9], [9, 1, 9, 9], [9, 9, 1, 9], [9, 9, 9, 1]],
        ]
        let results = try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for round in 0..<8 {
                let k = round % 2
                group.addTask {
                    let (m, _) = Problems.assignment(costs[k])
                    return (k, try Solver.solve(m).objective!)
                }
            }
            return try await group.reduce(into: [(Int, Double)]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0.1 == [13, 4][$0.0] })
    }
}

final class Collector: @unchecked Sendable {
    private var items: [Progress] = []
    private let lock = NSLockLike()
    func add(_ p: Progress) { lock.run { items.append(p) } }
    var all: [Progress] { lock.run { items } }
}

final class NSLockLike: Sendable {
    private let m = Mutex(())
    func run<T>(_ body: () -> T) -> T { m.withLock { _ in body() } }
}
