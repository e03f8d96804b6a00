import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Locked groups (`replan --lock`): nobody moves into or out of them in this and later replans, checked from
/// groups.csv of each version, until `--unlock`.
@Suite struct LockTests {
    static let from = Day(year: 2027, month: 4, day: 1)!

    /// group id → member emails, from groups.csv.
    static func groups(_ folder: String) throws -> [String: Set<String>] {
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 2 }
        return Dictionary(grouping: rows, by: { $0[0] }).mapValues { Set($0.map { $0[1].lowercased() }) }
    }

    static func changes(_ edit: (inout ReplanChanges) -> Void) -> ReplanChanges {
        var c = ReplanChanges(from: from)
        edit(&c)
        return c
    }

    static func refusal(_ folder: String, _ c: ReplanChanges) async throws -> Explanation? {
        do {
            _ = try await Intervision.replan(folder, c, budget: RunBudget(timeLimit: 30))
            return nil
        } catch {
            guard case .impossible(let why) = error else { throw error }
            return why
        }
    }

    @Test func aLockedGroupKeepsItsMembersThroughLaterReplansUntilUnlocked() async throws {
        let (folder, planned) = try await ManualChangeTests.planned("locks")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let v1 = try Self.groups(folder)
        #expect(v1.count == planned.grouping.groups.count)
        // Version 2 only locks G02.
        let locked = try await Intervision.replan(
            folder, Self.changes { $0.lock = ["g02"] }, budget: RunBudget(timeLimit: 30))
        #expect(locked.result.locked == ["G02"] && locked.result.lockedNow == ["G02"])
        #expect(try Self.groups(folder) == v1, "a lock alone moves nobody")
        #expect(try String(contentsOfFile: folder + "/changes.md", encoding: .utf8).contains("Vastgezet: G02"))
        #expect(try String(contentsOfFile: folder + "/report.html", encoding: .utf8).contains(">vastgezet</span>"))

        // Moving someone into or out of G02 is refused with the lock and the way out; nothing is written.
        let plan = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        let outsider = try #require(v1.first { $0.key != "G02" }?.value.sorted().first)
        let insider = try #require(v1["G02"]?.sorted().first)
        for c in [
            Self.changes { $0.moves = [.init(email: outsider, group: "G02")] },
            Self.changes { $0.moves = [.init(email: insider, group: "G01")] },
            Self.changes { $0.swaps = [.init(insider, outsider)] },
        ] {
            let why = try await Self.refusal(folder, c)
            #expect(why?.headline == "G02 is locked: nobody moves into or out of it")
            #expect(why?.suggestions.first?.what == "unlock it in the same replan: --unlock G02")
            #expect(throws: PlanningFailure.self) { _ = try Intervision.preview(folder, c) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")) == plan, "nothing written")

        // A later dropout replan that must top up another group never touches G02 (the lock is kept in plan.json).
        let short = try #require(v1.keys.sorted().first { $0 != "G02" })
        let leavers = v1[short]!.sorted().prefix(v1[short]!.count - 4)
        let replanned = try await Intervision.replan(
            folder, Self.changes { $0.dropouts = leavers.map { .init(email: $0, source: "test") } },
            budget: RunBudget(timeLimit: 30))
        #expect(replanned.result.locked == ["G02"] && replanned.result.lockedNow.isEmpty)
        #expect(!replanned.result.moves.isEmpty, "the short group was topped up or dissolved")
        let v3 = try Self.groups(folder)
        #expect(v3["G02"] == v1["G02"], "the locked group is exactly as it was")

        // Unlocked in the same replan, a swap the rules allow is made.
        let now = replanned.result.grouping.groups.sorted {
            ($0.id != "G02" ? 1 : 0, $0.id) < ($1.id != "G02" ? 1 : 0, $1.id)
        }
        let p = planned.programme.participants
        // The first swap of a G02 member the rules and the facilitators' ties allow, as the preview says.
        let candidates = now[0].members.flatMap { a in now.dropFirst().flatMap(\.members).map { (a, $0) } }
        let (a, b) = try #require(
            candidates.first { a, b in
                (try? Intervision.preview(
                    folder,
                    Self.changes {
                        $0.unlock = ["G02"]
                        $0.swaps = [.init(p[a].email, p[b].email)]
                    })) != nil
            })
        let freed = try await Intervision.replan(
            folder,
            Self.changes {
                $0.unlock = ["G02"]
                $0.swaps = [.init(p[a].email, p[b].email)]
            },
            budget: RunBudget(timeLimit: 30))
        #expect(freed.result.locked.isEmpty && freed.result.unlockedNow == ["G02"])
        #expect(
            try Self.groups(folder)["G02"]?.contains(p[b].email.lowercased()) == true,
            "\(freed.result.moves) \(a) \(b) \(now.map(\.id))")
    }

    @Test func locksThatLeaveNoArrangementAreExplainedWithTheLockedGroups() async throws {
        let (folder, planned) = try await ManualChangeTests.planned("locks-impossible")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ids = planned.grouping.groups.map(\.id)
        let v1 = try Self.groups(folder)
        // Every group but G01 locked, and G01 falls below its minimum: nobody may join it and its members may go
        // nowhere.
        _ = try await Intervision.replan(
            folder, Self.changes { $0.lock = ids.filter { $0 != "G01" } }, budget: RunBudget(timeLimit: 30))
        let leavers = v1["G01"]!.sorted().prefix(v1["G01"]!.count - 4)
        let why = try #require(
            try await Self.refusal(
                folder, Self.changes { $0.dropouts = leavers.map { .init(email: $0, source: "test") } }))
        #expect(why.headline.contains("locked groups"))
        #expect(why.suggestions.contains { $0.what == "unlock G02: --unlock G02" })

        // A locked group that itself falls below the minimum is refused before any solving.
        let lockedLeavers = v1["G02"]!.sorted().prefix(v1["G02"]!.count - 4)
        let small = try #require(
            try await Self.refusal(
                folder, Self.changes { $0.dropouts = lockedLeavers.map { .init(email: $0, source: "test") } }))
        #expect(small.headline.hasPrefix("G02 is locked and keeps 4 members"))

        // Unknown ids and unlocking a free group are input errors.
        for c in [Self.changes { $0.lock = ["G99"] }, Self.changes { $0.unlock = ["G01"] }] {
            await #expect(throws: PlanningFailure.self) {
                _ = try await Intervision.replan(folder, c, budget: RunBudget(timeLimit: 30))
            }
        }
    }
}
