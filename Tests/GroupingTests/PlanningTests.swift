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
                "these 3 people from Het Baken must all be in different groups, but there are only 2 groups"))
        #expect(why.details.filter { $0.contains("Colleague") }.count == 3)
        #expect(why.suggestions.contains { $0.change.contains("count = 3") })
        // In Dutch for the organiser's page: the same people, as many changes.
        let dutch = why.text(dutch: true)
        #expect(
            dutch.headline
                == "deze 3 mensen van Het Baken moeten allemaal in verschillende groepen, maar er zijn maar 2 groepen")
        #expect(dutch.details.filter { $0.contains("Colleague") }.count == 3)
        #expect(dutch.details.last?.hasPrefix("verbonden paren onder hen: 3 door `school`") == true, "\(dutch)")
        #expect(dutch.suggestions.count == why.suggestions.count)
        #expect(
            dutch.suggestions.contains {
                $0 == "[groups] count = 3, min_size = 4 en min_size_after_dropout = 4: 3 groepen, sommige van maar 4"
            })
    }

    /// Eight colleagues among fourteen: groups of one or two are no help (no "min_size = 1"); dropping the school rule
    /// or leaving seven of them for a later round is. Each suggestion, carried out on the sign-ups or config, is
    /// planned again: the planner, not the advice, decides that it helps.
    @Test func tiedSetSuggestionsCarriedOutCanBePlanned() throws {
        let colleagues = (1...8).map { Fixture.row("Baken \($0)", school: "Het Baken") }
        let others = (1...6).map { Fixture.row("Other \($0)", school: "School \($0)") }
        let why = try #require(Self.impossible(try Fixture.load(Fixture.header + (colleagues + others).joined())))
        #expect(
            why.suggestions.map(\.change) == [
                "[rules] separate without \"school\"", "plan at most 1 of these 8 people in this programme",
            ])
        #expect(why.suggestions[0].effect.hasSuffix("no longer keeps people apart; nobody is tied to anyone then"))
        #expect(why.suggestions[1].effect == "the other 7 join a later round")
        #expect(
            why.text(dutch: true).suggestions == [
                "[rules] separate zonder \"school\": ‘collega's van dezelfde school’ houdt mensen dan niet meer "
                    + "uit elkaar; dan is niemand nog aan een ander verbonden",
                "neem hoogstens 1 van deze 8 mensen op in dit programma: de andere 7 schuiven door naar een latere "
                    + "ronde",
            ])
        let withoutSchool = try Fixture.load(
            Fixture.header + (colleagues + others).joined(),
            config: "[rules]\nseparate = [\"hierarchy\", \"competitors\"]\n")
        #expect(try GroupPlanner.plan(withoutSchool).groups.count == 2)
        let oneOfThem = try Fixture.load(Fixture.header + ([colleagues[0]] + others).joined())
        #expect(try GroupPlanner.plan(oneOfThem).groups.count == 1)
        // Three colleagues among twelve: three groups of four do it, and planning with them says so.
        let three =
            (0..<3).map { Fixture.row("Colleague \($0)", school: "Het Baken") }
            + (0..<9).map { Fixture.row("Other \($0)", school: "S\($0)") }
        let small = try #require(Self.impossible(try Fixture.load(Fixture.header + three.joined())))
        #expect(
            small.suggestions.first?.change == "[groups] count = 3, min_size = 4 and min_size_after_dropout = 4")
        let planned = try GroupPlanner.plan(
            try Fixture.load(
                Fixture.header + three.joined(),
                config: "[groups]\ncount = 3\nmin_size = 4\nmin_size_after_dropout = 4\n"))
        #expect(planned.groups.map(\.members.count) == [4, 4, 4])
        // Three competing schools: dropping one competitor tie leaves two people tied, which two groups separate.
        func rivals(dropping pair: Set<String> = []) -> [String] {
            let schools = ["Aa", "Bb", "Cc"]
            return schools.map { school in
                let others = schools.filter { $0 != school && pair != [school, $0] }
                return Fixture.row("Head \(school)", school: school, competitors: others.joined(separator: ";"))
            } + (0..<9).map { Fixture.row("Other \($0)", school: "S\($0)") }
        }
        let competing = try #require(Self.impossible(try Fixture.load(Fixture.header + rivals().joined())))
        let drop = try #require(
            competing.suggestions.first { $0.change.hasPrefix("drop the competitor tie between Aa") })
        #expect(drop.change == "drop the competitor tie between Aa and Bb (edit the competitors column of both)")
        #expect(drop.effect.hasSuffix("the largest tied set becomes 2, which 2 groups can separate"))
        #expect(!competing.suggestions.contains { $0.change.hasPrefix("plan at most") }, "11 or 10 fit no groups")
        let dropped = try Fixture.load(Fixture.header + rivals(dropping: ["Aa", "Bb"]).joined())
        #expect(try GroupPlanner.plan(dropped).groups.count == 2)
    }

    /// Three people wished apart among twelve (two groups): the advice is to remove those three wishes, and without
    /// them the programme plans.
    @Test func tiedSetOfWishesSuggestsRemovingThem() throws {
        let signups = Fixture.csv(Self.people(12))
        let wishes =
            "kind,person,other\napart,p.0@example.nl,p.1@example.nl\napart,p.0@example.nl,p.2@example.nl\n"
            + "apart,p.1@example.nl,p.2@example.nl\napart,p.3@example.nl,p.4@example.nl\n"
        let p = try ProgrammeReader.load(signups: signups, wishes: Fixture.csv(wishes, name: "wishes.csv"))
        let why = try #require(Self.impossible(p))
        #expect(why.headline.hasPrefix("these 3 people from 3 schools"))
        let remove = try #require(why.suggestions.first { $0.change.hasPrefix("remove") })
        #expect(remove.change == "remove the 3 `apart` wishes among them from the wishes file")
        #expect(remove.effect == "the largest tied set becomes 2, which 2 groups can separate")
        #expect(why.text(dutch: true).suggestions.contains { $0.hasPrefix("haal de 3 wensen `niet_samen` tussen hen") })
        let kept = try ProgrammeReader.load(
            signups: signups, wishes: Fixture.csv("kind,person,other\napart,p.3@example.nl,p.4@example.nl\n"))
        #expect(try GroupPlanner.plan(kept).groups.count == 2)
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
