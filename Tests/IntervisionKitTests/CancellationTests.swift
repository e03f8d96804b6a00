import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Cancelling the task that runs a use case stops the solvers and writes nothing.
@Suite struct CancellationTests {
    /// A 2,000-person programme from the benchmark generator (the same one `Benchmarks/run.sh` uses).
    static func generated(size: Int, seed: Int) throws -> InputFile {
        let generator = Fixture.root.deletingLastPathComponent().path + "/Benchmarks/generate_programme.py"
        let data = Tool.run("python3", [generator, "--size", "\(size)", "--seed", "\(seed)"]).out
        return InputFile(name: "synthetic-\(size).csv", data: data)
    }

    @Test func cancellingALargePlanReturnsWithinTwoSecondsAndWritesNothing() async throws {
        let signups = try Self.generated(size: 2000, seed: 2000)
        let folder = Scratch.folder("cancel")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let request = PlanRequest(
            inputs: ProgrammeInputs(signups: signups, config: try Fixture.file("lead-and-learn.toml")),
            folder: folder)
        let log = EventLog()
        let task = Task { try await Intervision.plan(request, budget: RunBudget(timeLimit: 120), events: log.sink) }
        // Cancel in the middle of the search: one second after grouping began (reading 2,000 rows comes first).
        let waitStart = ContinuousClock.now
        while !log.all.contains(where: { $0.stage == .grouping }) && ContinuousClock.now - waitStart < .seconds(60) {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .seconds(1))
        let cancelled = ContinuousClock.now
        task.cancel()
        let outcome = await task.result
        let waited = ContinuousClock.now - cancelled
        #expect(
            waited < .seconds(2),
            "returned \(waited) after the cancel; events: \(log.all.map { "\($0.elapsed) \($0.message)" })")
        guard case .failure(let error) = outcome, case .cancelled = error as? PlanningFailure else {
            Issue.record("expected .cancelled, got \(outcome)")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: folder), "nothing written")
        #expect(log.all.contains { $0.stage == .grouping && $0.kind == .started })
    }
}
