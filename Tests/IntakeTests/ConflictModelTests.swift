import Testing

@testable import Intake

@Suite struct ConflictModelTests {
    private func model(_ rows: [String], separate: String = "[\"school\", \"hierarchy\", \"competitors\"]") throws
        -> Programme
    {
        try Fixture.load(Fixture.header + rows.joined(), config: "[rules]\nseparate = \(separate)\n")
    }

    @Test func colleaguesAreTied() throws {
        let p = try model([
            Fixture.row("Anne", school: "Het Baken"), Fixture.row("Bram", school: "het  baken "),
            Fixture.row("Carla", school: "De Linde"),
        ])
        #expect(p.conflicts.rules(between: 0, 1) == [.school], "school names compare without case and extra spaces")
        #expect(!p.conflicts.areTied(0, 2))
    }

    @Test func hierarchyIsTransitiveAcrossSchools() throws {
        // Team leader → conrector (other location) → rector: the team leader and the rector are tied too.
        let p = try model([
            Fixture.row("Anne", school: "Da Vinci Noord", reportsTo: "bram@example.nl"),
            Fixture.row("Bram", school: "Da Vinci Zuid", function: "conrector", reportsTo: "carla@example.nl"),
            Fixture.row("Carla", school: "Da Vinci College", function: "rector"),
            Fixture.row("Daan", school: "Da Vinci Noord"),
        ])
        #expect(p.conflicts.rules(between: 0, 1) == [.hierarchy])
        #expect(p.conflicts.rules(between: 0, 2) == [.hierarchy])
        #expect(p.conflicts.rules(between: 1, 2) == [.hierarchy])
        #expect(p.conflicts.rules(between: 0, 3) == [.school])
        #expect(!p.conflicts.areTied(1, 3))
        #expect(p.conflicts.pairsByRule[.hierarchy] == 3)
    }

    @Test func competitorDeclaredByOneSideBindsBoth() throws {
        let p = try model([
            Fixture.row("Anne", school: "Het Baken", competitors: "De Linde"),
            Fixture.row("Bram", school: "De Linde"),
            Fixture.row("Carla", school: "De Linde"),
            Fixture.row("Daan", school: "Ring College"),
        ])
        #expect(p.conflicts.rules(between: 1, 0) == [.competitors])
        #expect(p.conflicts.rules(between: 0, 2) == [.competitors])
        #expect(p.conflicts.neighbours[0] == [1, 2])
        #expect(p.conflicts.neighbours[3].isEmpty)
    }

    @Test func boardAndTownOnlyWhenConfigured() throws {
        let rows = [
            Fixture.row("Anne", school: "A", board: "Stichting X", town: "Ede"),
            Fixture.row("Bram", school: "B", board: "Stichting X", town: "Zeist"),
            Fixture.row("Carla", school: "C", board: "Stichting Y", town: "Ede"),
        ]
        let plain = try model(rows)
        #expect(plain.conflicts.totalPairs == 0)
        let strict = try model(rows, separate: "[\"school\", \"board\", \"town\"]")
        #expect(strict.conflicts.rules(between: 0, 1) == [.board])
        #expect(strict.conflicts.rules(between: 0, 2) == [.town])
        #expect(!strict.conflicts.areTied(1, 2))
    }

    @Test func hierarchyRuleCanBeSwitchedOff() throws {
        let p = try model(
            [Fixture.row("Anne", school: "A", reportsTo: "bram@example.nl"), Fixture.row("Bram", school: "B")],
            separate: "[\"school\"]")
        #expect(!p.conflicts.areTied(0, 1))
    }

    /// The adjacency lists (used by solvers) and the pairwise rule check (used by the plan checker) are
    /// built separately; on the 345 fixture they must agree on every one of the 59,340 pairs.
    @Test func adjacencyAgreesWithPairwiseRulesOnFixture() throws {
        let p = try ProgrammeReader.load(
            signups: Fixture.file("lead-and-learn-345.csv"), config: Fixture.file("lead-and-learn.toml"))
        let c = p.conflicts
        var pairs = 0
        for i in 0..<c.count {
            let adjacent = Set(c.neighbours[i])
            for j in 0..<c.count where j != i {
                #expect(adjacent.contains(j) == c.areTied(i, j))
                if j > i, adjacent.contains(j) { pairs += 1 }
            }
        }
        #expect(pairs == c.totalPairs)
        #expect(pairs > 1000)
    }

