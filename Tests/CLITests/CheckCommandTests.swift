import Foundation
import TestFixtures
import Testing

/// Runs the real `intervision` binary, as an organiser or a script would.
@Suite struct CheckCommandTests {
    @Test func validProgrammeExitsZeroWithSummary() throws {
        let r = try Binary.run([
            "check", "Fixtures/lead-and-learn-345.csv", "--config", "Fixtures/lead-and-learn.toml",
            "--facilitators", "Fixtures/facilitators-lead-and-learn.csv",
        ])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("Lead & Learn 2027: 345 participants, 26 facilitators"))
        #expect(r.out.contains("Groups: 49 groups of 7–8 (allowed 6–8, target 7)"))
        #expect(r.out.contains("Largest set of mutually tied people: "))
        #expect(r.out.contains("49 groups can separate them."))
        #expect(r.err.contains("warning"), "warnings go to stderr, the summary to stdout")
        #expect(!r.out.contains("warning:"))
    }

    @Test func badInputExitsTwoListingEveryProblem() throws {
        let r = try Binary.run(["check", "Fixtures/bad/03-duplicate-email.csv"])
        #expect(r.code == 2)
        #expect(r.out.isEmpty)
        #expect(
            r.err.contains("03-duplicate-email.csv:4:2: error: email: anne.devries@baken.nl is already used on line 2"))
        #expect(r.err.contains("fix: "))
    }

    @Test func everyBadFixtureExitsTwo() throws {
        let manifest = try String(
            contentsOf: Binary.root.appendingPathComponent("Fixtures/bad/expected.tsv"), encoding: .utf8)
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let path = "Fixtures/bad/\(f[0])", valid = "Fixtures/bad/valid-signups.csv"
            let args =
                switch f[1] {
                case "signups": ["check", path]
                case "config": ["check", valid, "--config", path]
                default: ["check", valid, "--facilitators", path]
                }
            let r = try Binary.run(args)
            #expect(r.code == 2, "\(f[0])")
            #expect(r.err.contains(f[2]) && r.err.contains(f[3]), "\(f[0]): \(r.err)")
        }
    }

    @Test func impossibleProgrammeExitsThreeWithExplanation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("intervision-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("nine.csv")
        let rows = (1...9).map { "P\($0),p\($0)@x.nl,teamleider,S\($0),Utrecht" }
        try ("name,email,function,school,region\n" + rows.joined(separator: "\n") + "\n").write(
            to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["check", file.path])
        #expect(r.code == 3)
        #expect(r.out.contains("9 participants cannot be split into groups of 6–8"))
        #expect(r.out.contains("option: allow groups of 9 (max_size = 9): 1 group of 9"))
    }

    @Test func missingFileAndUsageErrorsExitTwo() throws {
        let missing = try Binary.run(["check", "Fixtures/nope.csv"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("no such file: Fixtures/nope.csv"))
        let usage = try Binary.run(["check"])
        #expect(usage.code == 2)
        #expect(usage.err.contains("Missing expected argument '<signups>'"))
        let unknown = try Binary.run(["check", "a.csv", "--colour"])
        #expect(unknown.code == 2)
    }

    @Test func helpExitsZero() throws {
        let r = try Binary.run(["--help"])
        #expect(r.code == 0)
        #expect(r.out.contains("check"))
        #expect(r.out.contains("Exit codes"))
    }
}

/// Warnings that come many times are one line each kind; `--verbose` and the report list them all.
@Suite struct QuietWarningsTests {
    @Test func repeatedWarningsAreOneLineUnlessVerbose() throws {
        let quiet = try Binary.run([
            "check", "Fixtures/lead-and-learn-345.csv", "--config", "Fixtures/lead-and-learn.toml",
        ])
        #expect(quiet.code == 0)
        let lines = quiet.err.split(separator: "\n")
        #expect(lines.count == 3, "one summary line per kind (competitors, shared names) and the tally: \(quiet.err)")
        #expect(quiet.err.contains("29 names are shared by more than one participant"))
        #expect(quiet.err.contains("5 competitor schools named in the sign-ups match no participant's school"))
        let verbose = try Binary.run([
            "check", "Fixtures/lead-and-learn-345.csv", "--config", "Fixtures/lead-and-learn.toml", "--verbose",
        ])
        #expect(verbose.err.components(separatedBy: "matches no participant's school; ignored").count == 6)
    }

    @Test func theReportListsEveryWarning() throws {
        let folder = Scratch.folder("report-notes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try Binary.run([
            "plan", "Fixtures/lead-and-learn-345.csv", "--config", "Fixtures/lead-and-learn.toml", "--out", folder,
            "--quiet",
        ])
        #expect(r.code == 0, "\(r.err)")
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains(">Opmerkingen bij de invoer</h2>"))
        for school in ["Wolfertschool Zwolle", "Ring Lyceum", "Stanislas College"] { #expect(html.contains(school)) }
    }
}
