import ArgumentParser
import Export
import Foundation
import Grouping
import Intake
import Replanning
import Scheduling

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Update a plan after dropouts and late joiners, changing only what must change.",
        discussion: """
            Reads DIR/plan.json (version N) and writes version N+1 into DIR: plan.json, history/plan-vN+1.json, \
            all CSV, calendar and report files, and changes.md. Meetings before --from stay exactly as they were. \
            Exit 2 on invalid input, 3 when the changes leave no valid plan; DIR is untouched then.
            """)

    @Argument(help: "Plan folder written by `intervision plan`.") var dir: String
    @Option(name: .customLong("drop"), help: "Email of a participant who leaves (repeatable).") var drops: [String] = []
    @Option(name: .customLong("drop-file"), help: "File with one email per line (or a CSV with an email column).") var dropFile: String?
    @Option(help: "Late joiners: a CSV with the sign-up columns.") var add: String?
    @Option(help: "First day that is not history (YYYY-MM-DD); default today.") var from: String?
    @Option(name: .customLong("time-limit"), help: "Seconds for the whole search.") var timeLimit: Double = 30
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let outcome = Replan.run(dir: dir, drops: drops, dropFile: dropFile, add: add, from: from, timeLimit: timeLimit)
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
        FileHandle.standardError.write(Data(outcome.stderr.utf8))
        throw ExitCode(outcome.exitCode)
    }
}

public enum Replan {
    public static func run(dir: String, drops: [String], dropFile: String?, add: String?, from fromText: String?,
                           timeLimit: Double = 30, environment: [String: String] = ProcessInfo.processInfo.environment) -> CommandOutcome {
        let invalid = { (lines: [String]) in
            CommandOutcome(stdout: "", stderr: lines.joined(separator: "\n") + "\n\(lines.count) problem\(lines.count == 1 ? "" : "s"); nothing was written.\n", exitCode: ExitStatus.invalidInput)
        }
        let current: CurrentPlan
        let document: PlanDocument
        do {
            document = try PlanDocument.read(folder: dir)
            current = try document.restore()
        } catch {
            return invalid(["error: \(error.message)\n  fix: \(error.fix)"])
        }
        let now = PlanFiles.timestamp(environment)
        var problems: [String] = []
        let request = ReplanInput.parse(current, document, drops: drops, dropFile: dropFile, add: add, from: fromText, now: now, problems: &problems)
        guard problems.isEmpty, let (programme, replanRequest, warnings) = request else { return invalid(problems) }
        var plan = current
        plan.programme = programme
        var req = replanRequest
        req.timeLimit = timeLimit
        let result: ReplanResult
        do {
            result = try Replanning.replan(plan, req, now: now)
        } catch {
            switch error {
            case .invalidInput(let message, let fix): return invalid(["error: \(message)\n  fix: \(fix)"])
            case .impossible(let reason, let relaxations):
                return CommandOutcome(stdout: "", stderr: warnings + (["no plan satisfies the hard rules after these changes: \(reason)", "what would make it possible:"]
                    + relaxations.map { "  - \($0)" } + ["nothing was written; \(dir) still holds version \(current.version)."]).joined(separator: "\n") + "\n",
                                      exitCode: ExitStatus.impossible)
            case .internalError(let message):
                return CommandOutcome(stdout: "", stderr: warnings + "internal error: \(message)\nnothing was written.\n", exitCode: ExitStatus.internalError)
            }
        }
        let entry = PlanDocument.ReplanEntry(
            from: req.from, dropped: req.drop.sorted().map { programme.participants[$0].email },
            added: req.joiners.map { programme.participants[$0].email }, moves: result.moves.count, movesBound: result.movesBound,
            dissolved: result.dissolved, dissolvedBound: result.dissolvedBound,
            moved: result.moves.map { .init(email: programme.participants[$0.participant].email, from: $0.from, to: $0.to) })
        var files = PlanFiles.build(result.programme, result.grouping, result.schedule, version: result.version, created: now, replan: entry)
        let changes = ChangesFile.markdown(result, before: current, from: req.from)
        files["changes.md"] = Data(changes.utf8)
        do {
            try OutputFolder.replace(dir, with: files, beforeSwap: {
                // Test hook: stop as a crash would, after everything is staged and before the swap.
                if environment["INTERVISION_TEST_CRASH_BEFORE_SWAP"] == "1" { _exit(9) }
            })
        } catch {
            return CommandOutcome(stdout: "", stderr: warnings + "error: \(error.description)\nnothing was written; \(dir) still holds version \(current.version).\n", exitCode: ExitStatus.internalError)
        }
        return CommandOutcome(stdout: ReplanText.summary(result, before: current, dir: dir, from: req.from), stderr: warnings, exitCode: ExitStatus.done)
    }
}
