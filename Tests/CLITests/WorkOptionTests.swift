import Foundation
import TestFixtures
import Testing

/// `--work` gives a run its counted work directly, so the clock cap can be raised (slow machine, debug build, busy
/// test run) without changing the plan; a value outside 1–1000000 is refused before anything is read or written.
@Suite struct WorkOptionTests {
    /// A generated programme whose stages stop at their work limit: with the same work and a cap twice as long, the
    /// plan folders are the same byte for byte, and plan.json says the work — not the clock — stopped them.
    @Test func theClockCapDoesNotChangeAPlanWithGivenWork() throws {
        let a = Scratch.folder("work"), b = Scratch.folder("work")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        for (out, cap) in [(a, "300"), (b, "600")] {
            let r = try Binary.run(
                [
                    "plan", "Fixtures/generated/mixed-200-seed-1.csv", "--config", "Fixtures/lead-and-learn.toml",
                    "--out", out, "--quiet", "--work", "40", "--time-limit", cap,
                ],
                environment: ["SOURCE_DATE_EPOCH": "1800000000"])
            #expect(r.code == 0, "\(r.err)")
        }
        let plan = try String(contentsOfFile: a + "/plan.json", encoding: .utf8)
        #expect(plan.contains("\"stoppedBy\" : \"work limit\""), "a stage should stop at its (small) work allowance")
        #expect(!plan.contains("\"stoppedBy\" : \"time limit\""))
        #expect(try Scratch.differences(a, b) == [])
    }

    @Test(arguments: ["0", "0.5", "1000001", "nan", "-3", "lots"])
    func workOutsideItsRangeIsRefused(work: String) throws {
        let out = Scratch.folder("work")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Binary.run(["plan", "Fixtures/lerend-leiderschap-52.csv", "--out", out, "--work", work])
        #expect(r.code == 2)
        #expect(r.err.contains("--work"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: out + "/plan.json"))
    }
}
