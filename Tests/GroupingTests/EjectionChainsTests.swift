import Intake
import TestFixtures
import Testing

@testable import Grouping

/// The packing used for large programmes' classes: whatever it returns must keep tied people apart (checked
/// here pair by pair, not by the code under test), and it must place people a greedy pass cannot.
@Suite struct EjectionChainsTests {
    /// Every tied pair checked directly against the groups.
    static func tiedPairsTogether(_ bins: [[Int]], _ tied: [[Int]]) -> [(Int, Int)] {
        bins.flatMap { bin in bin.flatMap { a in bin.filter { b in a < b && tied[a].contains(b) }.map { (a, $0) } } }
    }

    @Test func displacesTheOneMemberInTheWay() {
        // Group 0 is full with 0 and 1; group 1 holds 2. Person 3 is tied to 0 and to 2, so fits nowhere
        // until 0 moves over to group 1.
        let tied = [[3], [], [3], [0, 2]]
        var chains = EjectionChains(people: 4, tied: tied, bins: [[0, 1], [2]], minSize: 1, maxSize: 2)
        let placed = chains.insert(3)
        #expect(placed)
        #expect(chains.unplaced.isEmpty)
        #expect(Self.tiedPairsTogether(chains.bins, tied).isEmpty)
        #expect(chains.bins.allSatisfy { $0.count <= 2 })
    }

    @Test func saysNoWhenNoChainExists() {
        // Three mutually tied people and two groups: one of them can never be placed.
        let tied = [[1, 2], [0, 2], [0, 1]]
        var chains = EjectionChains(people: 3, tied: tied, bins: [[0], [1]], minSize: 1, maxSize: 3)
        let placed = chains.insert(2)
        #expect(!placed)
        #expect(chains.bins == [[0], [1]])
    }

    @Test func packsDenselyTiedPeopleIntoExactSizes() {
        // 60 people into 10 groups of exactly 6 (sizes 6–6): blocks of 9 (three schools of 3 that all
        // compete) are mutually tied, so each group takes at most one of every block.
        let n = 60
        let tied = (0..<n).map { a in (0..<n).filter { b in a != b && a / 9 == b / 9 } }
        let packed = EjectionChains.pack(people: n, tied: tied, bins: 10, minSize: 6, maxSize: 6)
        #expect(packed.stuck.isEmpty)
        #expect(packed.filled)
        #expect(packed.bins.allSatisfy { $0.count == 6 })
        #expect(Set(packed.bins.joined()).count == n)
        #expect(Self.tiedPairsTogether(packed.bins, tied).isEmpty)
    }

    @Test func levelBandsKeepGroupsToOneLevelWhereTheCountsAllow() {
        // 48 people of levels 1, 2, 3 (16 each, interleaved), colleagues in pairs, 8 groups of 6: cut in level
        // order, only two groups must straddle a level boundary, so the spreads add up to at most 2.
        let n = 48
        let levels = (0..<n).map { 1 + $0 % 3 }
        let tied = (0..<n).map { [$0 ^ 1] }
        let packed = EjectionChains.pack(people: n, tied: tied, bins: 8, minSize: 6, maxSize: 6, levels: levels)
        #expect(packed.stuck.isEmpty && packed.filled)
        #expect(Self.tiedPairsTogether(packed.bins, tied).isEmpty)
        let spread = packed.bins.reduce(0) { sum, bin in
            sum + bin.map { levels[$0] }.max()! - bin.map { levels[$0] }.min()!
        }
        #expect(spread <= 2, "spread \(spread)")
    }

    /// 420 people (above the all-slot model's limit, so the large-programme path runs): six regions of 70;
    /// in one of them 12 schools of 2 all compete (a 24-person tied set) while that region can only form
    /// 10 or 11 groups of its own, so at least 13 of them must be placed elsewhere.
    @Test func largeProgrammeWithATownOfCompetitorsKeepsEveryRule() throws {
        var csv = Fixture.header
        let regions = ["Drenthe", "Fryslân", "Groningen", "Limburg", "Utrecht", "Zeeland"]
        for (r, region) in regions.enumerated() {
            for i in 0..<70 {
                let school = "\(region) school \(i / 2)"
                let inTown = region == "Limburg" && i < 24
                let competing =
                    inTown
                    ? (0..<12).filter { $0 != i / 2 }.map { "\(region) school \($0)" }.joined(separator: "|") : ""
                csv += Fixture.row(
                    "P \(r)-\(i)", school: school, function: ["teamleider", "afdelingsleider", "conrector"][i % 3],
                    level: "\(1 + i % 2)", region: region, town: inTown ? "Venlo" : "", competitors: competing)
            }
        }
        let p = try Fixture.load(csv)
        let result = try GroupPlanner.plan(p, options: GroupingOptions(timeLimit: 60))
        #expect(PlanCheck.violations(result.groups, p).isEmpty)
        #expect(result.groups.allSatisfy { (6...8).contains($0.members.count) })
        // The tied set cannot all stay at home, and the plan proves how many must leave.
        let away = result.objectives.first { $0.objective == .region }!
        #expect(away.value >= 13)
        #expect(away.optimal, "away \(away.value), bound \(away.bound)")
    }
}
