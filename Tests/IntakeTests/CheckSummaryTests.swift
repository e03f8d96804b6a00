import Testing

@testable import Intake

@Suite struct CheckSummaryTests {
    @Test func leadAndLearnSummary() throws {
        let p = try ProgrammeReader.load(
            signups: Fixture.file("lead-and-learn-345.csv"), config: Fixture.file("lead-and-learn.toml"),
            facilitators: Fixture.file("facilitators-lead-and-learn.csv"))
        let s = CheckSummary(p)
        #expect(s.participants == 345)
        #expect(s.byRegion.count == 12, "all provinces")
        #expect(s.byRegion.reduce(0) { $0 + $1.1 } == 345)
        #expect(s.groups == .groups(count: 49, smallest: 7, largest: 8))
        #expect(!s.isImpossible)
        // The largest tied set really is mutually tied, rechecked pair by pair.
        let set = s.largestTiedSet.members
        for a in set { for b in set where a < b { #expect(p.conflicts.areTied(a, b)) } }
        // Small regions and tie-bound regions are one note each, with what to do, not one line per region.
        let notes = s.signals.filter { $0.kind == .note }
        #expect(notes.count == 2)
        #expect(notes.contains { $0.text.contains("Drenthe 4") && $0.text.contains("Zeeland 4") })
        #expect(notes.contains { $0.text.contains("Zuid-Holland 5") && !$0.relaxations.isEmpty })
        #expect(!s.signals.contains { $0.kind == .warning })
    }

    @Test func tooFewGroupsForTiedSetIsImpossible() throws {
        // Eight colleagues from one school in a programme of 14: two groups cannot separate them.
        var rows = (1...8).map { Fixture.row("Baken \($0)", school: "Het Baken") }
        rows += (1...6).map { Fixture.row("Other \($0)", school: "School \($0)") }
        let s = CheckSummary(try Fixture.load(Fixture.header + rows.joined()))
        #expect(s.isImpossible)
        let signal = try #require(s.signals.first { $0.kind == .impossible })
        #expect(
            signal.text == "these 8 people from Het Baken must all be in different groups, but there are only 2 groups")
        // The organiser's page reads it in Dutch, with as many changes as the English.
        let dutch = signal.words(dutch: true)
        #expect(
            dutch.text
                == "deze 8 mensen van Het Baken moeten allemaal in verschillende groepen, maar er zijn maar 2 groepen")
        #expect(dutch.relaxations.count == signal.relaxations.count)
        // The region note offers no rule when colleagues bind its tied set: not the competitors column (as it did).
        let note = try #require(s.signals.first { $0.kind == .note && $0.text.contains("Utrecht 6") })
        #expect(note.relaxations.count == 1, "\(note)")
        #expect(note.dutch?.relaxations.count == 1)
    }

    /// Every signal a check can give carries Dutch words, one change for each English one; a count that cannot
    /// work counts in Dutch too ("3 groepen van 5", "sta groepen van 5 toe").
    @Test(arguments: [5, 17, 345]) func everySignalHasDutchWords(n: Int) throws {
        let rows = (1...n).map {
            Fixture.row("P\($0)", school: "S\($0 % 40)", region: $0 % 9 == 0 ? "Zeeland" : "Utrecht")
        }
        let p = try Fixture.load(
            Fixture.header + rows.joined(), facilitators: "name,email,max_groups\nF,f@x.nl,1\n")
        let s = CheckSummary(p)
        #expect(!s.signals.isEmpty)
        for signal in s.signals {
            let dutch = try #require(signal.dutch, "\(signal.text)")
            #expect(dutch.relaxations.count == signal.relaxations.count, "\(signal)")
            #expect(dutch.text != signal.text)
        }
        if case .impossible = s.groups {
            let dutch = try #require(GroupCount.dutch(participants: n, p.config.groups))
            #expect(dutch.reason.contains("\(n) deelnemers passen niet in groepen van 6–8"), "\(dutch)")
            #expect(dutch.relaxations.allSatisfy { $0.contains("groep") || $0.contains("deelnemer") }, "\(dutch)")
        }
    }

    @Test func facilitatorCapacityIsChecked() throws {
        let rows = (1...14).map { Fixture.row("P\($0)", school: "S\($0)") }.joined()
        let p = try Fixture.load(Fixture.header + rows, facilitators: "name,email,max_groups\nF,f@x.nl,1\n")
        let s = CheckSummary(p)
        #expect(
            s.signals.contains {
                $0.kind == .impossible && $0.text.contains("can lead at most 1 groups together, but there are 2 groups")
            })
    }
}
