import Foundation
import TestFixtures
import Testing

/// Names that try to break out of their cell, row or line: they reach every file as inert text.
@Suite struct HostileInputTests {
    static let header =
        "name,email,function,level,school,board,region,town,reports_to,competitors,experience_years,unavailable"

    /// Rows of a CSV file as Python's csv module reads them (an independent parser).
    static func pythonRows(_ path: String) throws -> [[String]] {
        let script =
            "import csv,json,sys; "
            + "print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))"
        return try JSONDecoder().decode([[String]].self, from: Tool.run("python3", ["-c", script, path]).out)
    }

    @Test func aLineBreakAndAFormulaInANameStayOneInertCell() throws {
        let folder = Scratch.folder("hostile")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = (1...13).map { "P\($0),p\($0)@x.nl,teamleider,,School \($0),,Utrecht,,,,," }
        rows[0] = "\"Evil\r\n=2+5+cmd|' /C calc'!A0\",evil@x.nl,teamleider,,School 1,,Utrecht,,,,,"
        rows[1] = "=HYPERLINK(\"\"http://x\"\"),hyper@x.nl,teamleider,,School 2,,Utrecht,,,,,"
        try (Self.header + "\r\n" + rows.joined(separator: "\r\n") + "\r\n").write(
            toFile: folder + "/signups.csv", atomically: true, encoding: .utf8)
        let r = try Binary.run(["plan", folder + "/signups.csv", "--out", folder + "/plan", "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("signups.csv:2:1: warning: a line break inside a cell was replaced by a space"))
        let table = try Self.pythonRows(folder + "/plan/groups.csv")
        #expect(table.count == 14, "header and 13 participants, no extra row")
        #expect(table.allSatisfy { $0.count == 8 })
        let names = table.dropFirst().map { $0[2] }
        #expect(names.contains("Evil =2+5+cmd|' /C calc'!A0"))
        #expect(names.contains("'=HYPERLINK(\"\"http://x\"\")"), "neutralised by a leading apostrophe")
        #expect(!names.contains { $0.hasPrefix("=") || $0.hasPrefix("+") || $0.hasPrefix("@") })
    }

    @Test func controlCharactersAreRefusedWithTheirPlace() throws {
        let r = try Binary.run(["check", "Fixtures/bad/23-control-character-in-name.csv"])
        #expect(r.code == 2)
        #expect(
            r.err.contains(
                "23-control-character-in-name.csv:3:1: error: the cell holds the control character U+001B (ESC)"))
    }
}

/// File names made from people's names never collide, not even on a file system that ignores case.
@Suite struct RotaFileNameTests {
    @Test func aFacilitatorNamedLikeAGroupGetsAFileOfTheirOwn() throws {
        let folder = Scratch.folder("rota-names")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = try String(contentsOfFile: "Fixtures/facilitators-lerend-leiderschap.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        rows[1] = rows[1].replacingOccurrences(of: rows[1].split(separator: ",")[0], with: "Group G01")
        try (rows.joined(separator: "\n") + "\n").write(toFile: folder + "/f.csv", atomically: true, encoding: .utf8)
        let r = try Binary.run([
            "plan", "Fixtures/lerend-leiderschap-52.csv", "--config", "Fixtures/lerend-leiderschap.toml",
            "--facilitators", folder + "/f.csv", "--out", folder + "/plan", "--quiet",
        ])
        #expect(r.code == 0, "\(r.err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/plan/rota").filter {
            $0.hasSuffix(".ics")
        }
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "no two names differ only in case: \(names)")
        #expect(names.contains("group-G01.ics") && names.contains("group-g01-2.ics"))
    }
}
