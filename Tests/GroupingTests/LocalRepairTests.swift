import Intake
import RunControl
import TestFixtures
import Testing

@testable import Grouping

/// The fallback for large programmes: whatever it does, the result must keep every rule (checked by
/// `PlanCheck`), and its moves and swaps must never make the objectives worse.
@Suite struct LocalRepairTests {
    /// 30 people, 5 groups of 6: schools come in pairs (colleagues), regions alternate in blocks of 6.
    static func programme() throws -> Programme {
        var csv = Fixture.header
        for i in 0..<30 {
            csv += Fixture.row(
                "P \(i)", school: "School \(i / 2)", level: "\(1 + i % 3)",
                region: i / 6 % 2 == 0 ? "Utrecht" : "Limburg")
        }
        return try Fixture.load(csv)
    }

    @Test func placesEveryoneWithoutBreakingARule() throws {
        let p = try Self.programme()
        // Two groups already hold people (as if their class was solved); the rest must be placed.
        let start: [[Int]] = [[0, 2, 4, 6, 8, 10], [1, 3, 5, 7, 9, 11], [], [], []]
        var repair = LocalRepair(p, groups: start, slotRegion: ["Utrecht", "Limburg", "Utrecht", "Limburg", nil])
        let placed = repair.place(Array(12..<30), preferring: [2, 3, 4])
        let filled = repair.fillSmallGroups()
        #expect(placed && filled)
        let groups = repair.groups.enumerated().map {
            Group(id: "G\($0.offset)", members: $0.element.sorted(), homeRegion: "")
        }
        #expect(PlanCheck.violations(groups, p).isEmpty, "\(PlanCheck.violations(groups, p))")
    }

    @Test func movesAndSwapsOnlyImprove() throws {
        let p = try Self.programme()
        // A valid but poor start: regions mixed in every group (colleagues 2k, 2k+1 kept apart).
        var mixed: [[Int]] = Array(repeating: [], count: 5)
        for i in 0..<30 { mixed[(i + i / 6) % 5].append(i) }
        let before = Metrics.total(.region, mixed, p.participants)
        var repair = LocalRepair(p, groups: mixed, slotRegion: Array(repeating: nil, count: 5))
        repair.improve(within: RunBudget(timeLimit: 10), share: 0.5)
        let groups = repair.groups.enumerated().map {
            Group(id: "G\($0.offset)", members: $0.element.sorted(), homeRegion: "")
        }
        #expect(PlanCheck.violations(groups, p).isEmpty)
        let after = Metrics.total(.region, repair.groups, p.participants)
        #expect(after < before, "away \(before) → \(after)")
        // 12 Limburg and 18 Utrecht people in groups of 6: at best 0 away.
        #expect(after <= 2)
    }
}

/// When the first aggregate model finds nothing in its time, a valid programme still gets a valid plan.
@Suite struct PlanByHandTests {
    @Test(arguments: [
        ("lerend-leiderschap-52.csv", "lerend-leiderschap.toml"), ("lead-and-learn-345.csv", "lead-and-learn.toml"),
    ])
    func aPlanByHandKeepsEveryRuleAndClaimsNoProof(_ files: (String, String)) throws {
        let p = try ProgrammeReader.load(signups: Fixture.file(files.0), config: Fixture.file(files.1))
        guard case .groups(let k, _, _) = GroupCount.resolve(participants: p.participants.count, p.config.groups) else {
            Issue.record("no group count")
            return
        }
        var run = GroupingRun(programme: p, groupCount: k, options: GroupingOptions(timeLimit: 30))
        let plan = run.byHand(reason: "test")
        let result = try #require(plan)
        #expect(result.groups.count == k)
        #expect(PlanCheck.violations(result.groups, p).isEmpty)
        #expect(result.objectives.allSatisfy { $0.bound == 0 } && result.stats.timeLimitHit)
        #expect(result.stats.stages.contains { $0.name.contains("plan by hand") })
    }
}
