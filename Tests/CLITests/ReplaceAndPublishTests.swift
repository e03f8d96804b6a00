import Foundation
import TestFixtures
import Testing

/// `plan --replace` plans an unpublished folder again; `publish` (or a replan) ends that: from then on the plan
/// changes by replan only.
@Suite struct ReplaceAndPublishTests {
    static let base = ["Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml"]
    static let facilitators = ["--facilitators", "Fixtures/facilitators-lerend-leiderschap.csv"]

    static func rota(_ folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder + "/rota")) ?? [])
    }

    @Test func anUnpublishedPlanIsReplacedWholeAndAPublishedOneIsNot() throws {
        let folder = Scratch.folder("replace")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try Binary.run(["plan"] + Self.base + Self.facilitators + ["--out", folder, "--quiet"])
        #expect(first.code == 0, "\(first.err)")
        #expect(Self.rota(folder).contains("gijs-hermans.ics"))

        let again = try Binary.run(["plan"] + Self.base + ["--out", folder, "--quiet"])
        #expect(again.code == 2)
        #expect(again.err.contains("already holds a plan") && again.err.contains("--replace"))

        // Planned again without facilitators: the facilitators' files of the first plan are gone, not left over.
        let replaced = try Binary.run(["plan"] + Self.base + ["--out", folder, "--replace", "--quiet"])
        #expect(replaced.code == 0, "\(replaced.err)")
        #expect(!Self.rota(folder).contains("gijs-hermans.ics"))
        #expect(Self.rota(folder).contains("group-G01.ics"))
        let plan = try String(contentsOfFile: folder + "/plan.json", encoding: .utf8)
        #expect(plan.contains("\"version\" : 1") && !plan.contains("gijs.hermans@"))

        // A file of the organiser's own in the folder stops --replace rather than being deleted.
        FileManager.default.createFile(atPath: folder + "/notities.docx", contents: Data("mine".utf8))
        let foreign = try Binary.run(["plan"] + Self.base + ["--out", folder, "--replace", "--quiet"])
        #expect(foreign.code == 2 && foreign.err.contains("notities.docx"))
        #expect(FileManager.default.fileExists(atPath: folder + "/notities.docx"))
        try FileManager.default.removeItem(atPath: folder + "/notities.docx")

        let published = try Binary.run(["publish", folder])
        #expect(published.code == 0 && published.out.contains("version 1 is published"))
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        #expect(String(decoding: before, as: UTF8.self).contains("\"published\""))
        let refused = try Binary.run(["plan"] + Self.base + Self.facilitators + ["--out", folder, "--replace"])
        #expect(refused.code == 2 && refused.err.contains("is published") && refused.err.contains("replan"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")) == before, "nothing written")
        #expect(try Binary.run(["publish", folder]).out.contains("already published"))
    }

    @Test func aReplannedPlanCountsAsPublished() throws {
        let folder = Scratch.folder("replace-replanned")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Binary.run(["plan"] + Self.base + ["--out", folder, "--quiet"]).code == 0)
        let replan = try Binary.run([
            "replan", folder, "--drop-file", "Fixtures/replan/dropouts-lerend-leiderschap.txt", "--from",
            "2027-04-01", "--quiet",
        ])
        #expect(replan.code == 0, "\(replan.err)")
        let refused = try Binary.run(["plan"] + Self.base + ["--out", folder, "--replace", "--quiet"])
        #expect(refused.code == 2 && refused.err.contains("version 2"), "\(refused.err)")
        // The replan dissolved G01: its meetings before the replan stay as history and the plan reads back, so a
        // second replan works (it was refused as "G01 is not a group of this plan").
        let leaver = try String(contentsOfFile: folder + "/groups.csv", encoding: .utf8).components(
            separatedBy: "\r\n")[1]
            .split(separator: ",")[1]
        let second = try Binary.run(["replan", folder, "--drop", String(leaver), "--from", "2027-05-01", "--quiet"])
        #expect(second.code == 0, "\(second.err)")
    }
}
