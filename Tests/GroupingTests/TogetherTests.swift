import Foundation
import Intake
import TestFixtures
import Testing

@testable import Grouping

/// Sets of people wished together are part of the models (one type each, one class, one slot), so a plan reaches
/// the proven bounds instead of being gathered afterwards. Checked from the groups themselves.
@Suite struct TogetherTests {
    /// 12 people of Utrecht and 6 of Zeeland in three groups of exactly 6. P1 and P2 are wished together; apart
    /// wishes tie P1–P3, P3–P4, P4–P5, P5–P6 and P6–P2. With P1 and P2 as one, that is a cycle of five: two
    /// groups cannot hold it, so Utrecht cannot keep its two groups to itself and one Zeeland person swaps places
    /// with someone of the cycle (2 people away). The cover's cliques are pairs and allow 0; the cycle's row in the
    /// aggregate model proves 2.
    static func programme() throws -> Programme {
        let signups =
            Fixture.header
            + (1...18).map { k in
                "P\(k),p\(k)@x.nl,teamleider,1,School \(k),,\(k <= 12 ? "Utrecht" : "Zeeland"),,,,3,"
            }.joined(separator: "\n") + "\n"
        let wishes = """
            kind,person,other
            together,p1@x.nl,p2@x.nl
            apart,p1@x.nl,p3@x.nl
            apart,p3@x.nl,p4@x.nl
            apart,p4@x.nl,p5@x.nl
            apart,p5@x.nl,p6@x.nl
            apart,p6@x.nl,p2@x.nl
            """
        return try ProgrammeReader.load(
            signups: Fixture.csv(signups),
            config: Fixture.csv(
                "[groups]\nmin_size = 6\nmax_size = 6\n[rules]\npriorities = [\"region\", \"variety\"]\n",
                name: "c.toml"),
            wishes: Fixture.csv(wishes, name: "w.csv"))
    }

    @Test func theCycleThroughAWishedTogetherPairIsFound() throws {
        let p = try Self.programme()
        let sets = p.wishes.togetherSets
        #expect(sets == [[0, 1]])
        // P1 and P2 stand as P1 (index 0): the cycle is P1, P3, P4, P5, P6.
        #expect(Cliques.oddCycles(p.conflicts, together: sets) == [[0, 2, 3, 4, 5]])
        #expect(Cliques.oddCycles(p.conflicts, together: []).isEmpty, "without the pair there is no cycle")
        let cover = Cliques.cover(p.conflicts, together: sets)
        #expect(cover.allSatisfy { !$0.contains(1) }, "P2's ties are carried by P1, who shares P2's group")
        #expect(cover.contains([0, 5]), "P6 is tied to P2, so to the pair")
    }

    @Test func theBoundSeesTheCycleAndThePlanReachesIt() throws {
        let p = try Self.programme()
        let result = try GroupPlanner.plan(p, options: GroupingOptions(timeLimit: 60))
        let groupOf = Dictionary(
            uniqueKeysWithValues: result.groups.flatMap { g in g.members.map { (p.participants[$0].email, g.id) } })
        #expect(groupOf["p1@x.nl"] == groupOf["p2@x.nl"], "together")
        for (a, b) in [(1, 3), (3, 4), (4, 5), (5, 6), (6, 2)] {
            #expect(groupOf["p\(a)@x.nl"] != groupOf["p\(b)@x.nl"], "apart: P\(a) and P\(b)")
        }
        #expect(result.groups.allSatisfy { $0.members.count == 6 })
        // away, counted here: members outside their group's most common region.
        let away = result.groups.reduce(0) { sum, g in
            let regions = g.members.map { p.participants[$0].region }
            let most = Set(regions).map { r in regions.filter { $0 == r }.count }.max()!
            return sum + g.members.count - most
        }
        #expect(away == 2)
        let region = result.objectives.first { $0.objective == .region }!
        #expect(region.value == 2 && region.bound == 2, "proven: \(region)")
        #expect(!result.stats.stages.contains { $0.name.contains("gathering") }, "nothing was gathered afterwards")
    }
}
