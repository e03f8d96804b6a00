import Intake
import RunControl
import TestFixtures
import Testing

@testable import Grouping

/// A longer search can end on aggregate flows that no grouping fills (ties the aggregate model does not count); the
/// planner then goes on from the best earlier plan of that search that can be filled, so more work never costs more.
@Suite struct EarlierPlanTests {
    /// Utrecht: five people at schools that compete in a ring (A–B, B–C, C–D, D–E, E–A) and seven others;
    /// Limburg: twelve. Four groups of 4–8, by region only.
    static func programme() throws -> Programme {
        var csv = Fixture.header
        let ring = ["A", "B", "C", "D", "E"]
        for i in 0..<5 {
            csv += Fixture.row(
                "Ring \(i)", school: "School \(ring[i])", region: "Utrecht", competitors: "School \(ring[(i + 1) % 5])")
        }
        for i in 0..<7 { csv += Fixture.row("U \(i)", school: "U\(i)", region: "Utrecht") }
        for i in 0..<12 { csv += Fixture.row("L \(i)", school: "L\(i)", region: "Limburg") }
        let config = """
            [groups]
            min_size = 4
            max_size = 8
            target_size = 6
            min_size_after_dropout = 4
            [rules]
            separate = ["school", "competitors"]
            priorities = ["region"]
            """
        return try Fixture.load(csv, config: config)
    }

    @Test func whenTheLastPlanCannotBeFilledTheBestEarlierPlanThatCanIsUsed() throws {
        let p = try Self.programme()
        var run = GroupingRun(programme: p, groupCount: 4, options: GroupingOptions(timeLimit: 30))
        let cover = Cliques.cover(p.conflicts, together: [], regions: p.participants.map(\.region), minSize: 4)
        var outcome = try run.bounds(cover: cover)
        // The aggregate model does not see the ring: its optimum keeps all of Utrecht in Utrecht's two groups, and two
        // groups cannot hold an odd ring of rivals.
        #expect(outcome.values[.region]?.value == 0 && outcome.values[.region]?.bound == 0)
        let c = outcome.composition
        let slots = outcome.groupsPerClass.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
        let placement = try run.exact(c, outcome.flow, slots)
        #expect(placement.unfillable)
        // An earlier plan, as a search passes on its way: one of the ring in a Limburg group.
        let t = c.typeOf[0]
        let from = try #require(outcome.flow[t].firstIndex { $0 > 0 })
        let limburg = try #require(c.regions.firstIndex(of: "Limburg"))
        let to = try #require(
            c.classes.indices.first { c.classes[$0].region == limburg && outcome.groupsPerClass[$0] > 0 })
        var flow = outcome.flow
        flow[t][from] -= 1
        flow[t][to] += 1
        let unfillable = (value: 0, groupsPerClass: outcome.groupsPerClass, flow: outcome.flow)
        outcome.earlier = [unfillable, (value: 1, groupsPerClass: outcome.groupsPerClass, flow: flow)]
        let filled = try #require(try run.fillEarlier(&outcome))
        #expect(outcome.values[.region]?.value == 1 && outcome.values[.region]?.bound == 0, "the bound stays")
        #expect(outcome.flow == flow)
        // Re-checked from the rows: everyone once, sizes 4–8, no two rivals or colleagues together, and exactly one
        // person from Utrecht in a group whose majority is from Limburg.
        #expect(filled.members.flatMap { $0 }.sorted() == Array(p.participants.indices))
        #expect(filled.members.allSatisfy { (4...8).contains($0.count) })
        let rival = { (a: Participant, b: Participant) in
            a.school == b.school || a.competitors.contains(b.school) || b.competitors.contains(a.school)
        }
        for g in filled.members {
            let m = g.map { p.participants[$0] }
            #expect(!m.indices.contains { i in m.indices.contains { j in i < j && rival(m[i], m[j]) } })
        }
        let away = filled.members.reduce(0) { sum, g in
            let fromLimburg = g.filter { p.participants[$0].region == "Limburg" }.count
            return sum + (fromLimburg * 2 > g.count ? g.count - fromLimburg : fromLimburg)
        }
        #expect(away == 1)
        #expect(run.stats.stages.contains { $0.name.contains("plan 2 before the last (1) is used") })
    }

    @Test func thePlannerEndsWithAValidPlanThatPaysForTheRing() throws {
        let p = try Self.programme()
        let result = try GroupPlanner.plan(p)
        #expect(PlanCheck.violations(result.groups, p).isEmpty)
        #expect(result.objectives.first { $0.objective == .region }?.value == 1)
    }
}
