import Testing

@testable import GLPK

/// A search keeps its earlier incumbents for callers whose best plan proves unusable for reasons the model does not
/// see (the grouping's aggregate flows that no grouping fills).
@Suite struct IncumbentTests {
    /// A hard knapsack from an empty knapsack, stopped by work: about ten incumbents on the way.
    static func search(work: Double, keeping kept: Int) throws -> (Model, Solution) {
        let model = Problems.hardKnapsack(items: 30, dimensions: 5)
        var options = SolverOptions()
        options.workLimit = work
        options.warmStart = [Double](repeating: 0, count: model.variableCount)
        options.keptIncumbents = kept
        return (model, try Solver.solve(model, options: options))
    }

    @Test func earlierIncumbentsAreKeptBestFirstAndEachIsAFeasiblePlan() throws {
        let (model, s) = try Self.search(work: 5, keeping: 4)
        var previous = try #require(s.objective)
        #expect(s.earlier.count == 4, "a search with more improvements than kept")
        for incumbent in s.earlier {
            // Re-checked from the values: every row holds, and the stated objective is the values' objective.
            #expect(model.violation(of: incumbent.values) == nil)
            #expect(abs(model.objective.value(at: incumbent.values) - incumbent.objective) < 1e-6)
            // Maximising: each earlier one is worse than the one found after it.
            #expect(incumbent.objective < previous - 1e-9)
            previous = incumbent.objective
        }
    }

    @Test func theWarmStartIsTheFirstIncumbent() throws {
        let (_, s) = try Self.search(work: 1, keeping: 100)
        #expect(s.earlier.count >= 2)
        #expect(s.earlier.last?.objective == 0 && s.earlier.last?.values.allSatisfy { $0 == 0 } == true)
    }

    /// What the grouping relies on: a longer search passes every plan a shorter one held, so going back to an
    /// earlier plan never lands below what less work would have given.
    @Test func aLongerSearchPassesEveryPlanAShorterOneHeld() throws {
        let (_, short) = try Self.search(work: 1, keeping: 100)
        let (_, long) = try Self.search(work: 5, keeping: 100)
        let held = [short.values] + short.earlier.map(\.values)
        let passed = [long.values] + long.earlier.map(\.values)
        #expect(long.objective! > short.objective!)
        #expect(held.allSatisfy { passed.contains($0) })
    }

    @Test func keepingThemDoesNotChangeTheSearch() throws {
        let (_, a) = try Self.search(work: 5, keeping: 4), (_, b) = try Self.search(work: 5, keeping: 4)
        #expect(a.earlier == b.earlier && a.values == b.values)
        let (_, none) = try Self.search(work: 5, keeping: 0)
        #expect(none.earlier.isEmpty && none.values == a.values && none.work == a.work)
    }
}

/// A caller with a plan in hand never loses it to a small work limit.
@Suite struct StoppedEarlyTests {
    @Test func aSearchStoppedBeforeItsFirstIncumbentAnswersWithItsWarmStart() throws {
        let model = Problems.hardKnapsack()
        let start = [Double](repeating: 0, count: model.variableCount)
        for withStart in [true, false] {
            var options = SolverOptions()
            // Far less than the root LP needs.
            options.workLimit = 0.001
            options.warmStart = withStart ? start : nil
            let s = try Solver.solve(model, options: options)
            #expect(s.stoppedBy == .work)
            if withStart {
                #expect(s.status == .feasible && s.values == start && s.objective == 0)
            } else {
                #expect(s.status == .timeLimitNoSolution && !s.hasSolution)
            }
        }
    }
}
