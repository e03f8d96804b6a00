import RunControl
import Testing

@testable import Scheduling

/// Fairness re-checked from the bringers alone: counts, "nobody twice before everyone once", availability.
@Suite struct RotationTests {
    static func check(_ bringers: [[Int]], members: [Int], absent: [[Int]], counts: [Int]) {
        let all = bringers.flatMap { $0 }
        #expect(all.count == counts.reduce(0, +))
        let n = members.count, t = all.count
        let per = Dictionary(grouping: all, by: { $0 }).mapValues(\.count)
        for i in members {
            #expect((t / n...(t + n - 1) / n).contains(per[i] ?? 0), "member \(i) brings \(per[i] ?? 0) of \(t)")
        }
        // Nobody's second turn comes before everyone's first, and so on.
        var seen: [Int: Int] = [:]
        for (position, i) in all.enumerated() {
            seen[i, default: 0] += 1
            #expect(
                seen[i]! == position / n + 1, "member \(i) brings for the \(seen[i]!)th time at position \(position)")
        }
        for (k, b) in bringers.enumerated() {
            #expect(Set(b).count == b.count)
            #expect(b.allSatisfy { !absent[k].contains($0) })
        }
    }

    @Test(arguments: 5...8, 1...2)
    func fairForEverySizeAndCaseCount(size: Int, cases: Int) throws {
        let members = Array(100..<(100 + size))
        let counts = Rotation.casesPerMeeting(.fixed(cases), members: size, meetings: 5)
        // The second member cannot come to meeting 1, the last cannot come to meeting 3.
        let absent = [[101], [], [members.last!], [], []]
        let r = try Rotation.assign(
            group: "G01", members: members, absent: absent, counts: counts, names: { "P\($0)" },
            budget: RunBudget(timeLimit: 10))
        Self.check(r.bringers, members: members, absent: absent, counts: counts)
        #expect(r.notes.isEmpty)
    }

    @Test func autoGivesEveryoneOneCaseWithAtMostTwoAMeeting() {
        #expect(Rotation.casesPerMeeting(.auto, members: 7, meetings: 4) == [1, 2, 2, 2])
        #expect(Rotation.casesPerMeeting(.auto, members: 8, meetings: 4) == [2, 2, 2, 2])
        #expect(Rotation.casesPerMeeting(.auto, members: 6, meetings: 5) == [1, 1, 1, 1, 2])
        #expect(Rotation.casesPerMeeting(.auto, members: 5, meetings: 6) == [1, 1, 1, 1, 1, 1])
        #expect(Rotation.casesPerMeeting(.auto, members: 8, meetings: 3) == [2, 2, 2])
    }

    @Test func groupsDoNotAllRunInTheSameOrder() throws {
        let members = Array(0..<7)
        let counts = Array(repeating: 1, count: 5)
        let none = Array(repeating: [Int](), count: 5)
        let orders = try (1...6).map {
            try Rotation.assign(
                group: "G0\($0)", members: members, absent: none, counts: counts, names: { "\($0)" },
                budget: RunBudget(timeLimit: 10)
            ).bringers
        }
        #expect(Set(orders.map { $0.flatMap { $0 } }).count == 6)
        #expect(
            Set(orders.map { $0.flatMap { $0 }.first! }).count >= 4,
            "the first case bringer differs between most groups: \(orders)")
    }

    @Test func someoneUnavailableAtEveryMeetingIsNamed() throws {
        let members = Array(0..<6)
        let absent = Array(repeating: [3], count: 6)
        let r = try Rotation.assign(
            group: "G02", members: members, absent: absent, counts: Array(repeating: 1, count: 6), names: { "P\($0)" },
            budget: RunBudget(timeLimit: 10))
        #expect(!r.bringers.flatMap { $0 }.contains(3))
        #expect(r.notes.contains { $0.en.contains("P3 is unavailable on every meeting date") })
        #expect(r.notes.contains { $0.nl.contains("P3 kan op geen enkele datum") })
        #expect(r.bringers.allSatisfy { $0.count == 1 })
    }

    @Test func methodsStartStructuredNeverRepeatBackToBackAndDifferBetweenGroups() {
        let methods = ["incident", "tienstappen", "roddel", "e5"]
        let sequences = (0..<3).map { Methods.sequence(methods, meetings: 6, groupIndex: $0) }
        for s in sequences {
            #expect(s.first == "tienstappen")
            #expect(zip(s, s.dropFirst()).allSatisfy { $0 != $1 }, "\(s)")
            #expect(s.allSatisfy(methods.contains))
        }
        #expect(Set(sequences.map { $0.dropFirst().joined(separator: ",") }).count == 3)
    }
}
