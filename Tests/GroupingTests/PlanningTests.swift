import Foundation
import Grouping
import Intake
import TestFixtures
import Testing

@Suite struct PlanningTests {
    static func people(_ n: Int, region: (Int) -> String = { _ in "Utrecht" }, level: (Int) -> String = { _ in "" })
        -> String
    {
        var csv = Fixture.header
        for i in 0..<n { csv += Fixture.row("P \(i)", school: "S\(i)", level: level(i), region: region(i)) }
        return csv
    }

    /// The explanation when planning must be impossible; nil (and a recorded issue for any other
    /// failure) when a plan came out or it failed for another reason.
    static func impossible(_ p: Programme) -> Explanation? {
        do {
            _ = try GroupPlanner.plan(p)
            return nil
        } catch {
            guard case .impossible(let why) = error else {
                Issue.record("expected impossible, got \(error)")
                return nil
            }
            return why
        }
    }

    /// N = 5, 9, 17 cannot be split into groups of 6–8; 6, 12, 18 can, into 1, 2 and 3 groups.
    @Test(arguments: [(5, nil), (6, 1), (9, nil), (12, 2), (17, nil), (18, 3)] as [(Int, Int?)])
    func sizeEdgeCases(n: Int, groups: Int?) throws {
        let p = try Fixture.load(Self.people(n))
        if let groups {
            let r = try GroupPlanner.plan(p)
            #expect(r.groups.count == groups)
            #expect(r.groups.allSatisfy { (6...8).contains($0.members.count) })
        } else {
            let why = try #require(Self.impossible(p), "\(n) participants should not fit groups of 6–8")
            #expect(why.headline.contains("\(n) participants"))
            #expect(!why.suggestions.isEmpty)
        }
    }

    @Test func tooManyColleaguesForTheGroupsIsExplainedWithNamesAndRemedies() throws {
        // 12 people make 2 groups; three colleagues from one school cannot all be apart.
        var csv = Fixture.header
        for i in 0..<3 { csv += Fixture.row("Colleague \(i)", school: "Het Baken") }
        for i in 0..<9 { csv += Fixture.row("Other \(i)", school: "S\(i)") }
        let p = try Fixture.load(csv)
        let why = try #require(Self.impossible(p), "three colleagues cannot be separated by two groups")
        #expect(
            why.headline.contains(
                "these 3 people from 1 school must all be in different groups, but there are only 2 groups"))
        #expect(why.details.filter { $0.contains("Colleague") }.count == 3)
        #expect(why.suggestions.contains { $0.change.contains("count = 3") })
        // In Dutch for the organiser's page: the same people, as many changes.
        let dutch = why.text(dutch: true)
        #expect(
            dutch.headline
                == "deze 3 mensen van 1 school moeten allemaal in verschillende groepen, maar er zijn maar 2 groepen")
        #expect(dutch.details.filter { $0.contains("Colleague") }.count == 3)
        #expect(dutch.details.last?.hasPrefix("verbonden paren onder hen: 3 door `school`") == true, "\(dutch)")
        #expect(dutch.suggestions.count == why.suggestions.count)
        #expect(
            dutch.suggestions.contains { $0 == "[groups] count = 3 en min_size = 4: 3 groepen, sommige van maar 4" })
    }

    @Test func prioritiesAreLexicographicInTheConfiguredOrder() throws {
        // Two regions of 6, each half level 1 and half level 2: region first keeps regions together
        // (away 0, spread 2); level first makes level-pure groups (spread 0, away 6).
        let csv = Self.people(12, region: { $0 < 6 ? "Utrecht" : "Limburg" }, level: { $0 % 2 == 0 ? "1" : "2" })
        let regionFirst = try GroupPlanner.plan(
            try Fixture.load(csv, config: "[rules]\npriorities = [\"region\", \"level\"]\n"))
        #expect(regionFirst.objectives.map(\.value) == [0, 2])
        let levelFirst = try GroupPlanner.plan(
            try Fixture.load(csv, config: "[rules]\npriorities = [\"level\", \"region\"]\n"))
        #expect(levelFirst.objectives.map(\.value) == [0, 6])
        #expect((regionFirst.objectives + levelFirst.objectives).allSatisfy { $0.optimal })
    }

    @Test func samePlanEveryRun() throws {
        let p = try ProgrammeReader.load(
            signups: Fixture.file("lerend-leiderschap-52.csv"), config: Fixture.file("lerend-leiderschap.toml"))
        let a = try GroupPlanner.plan(p), b = try GroupPlanner.plan(p)
        #expect(a.groups == b.groups)
    }

    @Test func planCheckCatchesWhatTheSolverMustNeverDo() throws {
        var csv = Fixture.header
        csv += Fixture.row("A", school: "Same")
        csv += Fixture.row("B", school: "Same")
        for i in 0..<10 { csv += Fixture.row("O \(i)", school: "S\(i)") }
        let p = try Fixture.load(csv)
        let bad = [
            Group(id: "G01", members: Array(0..<6), homeRegion: "Utrecht"),
            Group(id: "G02", members: Array(6..<11), homeRegion: "Utrecht"),
        ]
        let v = PlanCheck.violations(bad, p)
        #expect(v.contains { $0.rule == .separate(.school) })
        #expect(v.contains { $0.rule == .size })
        #expect(v.contains { $0.rule == .membership })
    }
}