    @Test func warningsForNamesThatMatchNobody() throws {
        let p = try model([
            Fixture.row("Anne", school: "A", reportsTo: "boss@elders.nl", competitors: "Nergens College")
        ])
        let w = p.warnings.map(\.description)
        #expect(w.contains { $0.contains("\"boss@elders.nl\" matches no participant's email") })
        #expect(w.contains { $0.contains("\"Nergens College\" matches no participant's school") })
        #expect(p.warnings.allSatisfy { $0.severity == .warning && $0.line == 2 })
    }
}

@Suite struct MaxCliqueTests {
    @Test func findsLargestMutuallyTiedSet() throws {
        // Three mutually competing schools in one town (2 + 2 + 1 people) and an unrelated pair of colleagues.
        let rows = [
            Fixture.row("A1", school: "A", competitors: "B|C"), Fixture.row("A2", school: "A"),
            Fixture.row("B1", school: "B", competitors: "C"), Fixture.row("B2", school: "B"),
            Fixture.row("C1", school: "C"), Fixture.row("D1", school: "D"), Fixture.row("D2", school: "D"),
        ]
        let p = try Fixture.load(Fixture.header + rows.joined())
        let r = MaxClique.find(in: p.conflicts)
        #expect(r.members == [0, 1, 2, 3, 4])
        #expect(r.proven)
        #expect(MaxClique.find(in: p.conflicts, among: [5, 6, 0]).members == [5, 6])
    }
}

/// The largest tied set on degenerate but valid programmes, found without an exponential search.
@Suite struct DegenerateTiesTests {
    @Test func aThousandColleaguesAreOneProvenTiedSet() throws {
        let rows = (0..<1000).map { Fixture.row("P \($0)", school: "One School") }.joined()
        let p = try Fixture.load(Fixture.header + rows)
        let largest = MaxClique.find(in: p.conflicts)
        #expect(largest.members.count == 1000 && largest.proven)
    }

    @Test func aSearchCutShortStillReportsALargeSetUnproven() throws {
        // Twenty schools of three in a ring, each competing with the next: the largest tied set is two
        // neighbouring schools (six people).
        let rows = (0..<60).map { n in
            Fixture.row("P \(n)", school: "S\(n % 20)", competitors: "S\((n % 20 + 1) % 20)")
        }.joined()
        let p = try Fixture.load(Fixture.header + rows)
        let full = MaxClique.find(in: p.conflicts)
        #expect(full.members.count == 6 && full.proven)
        let cut = MaxClique.find(in: p.conflicts, budget: 10)
        #expect(!cut.proven, "ten units of work cannot prove it")
        #expect(cut.members.count == 6, "the greedy set is already as large")
        for (x, i) in cut.members.enumerated() {
            for j in cut.members[(x + 1)...] { #expect(p.conflicts.areTied(i, j), "a real tied set") }
        }
    }
}

/// Regions, schools, boards and towns written in another case or with stray spaces are one and the same.
@Suite struct SpellingTests {
    @Test func oneSpellingPerRegionAndSchool() throws {
        let rows = [
            Fixture.row("Anne", school: "Het Baken", region: "Utrecht"),
            Fixture.row("Bram", school: "het  baken", region: "utrecht"),
            Fixture.row("Carla", school: "De Linde", region: "UTRECHT "),
        ].joined()
        let p = try Fixture.load(Fixture.header + rows)
        #expect(p.participants.map(\.region) == ["Utrecht", "Utrecht", "Utrecht"])
        #expect(p.participants.map(\.school) == ["Het Baken", "Het Baken", "De Linde"])
        #expect(CheckSummary(p).byRegion.count == 1)
        #expect(p.conflicts.areTied(0, 1), "colleagues whatever the spelling")
    }
}
