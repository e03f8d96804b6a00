import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Late joiners who fit nowhere form a new group (issue 16): re-checked here from the written files — sizes,
/// the facilitator's max_groups, weekdays and spacing of its meetings from the cut-off on, and nobody else moved.
@Suite struct NewGroupTests {
    @Test func sevenJoinersWithoutRoomGetAGroupOfTheirOwn() async throws {
        let (folder, planned) = try await ManualChangeTests.planned("new-group")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before: [[String]] = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 7 }
        let from = Day(year: 2027, month: 3, day: 1)!
        var changes = ReplanChanges(from: from)
        changes.joiners = try Fixture.file("replan/late-joiners-lerend-leiderschap.csv")
        let replanned = try await Intervision.replan(folder, changes, budget: RunBudget(timeLimit: 30))
        #expect(replanned.result.newGroups == ["G08"])
        #expect(replanned.result.moves.count <= 1, "fewer moved than added")

        let after: [[String]] = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 7 }
        let sizes = Dictionary(grouping: after, by: { $0[0] }).mapValues(\.count)
        let cfg = planned.programme.config.groups
        #expect(sizes["G08"].map { $0 >= cfg.minSize && $0 <= cfg.maxSize } == true, "\(sizes)")
        #expect(sizes.values.allSatisfy { (cfg.minSizeAfterDropout...cfg.maxSize).contains($0) })
        #expect(after.count == before.count + 7, "every joiner placed")
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0[1], $0[0]) })
        #expect(after.filter { old[$0[1]] != nil && old[$0[1]] != $0[0] }.count == replanned.result.moves.count)
        // Its facilitator stays within max_groups; its meetings are on allowed weekdays, spaced 4–8 weeks.
        let leader: String = try #require(after.first { (row: [String]) in row[0] == "G08" }?[7])
        let led = Set(after.filter { $0[7] == leader }.map { $0[0] })
        #expect(led.count <= 2, "\(leader) leads \(led)")
        let all: [[String]] = try FacilitatorChangeTests.schedule(folder)
        let meetings = all.filter { (row: [String]) in row[0] == "G08" && row[9] == "planned" }
        #expect(meetings.count == planned.programme.config.schedule.meetings)
        #expect(MeetingChangeTests.keepsWeekdaysAndSpacing(meetings))
        #expect(meetings.allSatisfy { $0[2] >= "\(from)" && $0[5] == leader })
        let days = all.filter { (row: [String]) in row[5] == leader && row[9] == "planned" }.map { $0[2] }
        #expect(Set(days).count == days.count, "\(leader) has two meetings on one day")
        let ics = try FacilitatorChangeTests.events(folder + "/rota/group-G08.ics")
        #expect(ics.count == 4 && ics.values.allSatisfy { $0.contains("SEQUENCE:0") })
    }
}
