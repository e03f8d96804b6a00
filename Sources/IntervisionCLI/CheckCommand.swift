import ArgumentParser
import Foundation
import Intake

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the inputs and summarise the programme before planning.",
        discussion: "Lists every input problem with file, line and column; exit 2 when there is any, 3 when the summary shows that no plan can exist.")

    @Argument(help: "Sign-up CSV (one row per participant).")
    var signups: String

    @Option(help: "Programme config (TOML). Defaults per SPEC when absent.")
    var config: String?

    @Option(help: "Facilitators CSV.")
    var facilitators: String?

    func run() throws {
        let outcome = Check.run(signups: signups, config: config, facilitators: facilitators)
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
        FileHandle.standardError.write(Data(outcome.stderr.utf8))
        throw ExitCode(outcome.exitCode)
    }
}

/// What a command produced, so tests and a future web front end see exactly what the terminal shows.
public struct CommandOutcome: Sendable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32
}

public enum Check {
    public static func run(signups: String, config: String?, facilitators: String?) -> CommandOutcome {
        let programme: Programme
        switch load(signups: signups, config: config, facilitators: facilitators) {
        case .success(let p): programme = p
        case .failure(let outcome): return outcome
        }
        let summary = CheckSummary(programme)
        return CommandOutcome(stdout: CheckText.render(summary, programme),
                              stderr: DiagnosticText.render(programme.warnings),
                              exitCode: summary.isImpossible ? ExitStatus.impossible : ExitStatus.done)
    }
}

/// Reads the three input files the commands share; a failure is the exit-2 outcome to print.
func load(signups: String, config: String?, facilitators: String?) -> Result<Programme, CommandOutcome> {
    do {
        let s = try InputFile.read(signups)
        let c = try config.map { path throws(IntakeFailure) in try InputFile.read(path) }
        let f = try facilitators.map { path throws(IntakeFailure) in try InputFile.read(path) }
        return .success(try Intake.load(signups: s, config: c, facilitators: f))
    } catch {
        return .failure(CommandOutcome(stdout: "", stderr: DiagnosticText.render(error.diagnostics), exitCode: ExitStatus.invalidInput))
    }
}

extension CommandOutcome: Error {}

enum DiagnosticText {
    static func render(_ d: [Diagnostic]) -> String {
        guard !d.isEmpty else { return "" }
        let errors = d.filter { $0.severity == .error }.count, warnings = d.count - errors
        var lines = d.map(\.description)
        var tally: [String] = []
        if errors > 0 { tally.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { tally.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        lines.append(tally.joined(separator: ", ") + (errors > 0 ? "; nothing was written." : "."))
        return lines.joined(separator: "\n") + "\n"
    }
}
