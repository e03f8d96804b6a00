import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// plan.json is what every later replan starts from: it must read back to the same plan.
@Suite struct PlanDocumentTests {
    static func planned(_ tag: String) async throws -> String {
        let folder = Scratch.folder(tag)
        let inputs = try ProgrammeInputs(
            signups: Fixture.path("lerend-leiderschap-52.csv"),
            config: Fixture.path("lerend-leiderschap.toml"),
            facilitators: Fixture.path("facilitators-lerend-leiderschap.csv"))
        _ = try await Intervision.plan(
            PlanRequest(inputs: inputs, folder: folder, now: Date(timeIntervalSince1970: 1.8e9)),
            budget: RunBudget(timeLimit: 60))
        return folder
    }

    @Test func planJSONRoundTripsByteForByte() async throws {
        let folder = try await Self.planned("roundtrip")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stored = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        let (document, plan) = try PlanStore(folder: folder).read()
        #expect(document.encoded() == stored)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/history/plan-v1.json")) == stored)
        // The restored plan holds the same groups as groups.csv, and the same meetings as schedule.csv.
        var csv = try String(contentsOfFile: folder + "/groups.csv", encoding: .utf8)
        csv.removeFirst()
        let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let p = plan.programme.participants
        let restored = plan.groups.flatMap { g in g.members.map { [g.id, p[$0].email] } }
        #expect(restored == rows.map { [$0[0], $0[1]] })
        let meetings =
            try String(contentsOfFile: folder + "/schedule.csv", encoding: .utf8).split(separator: "\r\n").count - 1
        #expect(plan.schedule.meetings.count == meetings)
        #expect(plan.version == 1)
    }

    @Test func replanningInProcessMovesNobodyWhenNoGroupFallsShort() async throws {
        let folder = try await Self.planned("inprocess")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, current) = try PlanStore(folder: folder).read()
        let leaver = current.groups[0].members[0]
        let request = ReplanRequest(drop: [leaver], joiners: [], from: Day(parsing: "2027-04-01")!)
        let result = try Replanner.replan(
            current, request, now: Date(timeIntervalSince1970: 1.9e9),
            budget: RunBudget(timeLimit: 30))
        #expect(result.moves.isEmpty && result.movesBound == 0 && result.dissolved.isEmpty)
        #expect(result.version == 2)
        #expect(!result.grouping.groups[0].members.contains(leaver))
        // History is frozen: every meeting before the cut-off is the same as before.
        let before = current.schedule.meetings.filter { $0.date < request.from }
        let after = result.schedule.meetings.filter { $0.date < request.from }
        #expect(before == after && !before.isEmpty)
        // Later meetings of the leaver's group no longer list them.
        #expect(result.schedule.meetings.filter { $0.date >= request.from }.allSatisfy { !$0.members.contains(leaver) })
    }
}
