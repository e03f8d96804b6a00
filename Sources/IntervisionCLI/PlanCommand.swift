import ArgumentParser
import Export
import Foundation
import Grouping
import Intake
import Scheduling

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Form the groups, assign facilitators, schedule the meetings and write the plan folder.",
        discussion: "Exit 2 on invalid input, 3 when no plan satisfies the hard rules (with an explanation); nothing is written then.")

    @Argument(help: "Sign-up CSV (one row per participant).") var signups: String
    @Option(help: "Programme config (TOML).") var config: String?
    @Option(help: "Facilitators CSV.") var facilitators: String?
    @Option(help: "Output folder; created if missing.") var out: String
    @Option(name: .customLong("time-limit"), help: "Seconds for the whole search.") var timeLimit: Double = 60
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let progress = quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressSink { p in
            guard p.elapsed >= 1 else { return }
            let best = p.incumbent.map { String(format: "%.0f", $0) } ?? "–"
            let bound = p.bound.map { String(format: "%.0f", $0) } ?? "–"
            let gap = p.gap.map { String(format: "%.1f %%", $0 * 100) } ?? "–"
            FileHandle.standardError.write(Data("\r\(p.stage): best \(best), bound \(bound), gap \(gap), \(String(format: "%.0f", p.elapsed)) s   \n".utf8))
        }
        let outcome = Plan.run(signups: signups, config: config, facilitators: facilitators, out: out, timeLimit: timeLimit, progress: progress)
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
        FileHandle.standardError.write(Data(outcome.stderr.utf8))
        throw ExitCode(outcome.exitCode)
    }
}

public enum Plan {
    public static func run(signups: String, config: String?, facilitators: String?, out: String,
                           timeLimit: Double = 60, progress: ProgressSink? = nil) -> CommandOutcome {
        let programme: Programme
        switch load(signups: signups, config: config, facilitators: facilitators) {
        case .success(let p): programme = p
        case .failure(let outcome): return outcome
        }
        if FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("plan.json")) {
            return CommandOutcome(stdout: "", stderr: "error: \(out) already holds a plan (plan.json)\n  fix: use `intervision replan \(out)` to change it, or choose another --out folder\nnothing was written.\n",
                                  exitCode: ExitStatus.invalidInput)
        }
        let warnings = DiagnosticText.render(programme.warnings)
        let result: GroupingResult
        do {
            result = try Grouping.plan(programme, options: GroupingOptions(timeLimit: timeLimit, progress: progress))
        } catch {
            switch error {
            case .impossible(let why):
                return CommandOutcome(stdout: "", stderr: warnings + PlanText.impossible(why), exitCode: ExitStatus.impossible)
            case .internalError(let message):
                return CommandOutcome(stdout: "", stderr: warnings + "internal error: \(message)\nnothing was written.\n", exitCode: ExitStatus.internalError)
            }
        }
        let schedule: ScheduleResult
        do {
            schedule = try Scheduling.plan(programme, result.groups, options: SchedulingOptions(timeLimit: max(5, timeLimit / 2)))
        } catch {
            switch error {
            case .invalidInput(let message, let fix):
                return CommandOutcome(stdout: "", stderr: warnings + "error: \(message)\n  fix: \(fix)\nnothing was written.\n", exitCode: ExitStatus.invalidInput)
            case .impossible(let reason, let relaxations):
                return CommandOutcome(stdout: "", stderr: warnings + PlanText.impossibleCalendar(reason, relaxations), exitCode: ExitStatus.impossible)
            case .internalError(let message):
                return CommandOutcome(stdout: "", stderr: warnings + "internal error: \(message)\nnothing was written.\n", exitCode: ExitStatus.internalError)
            }
        }
        let files = PlanFiles.build(programme, result, schedule, created: PlanFiles.timestamp())
        do {
            try OutputFolder.write(files, to: out)
        } catch {
            return CommandOutcome(stdout: "", stderr: warnings + "error: \(error.description)\nnothing was written.\n", exitCode: ExitStatus.internalError)
        }
        return CommandOutcome(stdout: PlanText.summary(programme, result, schedule, out: out, files: files.keys.sorted()), stderr: warnings, exitCode: ExitStatus.done)
    }
}
