import Foundation
import TestFixtures
import Testing

@Suite struct PlanCommandTests {
    static func tempDir() -> String { Scratch.folder("plan") }

    @Test func plansTheBundledProgrammeAndWritesEveryFile() throws {
        let out = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Binary.run([
            "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml", "--out", out,
            "--quiet",
        ])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("52 participants in 7 groups"))
        #expect(r.out.contains("optimal"))
        for f in ["plan.json", "history/plan-v1.json", "groups.csv", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(f)"), "\(f) missing")
        }
        let csv = try String(contentsOfFile: "\(out)/groups.csv", encoding: .utf8)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == "group,email,name,function,level,school,region,facilitator")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(out)/groups.csv")).prefix(3) == Data([0xEF, 0xBB, 0xBF]),
            "BOM so Excel reads UTF-8")
        #expect(lines.count == 53)
        let plan =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json")))
            as? [String: Any]
        #expect(plan?["schema"] as? String == "intervision-plan/1")
        #expect(plan?["version"] as? Int == 1)
        // A second plan into the same folder would overwrite history: refused, nothing touched.
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json"))
        let again = try Binary.run(["plan", "Fixtures/lerend-leiderschap-52.csv", "--out", out, "--quiet"])
        #expect(again.code == 2)
        #expect(again.err.contains("already holds a plan"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json")) == before)
    }

    @Test func sameInputsGiveIdenticalFiles() throws {
        let a = Self.tempDir(), b = Self.tempDir()
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        for out in [a, b] {
            let r = try Binary.run(
                [
                    "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml",
                    "--out", out, "--quiet",
                ],
                environment: ["SOURCE_DATE_EPOCH": "1800000000"])
            #expect(r.code == 0, "\(r.err)")
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: a).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: b).sorted() == files)
        #expect(files.contains("schedule.csv") && files.contains("rota/group-G01.ics"))
        #expect(
            files.filter { $0.hasPrefix("rota/") }.allSatisfy {
                $0.hasPrefix("rota/group-G") || $0.hasPrefix("rota/people")
            },
            "without facilitators, rotas are per group (and per participant) only")
        #expect(files.filter { $0.hasPrefix("rota/people/") }.count == 52, "a calendar of their own for everyone")
        #expect(try Scratch.differences(a, b) == [])
    }

    @Test func withFacilitatorsWritesScheduleAndRotasPerFacilitatorAndGroup() throws {
        let out = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Binary.run([
            "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml",
            "--facilitators", "Fixtures/facilitators-lerend-leiderschap.csv", "--out", out, "--quiet",
        ])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("meetings: 28 from"))
        let schedule = try String(contentsOfFile: "\(out)/schedule.csv", encoding: .utf8).split(separator: "\r\n")
        #expect(schedule.first == "group,meeting,date,start,end,facilitator,case_bringers,look_back,method,status")
        #expect(schedule.count == 29)
        let rota = try FileManager.default.contentsOfDirectory(atPath: "\(out)/rota").sorted()
        for name in ["gijs-hermans", "marloes-albers", "hester-oosterhof", "aart-veldkamp", "group-G01", "group-G07"] {
            #expect(rota.contains("\(name).ics") && rota.contains("\(name).csv"), "\(name) missing in \(rota)")
        }
        // Each facilitator's calendar holds all meetings of all their groups (4 per group here).
        let groups = try String(contentsOfFile: "\(out)/groups.csv", encoding: .utf8).split(separator: "\r\n")
            .dropFirst()
        let gijsGroups = Set(groups.filter { $0.hasSuffix(",Gijs Hermans") }.map { $0.prefix(3) })
        #expect(!gijsGroups.isEmpty)
        let ics = try String(contentsOfFile: "\(out)/rota/gijs-hermans.ics", encoding: .utf8)
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4 * gijsGroups.count)
        #expect(ics.contains("UID:lerend-leiderschap-2027-g"))
        let report = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        // Dutch by default: the sections an organiser looks for.
        for section in [
            ">Begeleiders</h2>", ">Kalender</h2>", ">Groepen</h2>", ">Deelnemers A–Z</h2>", ">Afwezig</h3>",
            ">Kalendercontrole</h3>", ">Wat aandacht vraagt</h2>", "<svg",
        ] {
            #expect(report.contains(section), "\(section) missing")
        }
    }

    /// Calendar apps match events by UID: a rerun at another time must update, not duplicate, them.
    @Test func eventUIDsAreStableAcrossRunsAtDifferentTimes() throws {
        let a = Self.tempDir(), b = Self.tempDir()
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        for (out, epoch) in [(a, "1800000000"), (b, "1800086400")] {
            let r = try Binary.run(
                [
                    "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml",
                    "--facilitators", "Fixtures/facilitators-lerend-leiderschap.csv", "--out", out, "--quiet",
                ],
                environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(r.code == 0, "\(r.err)")
        }
        let lines = { (dir: String, prefix: String) in
            try String(contentsOfFile: "\(dir)/rota/group-G03.ics", encoding: .utf8).components(separatedBy: "\r\n")
                .filter { $0.hasPrefix(prefix) }
        }
        let uids = try lines(a, "UID:")
        #expect(uids == ["1", "2", "3", "4"].map { "UID:lerend-leiderschap-2027-g03-m\($0)@intervision" })
        #expect(try lines(b, "UID:") == uids)
        #expect(try lines(a, "DTSTAMP:") != lines(b, "DTSTAMP:"))
    }

    @Test func anImpossibleCalendarExitsThreeAndWritesNothing() throws {
        let dir = Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try String(contentsOfFile: "Fixtures/lerend-leiderschap.toml", encoding: .utf8)
            .replacingOccurrences(
                of: "weekdays = [\"monday\", \"thursday\"]",
                with: "weekdays = [\"monday\"]\nfixed_dates = { 2 = 2027-03-29 }")
        try config.write(toFile: "\(dir)/c.toml", atomically: true, encoding: .utf8)
        let r = try Binary.run([
            "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "\(dir)/c.toml", "--out", "\(dir)/out", "--quiet",
        ])
        #expect(r.code == 3, "\(r.err)")
        #expect(r.err.contains("meeting 2 is fixed on 2027-03-29") && r.err.contains("tweede paasdag"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out"))
    }

    @Test func impossibleProgrammeExitsThreeAndWritesNothing() throws {
        let dir = Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "name,email,function,school,region\n"
        for i in 0..<9 { csv += "P \(i),p\(i)@example.nl,teamleider,S\(i),Utrecht\n" }
        try csv.write(toFile: "\(dir)/nine.csv", atomically: true, encoding: .utf8)
        let r = try Binary.run(["plan", "\(dir)/nine.csv", "--out", "\(dir)/out"])
        #expect(r.code == 3)
        #expect(r.err.contains("9 participants cannot be split into groups of 6–8"))
        #expect(r.err.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["nine.csv"])
    }

    @Test func spreadsheetFormulasInNamesAreNeutralised() throws {
        let dir = Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "name,email,function,school,region\n"
        csv += "\"=HYPERLINK(\"\"http://x\"\")\",evil@example.nl,teamleider,S-evil,Utrecht\n"
        for i in 0..<5 { csv += "P \(i),p\(i)@example.nl,teamleider,S\(i),Utrecht\n" }
        try csv.write(toFile: "\(dir)/six.csv", atomically: true, encoding: .utf8)
        let r = try Binary.run(["plan", "\(dir)/six.csv", "--out", "\(dir)/out", "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        let out = try String(contentsOfFile: "\(dir)/out/groups.csv", encoding: .utf8)
        #expect(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    }
}
