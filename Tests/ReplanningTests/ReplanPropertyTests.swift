import Foundation
import IntervisionKit
import PropertyBased
import TestFixtures
import Testing

/// Random sequences of dropouts on the 52 fixture: each replan either keeps every rule with history frozen, or
/// is refused or explained — never a broken plan.
@Suite struct ReplanPropertyTests {
    @Test func dropoutSequencesKeepTheRulesAndFreezeHistory() async throws {
        let folder = Scratch.folder("replan-property")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = try ProgrammeInputs(
            signups: Fixture.path("lerend-leiderschap-52.csv"), config: Fixture.path("lerend-leiderschap.toml"),
            facilitators: Fixture.path("facilitators-lerend-leiderschap.csv"))
        _ = try await Intervision.plan(
            PlanRequest(inputs: inputs, folder: folder, now: Date(timeIntervalSince1970: 1.8e9)),
            budget: RunBudget(timeLimit: 60))
        let first = try PlanStore(folder: folder).read().plan
        let cutOffs = ["2027-02-01", "2027-03-20", "2027-05-01"].map { Day(parsing: $0)! }
        let people = first.programme.participants.count
        await propertyCheck(
            count: 20, input: Gen.int(in: 0..<people).array(of: 1...12), Gen.int(in: 0...2)
        ) { leavers, when in
            let current = first
            let request = ReplanRequest(drop: Set(leavers), joiners: [], from: cutOffs[when])
            do {
                let result = try Replanner.replan(
                    current, request, now: Date(timeIntervalSince1970: 1.9e9), budget: RunBudget(timeLimit: 20))
                let cfg = result.programme.config.groups
                let broken = PlanCheck.violations(
                    result.grouping.groups, result.programme, sizes: cfg.minSizeAfterDropout...cfg.maxSize)
                #expect(broken.isEmpty, "leavers \(leavers): \(broken)")
                #expect(!result.grouping.groups.contains { $0.members.contains(where: leavers.contains) })
                let before = current.schedule.meetings.filter { $0.date < request.from }
                #expect(before == result.schedule.meetings.filter { $0.date < request.from }, "history changed")
                #expect(result.movesBound <= result.moves.count)
            } catch {
                // Refusals (a whole group leaving) and impossibilities are answers, not faults.
                if case .internalError(let message)? = error as? ReplanFailure {
                    Issue.record("leavers \(leavers): \(message)")
                }
            }
        }
    }
}
