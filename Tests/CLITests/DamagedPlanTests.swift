import Foundation
import TestFixtures
import Testing

/// A plan.json edited by hand, truncated or written by another tool's bug is refused (exit 2) with where it is
/// damaged; replan never crashes on it and leaves the folder as it was.
@Suite struct DamagedPlanTests {
    typealias JSON = [String: Any]

    struct Damage: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: String
        var apply: @Sendable (inout JSON) -> Void
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "version Int.max", expected: "version: 9223372036854775807 is outside") {
            $0["version"] = Int.max
        },
        Damage(name: "duplicate group id", expected: "appears twice") { doc in
            var groups = doc["groups"] as! [JSON]
            groups[1]["id"] = groups[0]["id"]
            doc["groups"] = groups
        },
        Damage(name: "manager index out of range", expected: "participants[0].managerIndex: 5000") { doc in
            var people = doc["participants"] as! [JSON]
            people[0]["managerIndex"] = 5000
            doc["participants"] = people
        },
        Damage(name: "facilitator index out of range", expected: "facilitators[0].index: 99 should be 0") { doc in
            var f = doc["facilitators"] as! [JSON]
            f[0]["index"] = 99
            doc["facilitators"] = f
        },
        Damage(name: "min size above max size", expected: "config.groups.min_size: 9 is larger than max_size") { doc in
            var config = doc["config"] as! JSON
            var groups = config["groups"] as! JSON
            groups["minSize"] = 9
            config["groups"] = groups
            doc["config"] = config
        },
        Damage(name: "unknown case bringer", expected: "nobody@x.nl is not a participant") { doc in
            var meetings = doc["meetings"] as! [JSON]
            meetings[0]["caseBringers"] = ["nobody@x.nl"]
            doc["meetings"] = meetings
        },
        Damage(name: "level far too high", expected: "participants[1].level: 5000000000000000000 is outside 1…20") {
            doc in
            var people = doc["participants"] as! [JSON]
            people[1]["level"] = 5_000_000_000_000_000_000
            doc["participants"] = people
        },
        Damage(name: "wrong type", expected: "meetings[2].number: expected Int") { doc in
            var meetings = doc["meetings"] as! [JSON]
            meetings[2]["number"] = "three"
            doc["meetings"] = meetings
        },
    ]

    static func planned() throws -> String {
        let folder = Scratch.folder("damaged")
        let r = try Binary.run([
            "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml",
            "--facilitators", "Fixtures/facilitators-lerend-leiderschap.csv", "--out", folder, "--quiet",
        ])
        #expect(r.code == 0, "\(r.err)")
        return folder
    }

    @Test(arguments: damages) func aDamagedPlanFileIsRefusedWithWhereItIsDamaged(_ damage: Damage) throws {
        let folder = try Self.planned()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = URL(fileURLWithPath: folder + "/plan.json")
        var doc = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! JSON
        damage.apply(&doc)
        let damaged = try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])
        try damaged.write(to: url)
        let r = try Binary.run([
            "replan", folder, "--drop", "anne.bakker@example.nl", "--from", "2027-04-01", "--quiet",
        ])
        #expect(r.code == 2, "\(damage.name): \(r.err)")
        #expect(r.err.contains(damage.expected), "\(damage.name): \(r.err)")
        #expect(r.err.contains("history/plan-vN.json"), "says how to get a sound file back")
        #expect(try Data(contentsOf: url) == damaged, "nothing written")
    }

    @Test func aTruncatedPlanFileIsRefused() throws {
        let folder = try Self.planned()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = URL(fileURLWithPath: folder + "/plan.json")
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        let r = try Binary.run(["replan", folder, "--drop", "x@y.nl", "--quiet"])
        #expect(r.code == 2, "\(r.err)")
        #expect(r.err.contains("plan.json"))
    }
}
