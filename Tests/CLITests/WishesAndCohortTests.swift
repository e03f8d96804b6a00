import Foundation
import TestFixtures
import Testing

/// The 345 fixture with its wishes and an earlier cohort of the same people (its own plan): the organiser's first
/// objective is proven, and every wish and every "met before" pair is honoured, re-checked from groups.csv alone.
@Suite struct WishesAndCohortTests {
    /// Found on this input: with the sets wished together left out of the models and gathered afterwards, away was
    /// 80 against a proven 75; the first stage now keeps the sets in and proves 75.
    @Test func awayIsProvenAndEveryWishAndEarlierPairHolds() throws {
        let folder = Scratch.folder("wishes-cohort")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let common = [
            "plan", "Fixtures/lead-and-learn-345.csv", "--config", "Fixtures/lead-and-learn.toml", "--facilitators",
            "Fixtures/facilitators-lead-and-learn.csv", "--quiet",
        ]
        let earlier = try Binary.run(common + ["--out", folder + "/earlier"])
        #expect(earlier.code == 0, "\(earlier.err)")
        // The default run's work (60 s × 30 units) with a cap far above it: the debug build makes its models several
        // times slower than release, and under a full parallel test run the 60 s (even 150 s) cap stopped it before
        // its counted work was spent — a plan by hand. The release build spends this work in 10–33 s.
        let r = try Binary.run(
            common + [
                "--out", folder + "/plan", "--wishes", "Fixtures/wishes-lead-and-learn.csv", "--previous",
                folder + "/earlier/groups.csv", "--work", "1800", "--time-limit", "900",
            ])
        #expect(r.code == 0, "\(r.err)")
        let before = try Self.rows(folder + "/earlier/groups.csv"), after = try Self.rows(folder + "/plan/groups.csv")
        let group = Dictionary(uniqueKeysWithValues: after.map { ($0["email"]!, $0["group"]!) })
        #expect(group.count == 345)
        // Away, counted from the rows: everyone outside their group's largest region.
        var away = 0
        for (_, members) in Dictionary(grouping: after, by: { $0["group"]! }) {
            let regions = Dictionary(grouping: members, by: { $0["region"]! }).mapValues(\.count)
            away += members.count - regions.values.max()!
        }
        let plan =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder + "/plan/plan.json"))) as! [String: Any]
        let stages = ((plan["solver"] as? [String: Any])?["stages"] as? [[String: Any]]) ?? []
        #expect(!stages.isEmpty && !stages.contains { $0["stoppedBy"] as? String == "time limit" }, "work decides")
        let first = (plan["objectives"] as! [[String: Any]])[0]
        #expect(first["metric"] as? String == "away")
        #expect(away == first["value"] as? Int && away == first["bound"] as? Int, "away \(away): \(first)")
        #expect(away == 75)
        // Spread, counted from the rows (per group its highest level minus its lowest), has a proven bound from its
        // model's LP relaxation (away held): above 0, at most the value.
        var spread = 0
        for (_, members) in Dictionary(grouping: after, by: { $0["group"]! }) {
            let levels = members.map { Int($0["level"]!)! }
            spread += levels.max()! - levels.min()!
        }
        let second = (plan["objectives"] as! [[String: Any]])[1]
        #expect(second["metric"] as? String == "spread" && second["value"] as? Int == spread)
        let bound = second["bound"] as? Int ?? 0
        #expect(bound > 0 && bound <= spread, "spread \(spread): \(second)")
        // So has variety, counted from the rows (per group its members minus its distinct functions).
        var variety = 0
        for (_, members) in Dictionary(grouping: after, by: { $0["group"]! }) {
            variety += members.count - Set(members.map { $0["function"]!.lowercased() }).count
        }
        let third = (plan["objectives"] as! [[String: Any]])[2]
        #expect(third["metric"] as? String == "variety" && third["value"] as? Int == variety)
        let varietyBound = third["bound"] as? Int ?? 0
        #expect(varietyBound > 0 && varietyBound <= variety, "variety \(variety): \(third)")
        // Every wish between two participants, and whom the wishes bind together.
        let emails = Dictionary(
            try Self.rows("Fixtures/lead-and-learn-345.csv").map { ($0["name"]!, $0["email"]!.lowercased()) },
            uniquingKeysWith: { a, _ in a })
        var together = Set<[String]>()
        for w in try Self.rows("Fixtures/wishes-lead-and-learn.csv") where w["kind"] != "facilitator" {
            let a = w["person"]!.contains("@") ? w["person"]!.lowercased() : emails[w["person"]!]!
            let b = w["other"]!.contains("@") ? w["other"]!.lowercased() : emails[w["other"]!]!
            if w["kind"] == "together" {
                #expect(group[a] == group[b], "\(a) and \(b) are wished together")
                together.insert([a, b].sorted())
            } else {
                #expect(group[a] != group[b], "\(a) and \(b) are wished apart")
            }
        }
        // Pairs who met in the earlier cohort meet again only when a wish puts them together.
        for (_, members) in Dictionary(grouping: before, by: { $0["group"]! }) {
            let people = members.map { $0["email"]! }
            for (n, a) in people.enumerated() {
                for b in people[(n + 1)...] where group[a] == group[b] {
                    #expect(together.contains([a, b].sorted()), "\(a) and \(b) met before")
                }
            }
        }
    }

    /// Rows of a CSV file by header, quotes honoured (names and schools may hold commas).
    static func rows(_ path: String) throws -> [[String: String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        for c in text {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                record.append(field)
                records.append(record)
                (field, record) = ("", [])
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        let header = records.first ?? []
        return records.dropFirst().filter { $0.count == header.count }.map {
            Dictionary(uniqueKeysWithValues: zip(header, $0))
        }
    }
}
