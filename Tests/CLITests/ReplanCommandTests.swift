import Foundation
import TestFixtures
import Testing

/// `intervision replan` end to end on a small programme: 3 groups of 6 in one region, 4 meetings, one
/// facilitator per group. Every expectation is read back from the files a user would open.
@Suite struct ReplanCommandTests {
    static let config = """
        [programme]
        name = "Replan Test"
        [groups]
        min_size = 6
        max_size = 7
        target_size = 6
        min_size_after_dropout = 5
        [schedule]
        first_date = 2027-01-11
        last_date = 2027-06-30
        meetings = 4
        min_weeks_between = 4
        max_weeks_between = 8
        weekdays = ["tuesday", "wednesday", "thursday"]
        cases_per_meeting = 1
        """

    /// A planned folder (version 1) and a scratch folder for extra input files.
    static func planned(people: Int = 18, extra: String = "") throws -> (dir: String, scratch: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "intervision-replan-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        var csv = "name,email,function,level,school,region\n"
        let functions = ["teamleider", "afdelingsleider", "conrector"]
        for i in 0..<people {
            csv += "Person \(i),p\(i)@example.nl,\(functions[i % 3]),\(1 + i % 2),School \(i),Utrecht\n"
        }
        try csv.write(toFile: "\(scratch)/signups.csv", atomically: true, encoding: .utf8)
        try (config + extra).write(toFile: "\(scratch)/config.toml", atomically: true, encoding: .utf8)
        let facilitators =
            "name,email,region,max_groups\nAnna Begeleider,anna@b.nl,Utrecht,1\nBram "
            + "Begeleider,bram@b.nl,Utrecht,1\nCor Begeleider,cor@b.nl,Utrecht,1\n"
        try facilitators.write(toFile: "\(scratch)/facilitators.csv", atomically: true, encoding: .utf8)
        let dir = "\(scratch)/plan"
        let r = try Binary.run(
            [
                "plan", "\(scratch)/signups.csv", "--config", "\(scratch)/config.toml", "--facilitators",
                "\(scratch)/facilitators.csv",
                "--out", dir, "--quiet",
            ], environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect(r.code == 0, "\(r.err)")
        return (dir, scratch)
    }

    static func replan(_ dir: String, _ args: [String], epoch: String = "1800000000") throws -> (
        code: Int32, out: String, err: String
    ) {
        try Binary.run(["replan", dir] + args, environment: ["SOURCE_DATE_EPOCH": epoch])
    }

    /// group id → member emails, from groups.csv.
    static func groups(_ dir: String) throws -> [String: [String]] {
        let rows = try String(contentsOfFile: "\(dir)/groups.csv", encoding: .utf8).components(separatedBy: "\r\n")
            .dropFirst().filter { !$0.isEmpty }
        return Dictionary(grouping: rows.map { $0.split(separator: ",").map(String.init) }, by: { $0[0] }).mapValues {
            $0.map { $0[1] }
        }
    }

    static func schedule(_ dir: String) throws -> [[String]] {
        try String(contentsOfFile: "\(dir)/schedule.csv", encoding: .utf8).components(separatedBy: "\r\n").dropFirst()
            .filter { !$0.isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func snapshot(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in try FileManager.default.subpathsOfDirectory(atPath: dir) where f.contains(".") {
            out[f] = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(f)"))
        }
        return out
    }

    static func text(_ data: Data?) -> String { data.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    static func events(in text: String) -> [String: String] {
        var out: [String: String] = [:]
        for block in text.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst() {
            let body = block.components(separatedBy: "END:VEVENT\r\n")[0]
            out[body.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") }!] = body
        }
        return out
    }

    @Test func oneDropoutNeedsNoMoveAndHistoryStaysByteForByte() throws {
        let (dir, scratch) = try Self.planned()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.groups(dir), scheduleBefore = try Self.schedule(dir), files = try Self.snapshot(dir)
        let g1 = before["G01"]!
        let r = try Self.replan(dir, ["--drop", g1[0], "--from", "2027-03-20"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("moves 0 (proven minimum 0)"))
        let after = try Self.groups(dir)
        #expect(after["G01"] == Array(g1.dropFirst()))
        #expect(after["G02"] == before["G02"] && after["G03"] == before["G03"])
        // Past rows of schedule.csv and past calendar events are unchanged, byte for byte.
        let past = scheduleBefore.filter { $0[2] < "2027-03-20" }
        #expect(past.count >= 3)
        let scheduleAfter = try Self.schedule(dir)
        for row in past { #expect(scheduleAfter.contains(row), "\(row)") }
        for group in ["G01", "G02", "G03"] {
            let old = Self.events(in: Self.text(files["rota/group-\(group).ics"]))
            let new = Self.events(in: try String(contentsOfFile: "\(dir)/rota/group-\(group).ics", encoding: .utf8))
            #expect(Set(old.keys) == Set(new.keys), "UIDs are kept")
            for row in past where row[0] == group {
                let uid = "UID:replan-test-\(group.lowercased())-m\(row[1])@intervision"
                #expect(old[uid] != nil && old[uid] == new[uid], "\(uid) changed")
            }
            // Other groups did not change at all: same events, SEQUENCE 0.
            if group != "G01" { #expect(old == new) }
        }
        // G01's future events show the new membership: next SEQUENCE, and the dropout is no longer listed.
        let g1Events = Self.events(in: try String(contentsOfFile: "\(dir)/rota/group-G01.ics", encoding: .utf8))
        let future = scheduleAfter.filter { $0[0] == "G01" && $0[2] >= "2027-03-20" }
        for row in future {
            let e = g1Events["UID:replan-test-g01-m\(row[1])@intervision"]!
            #expect(e.contains("SEQUENCE:1\r\n"))
            #expect(
                !e.replacingOccurrences(of: "\r\n ", with: "").contains(
                    "Person \(g1[0].dropFirst().prefix { $0 != "@" })\\,"))
        }
        // Versions: v2 written, v1 untouched.
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(dir)/history/plan-v1.json")) == files["history/plan-v1.json"])
        let plan =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(dir)/plan.json")))
            as! [String: Any]
        #expect(plan["version"] as? Int == 2)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/history/plan-v2.json"))
        let changes = try String(contentsOfFile: "\(dir)/changes.md", encoding: .utf8)
        let facilitator = try Self.groupsFacilitator(dir, "G01")
        #expect(changes.contains("Gestopt: Person") && changes.contains("\(facilitator) <"))
    }

    static func groupsFacilitator(_ dir: String, _ group: String) throws -> String {
        let rows = try String(contentsOfFile: "\(dir)/groups.csv", encoding: .utf8).components(separatedBy: "\r\n")
            .filter { $0.hasPrefix(group + ",") }
        return String(rows[0].split(separator: ",").last!)
    }

    /// G01 keeps 4 of 6 — below 5 — so exactly one person must move in; the minimum is proven.
    @Test func aGroupBelowTheMinimumGetsTheFewestMoves() throws {
        let (dir, scratch) = try Self.planned(people: 20)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.groups(dir)
        let small = before.keys.sorted().first { before[$0]!.count == 6 }!
        let r = try Self.replan(
            dir, ["--drop", before[small]![0], "--drop", before[small]![1], "--from", "2027-03-20"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("moves 1 (proven minimum 1), groups dissolved 0 (proven minimum 0)"), "\(r.out)")
        let after = try Self.groups(dir)
        #expect(after[small]!.count == 5)
        #expect(after.values.allSatisfy { (5...7).contains($0.count) })
        let moved = after[small]!.filter { !before[small]!.contains($0) }
        #expect(moved.count == 1)
        #expect(try String(contentsOfFile: "\(dir)/changes.md", encoding: .utf8).contains("Verplaatst: Person"))
    }

    /// `--lock` keeps a group as it is through the next replan (the fewest moves then come from elsewhere or are
    /// refused), `--wishes` adds a wish that moves the fewest people, and `--unlock` frees the group again.
    @Test func lockUnlockAndWishesFromTheCommandLine() throws {
        let (dir, scratch) = try Self.planned(people: 20)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.groups(dir)
        let ids = before.keys.sorted()
        let locked = try Self.replan(dir, ["--lock", ids[0], "--from", "2027-03-20"])
        #expect(locked.code == 0, "\(locked.err)")
        #expect(locked.out.contains("locked groups (nobody moves in or out): \(ids[0])"), "\(locked.out)")
        let into = try Self.replan(dir, ["--move", "\(before[ids[1]]![0])=\(ids[0])", "--from", "2027-03-20"])
        #expect(into.code == 3 && into.err.contains("\(ids[0]) is locked"), "\(into.err)")
        #expect(into.err.contains("--unlock \(ids[0])"))
        // Two people of one unlocked group wished apart: one of them moves, never into the locked group.
        let pair = before[ids[1]]!
        try "kind,person,other\napart,\(pair[0]),\(pair[1])\n".write(
            toFile: "\(scratch)/wishes.csv", atomically: true, encoding: .utf8)
        let wished = try Self.replan(dir, ["--wishes", "\(scratch)/wishes.csv", "--from", "2027-03-20"])
        #expect(wished.code == 0, "\(wished.err)")
        #expect(wished.out.contains("wishes added: 1 (1 apart), all honoured"), "\(wished.out)")
        let after = try Self.groups(dir)
        #expect(after[ids[0]]!.sorted() == before[ids[0]]!.sorted())
        #expect(after.values.allSatisfy { !($0.contains(pair[0]) && $0.contains(pair[1])) })
        let unlocked = try Self.replan(dir, ["--unlock", ids[0], "--from", "2027-03-20"])
        #expect(unlocked.code == 0 && unlocked.out.contains("unlocked: \(ids[0])"), "\(unlocked.out)")
        let again = try Self.replan(dir, ["--unlock", ids[0], "--from", "2027-03-20"])
        #expect(again.code == 2 && again.err.contains("is not locked"), "\(again.err)")
    }

    /// A group keeps 2 of 6: filling it takes 3 moves, dissolving it into the two others (6 → 7) only 2 — so
    /// it is dissolved and its future meetings are published as cancelled. (With 7 in every other group there
    /// would be no room, and 3 moves in would be the minimum.)
    @Test func aGroupIsDissolvedWhenThatMovesFewer() throws {
        let (dir, scratch) = try Self.planned(people: 18)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.groups(dir)
        let small = before.keys.sorted().first { before[$0]!.count == 6 }!
        let drops = before[small]!.prefix(4).flatMap { ["--drop", $0] }
        let r = try Self.replan(dir, drops + ["--from", "2027-03-20"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("moves 2 (proven minimum 2), groups dissolved 1 (proven minimum 1)"), "\(r.out)")
        let after = try Self.groups(dir)
        #expect(after[small] == nil)
        for e in before[small]!.suffix(2) { #expect(after.values.contains { $0.contains(e) }) }
        let events = Self.events(in: try String(contentsOfFile: "\(dir)/rota/group-\(small).ics", encoding: .utf8))
        let rows = try Self.schedule(dir).filter { $0[0] == small }
        for row in rows {
            let e = events["UID:replan-test-\(small.lowercased())-m\(row[1])@intervision"]!
            if row[2] >= "2027-03-20" {
                #expect(row.last == "cancelled" && e.contains("STATUS:CANCELLED\r\n") && e.contains("SEQUENCE:1\r\n"))
            } else {
                #expect(row.last == "planned" && e.contains("STATUS:CONFIRMED\r\n") && e.contains("SEQUENCE:0\r\n"))
            }
        }
    }

    @Test func lateJoinersGoWhereThereIsRoomAndNoTie() throws {
        let (dir, scratch) = try Self.planned(people: 19)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.groups(dir)
        // A colleague of p0 (same school) must not join p0's group.
        try "name,email,function,level,school,region\nNew Colleague,new@example.nl,teamleider,1,School 0,Utrecht\n"
            .write(toFile: "\(scratch)/add.csv", atomically: true, encoding: .utf8)
        let r = try Self.replan(dir, ["--add", "\(scratch)/add.csv", "--from", "2027-03-20"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("moves 0"))
        let after = try Self.groups(dir)
        let home = after.first { $0.value.contains("new@example.nl") }!.key
        #expect(!after[home]!.contains("p0@example.nl"))
        #expect(before[home]!.count < 7)
    }

    @Test func aLateJoinerWithoutRoomIsExplained() throws {
        let (dir, scratch) = try Self.planned(people: 21)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.snapshot(dir)
        try "name,email,function,level,school,region\nNo Room,noroom@example.nl,teamleider,1,School 99,Utrecht\n"
            .write(toFile: "\(scratch)/add.csv", atomically: true, encoding: .utf8)
        let r = try Self.replan(dir, ["--add", "\(scratch)/add.csv", "--from", "2027-03-20"])
        #expect(r.code == 3)
        #expect(r.err.contains("No Room cannot join any group") && r.err.contains("are full (7)"))
        #expect(r.err.contains("max_size to 8"))
        #expect(try Self.snapshot(dir) == before, "nothing written")
    }

    /// The dropout had not brought a case yet; their turn goes to whoever has brought fewest, and nobody
    /// brings a second time while someone in the group has not brought at all.
    @Test func rotationIsRebalancedCountingHistory() throws {
        let (dir, scratch) = try Self.planned()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let rows = try Self.schedule(dir).filter { $0[0] == "G01" }
        let names = try String(contentsOfFile: "\(dir)/groups.csv", encoding: .utf8).components(separatedBy: "\r\n")
            .filter { $0.hasPrefix("G01,") }
            .map { $0.split(separator: ",").map(String.init) }
        // Drop the person due at meeting 3.
        let due = rows[2][6]
        let email = names.first { $0[2] == due }![1]
        let r = try Self.replan(dir, ["--drop", email, "--from", "2027-03-20"])
        #expect(r.code == 0, "\(r.err)")
        let after = try Self.schedule(dir).filter { $0[0] == "G01" }
        let bringers = after.map { $0[6] }
        #expect(!bringers.dropFirst(2).contains(due))
        #expect(Set(bringers).count == bringers.count, "4 meetings, 5 members: nobody twice")
        #expect(Array(bringers.prefix(2)) == rows.prefix(2).map { $0[6] }, "history unchanged")
        #expect(try String(contentsOfFile: "\(dir)/changes.md", encoding: .utf8).contains("casusinbrenger \(due) →"))
    }

    @Test func anInterruptedReplanLeavesVersionOneIntact() throws {
        let (dir, scratch) = try Self.planned()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.snapshot(dir)
        let email = try Self.groups(dir)["G02"]![0]
        let crashed = try Binary.run(
            ["replan", dir, "--drop", email, "--from", "2027-03-20"],
            environment: ["SOURCE_DATE_EPOCH": "1800000000", "INTERVISION_TEST_CRASH_BEFORE_SWAP": "1"])
        #expect(crashed.code == 9)
        #expect(try Self.snapshot(dir) == before, "version 1 intact after the crash")
        let again = try Self.replan(dir, ["--drop", email, "--from", "2027-03-20"])
        #expect(again.code == 0, "\(again.err)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/history/plan-v2.json"))
    }

    @Test func badRequestsAreRefusedWithEveryProblemAndNothingWritten() throws {
        let (dir, scratch) = try Self.planned()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try Self.snapshot(dir)
        let groups = try Self.groups(dir)
        let unknown = try Self.replan(dir, ["--drop", "nobody@example.nl", "--from", "2029-01-01"])
        #expect(unknown.code == 2)
        #expect(unknown.err.contains("nobody@example.nl is not a participant"))
        let everyone = try Self.replan(dir, groups["G03"]!.flatMap { ["--drop", $0] } + ["--from", "2027-03-20"])
        #expect(everyone.code == 2 && everyone.err.contains("every member of G03 would be dropped"))
        let outside = try Self.replan(dir, ["--drop", groups["G01"]![0], "--from", "2027-08-01"])
        #expect(outside.code == 2 && outside.err.contains("outside the programme"))
        try "name,email,function,level,school,region\nAgain,P1@example.nl,teamleider,1,School X,Utrecht\n".write(
            toFile: "\(scratch)/dup.csv", atomically: true, encoding: .utf8)
        let dup = try Self.replan(dir, ["--add", "\(scratch)/dup.csv", "--from", "2027-03-20"])
        #expect(dup.code == 2 && dup.err.contains("P1@example.nl is already in the plan (Person 1)"))
        #expect(try Self.snapshot(dir) == before)
        // A plan folder from an unknown schema version.
        let plan = "\(dir)/plan.json"
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(
            of: "intervision-plan/1", with: "intervision-plan/7")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let schema = try Self.replan(dir, ["--drop", groups["G01"]![0], "--from", "2027-03-20"])
        #expect(schema.code == 2 && schema.err.contains("has schema \"intervision-plan/7\""))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/history/plan-v2.json"))
    }
}
