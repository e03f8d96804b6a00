import Foundation
import TestFixtures
import Testing

/// What users see, pinned on the 52 fixture: the three commands' output, the CSV files, one calendar, changes.md
/// and the report's outline. A change to any of them fails here until it is re-recorded on purpose
/// (`INTERVISION_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`).
@Suite(.serialized) struct SnapshotTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1800000000"]
    static let inputs = [
        "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml",
        "--facilitators", "Fixtures/facilitators-lerend-leiderschap.csv",
    ]

    /// Paths and wall-clock times vary by run; everything else must not.
    static func normalised(_ text: String, folder: String) -> String {
        text.replacingOccurrences(of: folder, with: "OUT")
            .replacingOccurrences(of: #"solved in [0-9.]+ s"#, with: "solved in … s", options: .regularExpression)
    }

    static func read(_ folder: String, _ file: String) throws -> String {
        try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
    }

    /// The report's outline: headings and table header rows, in order.
    static func outline(_ html: String) -> String {
        let pattern = #"<h[123][^>]*>.*?</h[123]>|<tr><th>.*?</tr>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { String(html[Range($0.range, in: html)!]) }
            .joined(separator: "\n") + "\n"
    }

    func expectSnapshot(_ text: String, _ name: String) {
        if let problem = Snapshot.mismatch(text, name) { Issue.record(Comment(rawValue: problem)) }
    }

    @Test func checkOutput() throws {
        let r = try Binary.run(["check"] + Self.inputs)
        #expect(r.code == 0)
        expectSnapshot(r.out + "--- stderr\n" + r.err, "check-52.txt")
    }

    @Test func planAndReplanOutputAndFiles() throws {
        let folder = Scratch.folder("snapshot")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try Binary.run(["plan"] + Self.inputs + ["--out", folder, "--quiet"], environment: Self.epoch)
        #expect(plan.code == 0, "\(plan.err)")
        expectSnapshot(Self.normalised(plan.out, folder: folder), "plan-52.txt")
        expectSnapshot(try Self.read(folder, "groups.csv"), "groups-52.csv")
        expectSnapshot(try Self.read(folder, "schedule.csv"), "schedule-52.csv")
        expectSnapshot(try Self.read(folder, "rota/group-G01.ics"), "group-G01-52.ics")
        expectSnapshot(Self.outline(try Self.read(folder, "report.html")), "report-outline-52.txt")

        let replan = try Binary.run(
            [
                "replan", folder, "--drop-file", "Fixtures/replan/dropouts-lerend-leiderschap.txt", "--from",
                "2027-04-01",
                "--quiet",
            ], environment: Self.epoch)
        #expect(replan.code == 0, "\(replan.err)")
        expectSnapshot(Self.normalised(replan.out, folder: folder), "replan-52.txt")
        expectSnapshot(try Self.read(folder, "changes.md"), "changes-52.md")
        expectSnapshot(Self.outline(try Self.read(folder, "report.html")), "report-outline-52-v2.txt")
    }

    @Test func refusalsAndExplanations() throws {
        let bad = try Binary.run(["check", "Fixtures/bad/03-duplicate-email.csv"])
        #expect(bad.code == 2)
        let rows = (1...9).map { "P\($0),p\($0)@x.nl,teamleider,,School \($0),,Utrecht" }.joined(separator: "\n")
        let folder = Scratch.folder("snapshot-impossible")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ("name,email,function,level,school,board,region\n" + rows + "\n").write(
            toFile: folder + "/nine.csv", atomically: true, encoding: .utf8)
        let impossible = try Binary.run(["plan", folder + "/nine.csv", "--out", folder + "/plan", "--quiet"])
        #expect(impossible.code == 3)
        expectSnapshot(
            bad.err + "--- exit 3\n" + Self.normalised(impossible.err, folder: folder), "refusals.txt")
    }
}
