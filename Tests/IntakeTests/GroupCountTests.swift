import Testing

@testable import Intake

@Suite struct GroupCountTests {
    let standard = ProgrammeConfig.Groups()  // 6–8, target 7

    @Test(
        arguments: [
            (5, nil), (6, 1), (7, 1), (8, 1), (9, nil), (11, nil), (12, 2), (17, nil), (18, 3), (52, 7), (345, 49),
            (2000, 286),
        ] as [(Int, Int?)])
    func countForSize(_ n: Int, _ expected: Int?) {
        switch GroupCount.resolve(participants: n, standard) {
        case .groups(let k, let small, let large):
            #expect(k == expected)
            #expect(small >= 6 && large <= 8)
        case .impossible:
            #expect(expected == nil)
        }
    }

    @Test func impossibleSizesComeWithConcreteRelaxations() {
        guard case .impossible(let reason, let options) = GroupCount.resolve(participants: 9, standard) else {
            Issue.record("9 cannot be split into groups of 6–8")
            return
        }
        #expect(reason == "9 participants cannot be split into groups of 6–8")
        #expect(options.contains("allow groups of 9 (max_size = 9): 1 group of 9"))
        #expect(options.contains("allow groups of 4 (min_size = 4): 2 groups of 4–5"))
        guard case .impossible(let r5, let o5) = GroupCount.resolve(participants: 5, standard) else { return }
        #expect(r5 == "5 participants cannot be split into groups of 6–8")
        #expect(o5.contains("add 1 more participant"))
    }

    @Test func explicitCountIsCheckedAgainstSizes() {
        var g = standard
        g.count = 10
        guard case .impossible(let reason, _) = GroupCount.resolve(participants: 52, g) else {
            Issue.record("52 people cannot fill 10 groups of 6–8")
            return
        }
        #expect(reason.contains("cannot fill 10 groups of 6–8"))
        g.count = 8
        #expect(GroupCount.resolve(participants: 52, g) == .groups(count: 8, smallest: 6, largest: 7))
    }
}

@Suite struct ConfigTests {
    @Test func defaultsWithoutConfig() throws {
        let p = try Fixture.load(Fixture.header + Fixture.row("Anne", school: "A"))
        #expect(p.config == ProgrammeConfig())
        #expect(p.config.separate == [.school, .hierarchy, .competitors])
        #expect(p.config.priorities == [.region, .level, .variety])
    }

    @Test func bundledConfigsAreRead() throws {
        let p = try ProgrammeReader.load(
            signups: Fixture.file("lerend-leiderschap-52.csv"), config: Fixture.file("lerend-leiderschap.toml"),
            facilitators: Fixture.file("facilitators-lerend-leiderschap.csv"))
        #expect(p.config.name == "Lerend Leiderschap 2027")
        #expect(p.config.separate.contains(.board))
        #expect(p.config.schedule.casesPerMeeting == .auto)
        #expect(p.config.schedule.weekdays == [.monday, .thursday])
        #expect(p.config.schedule.startMinutes == 14 * 60)
        #expect(p.facilitators?.count == 4)
        let q = try ProgrammeReader.load(
            signups: Fixture.file("lead-and-learn-345.csv"), config: Fixture.file("lead-and-learn.toml"))
        #expect(q.config.schedule.fixedDates == [1: Day(parsing: "2027-01-14")!])
        #expect(q.config.schedule.blackoutDates == [DayRange(Day(parsing: "2027-05-07")!)])
        #expect(q.participants.count == 345)
    }

    @Test func levelsFromFunctionWithOverrides() throws {
        let rows = [
            Fixture.row("A", school: "A", function: "Adjunct directeur"),
            Fixture.row("B", school: "B", function: "Rector-Bestuurder"),
            Fixture.row("C", school: "C", function: "teamleider", level: "2"),
            Fixture.row("D", school: "D", function: "decaan"),
        ]
        let p = try Fixture.load(Fixture.header + rows.joined(), config: "[levels]\ndecaan = 1\nteamleider = 3\n")
        #expect(p.participants.map(\.level) == [2, 4, 2, 1], "explicit level wins; [levels] adds and overrides")
    }

    @Test func dutchWeekdaysAndAutoCasesAreAccepted() throws {
        let p = try Fixture.load(
            Fixture.header + Fixture.row("A", school: "A"),
            config:
                "[schedule]\nweekdays = [\"dinsdag\", \"Donderdag\"]\ncases_per_meeting = "
                + "\"auto\"\nblackout_dates = [2027-05-07, \"2027-02-15..2027-02-19\"]\n"
        )
        #expect(p.config.schedule.weekdays == [.tuesday, .thursday])
        #expect(p.config.schedule.blackoutDates.count == 2)
    }
}
