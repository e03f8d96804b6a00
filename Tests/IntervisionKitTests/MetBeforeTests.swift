import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Earlier cohorts (`--previous`) under `[rules] met_before`: `apart` as a hard rule, `avoid` keeping apart all
/// that the groups allow (with a proven bound), `ignore` not at all — the repeated pairs recounted by the test.
@Suite struct MetBeforeTests {
    /// 24 people of 24 schools in one region; the earlier cohort had them in 4 groups of 6 (by index mod 4).
    static let signups =
        Fixture.header
        + (0..<24).map { k in "P\(k),p\(k)@x.nl,teamleider,\(1 + k % 2),School \(k),,Utrecht,,,,3," }
        .joined(separator: "\n") + "\n"
    static let earlier = "group,email\n" + (0..<24).map { "E\($0 % 4),p\($0)@x.nl" }.joined(separator: "\n") + "\n"

    static func plan(_ mode: String, groups: Int) async throws -> (PlannedProgramme, Int) {
        let folder = Scratch.folder("met-before-\(mode)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config =
            "[groups]\ncount = \(groups)\nmin_size = 4\nmax_size = 8\nmin_size_after_dropout = 4\n"
            + "[rules]\nmet_before = \"\(mode)\"\n"
        var inputs = ProgrammeInputs(
            signups: InputFile(name: "s.csv", data: Data(signups.utf8)),
            config: InputFile(name: "c.toml", data: Data(config.utf8)))
        inputs.previous = [InputFile(name: "groups.csv", data: Data(earlier.utf8))]
        let planned = try await Intervision.plan(
            PlanRequest(inputs: inputs, folder: folder), budget: RunBudget(timeLimit: 30))
        // Recount from groups.csv: pairs who share a group now and shared one before.
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 1 }
        let now = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[0]) })
        var repeated = 0
        for a in 0..<24 {
            for b in (a + 1)..<24 where a % 4 == b % 4 && now["p\(a)@x.nl"] == now["p\(b)@x.nl"] { repeated += 1 }
        }
        return (planned, repeated)
    }

    @Test func apartKeepsEveryEarlierPairApartWhenTheGroupsAllowIt() async throws {
        // Six groups: each earlier group of 6 fits one member per group.
        let (_, repeated) = try await Self.plan("apart", groups: 6)
        #expect(repeated == 0)
    }

    @Test func apartIsImpossibleWhenAnEarlierGroupIsLargerThanTheNumberOfGroups() async throws {
        // The explanation names the earlier group and offers `avoid`, which then plans (the test above).
        do {
            _ = try await Self.plan("apart", groups: 4)
            Issue.record("six earlier group-mates cannot be kept apart by four groups")
        } catch {
            guard case PlanningFailure.impossible(let why)? = error as? PlanningFailure else { throw error }
            #expect(why.people.count == 6, "\(why.details)")
            #expect(why.details.last == "tied pairs among them: 15 by `met_before`")
            #expect(why.suggestions.contains { $0.change == "[rules] met_before = \"avoid\"" })
            #expect(why.text(dutch: true).suggestions.contains { $0.hasPrefix("[rules] met_before = \"avoid\": ") })
        }
    }

    @Test func avoidReachesItsProvenBoundAndIgnoreDoesNotTry() async throws {
        // Four groups: 6 earlier group-mates over 4 groups leave at least 2 pairs per earlier group, 8 in all.
        let (avoid, repeated) = try await Self.plan("avoid", groups: 4)
        #expect(avoid.programme.freshBound == 8)
        #expect(repeated == 8)
        let (ignore, again) = try await Self.plan("ignore", groups: 4)
        #expect(ignore.programme.metBefore.isEmpty)
        #expect(again >= 8)
    }
}
