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

    /// Plans with `mode` and `priorities`; `inspect` reads the plan folder before it is removed.
    static func plan(
        _ mode: String, groups: Int, priorities: String? = nil, minSize: Int = 4,
        inspect: (String) async throws -> Void = { _ in }
    ) async throws -> (PlannedProgramme, Int) {
        let folder = Scratch.folder("met-before-\(mode)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config =
            "[groups]\ncount = \(groups)\nmin_size = \(minSize)\nmax_size = 8\nmin_size_after_dropout = \(minSize)\n"
            + "[rules]\nmet_before = \"\(mode)\"\n" + (priorities.map { "priorities = \($0)\n" } ?? "")
        var inputs = ProgrammeInputs(
            signups: InputFile(name: "s.csv", data: Data(Self.signups.utf8)),
            config: InputFile(name: "c.toml", data: Data(config.utf8)))
        inputs.previous = [InputFile(name: "groups.csv", data: Data(Self.earlier.utf8))]
        let planned = try await Intervision.plan(
            PlanRequest(inputs: inputs, folder: folder), budget: RunBudget(timeLimit: 30))
        // Recount from groups.csv: pairs who share a group now and shared one before.
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 1 }
        let now = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[0]) })
        var repeated = 0
        for a in 0..<24 {
            for b in (a + 1)..<24 where a % 4 == b % 4 && now["p\(a)@x.nl"] == now["p\(b)@x.nl"] { repeated += 1 }
        }
        try await inspect(folder)
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

    /// Spread (levels 1 and 2) of the planned groups, recomputed from groups.csv: the earlier groups E0 and E2 are
    /// level 1, E1 and E3 level 2 (index parity).
    static func spread(_ planned: PlannedProgramme) -> Int {
        planned.grouping.groups.reduce(0) { sum, g in
            let levels = Set(
                g.members.map { planned.programme.participants[$0].email.dropFirst().prefix { $0 != "@" } }
                    .map { Int($0)! % 2 })
            return sum + levels.count - 1
        }
    }

    @Test func freshRankedBelowLevelKeepsLevelsPureAndRepeatsAsFewAsThatAllows() async throws {
        // Keeping the earlier groups apart mixes every group (each earlier group has one level); with `level` ranked
        // above `fresh` the groups stay pure and each earlier group of 6 splits 3 + 3 over the two groups of its
        // level: 2 × 3 = 6 repeated pairs each, 24 in all — the fewest any plan with pure groups has.
        let (ranked, repeated) = try await Self.plan(
            "avoid", groups: 4, priorities: #"["level", "fresh", "region", "variety"]"#
        ) { folder in
            // The report names the repeats among what needs attention, right after the objective ranked above.
            let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
            #expect(report.contains("Doel <b>niet opnieuw samen</b>: 24 paren die eerder in één groep zaten"))
            let table = try #require(report.range(of: "id=\"doelen\"")).upperBound
            let rows = ["<code>spread</code>", "<code>fresh</code>", "<code>away</code>"].map {
                report.range(of: $0, range: table..<report.endIndex)?.lowerBound
            }
            #expect(rows[0]! < rows[1]! && rows[1]! < rows[2]!, "objectives table in the organiser's order")
        }
        #expect(Self.spread(ranked) == 0)
        #expect(repeated == 24)
        #expect(ranked.programme.metBeforeApart.isEmpty)
        // Ranked first (the default), the pairs stay apart and the groups mix levels.
        let (first, fewest) = try await Self.plan("avoid", groups: 4, priorities: #"["fresh", "level"]"#)
        #expect(fewest == 8)
        #expect(Self.spread(first) == 4)
    }

    @Test func freshRankedBelowAnObjectiveThePairsDoNotCostKeepsThemApart() async throws {
        // Everyone is in Utrecht: keeping the pairs apart costs `region` nothing, so that plan wins.
        let (planned, repeated) = try await Self.plan(
            "avoid", groups: 4, priorities: #"["region", "fresh", "level"]"#)
        #expect(repeated == 8)
        #expect(!planned.programme.metBeforeApart.isEmpty)
    }

    @Test(arguments: [
        (#"["fresh", "level", "fresh"]"#, "avoid", "\"fresh\" is listed twice"),
        (#"["fresh"]"#, "avoid", "\"fresh\" cannot be the only priority"),
        (#"["region", "fresh"]"#, "apart", "\"fresh\" is ranked, but met_before = \"apart\""),
        (#"["region", "fresh"]"#, "ignore", "\"fresh\" is ranked, but met_before = \"ignore\""),
    ])
    func freshInPrioritiesIsCheckedWithTheRest(priorities: String, mode: String, message: String) async throws {
        do {
            _ = try await Self.plan(mode, groups: 4, priorities: priorities)
            Issue.record("\(priorities) with met_before = \(mode) was accepted")
        } catch {
            guard case PlanningFailure.invalidInput(let d)? = error as? PlanningFailure else { throw error }
            let hit = try #require(d.first { $0.message.hasPrefix(message) }, "\(d.map(\.message))")
            #expect(hit.file == "c.toml" && hit.line == 8)
            #expect(hit.dutch?.message.contains("fresh") == true)
        }
    }

    @Test func aReplanPlacesMoversForFewerRepeatsWhenFreshIsRanked() async throws {
        // Four groups of exactly 6 that may not shrink: three leave one group, whose other three must move, two
        // places free in each other group. Level first, then fresh: the test tries every way to place the three and
        // expects the replan to reach the best (spread, repeated pairs) among them.
        _ = try await Self.plan(
            "avoid", groups: 4, priorities: #"["level", "fresh", "region", "variety"]"#, minSize: 6
        ) { folder in
            let (before, left, leaving, now) = try await Self.leaveGroupOfFirst(folder)
            let movers = left.filter { !leaving.contains($0) }
            #expect(movers.allSatisfy { now[$0] != before[0] }, "the group is dissolved")
            let others = Set(before.values).subtracting([before[0]!]).sorted()
            var best: [Int]?
            for a in others {
                for b in others {
                    for c in others {
                        var at = now.filter { !movers.contains($0.key) }
                        for (m, g) in zip(movers, [a, b, c]) { at[m] = g }
                        guard Dictionary(grouping: at.keys, by: { at[$0]! }).values.allSatisfy({ $0.count <= 8 }) else {
                            continue
                        }
                        if best == nil || Self.cost(at).lexicographicallyPrecedes(best!) { best = Self.cost(at) }
                    }
                }
            }
            #expect(Self.cost(now) == best, "the replan's groups against the best placement of the three")
        }
    }

    /// Person index → group id in the folder's groups.csv.
    static func groupOf(_ folder: String) throws -> [Int: String] {
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 1 }
        return Dictionary(uniqueKeysWithValues: rows.map { (Int($0[1].dropFirst().prefix { $0 != "@" })!, $0[0]) })
    }

    /// Replans the folder with three of person 0's group leaving: person 0, another of the same earlier group and
    /// one of the other earlier group of that level, so the three who stay come from both. Returns the groups
    /// before, that group's members, who left, and the groups after.
    static func leaveGroupOfFirst(_ folder: String) async throws -> ([Int: String], [Int], [Int], [Int: String]) {
        let before = try groupOf(folder)
        let left = before.keys.filter { before[$0] == before[0] }.sorted()
        let leaving = [0] + left.filter { $0 != 0 && $0 % 4 == 0 }.prefix(1) + left.filter { $0 % 4 == 2 }.prefix(1)
        var changes = ReplanChanges(dropouts: leaving.map { .init(email: "p\($0)@x.nl", source: "test") })
        changes.withDurations = false
        _ = try await Intervision.replan(folder, changes, budget: RunBudget(timeLimit: 30))
        return (before, left, leaving, try groupOf(folder))
    }

    /// (spread, repeated pairs) of a grouping, counted here: levels by parity, earlier groups by index mod 4.
    static func cost(_ at: [Int: String]) -> [Int] {
        let groups = Dictionary(grouping: at.keys, by: { at[$0]! }).values
        let spread = groups.reduce(0) { $0 + Set($1.map { $0 % 2 }).count - 1 }
        let repeats = groups.reduce(0) { sum, m in
            sum + m.reduce(0) { c, a in c + m.filter { $0 > a && $0 % 4 == a % 4 }.count }
        }
        return [spread, repeats]
    }

    @Test func aReplanChoosesWhoMovesForTheOrganisersOrder() async throws {
        // Groups of 6 that may shrink to 4: three leave one group, one person must join it. Any of many may be the
        // one; the test tries each and expects the replan's one move to reach the best (spread, repeated pairs).
        _ = try await Self.plan(
            "avoid", groups: 4, priorities: #"["level", "fresh", "region", "variety"]"#
        ) { folder in
            let (before, _, leaving, now) = try await Self.leaveGroupOfFirst(folder)
            let moved = now.keys.filter { now[$0] != before[$0] }
            #expect(moved.count == 1, "one move tops the group up: \(moved)")
            let target = before[0]!
            var best: [Int]?
            for n in before.keys.sorted() where before[n] != target {
                var at = before.filter { !leaving.contains($0.key) }
                at[n] = target
                let sizes = Dictionary(grouping: at.keys, by: { at[$0]! }).values.map(\.count)
                guard sizes.allSatisfy({ (4...8).contains($0) }) else { continue }
                if best == nil || Self.cost(at).lexicographicallyPrecedes(best!) { best = Self.cost(at) }
            }
            #expect(Self.cost(now) == best, "the replan's groups against every choice of who moves")
            #expect(Self.cost(now)[0] == 0, "every group stays level")
        }
    }

    @Test func theCheckCountsPairsWhoMetBeforeAsTiesOnlyWhenFreshRanksFirst() throws {
        // 24 people of 24 schools: only the earlier groups tie anyone. Fresh first keeps the dealt-round pairs apart
        // (an earlier group of 6 over 4 groups: tied sets of 4); ranked below level they are no ties at all.
        func largest(_ priorities: String) throws -> Int {
            let config =
                "[groups]\ncount = 4\nmin_size = 4\nmax_size = 8\nmin_size_after_dropout = 4\n"
                + "[rules]\nmet_before = \"avoid\"\npriorities = \(priorities)\n"
            var inputs = ProgrammeInputs(
                signups: InputFile(name: "s.csv", data: Data(Self.signups.utf8)),
                config: InputFile(name: "c.toml", data: Data(config.utf8)))
            inputs.previous = [InputFile(name: "groups.csv", data: Data(Self.earlier.utf8))]
            return try Intervision.check(inputs).summary.largestTiedSet.members.count
        }
        #expect(try largest(#"["fresh", "level"]"#) == 4)
        #expect(try largest(#"["level", "fresh"]"#) == 1)
    }
}
